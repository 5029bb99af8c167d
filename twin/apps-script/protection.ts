/**
 * `Protection` of the twin's SpreadsheetApp (Range.protect()): a record in the sheet's metadata,
 * as the Sheets API keeps protected ranges, with the setters the add-on's setup uses.
 */

export interface Protection<R> {
  setWarningOnly(w: boolean): Protection<R>;
  setDescription(d: string): Protection<R>;
  isWarningOnly(): boolean;
  getRange(): R;
}

/** Adds a protected range for `a1` to `list` and returns its Protection. */
export function newProtection<R>(list: unknown[], a1: string, range: R): Protection<R> {
  const record = { range: a1, warningOnly: false, description: '' };
  list.push(record);
  const protection: Protection<R> = {
    setWarningOnly: (w) => {
      record.warningOnly = w;
      return protection;
    },
    setDescription: (d) => {
      record.description = d;
      return protection;
    },
    isWarningOnly: () => record.warningOnly,
    getRange: () => range,
  };
  return protection;
}
