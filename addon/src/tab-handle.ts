/**
 * A tab the index vouches for, without asking for its sheet object: its ranges come from the
 * spreadsheet by A1 with the tab's name (`'Orders'!A2:Z2`, fidelity A46), so a click that touches
 * nine tabs makes no `getSheetByName` call for them. Only the index's trusted rows get a handle: the
 * tab exists under that name (its formulas would read `#REF!` or be rewritten otherwise). Anything
 * but `getRange` (a row appended or deleted, the grid grown, charts) takes the sheet once, on first
 * use, from a range's `getSheet` (answered with the range, as `getRow` is), not `getSheetByName`.
 * `measureSpeed` times `rangeByA1` against `getSheetByName` on the first real Sheet; should the
 * spreadsheet's `getRange` prove to cost a service call, `BY_A1` goes false and every tab is asked
 * for by name again.
 */
import { columnLetter, sheetRef } from '../../shared/sheet/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Ranges by A1 through the spreadsheet (fidelity A46); false: a getSheetByName per tab. */
export const BY_A1 = true;

const cell = (row: number, col: number) => `${columnLetter(col - 1)}${row}`;

/** The sheet named `name`, whose ranges are asked of the spreadsheet by A1. */
export function tabHandle(ss: Spreadsheet, name: string): Sheet {
  if (!BY_A1) return ss.getSheetByName(name) as Sheet;
  let sheet: Sheet | undefined;
  // The sheet object of a range the spreadsheet gives by A1 (`Range.getSheet`, fidelity A46): no
  // getSheetByName for a tab the index already named.
  const real = (): Sheet => {
    if (sheet) return sheet;
    try {
      sheet = ss.getRange(`${sheetRef(name)}!A1`).getSheet();
    } catch {
      throw new Error(`${name}: the tab is gone`);
    }
    return sheet;
  };
  const getRange = (a: string | number, col?: number, rows = 1, cols = 1): Range => {
    const a1 =
      typeof a === 'string'
        ? a
        : rows === 1 && cols === 1
          ? cell(a, col as number)
          : `${cell(a, col as number)}:${cell(a + rows - 1, (col as number) + cols - 1)}`;
    return ss.getRange(`${sheetRef(name)}!${a1}`);
  };
  return new Proxy({} as Sheet, {
    get(_, prop) {
      if (prop === 'getRange') return getRange;
      if (prop === 'getName') return () => name;
      const s = real();
      const v = (s as unknown as Record<PropertyKey, unknown>)[prop];
      return typeof v === 'function' ? v.bind(s) : v;
    },
  });
}
