/**
 * Which rectangles of a tab to write for a set of changed cells: each row's runs of adjacent changed
 * columns, with adjacent rows that share a run stacked into one rectangle, so a single-entity action
 * writes exactly the cells it changes. Only a batch with more stacks than that joins two stacks
 * across the rows between them, nearest first, and only while rewriting those rows (their cells as
 * they were read) costs less than the service calls a second rectangle would take. A spreadsheet charges by cells moved and by
 * calls made (docs/twin.md, "Cost model"), so the planner trades one against the other; columns no
 * changed cell is in are never inside a rectangle, so a column people own is never written; the one
 * exception is a row's engine columns between two of its changed runs, which the caller may let the
 * row's write span (`bridge`): only the engine writes them, and they are rewritten as just read.
 */

import { consecutiveRuns } from '../setup/sheet-rules';

export interface Rectangle {
  /** 0-based, inclusive. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Cells one extra rectangle is worth: an Apps Script rectangle is a `getRange` (3 ms) and a
 * `setValues` (60 ms), a written cell 60 µs (the cost model's central figures), so up to 1,050 cells
 * of unchanged rows are cheaper to rewrite than a second rectangle. The Sheets API writes every
 * rectangle in one `values.batchUpdate`, where a rectangle costs nothing extra: 0 there.
 */
export const APPS_SCRIPT_MERGE_CELLS = 1050;

/**
 * Rectangles per tab up to which nothing is joined. One action on one entity changes a handful of
 * rows (a cancelled backorder and the queue positions of the others of its SKU: about six
 * rectangles), and it writes exactly its changed cells. Decision: exact over the cost model's
 * cheapest. The model prices a `setValues` like any call (60 ms), which would join rows 1 and 129
 * of one column to save two calls, rewriting 118 unchanged cells; but Apps Script queues writes and
 * commits them at the end of the execution (docs/fidelity.md A1–A3), so the calls of a write are
 * cheaper than the model says, and a rewritten cell is a cell a person may be editing. Past this
 * many (a batch: Allocate all, a 40-line receipt) every gap a rectangle costs more than is joined,
 * nearest first, and a row's run may widen over engine columns to the run of its neighbours (one
 * row changed on hand, the next on hand and reserved: both write both), whichever of these plans
 * costs least, so a batch never takes thousands of calls.
 */
export const EXACT_RECTANGLES = 16;

export function writeRectangles(
  cells: readonly { readonly row: number; readonly col: number }[],
  mergeCells: number,
  exactUpTo = EXACT_RECTANGLES,
  /**
   * Whether rows `from`…`to` (0-based, inclusive) may be rewritten as read: a tab read row by row
   * joins two stacks only across rows it read (the rest it does not know).
   */
  known: (from: number, to: number) => boolean = () => true,
  /**
   * Whether columns `from`…`to` (0-based, inclusive) of a row may be rewritten as read to join two
   * runs of that row into one rectangle, or to widen a run to its neighbours': columns only the
   * engine writes, read in this execution.
   */
  bridge?: (row: number, from: number, to: number) => boolean,
): Rectangle[] {
  // Bridged rows may no longer stack with their neighbours: the bridge is taken only when it makes
  // fewer rectangles.
  const exact = rectangles(cells, mergeCells, exactUpTo, known, () => false, false);
  if (!bridge) return exact.out;
  const spanned = rectangles(cells, mergeCells, exactUpTo, known, bridge, false);
  const fewer = spanned.out.length < exact.out.length ? spanned.out : exact.out;
  if (!exact.batch) return fewer;
  // A batch: the plan that costs least, a rectangle priced as `mergeCells` cells.
  const widened = rectangles(cells, mergeCells, exactUpTo, known, bridge, true).out;
  const cost = (rs: readonly Rectangle[]) =>
    rs.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1) + mergeCells, 0);
  return cost(widened) < cost(fewer) ? widened : fewer;
}

