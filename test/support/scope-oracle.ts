/**
 * Helpers for the row-scope oracle (test/shared/row-scope.test.ts): a workbook as a spreadsheet's
 * cells, a command's context, a RowSource over whole tabs that counts what it hands out, and a fast-check pick turned into a single-entity command aimed at the
 * demo workbook's open work most of the time.
 */
import fc from 'fast-check';
import { applyChanges } from '../../shared/apply-changes';
import { runCommand } from '../../shared/commands/run';
import { type Command, CommandSchema } from '../../shared/commands/schema';
import { simulateDemo } from '../../shared/demo/simulate';
import type { CommandContext } from '../../shared/desk';
import { tabSource } from '../../shared/io/tab-source';
import { addDays } from '../../shared/primitives/dates';
import { renderWorkbook } from '../../shared/setup/render-workbook';
import type { RawTab, TabPatch } from '../../shared/sheet/codec';
import type { Workbook } from '../../shared/workbook';
import { TODAY } from './build';
import { changeLineFields, changePoFields, type Step } from './drawn-fields';

/** The workbook as the cells a spreadsheet holds, by tab name (UTC, the API's face). */
export const rawOf = (wb: Workbook): Record<string, RawTab> =>
  Object.fromEntries(
    renderWorkbook(wb, { face: 'api', timeZone: 'UTC', currencyDigits: 2 }).map((t) => [t.name, t]),
  );

/** The context of the `step`-th command of a run (a second apart), with its RequestID. */
export const contextAt = (step: number, requestId: string): CommandContext => ({
  today: TODAY,
  now: `${TODAY}T10:00:0${step}.000Z`,
  actor: 'rep@test',
  requestId,
});

/** A RowSource over whole tabs, counting the rows it hands out. */
export function memorySource(tabs: Record<string, RawTab>) {
  const counted = { rows: 0, finds: 0, cells: 0 };
  return { source: tabSource(tabs, counted), counted };
}

export type Pick = Step;

/** A command for the demo workbook, aimed at open work most of the time. */
export function commandFor(wb: Workbook, s: Pick): Command | undefined {
  const at = <T>(xs: readonly T[]) => (xs.length === 0 ? undefined : xs[(s.pick * 7919) % xs.length]);
  const openLines = wb.orders.filter((l) => l.qty > l.qtyShipped + l.qtyCancelled);
  const l = at(s.flag ? openLines : wb.orders);
  const bo = at(wb.backorders.filter((b) => b.qtyRemaining > 0 || !s.flag));
  const po = at(wb.pos);
  const raw: Record<string, unknown> = { action: s.kind };
  const need = (x: unknown) => x !== undefined;
  switch (s.kind) {
    case 'allocate':
    case 'ship':
      if (!l) return undefined;
      raw.orderId = l.orderId;
      break;
    case 'hold':
    case 'release':
      if (!l) return undefined;
      raw.orderId = l.orderId;
      break;
    case 'change-line':
      if (!l) return undefined;
      Object.assign(raw, changeLineFields(l, s));
      break;
    case 'cancel-line':
      if (!l) return undefined;
      Object.assign(
        raw,
        { orderId: l.orderId, line: l.line, reason: 'Customer Requested' },
        s.qty ? { qty: s.qty } : {},
      );
      break;
    case 'create-backorder':
      if (!l) return undefined;
      Object.assign(raw, { orderId: l.orderId, line: l.line, qty: Math.max(1, s.qty) });
      break;
    case 'fulfill':
      if (!bo) return undefined;
      Object.assign(raw, s.qty % 3 === 0 ? { sku: bo.sku } : { backorderId: bo.backorderId });
      break;
    case 'cancel':
      if (!bo) return undefined;
      Object.assign(raw, { backorderId: bo.backorderId, reason: 'Customer Requested' });
      break;
    case 'reschedule':
      if (!bo) return undefined;
      Object.assign(raw, { backorderId: bo.backorderId, date: addDays(TODAY, 3 + s.qty), reason: 'vendor' });
      break;
    case 'substitute':
      if (!bo) return undefined;
      Object.assign(raw, { backorderId: bo.backorderId, sku: at(wb.inventory)?.sku });
      break;
    case 'log-call':
      if (!bo) return undefined;
      Object.assign(raw, s.flag ? { backorderId: bo.backorderId } : { orderId: bo.orderId }, {
        method: 'Phone',
        summary: 'called',
      });
      break;
    case 'drop-ship':
      if (!bo) return undefined;
      raw.backorderId = bo.backorderId;
      break;
    case 'receive':
      if (!po) return undefined;
      // One line, or several of the PO's lines at once (only their SKUs' rows are read).
      Object.assign(
        raw,
        { po: po.po },
        s.flag
          ? {
              lines: wb.pos
                .filter((p) => p.po === po.po)
                .map((p) => p.line)
                .slice(0, 2),
            }
          : { line: po.line },
      );
      break;
    case 'send-po':
    case 'cancel-po-line':
      if (!po) return undefined;
      Object.assign(raw, { po: po.po }, s.kind === 'send-po' ? {} : { line: po.line });
      break;
    case 'change-po':
      if (!po) return undefined;
      Object.assign(raw, changePoFields(po, s));
      break;
    case 'transfer': {
      const item = at(wb.inventory);
      const other = wb.inventory.find((i) => i.sku === item?.sku && i.warehouse !== item?.warehouse);
      if (!item || !other) return undefined;
      Object.assign(raw, {
        sku: item.sku,
        qty: Math.max(1, s.qty),
        from: item.warehouse,
        to: other.warehouse,
      });
      break;
    }
    default:
      return undefined;
  }
  return need(raw.action) ? CommandSchema.parse(raw) : undefined;
}

