/**
 * What a read costs in the add-on, counted in cells (the cost model's central call and cell prices,
 * twin/apps-script/cost-model.ts): when re-reading cells is cheaper than another call, rows asked
 * apart are joined into one read, a small tab is read whole, and a tab's columns are read alone.
 */

import { type IndexedShape, lastRowIn } from '../../shared/io/index-tab';
import { bandRows, type RowBand } from '../../shared/io/scope-contract';
import type { Cell } from '../../shared/sheet/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Cells worth re-reading to save one getValues: the cost model's data call (100 ms) over its cell
 * read (10 µs) (twin/apps-script/cost-model.ts, central).
 */
export const READ_JOIN_CELLS = 10_000;

/**
 * Cells read at the cost of one call that only reads a range's coordinates (`getRow`): the cost
 * model's local call (3 ms) over its cell read (10 µs).
 */
export const LOCAL_CALL_CELLS = 300;

/**
 * Cells of a tab read whole, once, where the read will search it more than once (`searchedOften`: a
 * PO named, its lines searched by PO and by SKU, then read): at most two calls' worth of cells, for
 * the three calls or more it saves; its searches are then matched in the script (row-source.ts).
 */
export const SMALL_TAB_CELLS = 2 * READ_JOIN_CELLS;

/** Sorted rows as [first, last] clusters, a gap joined while `gap × width ≤ joinCells`. */
export function clusters(sorted: readonly number[], joinCells: number, width = 1): [number, number][] {
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && (r - last[1] - 1) * width <= joinCells) last[1] = Math.max(last[1], r);
    else out.push([r, r]);
  }
  return out;
}

/**
 * A tab's rows with only `cols` read (the others blank): one read per run of columns, a gap of
 * blank columns joined into the run while re-reading it costs less than another call, every row of
 * the grid the index gives (rows past the data read blank, and are dropped). Undefined when that
 * costs more than the whole tab's two calls (getDataRange: its rows with content, at least the key
 * cells the index counts), as for a short tab: the caller reads it whole. With `band`, only its rows
 * (the others blank), in one read as wide as the header when that costs less than the runs.
 */
export function columnsOf(
  s: Sheet,
  shape: IndexedShape,
  cols: readonly number[],
  band?: RowBand,
): Cell[][] | undefined {
  const rows = shape.gridRows;
  const width = shape.header.length;
  if (width === 0 || rows < 2) return undefined;
  const [top, bottom] = band ? bandRows(band, rows) : [2, rows];
  const height = bottom - top + 1;
  const byRuns = clusters(cols, READ_JOIN_CELLS, height);
  const cells = byRuns.reduce((n, [first, last]) => n + (last - first + 1) * height, 0);
  const cost = cells + byRuns.length * READ_JOIN_CELLS;
  if (!band && cost >= shape.keyCells * width + 2 * READ_JOIN_CELLS) return undefined;
  const runs: [number, number][] =
    band && height * width + READ_JOIN_CELLS < cost ? [[0, width - 1]] : byRuns;
  // Rows outside the band stay empty (one shared row): a part builds only the rows it reads.
  const none: Cell[] = [];
  const values: Cell[][] = Array.from({ length: rows }, (_, i) =>
    i + 1 >= top && i + 1 <= bottom ? new Array<Cell>(width).fill('') : none,
  );
  values[0] = [...shape.header];
  if (height > 0)
    for (const [first, last] of runs) {
      const got = s.getRange(top, first + 1, height, last - first + 1).getValues() as Cell[][];
      got.forEach((row, r) => {
        const into = values[top - 1 + r] as Cell[];
        for (const c of cols) if (c >= first && c <= last) into[c] = row[c - first] ?? '';
      });
    }
  values.length = Math.max(1, lastRowIn(1, values));
  return values;
}