function rectangles(
  cells: readonly { readonly row: number; readonly col: number }[],
  mergeCells: number,
  exactUpTo: number,
  known: (from: number, to: number) => boolean,
  bridge: (row: number, from: number, to: number) => boolean,
  widen: boolean,
): { out: Rectangle[]; batch: boolean } {
  const columnsByRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const cols = columnsByRow.get(row);
    if (cols) cols.push(col);
    else columnsByRow.set(row, [col]);
  }
  const runsByRow = new Map<number, [number, number][]>();
  for (const [row, cols] of columnsByRow) runsByRow.set(row, bridged(row, consecutiveRuns(cols), bridge));
  if (widen) widened(runsByRow, bridge);
  // Rows per column run ("3-5" → the rows whose changed cells include exactly that run).
  const rowsByRun = new Map<string, { left: number; right: number; rows: number[] }>();
  for (const [row, runs] of runsByRow)
    for (const [left, right] of runs) {
      const key = `${left}-${right}`;
      const entry = rowsByRun.get(key);
      if (entry) entry.rows.push(row);
      else rowsByRun.set(key, { left, right, rows: [row] });
    }
  // Stacks of adjacent rows, exactly the changed cells; and the gaps between stacks of one run.
  const stacks: { top: number; bottom: number; left: number; right: number }[] = [];
  const gaps: { after: number; cost: number }[] = [];
  for (const { left, right, rows } of rowsByRun.values()) {
    rows.sort((a, b) => a - b);
    const width = right - left + 1;
    for (const row of rows) {
      const last = stacks[stacks.length - 1];
      if (last && last.left === left && last.right === right && row === last.bottom + 1) last.bottom = row;
      else {
        if (last && last.left === left && last.right === right && known(last.bottom + 1, row - 1))
          gaps.push({ after: stacks.length - 1, cost: (row - last.bottom - 1) * width });
        stacks.push({ top: row, bottom: row, left, right });
      }
    }
  }
  // In a batch (more stacks than an exact write allows), every gap cheaper than a rectangle is joined.
  const joined = new Set<number>();
  const batch = stacks.length > exactUpTo;
  if (batch) for (const gap of gaps) if (gap.cost <= mergeCells) joined.add(gap.after);
  const out: Rectangle[] = [];
  for (let i = 0; i < stacks.length; i++) {
    const first = stacks[i] as Rectangle;
    let bottom = first.bottom;
    while (joined.has(i)) bottom = (stacks[++i] as Rectangle).bottom;
    out.push({ top: first.top, bottom, left: first.left, right: first.right });
  }
  return { out: out.sort((a, b) => a.top - b.top || a.left - b.left), batch };
}

/**
 * Each row's runs widened, where `bridge` lets the row, to the widest run of the tab that holds
 * them: rows that changed on hand alone then stack with rows that changed on hand and reserved.
 */
function widened(
  runsByRow: Map<number, [number, number][]>,
  bridge: (row: number, from: number, to: number) => boolean,
): void {
  const all = new Map<string, [number, number]>();
  for (const runs of runsByRow.values()) for (const r of runs) all.set(`${r[0]}-${r[1]}`, r);
  const wider = [...all.values()].sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
  for (const [row, runs] of runsByRow) {
    const out: [number, number][] = [];
    for (const [left, right] of runs) {
      const to = wider.find(
        ([l, r]) =>
          l <= left &&
          r >= right &&
          (l === left || bridge(row, l, left - 1)) &&
          (r === right || bridge(row, right + 1, r)),
      ) ?? [left, right];
      const last = out[out.length - 1];
      // Two runs of the row widened into one another's columns are written as one.
      if (last && to[0] <= last[1] + 1) last[1] = Math.max(last[1], to[1]);
      else out.push([to[0], to[1]]);
    }
    runsByRow.set(row, out);
  }
}

/** A row's runs of changed columns, two joined where `bridge` allows the columns between them. */
function bridged(
  row: number,
  runs: readonly [number, number][],
  bridge: (row: number, from: number, to: number) => boolean,
): [number, number][] {
  const out: [number, number][] = [];
  for (const [left, right] of runs) {
    const last = out[out.length - 1];
    if (last && bridge(row, last[1] + 1, left - 1)) last[1] = right;
    else out.push([left, right]);
  }
  return out;
}