export const KINDS = [
  'allocate',
  'ship',
  'ship',
  'cancel-line',
  'change-line',
  'hold',
  'release',
  'create-backorder',
  'fulfill',
  'fulfill',
  'cancel',
  'reschedule',
  'substitute',
  'log-call',
  'drop-ship',
  'receive',
  'send-po',
  'change-po',
  'cancel-po-line',
  'transfer',
] as const;

/** Drawn steps for `commandFor`: `min` to `max` picks of a kind and where to aim it. */
export const drawnPicks = (min: number, max: number) =>
  fc.array(
    fc.record({ kind: fc.constantFrom(...KINDS), pick: fc.nat(10_000), qty: fc.nat(6), flag: fc.boolean() }),
    { minLength: min, maxLength: max },
  );

/** What a plan writes (normalPatches), says and numbers, or its refusal: the oracles compare these. */
export function planOutcome(
  f: () => { patches: readonly TabPatch[]; result: { messages: unknown; newIds?: unknown } },
) {
  try {
    const plan = f();
    return {
      patches: normalPatches(plan.patches),
      messages: plan.result.messages,
      newIds: plan.result.newIds,
    };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

/** A plan as comparable data: each tab's writes in cell order, its appended rows, a replaced tab. */
/**
 * Patches in a comparable order. A Log row's Detail expired past undo's window is left out: only a
 * read of the whole Log can see rows that old, a scope (the Log's last rows) never does, by design
 * (docs/design.md "Undo's window").
 */
export function normalPatches(patches: readonly TabPatch[]) {
  const expiry = (v: unknown) => typeof v === 'string' && v.startsWith('{"expired"');
  return patches
    .map((p) => (p.tab === 'Log' ? { ...p, writes: p.writes.filter((w) => !expiry(w.value)) } : p))
    .filter((p) => p.writes.length > 0 || p.appends.length > 0 || p.replace)
    .map((p) => ({
      tab: p.tab,
      writes: [...p.writes].sort((a, b) => a.row - b.row || a.col - b.col),
      appends: p.appends,
      replace: p.replace,
    }))
    .sort((a, b) => a.tab.localeCompare(b.tab));
}

/**
 * The demo as the daily run leaves it: deliveries people typed are settled by batches that read
 * Shipments whole (a scope reads only its rows' shipments, so the rest wait for the daily run).
 */
export function settledDemo(): Workbook {
  const wb = simulateDemo({ today: TODAY });
  const ctx = { today: TODAY, now: `${TODAY}T06:00:00.000Z`, actor: 'daily', requestId: 'daily-refresh' };
  return applyChanges(wb, runCommand(wb, { action: 'refresh' }, ctx).changes);
}
