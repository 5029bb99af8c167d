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

/**
 * The protections a sheet's metadata holds (`Sheet.getProtections`), each with its description,
 * warning flag, range (by its A1, through `rangeOf`) and `remove()`, which deletes its record.
 */
export function listProtections<R>(
  metadata: Record<string, unknown>,
  rangeOf: (a1: string) => R,
  hit: (kind: string) => void,
) {
  const list =
    (metadata.protectedRanges as { range: unknown; description?: string; warningOnly?: boolean }[]) ?? [];
  return list
    .filter((p) => typeof p.range === 'string')
    .map((p) => ({
      getDescription: () => p.description ?? '',
      isWarningOnly: () => p.warningOnly === true,
      getRange: () => rangeOf(p.range as string),
      remove: () => {
        hit('Protection.remove');
        const at = list.indexOf(p);
        if (at >= 0) list.splice(at, 1);
      },
    }));
}
