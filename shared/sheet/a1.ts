/**
 * A1 notation, as Google's ranges name cells: a column's letters, a sheet name quoted when it must
 * be, and a run of cells down one column. Shared by every edge that builds a range by name (the
 * add-on, the Sheets API client, the local workbook file and the twin).
 */

/** Cells down one column: `column` and the rows 1-based, as a sheet numbers them. */
export interface ColumnRun {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** A run's A1 notation: column 4, rows 14–17 → "D14:D17". */
export const runA1 = (r: ColumnRun): string =>
  `${columnLetter(r.column - 1)}${r.firstRow}:${columnLetter(r.column - 1)}${r.lastRow}`;

/** Spreadsheet column letters of a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Quotes a sheet name for A1 notation when needed: `'Sync issues'!A1`. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
