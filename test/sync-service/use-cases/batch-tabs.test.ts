/**
 * The Node side reads only the tabs a batch decides from (shared/io/read-plan.ts `SYNC_TABS`,
 * `AGING_TABS`), whole, in its one batched read: a sync run and `aging` on the demo workbook, once
 * from a port that hands over only the tabs asked for and once from one that hands over every tab
 * whatever is asked (the whole read), must write the same patches and new tabs. The vendor feed moves
 * the dates of open PO lines far enough that backorders slip, get a follow-up and a Calls row.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/apply-changes';
import { runCommand } from '../../../shared/commands/run';
import { simulateDemo } from '../../../shared/demo/simulate';
import type { SpreadsheetPort } from '../../../shared/ports';
import { addDays } from '../../../shared/primitives/dates';
import { renderWorkbook } from '../../../shared/setup/render-workbook';
import type { RawTab, TabPatch } from '../../../shared/sheet/codec';
import { openPoQty } from '../../../shared/tabs/purchase-orders';
import { loadSyncConfig } from '../../../sync-service/src/feeds/config';
import { rebuildAging } from '../../../sync-service/src/use-cases/rebuild-aging';
import { syncEtas } from '../../../sync-service/src/use-cases/sync-etas';
import { TODAY } from '../../support/build';

const ctx = { today: TODAY, now: `${TODAY}T12:00:00.000Z`, actor: 'sync', requestId: 'sync-batch-tabs' };
const CELLS = { face: 'api' as const, timeZone: 'UTC', currencyDigits: 2 };
/**
 * The demo with one order waiting on a PO the feed moves put on hold: a hold takes its backorders out
 * of the queue, which only the Orders tab tells, so a sync that did not read Orders would renumber them.
 */
const demo = (() => {
  const wb = simulateDemo({ today: TODAY });
  const waiting = wb.backorders.find(
    (b) =>
      b.qtyRemaining > 0 &&
      b.expectedSource === 'PO' &&
      wb.pos.some((p) => p.po === b.po && p.sku === b.sku && openPoQty(p) > 0),
  );
  if (!waiting) throw new Error('the demo has no backorder waiting on a PO');
  const hold = { action: 'hold' as const, orderId: waiting.orderId, note: 'credit check' };
  const held = applyChanges(wb, runCommand(wb, hold, { ...ctx, requestId: 'hold-1' }).changes);
  return { wb: held, waiting };
})().wb;
const raw: Record<string, RawTab> = Object.fromEntries(renderWorkbook(demo, CELLS).map((t) => [t.name, t]));

/** A port over the demo's tabs: `whole` hands over every tab whatever is asked. */
function port(whole: boolean) {
  const asked: string[][] = [];
  const written: { patches: readonly TabPatch[]; newTabs: readonly RawTab[] }[] = [];
  const p: SpreadsheetPort = {
    async read(names) {
      asked.push([...names]);
      const tabs = Object.fromEntries(Object.entries(raw).filter(([name]) => whole || names.includes(name)));
      return { tabs, timeZone: 'UTC' };
    },
    async write(patches, newTabs = []) {
      written.push({ patches, newTabs });
    },
  };
  return { port: p, asked, written };
}

async function slippingFeed() {
  const dir = mkdtempSync(join(tmpdir(), 'bdesk-batch-tabs-'));
  const waitedOn = new Set(demo.backorders.filter((b) => b.qtyRemaining > 0).map((b) => `${b.po}`));
  const held = new Set(demo.orders.filter((l) => l.hold).map((l) => l.orderId));
  const heldPos = new Set(
    demo.backorders.filter((b) => b.qtyRemaining > 0 && held.has(b.orderId)).map((b) => b.po),
  );
  // The held order's PO first, then others waited on.
  const open = demo.pos
    .filter((p) => openPoQty(p) > 0 && waitedOn.has(p.po))
    .sort((a, b) => Number(heldPos.has(b.po)) - Number(heldPos.has(a.po)))
    .slice(0, 12);
  expect(heldPos.size).toBeGreaterThan(0);
  expect(heldPos.has(open[0]?.po ?? '')).toBe(true);
  expect(open.length).toBeGreaterThan(3);
  writeFileSync(
    join(dir, 'feed.csv'),
    ['PO,Line,ETA', ...open.map((p, i) => `${p.po},${p.line},${addDays(TODAY, 20 + i)}`)].join('\n'),
  );
  writeFileSync(
    join(dir, 'feeds.json'),
    JSON.stringify({
      vendors: [
        {
          vendor: 'Demo',
          source: { file: 'feed.csv' },
          format: 'csv',
          mapping: { po: 'PO', line: 'Line', eta: 'ETA' },
        },
      ],
    }),
  );
  return loadSyncConfig(join(dir, 'feeds.json'));
}

describe('the Node side reads the tabs a batch decides from', () => {
  it('a sync run writes the same from its tabs as from every tab, and never asks for Invoices', async () => {
    const config = await slippingFeed();
    const subset = port(false);
    const whole = port(true);
    const a = await syncEtas(subset.port, config, ctx);
    const b = await syncEtas(whole.port, config, ctx);
    expect(a).toEqual(b);
    expect(subset.written).toEqual(whole.written);
    expect(subset.asked).toHaveLength(1);
    expect(subset.asked[0]).not.toContain('Invoices');
    // Not vacuous: dates moved, backorders slipped into a follow-up, Calls got rows.
    expect(a.changed.POs?.updated).toBeGreaterThan(3);
    expect(a.changed.Calls?.added).toBeGreaterThan(0);
    const tabsWritten = subset.written[0]?.patches.filter((p) => p.writes.length + p.appends.length > 0);
    expect(tabsWritten?.map((p) => p.tab).sort()).toEqual(
      expect.arrayContaining(['Backorders', 'Calls', 'ETA History', 'Log', 'POs']),
    );
  });

  it('aging writes the same from its tabs as from every tab, and never asks for Orders, Invoices or Calls', async () => {
    const subset = port(false);
    const whole = port(true);
    const a = await rebuildAging(subset.port, ctx);
    const b = await rebuildAging(whole.port, ctx);
    expect(a).toEqual(b);
    expect(subset.written).toEqual(whole.written);
    for (const tab of ['Orders', 'Invoices', 'Calls']) expect(subset.asked[0]).not.toContain(tab);
    expect(a.summary).toMatch(/open backorders/);
  });
});
