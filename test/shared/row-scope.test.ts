/**
 * The row-by-row read (shared/io/row-scope.ts) against the whole read, as an oracle: on the demo
 * workbook (300 SKUs, 60 days of orders, backorders, POs, shipments, invoices, calls and Log), every
 * single-entity command fast-check draws is planned twice, once from whole tabs and once from only
 * the rows its scope finds, and the two plans must write the same cells, append the same rows and
 * say the same things (or refuse alike). The sidebar's view of a row must show the same from its
 * scope. A tab people sorted makes the next id come out taken, which is detected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/apply-changes';
import { runCommand } from '../../shared/commands/run';
import { type Command, CommandSchema } from '../../shared/commands/schema';
import { commandScope } from '../../shared/io/command-scope';
import { newKeysTaken } from '../../shared/io/new-keys';
import { COMMAND_TAB_KEYS, viewTabKeys, withUnreadAsEmpty } from '../../shared/io/read-plan';
import { readScoped } from '../../shared/io/row-scope';
import { commandKeys, NO_KEYS } from '../../shared/io/scope-keys';
import type { Found } from '../../shared/io/search-memory';
import { decodeLoaded, planAction } from '../../shared/plans';
import { addDays } from '../../shared/primitives/dates';
import type { RawTab } from '../../shared/sheet/codec';
import { describeRow } from '../../shared/sidebar/row-view';
import type { RowRef } from '../../shared/sidebar/rpc';
import type { Workbook } from '../../shared/workbook';
import { item, line, TODAY, workbook } from '../support/build';
import {
  commandFor,
  contextAt,
  drawnPicks,
  memorySource,
  planOutcome as outcome,
  rawOf,
  settledDemo,
} from '../support/scope-oracle';

const demo = settledDemo();

/** The row a rep acts from (the sidebar sends it): the backorder's, the order's first line, the PO's first line. */
function refOf(wb: Workbook, command: Command): RowRef | null {
  const c = command as Partial<Record<'orderId' | 'backorderId' | 'po', string>>;
  if (c.backorderId) {
    const i = wb.backorders.findIndex((b) => b.backorderId === c.backorderId);
    if (i >= 0) return { sheet: 'Backorders', row: i + 2 };
  }
  if (c.orderId) {
    const i = wb.orders.findIndex((l) => l.orderId === c.orderId);
    if (i >= 0) return { sheet: 'Orders', row: i + 2 };
  }
  if (c.po) {
    const i = wb.pos.findIndex((l) => l.po === c.po);
    if (i >= 0) return { sheet: 'POs', row: i + 2 };
  }
  return null;
}

