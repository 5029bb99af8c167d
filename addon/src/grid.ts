/**
 * Makes room in the sheets' grids before an action writes anything. A Google sheet has a fixed grid
 * (a new one is 1,000 rows × 26 columns) and `getRange` outside it throws, so a tab wider than 26
 * columns (Backorders has 32) or a Log that reached its last row would stop every action halfway.
 * Each action therefore works out first how many rows and columns every tab it writes will need,
 * refuses before any write when the spreadsheet would pass Google's 10 million cells, and otherwise
 * grows the grids that are short, with some rows of headroom so that growing is rare (one
 * `insertRowsAfter` every few hundred actions, not one per action). See docs/fidelity.md (A12–A14, A17).
 */
import { DeskError } from '../../shared/errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NEW_SHEET = { rows: 1000, cols: 26 } as const;
export const CELL_LIMIT = 10_000_000;
/** Rows added beyond the need when a grid grows (fewer when the cell limit leaves less room). */
export const HEADROOM_ROWS = 500;

/** What one tab will hold after the action: its rows and columns of data. */
export interface GridNeed {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** The sheet, or undefined for a tab the action creates (it starts as Google's new sheet). */
  readonly sheet: Sheet | undefined;
}

interface Growth {
  readonly need: GridNeed;
  readonly have: { rows: number; cols: number };
  rows: number;
  cols: number;
}

/**
 * Checks every need against the grids and returns a function that grows them. Throws (before anything
 * is changed) when the spreadsheet would pass the cell limit. Costs two calls per existing tab that
 * gets new rows, plus two per sheet only when some grid must grow.
 */
export function planGrids(
  ss: Spreadsheet,
  needs: readonly GridNeed[],
): (created: Map<string, Sheet>) => void {
  const growths: Growth[] = [];
  let added = 0;
  for (const need of needs) {
    const have = need.sheet
      ? { rows: need.sheet.getMaxRows(), cols: need.sheet.getMaxColumns() }
      : { ...NEW_SHEET };
    if (!need.sheet) added += NEW_SHEET.rows * NEW_SHEET.cols;
    if (need.rows <= have.rows && need.cols <= have.cols) continue;
    growths.push({ need, have, rows: Math.max(have.rows, need.rows), cols: Math.max(have.cols, need.cols) });
  }
  if (growths.length === 0 && added === 0) return () => {};
  const used = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0) + added;
  const more = (g: Growth) => g.rows * g.cols - g.have.rows * g.have.cols;
  const needed = used + growths.reduce((n, g) => n + more(g), 0);
  if (needed > CELL_LIMIT)
    throw new DeskError(
      'REFUSED',
      `This action needs ${needed.toLocaleString('en-US')} cells in the spreadsheet, past Google's limit of ${CELL_LIMIT.toLocaleString('en-US')}; nothing was changed. Move old rows out (Archive) or delete tabs you no longer use.`,
      growths.map(
        (g) =>
          `${g.need.name}: needs ${g.rows} rows × ${g.cols} columns, has ${g.have.rows} × ${g.have.cols}`,
      ),
    );
  // Headroom where it fits, so the next few hundred actions need no growth.
  let room = CELL_LIMIT - needed;
  for (const g of growths) {
    if (g.rows <= g.have.rows) continue;
    const extra = Math.min(HEADROOM_ROWS, Math.floor(room / g.cols));
    g.rows += extra;
    room -= extra * g.cols;
  }
  return (created) => {
    for (const g of growths) {
      const sheet = g.need.sheet ?? created.get(g.need.name);
      if (!sheet) continue;
      if (g.rows > g.have.rows) sheet.insertRowsAfter(g.have.rows, g.rows - g.have.rows);
      if (g.cols > g.have.cols) sheet.insertColumnsAfter(g.have.cols, g.cols - g.have.cols);
    }
  };
}
