/**
 * How much room a write needs in the sheets' grids, decided once for both edges (the add-on and
 * the Sheets API port). A Google sheet has a fixed grid, 1,000 rows × 26 columns
 * when new, and nothing can be written outside it; a spreadsheet holds at most 10 million cells
 * (docs/fidelity.md A12–A17, S6–S10). So before any write each edge asks what every tab will hold,
 * grows the grids that are short, with 500 rows of headroom so growth is rare, and refuses the whole
 * write, before anything is written, when the cells would pass the limit.
 */

import { DeskError } from '../primitives/errors';
import { grouped } from '../primitives/quantity';
import type { RawTab, TabPatch } from './codec';

export interface Grid {
  readonly rows: number;
  readonly cols: number;
}

/** What one tab will hold after the write: its rows and columns of data. */
export interface GridNeed extends Grid {
  readonly name: string;
}

export interface Growth {
  readonly name: string;
  readonly from: Grid;
  readonly to: Grid;
}

export const NEW_SHEET: Grid = { rows: 1000, cols: 26 };
export const CELL_LIMIT = 10_000_000;
/** Rows added beyond the need when a grid grows (fewer when the cell limit leaves less room). */
export const HEADROOM_ROWS = 500;

/** The longest row's length, without spreading the rows as arguments (100,000 rows overflow the stack). */
export const widest = (rows: readonly (readonly unknown[])[]) =>
  rows.reduce((m, r) => Math.max(m, r.length), 0);

/**
 * The needs of the tabs that get rows: new tabs, appended rows (after the rows the patch deletes), a
 * rebuilt tab. `rowsOf` gives a tab's rows of data now (undefined: not read, so not written).
 * @example gridNeeds(() => 1000, [{ tab: 'Log', writes: [], appends: [['LG-1']] }], []) // [{ name: 'Log', rows: 1001, cols: 1 }]
 */
export function gridNeeds(
  rowsOf: (tab: string) => number | undefined,
  patches: readonly TabPatch[],
  newTabs: readonly RawTab[],
): GridNeed[] {
  const needs: GridNeed[] = newTabs.map((t) => ({
    name: t.name,
    rows: t.values.length,
    cols: widest(t.values),
  }));
  for (const p of patches) {
    const rows = rowsOf(p.tab);
    if (rows === undefined) continue;
    if (p.replace) needs.push({ name: p.tab, rows: p.replace.length, cols: widest(p.replace) });
    else if (p.appends.length > 0)
      needs.push({
        name: p.tab,
        rows: rows - (p.deletes?.length ?? 0) + p.appends.length,
        cols: Math.max(widest(p.appends), 1),
      });
  }
  return needs;
}

/**
 * The grids to grow. `have` is each need's grid now (undefined for a tab the write creates: it starts
 * as a new sheet); `cellsNow` counts every sheet's grid and is asked only when something must grow
 * or be created. Throws a REFUSED DeskError naming each tab's need when the limit would be passed.
 */
export function planGrowth(
  needs: readonly (GridNeed & { readonly have: Grid | undefined })[],
  cellsNow: () => number,
): Growth[] {
  const growths: { name: string; from: Grid; to: { rows: number; cols: number } }[] = [];
  let created = 0;
  for (const n of needs) {
    const from = n.have ?? NEW_SHEET;
    if (!n.have) created += NEW_SHEET.rows * NEW_SHEET.cols;
    if (n.rows <= from.rows && n.cols <= from.cols) continue;
    growths.push({
      name: n.name,
      from,
      to: { rows: Math.max(from.rows, n.rows), cols: Math.max(from.cols, n.cols) },
    });
  }
  if (growths.length === 0 && created === 0) return [];
  const more = (g: (typeof growths)[number]) => g.to.rows * g.to.cols - g.from.rows * g.from.cols;
  const needed = cellsNow() + created + growths.reduce((n, g) => n + more(g), 0);
  if (needed > CELL_LIMIT)
    throw new DeskError(
      'REFUSED',
      `This change needs ${grouped(needed)} cells in the spreadsheet, past Google's limit of ${grouped(CELL_LIMIT)}; nothing was changed. Move old rows out (archive) or delete tabs you no longer use.`,
      growths.map(
        (g) =>
          `${g.name}: needs ${g.to.rows} rows × ${g.to.cols} columns, has ${g.from.rows} × ${g.from.cols}`,
      ),
    );
  let room = CELL_LIMIT - needed;
  for (const g of growths) {
    if (g.to.rows <= g.from.rows) continue;
    const extra = Math.min(HEADROOM_ROWS, Math.floor(room / g.to.cols));
    g.to.rows += extra;
    room -= extra * g.to.cols;
  }
  return growths;
}

/** Where a spreadsheet stands against Google's 10 million cells, and what to say about it. */
export interface CellBudget {
  readonly used: number;
  readonly limit: number;
  /** `warn` from 80 %; `full` from 99 %, where an action that adds rows would be refused by Google. */
  readonly level: 'ok' | 'warn' | 'full';
  readonly message: string;
}

export const WARN_SHARE = 0.8;
export const FULL_SHARE = 0.99;

/**
 * The spreadsheet's cells (every sheet's grid) against Google's limit. Past 80 % every command warns;
 * past 99 % only the ways out (archive, check, export) run: Google would refuse the rows an action
 * adds, and reading a spreadsheet that size costs minutes for nothing.
 */
export function cellBudget(used: number): CellBudget {
  const share = used / CELL_LIMIT;
  const level = share >= FULL_SHARE ? 'full' : share >= WARN_SHARE ? 'warn' : 'ok';
  const held = `The spreadsheet holds ${grouped(used)} of Google's ${grouped(CELL_LIMIT)} cells (${Math.floor(share * 100)} %)`;
  const wayOut =
    'move old rows out: `backorder-desk archive --spreadsheet ID --before YYYY-MM-DD --to FILE`, or delete tabs you no longer use';
  const message =
    level === 'full'
      ? `${held}: Google refuses any write that adds rows, so only archive, check and export run; ${wayOut}`
      : level === 'warn'
        ? `${held}: at the limit Google refuses every write that adds rows; ${wayOut}`
        : held;
  return { used, limit: CELL_LIMIT, level, message };
}
