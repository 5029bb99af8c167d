/**
 * A sheet's grid, as Google keeps it: every sheet has a fixed number of rows and columns (a new sheet
 * 1,000 × 26), nothing can be read or written outside it, and it grows only when asked to (insert or
 * append rows and columns; `values.append` and `appendRow` grow it by themselves). A spreadsheet holds
 * at most 10 million cells counted over every sheet's grid, and a cell at most 50,000 characters.
 * The twin's faces enforce these; the local workbook file (the CLI's own store) may carry no grid at
 * all, in which case a sheet's grid is the larger of Google's default and the data it holds.
 * Sources: docs/fidelity.md (rows A12–A17, S6–S10, S17, S20).
 */

import type { Sheet, WorkbookFile } from '../local-store/workbook-file';
import { columnLetters } from './a1';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const CELL_LIMIT = 10_000_000;
export const CELL_CHARACTERS = 50_000;

export interface Grid {
  readonly rows: number;
  readonly cols: number;
}

const width = (sheet: Sheet) => sheet.values.reduce((m, r) => Math.max(m, r.length), 0);

/** The sheet's grid: its recorded size, never smaller than the data it holds. */
export function gridOf(sheet: Sheet): Grid {
  const g = sheet.properties.gridProperties;
  return {
    rows: Math.max(g.rowCount ?? DEFAULT_ROWS, sheet.values.length),
    cols: Math.max(g.columnCount ?? DEFAULT_COLUMNS, width(sheet)),
  };
}

/** Cells of every sheet's grid together (what Google counts against the 10 million). */
export function cellsOf(file: WorkbookFile): number {
  return file.sheets.reduce((n, s) => {
    const g = gridOf(s);
    return n + g.rows * g.cols;
  }, 0);
}

/**
 * Resizes a sheet's grid, or returns the reason it cannot be: the spreadsheet would pass the cell
 * limit. Data outside a shrunk grid is dropped, as Google drops it.
 */
export function resize(file: WorkbookFile, sheet: Sheet, rows: number, cols: number): string | undefined {
  const before = gridOf(sheet);
  const total = cellsOf(file) - before.rows * before.cols + rows * cols;
  if (total > CELL_LIMIT)
    return `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;
  if (rows < sheet.values.length) sheet.values.length = rows;
  for (const row of sheet.values) if (row.length > cols) row.length = cols;
  sheet.properties.gridProperties.rowCount = rows;
  sheet.properties.gridProperties.columnCount = cols;
  return undefined;
}

/** The longest text of a block of input over the per-cell limit, if any (its row and column in the block). */
export function overlongCell(
  values: readonly (readonly unknown[])[],
): { row: number; col: number } | undefined {
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && v.length > CELL_CHARACTERS) return { row: r, col: c };
    }
  }
  return undefined;
}

/** Google's message for a cell over the limit (both faces). */
export const OVERLONG = `Your input contains more than the maximum of ${CELL_CHARACTERS} characters in a single cell.`;

/**
 * Why a range reaching past the sheet's grid is refused, naming the first cell outside it as Google
 * does ("Range ('Log'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26"), or undefined.
 */
export function pastGrid(
  sheet: Sheet,
  startRow: number,
  startCol: number,
  endRow: number,
  endCol: number,
): string | undefined {
  const g = gridOf(sheet);
  if (endRow <= g.rows && endCol <= g.cols) return undefined;
  const row = endRow > g.rows ? Math.max(startRow, g.rows) : startRow;
  const col = endRow > g.rows ? startCol : Math.max(startCol, g.cols);
  const name = sheet.properties.title.replace(/'/g, "''");
  return `Range ('${name}'!${columnLetters(col)}${row + 1}) exceeds grid limits. Max rows: ${g.rows}, max columns: ${g.cols}`;
}
