/**
 * Number formats and data validation of the twin's ranges (`Range.setNumberFormat`, `clearFormat`,
 * `setDataValidation`, `getDataValidation`): a cell's own format by A1 in the sheet's cell formats,
 * a format over an open-ended range as its column's, and validation rules (like protections) as
 * lists in the sheet's metadata, a rule set again on the same range replacing the one before.
 */
import type { Sheet } from '../../local-store/workbook-file';
import { columnLetters } from '../a1';
import { cellFormats } from './cells';
import { type Area, a1 } from './range-notes';

/** Sets `pattern` on every cell of `at`, or, for an open-ended range (`F2:F`), on its columns. */
export function setFormat(sheet: Sheet, at: Area, pattern: string, openEnded: boolean): void {
  for (let c = 0; c < at.cols; c++) {
    if (openEnded) sheet.columnFormats[columnLetters(at.col + c)] = pattern;
    else for (let r = 0; r < at.rows; r++) cellFormats(sheet)[a1(at.row + r, at.col + c)] = pattern;
  }
}

/** Clears the cells' own number formats (their column's stay, as a column format is the sheet's). */
export function clearFormats(sheet: Sheet, at: Area): void {
  const formats = cellFormats(sheet);
  for (let r = 0; r < at.rows; r++)
    for (let c = 0; c < at.cols; c++) delete formats[a1(at.row + r, at.col + c)];
}

/** A list the sheet's metadata keeps under `key` (validations, protected ranges), made when missing. */
export function metadataList(sheet: Sheet, key: string): unknown[] {
  const list = (sheet.metadata[key] as unknown[] | undefined) ?? [];
  sheet.metadata[key] = list;
  return list;
}

/** Sets the rule of the range `range` (A1), or removes it when `rule` is null. */
export function setValidation(sheet: Sheet, range: string, rule: unknown): void {
  const list = metadataList(sheet, 'dataValidations') as { range: string }[];
  const kept = list.filter((v) => v.range !== range);
  if (rule) kept.push({ range, ...(rule as object) });
  sheet.metadata.dataValidations = kept;
}

/** The rule of the range whose first cell is `cell` (A1), or null. */
export function validationAt(sheet: Sheet, cell: string): unknown {
  const list = metadataList(sheet, 'dataValidations') as { range: string }[];
  return list.find((v) => v.range.split(':')[0] === cell) ?? null;
}
