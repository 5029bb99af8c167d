/**
 * The add-on's RowSource (shared/row-scope.ts): rows found by key with Apps Script's TextFinder on
 * the key column (a server-side search: the column is never read into the script; the
 * `spreadsheets.currentonly` scope is enough, fidelity A38), then read in as few getValues as
 * contiguity allows: runs of rows, joined across a gap while re-reading the gap costs less than
 * another call. Sheets are looked up by name as they are needed, never all of them.
 */
import type { Cell } from '../../shared/cells';
import { columnLetter, type RawTab } from '../../shared/codec';
import type { RowSource } from '../../shared/row-scope';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Cells worth re-reading to save one getValues: the cost model's data call (100 ms) over its cell
 * read (10 µs) (twin/apps-script/cost-model.ts, central).
 */
export const READ_JOIN_CELLS = 10_000;

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

export interface SheetRowSource extends RowSource {
  /** Every sheet looked up so far, by name (the writer's map). */
  readonly sheets: Map<string, Sheet>;
}

export function sheetRowSource(ss: Spreadsheet): SheetRowSource {
  const sheets = new Map<string, Sheet>();
  const lastRows = new Map<string, number>();
  const sheet = (name: string): Sheet | undefined => {
    if (!sheets.has(name)) {
      const s = ss.getSheetByName(name);
      if (s) sheets.set(name, s);
    }
    return sheets.get(name);
  };
  return {
    sheets,
    shape(tab, withLastRow) {
      const s = sheet(tab);
      if (!s) return undefined;
      // The header as the whole first row (one call, no getLastColumn), trailing blanks trimmed.
      const header = [...((s.getRange('1:1').getValues()[0] ?? []) as Cell[])];
      while (header.length > 0 && (header[header.length - 1] === '' || header[header.length - 1] === null))
        header.pop();
      if (!withLastRow) return { header };
      const lastRow = s.getLastRow();
      lastRows.set(tab, lastRow);
      return { header, lastRow };
    },
    find(tab, col, pattern, cols = 1) {
      const s = sheet(tab);
      if (!s) return [];
      const lastRow = lastRows.get(tab);
      if (lastRow !== undefined && lastRow < 2) return [];
      // Below the header: to the last row when known, else the open-ended column (C2:C).
      const range =
        lastRow === undefined
          ? s.getRange(`${columnLetter(col)}2:${columnLetter(col + cols - 1)}`)
          : s.getRange(2, col + 1, lastRow - 1, cols);
      return range
        .createTextFinder(`^${pattern}$`)
        .useRegularExpression(true)
        .matchCase(true)
        .findAll()
        .map((r) => r.getRow());
    },
    rows(tab, rows, width) {
      const out = new Map<number, readonly Cell[]>();
      const s = sheet(tab);
      if (!s || rows.length === 0 || width === 0) return out;
      for (const [first, last] of clusters(rows, READ_JOIN_CELLS, width)) {
        const values = s.getRange(first, 1, last - first + 1, width).getValues() as Cell[][];
        values.forEach((row, i) => {
          out.set(first + i, row);
        });
      }
      return out;
    },
    whole(tab): RawTab | undefined {
      const s = sheet(tab);
      return s ? { name: tab, values: s.getDataRange().getValues() as Cell[][] } : undefined;
    },
  };
}
