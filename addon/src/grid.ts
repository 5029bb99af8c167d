/**
 * Makes room in the sheets' grids before an action writes anything, with SpreadsheetApp: what each
 * tab needs and how much to grow is decided by shared/sheet/grid-plan.ts (a new sheet is 1,000 × 26, a
 * spreadsheet at most 10 million cells); this file only asks the grids' sizes it was not given (two calls
 * per tab that gets rows and is not in the index tab, two per sheet when something must grow) and grows them with `insertRowsAfter` /
 * `insertColumnsAfter`. See docs/fidelity.md (A12–A14, A17) and docs/addon.md ("Grids").
 */
import type { Grid, GridNeed } from '../../shared/sheet/grid-plan';
import { planGrowth } from '../../shared/sheet/grid-plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Checks every need against the grids and returns a function that grows them once the new tabs
 * exist. Throws (before anything is changed) when the spreadsheet would pass the cell limit.
 */
export function planGrids(
  ss: Spreadsheet,
  sheets: Map<string, Sheet>,
  needs: readonly GridNeed[],
  known: ReadonlyMap<string, Grid> = new Map(),
): (created: Map<string, Sheet>) => void {
  const growths = planGrowth(
    needs.map((n) => {
      const sheet = sheets.get(n.name);
      const have = sheet
        ? (known.get(n.name) ?? { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() })
        : undefined;
      return { ...n, have };
    }),
    () => ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0),
  );
  return (created) => {
    for (const g of growths) {
      const sheet = sheets.get(g.name) ?? created.get(g.name);
      if (!sheet) continue;
      if (g.to.rows > g.from.rows) sheet.insertRowsAfter(g.from.rows, g.to.rows - g.from.rows);
      if (g.to.cols > g.from.cols) sheet.insertColumnsAfter(g.from.cols, g.to.cols - g.from.cols);
    }
  };
}