describe('row-by-row reads decide as whole reads do', () => {
  it('plans every single-entity command alike from its rows and from whole tabs, step after step', () => {
    let steps = 0;
    let scopedRows = 0;
    let wholeRows = 0;
    fc.assert(
      fc.property(drawnPicks(4, 8), (picks) => {
        let wb = demo;
        picks.forEach((p, i) => {
          const command = commandFor(wb, p);
          if (!command) return;
          const keys = commandKeys(command);
          expect(keys, command.action).not.toBeNull();
          const ctx = contextAt(i, `req-${steps}`);
          const raw = rawOf(wb);
          const whole = outcome(() => planAction(decodeLoaded(raw, 'UTC', 'api'), command, ctx));
          const { source, counted } = memorySource(raw);
          // The scope the add-on reads for this command (shared/io/command-scope.ts), with no row shown.
          const scope = commandScope(command);
          if (!scope) throw new Error(`no scope for ${command.action}`);
          const read = readScoped(source, scope.keys, { ...scope, requestId: ctx.requestId });
          const scoped = outcome(() =>
            planAction(decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api'), command, ctx),
          );
          const sp = (scoped as { patches?: never[] }).patches;
          if (!(sp && newKeysTaken(source, read.tabs, read.sparse, sp)))
            expect(scoped, JSON.stringify(command)).toEqual(whole);
          steps++;
          scopedRows += counted.rows;
          wholeRows += Object.values(raw).reduce((n, t) => n + t.values.length, 0);
          if (!('refused' in whole)) wb = applyChanges(wb, runCommand(wb, command, ctx).changes);
        });
      }),
      { numRuns: 40, seed: 1202 },
    );
    expect(steps).toBeGreaterThan(100);
    // The scopes read a small part of the workbook (a fixed point of keys, not everything).
    expect(scopedRows / wholeRows).toBeLessThan(0.05);
  });

  it('plans alike when the command reads the rows its view found, without searching them again', () => {
    let recalled = 0;
    fc.assert(
      fc.property(drawnPicks(4, 8), (picks) => {
        let wb = demo;
        picks.forEach((p, i) => {
          const command = commandFor(wb, p);
          if (!command) return;
          const ctx = contextAt(i, `mem-${i}`);
          const raw = rawOf(wb);
          const ref = refOf(wb, command);
          // The view the rep acted from records its searches; the command reads with them.
          const found: Found[] = [];
          const viewSource = memorySource(raw).source;
          readScoped(viewSource, NO_KEYS, {
            tabs: viewTabKeys(ref?.sheet),
            ref,
            remember: (f) => found.push(f),
          });
          const byWord = new Map(found.map(([tab, col, word, rows]) => [`${tab}|${col}|${word}`, rows]));
          const recall = {
            rows: (tab: string, col: number, word: string) => byWord.get(`${tab}|${col}|${word}`),
          };
          const scope = commandScope(command, ref);
          if (!scope) throw new Error(`no scope for ${command.action}`);
          const plain = memorySource(raw);
          const remembered = memorySource(raw);
          const run = (source: typeof plain.source, withRecall: boolean) => {
            const read = readScoped(source, scope.keys, {
              ...scope,
              requestId: ctx.requestId,
              ...(withRecall ? { recall } : {}),
            });
            return outcome(() =>
              planAction(decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api'), command, ctx),
            );
          };
          expect(run(remembered.source, true), JSON.stringify(command)).toEqual(run(plain.source, false));
          if (remembered.counted.finds < plain.counted.finds) recalled++;
          const whole = outcome(() => planAction(decodeLoaded(raw, 'UTC', 'api'), command, ctx));
          if (!('refused' in whole)) wb = applyChanges(wb, runCommand(wb, command, ctx).changes);
        });
      }),
      { numRuns: 25, seed: 1206 },
    );
    // Most commands had searches to spare.
    expect(recalled).toBeGreaterThan(40);
  });

  it('looks up remainder ids for a ship only where Settings move a remainder to a new order', () => {
    for (const mode of ['Backorder lines', 'New order for the remainder'] as const) {
      const start = workbook({
        inventory: [item({ sku: 'A', onHand: 3 }), item({ sku: 'B', onHand: 0 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 }), line({ orderId: 'SO-1-R1', sku: 'B', qty: 1 })],
        config: { BackorderMode: mode },
      });
      const ctx = contextAt(0, 'r-1');
      const wb = applyChanges(start, runCommand(start, { action: 'allocate' }, ctx).changes);
      const raw = rawOf(wb);
      // Settings as a person set them (the rendering writes the defaults).
      const settings = raw.Settings?.values as unknown[][];
      for (const row of settings) if (row[0] === 'BackorderMode') row[1] = mode;
      const command = { action: 'ship', orderId: 'SO-1' } as const;
      const next = { ...ctx, requestId: 'r-2' };
      const whole = outcome(() => planAction(decodeLoaded(raw, 'UTC', 'api'), command, next));
      const { source } = memorySource(raw);
      const patterns: string[] = [];
      const find = source.find.bind(source);
      source.find = (tab, col, pattern, cols) => {
        patterns.push(pattern);
        return find(tab, col, pattern, cols);
      };
      const scope = commandScope(command);
      if (!scope) throw new Error('no scope for ship');
      const read = readScoped(source, scope.keys, { ...scope, requestId: next.requestId });
      const scoped = outcome(() =>
        planAction(decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api'), command, next),
      );
      expect(scoped, mode).toEqual(whole);
      expect(
        patterns.some((p) => p.includes('-R')),
        mode,
      ).toBe(mode !== 'Backorder lines');
      // In the new-order mode the remainder takes the next free number: SO-1-R1 is taken.
      if (mode !== 'Backorder lines') expect(whole.newIds).toContain('SO-1-R2');
    }
  });

  it('shows a row from its scope as from whole tabs', () => {
    const raw = rawOf(demo);
    const whole = decodeLoaded(raw, 'UTC', 'api');
    const refs = [
      ...[2, 40, whole.tabs.orders.records.length].map((row) => ({ sheet: 'Orders', row })),
      ...[2, 10, whole.tabs.backorders.records.length].map((row) => ({ sheet: 'Backorders', row })),
      ...[2, whole.tabs.pos.records.length].map((row) => ({ sheet: 'POs', row })),
      // PO lines that will fill open backorders, on POs of several lines (a view brings its own SKU).
      ...whole.workbook.pos
        .map((p, i) => ({ p, row: whole.tabs.pos.rowNumbers[i] as number }))
        .filter(({ p }) =>
          whole.workbook.backorders.some((b) => b.po === p.po && b.sku === p.sku && b.qtyRemaining > 0),
        )
        .filter(({ p }) => whole.workbook.pos.filter((q) => q.po === p.po).length > 1)
        .slice(0, 3)
        .map(({ row }) => ({ sheet: 'POs', row })),
      { sheet: 'Inventory', row: 2 },
      { sheet: 'Log', row: 3 },
    ];
    let fills = 0;
    for (const ref of refs) {
      const { source } = memorySource(raw);
      const read = readScoped(source, NO_KEYS, { tabs: viewTabKeys(ref.sheet), ref });
      const scoped = decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api');
      const a = describeRow(whole.workbook, whole.tabs, ref, TODAY);
      const b = describeRow(scoped.workbook, scoped.tabs, ref, TODAY);
      if (ref.sheet === 'Inventory' || ref.sheet === 'Log') expect(a.kind).toBe('none');
      else expect(a.kind, JSON.stringify(ref)).not.toBe('none');
      if (ref.sheet === 'POs' && ref.row !== 2) fills += a.related[0]?.rows.length ?? 0;
      // Warehouses offered for a transfer: the SKU's own, whatever else was read.
      expect(b).toEqual(a);
    }
    expect(fills).toBeGreaterThan(0);
  });

  it('finds a new id taken when people sorted the tab, so the action goes back to whole tabs', () => {
    const raw = rawOf(demo);
    const log = raw.Log as RawTab;
    // People sort the Log newest first: its last rows now hold its lowest LogIDs.
    const sorted: Record<string, RawTab> = {
      ...raw,
      Log: { name: 'Log', values: [log.values[0] ?? [], ...log.values.slice(1).reverse()] },
    };
    const open = demo.backorders.find((b) => b.qtyRemaining > 0);
    const command = CommandSchema.parse({
      action: 'reschedule',
      backorderId: open?.backorderId,
      date: addDays(TODAY, 9),
      reason: 'vendor',
    });
    const ctx = contextAt(0, 'r-sorted');
    for (const [tabs, taken] of [
      [raw, false],
      [sorted, true],
    ] as const) {
      const { source } = memorySource(tabs);
      const read = readScoped(source, commandKeys(command) ?? NO_KEYS, {
        tabs: COMMAND_TAB_KEYS,
        requestId: ctx.requestId,
        appends: true,
      });
      const plan = planAction(decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api'), command, ctx);
      expect(newKeysTaken(source, read.tabs, read.sparse, plan.patches)).toBe(taken);
      // A source that vouches for the new ids (the add-on's index tab) is not searched for them.
      let searches = 0;
      const vouching = {
        ...source,
        find: (...a: Parameters<typeof source.find>) => {
          searches++;
          return source.find(...a);
        },
        vouches: () => true,
      };
      expect(newKeysTaken(vouching, read.tabs, read.sparse, plan.patches)).toBe(false);
      expect(searches).toBe(0);
    }
  });
});
