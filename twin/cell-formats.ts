/**
 * Number formats of a sheet's cells, as the twin keeps them in the workbook file: a column's (Set up's
 * repeatCell over a whole column) and a cell's own (setNumberFormat on a bounded range, a RangeList,
 * a bounded repeatCell), the cell's winning. Both faces read and write them here.
 */
import type { Sheet } from '../local-store/workbook-file';
import { columnLetters } from './a1';

/** Number formats set on single cells (setNumberFormat), by A1, in the sheet's metadata. */
export function cellFormats(sheet: Sheet): Record<string, string> {
  const existing = sheet.metadata.cellFormats as Record<string, string> | undefined;
  if (existing) return existing;
  const fresh: Record<string, string> = {};
  sheet.metadata.cellFormats = fresh;
  return fresh;
}

/** A cell's number format: its own, else its column's. */
export function formatOf(sheet: Sheet, r: number, c: number): string | undefined {
  return cellFormats(sheet)[`${columnLetters(c)}${r + 1}`] ?? sheet.columnFormats[columnLetters(c)];
}
