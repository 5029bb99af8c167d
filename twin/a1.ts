/**
 * A1 notation as the Sheets API reads it: `Sheet1!A1:B2`, quoted names with spaces and apostrophes
 * (`'Jo''s tab'!A:A`), whole columns (`A:C`), whole rows (`2:5`), open-ended ranges (`A2:C`, `B3:3`),
 * a single cell, or a bare sheet name for the whole sheet. Rows and columns come back 0-based, ends
 * exclusive; `undefined` ends mean "to the end of the data".
 * https://developers.google.com/sheets/api/guides/concepts#cell
 */

import { columnLetter, sheetRef } from '../shared/sheet/a1';

export interface GridRange {
  readonly sheet: string | undefined;
  readonly startRow: number;
  readonly startCol: number;
  readonly endRow: number | undefined;
  readonly endCol: number | undefined;
  /** A single cell: writes treat it as the top-left anchor of any block (as the API does). */
  readonly anchor?: boolean;
}

export class RangeError_ extends Error {}

/** Column letters to a 0-based index: A → 0, AB → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column letters of a 0-based index: 0 → A, 27 → AB (the codec's own helper). */
export const columnLetters = columnLetter;

function splitSheet(range: string): { sheet: string | undefined; cells: string | undefined } {
  if (range.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < range.length) {
      if (range[i] === "'" && range[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (range[i] === "'") break;
      else name += range[i++];
    }
    if (range[i] !== "'") throw new RangeError_(`Unable to parse range: ${range}`);
    const rest = range.slice(i + 1);
    if (rest === '') return { sheet: name, cells: undefined };
    if (!rest.startsWith('!')) throw new RangeError_(`Unable to parse range: ${range}`);
    return { sheet: name, cells: rest.slice(1) };
  }
  const bang = range.lastIndexOf('!');
  if (bang >= 0) return { sheet: range.slice(0, bang), cells: range.slice(bang + 1) };
  return /^[A-Za-z]{0,3}\d*(:[A-Za-z]{0,3}\d*)?$/.test(range) && /[A-Za-z0-9]/.test(range)
    ? { sheet: undefined, cells: range }
    : { sheet: range, cells: undefined };
}

const PART = /^([A-Za-z]{1,3})?(\d+)?$/;

export function parseA1(range: string): GridRange {
  const { sheet, cells } = splitSheet(range.trim());
  if (cells === undefined || cells === '')
    return { sheet, startRow: 0, startCol: 0, endRow: undefined, endCol: undefined };
  const [a, b] = cells.split(':');
  const first = PART.exec(a ?? '');
  const second = b === undefined ? first : PART.exec(b);
  if (!first || !second || (!first[1] && !first[2]) || (!second[1] && !second[2]))
    throw new RangeError_(`Unable to parse range: ${range}`);
  const startCol = first[1] ? columnIndex(first[1]) : 0;
  const startRow = first[2] ? Number(first[2]) - 1 : 0;
  const endCol = second[1] ? columnIndex(second[1]) + 1 : undefined;
  const endRow = second[2] ? Number(second[2]) : undefined;
  if (
    startRow < 0 ||
    (endRow !== undefined && endRow <= startRow) ||
    (endCol !== undefined && endCol <= startCol)
  )
    throw new RangeError_(`Unable to parse range: ${range}`);
  // A single cell (`B3`) is one row by one column.
  if (b === undefined)
    return { sheet, startRow, startCol, endRow: startRow + 1, endCol: startCol + 1, anchor: true };
  return { sheet, startRow, startCol, endRow, endCol };
}

/** A1 text of a grid range on a sheet, quoting the name when needed. */
export function formatA1(
  sheet: string,
  r: { startRow: number; startCol: number; endRow: number; endCol: number },
): string {
  return `${sheetRef(sheet)}!${columnLetters(r.startCol)}${r.startRow + 1}:${columnLetters(r.endCol - 1)}${r.endRow}`;
}
