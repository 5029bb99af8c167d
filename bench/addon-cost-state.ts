/**
 * What the sidebar cost benchmark (bench/addon-cost.ts) acts on and how it counts what changed: an
 * allocated workbook with probes at the first, middle and last rows of its tabs (so a plan that
 * writes one tall rectangle over scattered rows shows), and the cells an action changed, by
 * comparing the spreadsheet before and after.
 */
import { applyChanges } from '../shared/apply-changes';
import { runCommand } from '../shared/commands/run';
import type { TwinSpreadsheet } from '../twin/spreadsheet';
import { BENCH_NOW, withProbe } from './addon-twin';
import { BENCH_TODAY, benchWorkbook, withHistory } from './workbooks';

/** The workbook an action runs on: allocated, with probes at the first, middle and last rows. */
export function benchState(lines: number, history: number) {
  const base = benchWorkbook(lines);
  const ctx = { today: BENCH_TODAY, now: BENCH_NOW, actor: 'bench', requestId: 'bench-setup' };
  const allocated = applyChanges(base, runCommand(base, { action: 'allocate' }, ctx).changes);
  // One order still to allocate (stock for it), at the last row: allocate one, then ship it.
  const wb = withHistory(withProbe(allocated), history);
  const open = wb.backorders.filter((b) => b.qtyRemaining > 0);
  const first = open[0];
  const middle = open[Math.floor(open.length / 2)];
  const last = open[open.length - 1];
  if (!first || !middle || !last || open.length < 3)
    throw new Error('the bench workbook has too few backorders');
  // The last backorder's SKU gets stock for exactly it, so fulfil has something to ship.
  const fill = wb.inventory.find((i) => i.sku === last.sku && i.warehouse === last.warehouse);
  if (fill) fill.onHand = fill.allocated + last.qtyRemaining;
  const po = wb.pos[0]?.po as string;
  // A second PO, for the buyer's changes (a new promised date, a line cancelled).
  const other = wb.pos.find((p) => p.po !== po && p.qty > p.qtyReceived && p.status !== 'Cancelled');
  if (!other) throw new Error('the bench workbook has no second open PO');
  return { wb, first, middle, last, po, other };
}

export function cellsChanged(before: readonly (readonly unknown[])[][], twin: TwinSpreadsheet): number {
  let n = 0;
  twin.file.sheets.forEach((sheet, s) => {
    const old = before[s] ?? [];
    const rows = Math.max(old.length, sheet.values.length);
    for (let r = 0; r < rows; r++) {
      const a = old[r] ?? [];
      const b = sheet.values[r] ?? [];
      const width = Math.max(a.length, b.length);
      for (let c = 0; c < width; c++) if ((a[c] ?? '') !== (b[c] ?? '')) n++;
    }
  });
  return n;
}
