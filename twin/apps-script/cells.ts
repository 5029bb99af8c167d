/**
 * Cell values as Apps Script hands them over: `getValues()` gives numbers, strings, booleans, '' for
 * empty, and `Date` objects for cells with a date format (midnight, or the time of day, in the
 * spreadsheet's zone); `setValues()` parses strings as if typed (formulas, numbers, dates; a leading
 * apostrophe keeps text) and turns a `Date` into a serial with a date format.
 */

import { isDatePattern } from '../../local-store/workbook-file';
import { instantToSerial, serialToInstant } from '../../shared/primitives/dates';
import type { TwinSpreadsheet } from '../spreadsheet';
import { isDateText, type Stored, userEntered } from '../values';

export { isDatePattern };

/** `makeDate` builds the Date in the script's own realm, so `value instanceof Date` holds there. */
export function toScriptValue(
  v: Stored,
  pattern: string | undefined,
  timeZone: string,
  makeDate: (ms: number) => Date,
): unknown {
  if (v === null) return '';
  if (typeof v === 'number' && isDatePattern(pattern))
    return makeDate(serialToInstant(v, timeZone).getTime());
  return v;
}

/** A Date from any realm (the script's Dates are not `instanceof` the host's). */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** What setValues stores for one input; `dated` when the cell should get a date format. */
export function fromScriptValue(
  input: unknown,
  timeZone: string,
): { value: Stored; formula?: string; dated?: boolean } {
  if (isDate(input)) return { value: instantToSerial(new Date(input.getTime()), timeZone), dated: true };
  if (input === null || input === undefined) return { value: null };
  if (typeof input === 'string' && isDateText(input)) {
    const e = userEntered(input);
    return typeof e.value === 'number' ? { value: e.value, dated: true } : e;
  }
  return userEntered(input);
}

/** The twin reads formulas through its engine; Apps Script shows their results. */
export function computed(twin: TwinSpreadsheet, sheet: string, row: number, col: number): Stored {
  return twin.formulas.valueAt(sheet, row, col);
}

export { cellFormats, formatOf } from '../cell-formats';
