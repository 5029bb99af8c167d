/**
 * `Spreadsheet.setNamedRange` / `getRangeByName` of the twin's SpreadsheetApp. Named ranges live in
 * the model the HTTP face serves (`namedRanges` of spreadsheets.get), so both faces see the same ones.
 */
import type { TwinSpreadsheet } from '../spreadsheet';
import { type RangeHost, TwinRange } from './range';

export function namedRanges(twin: TwinSpreadsheet, host: RangeHost, hit: (kind: string) => void) {
  return {
    /** Named ranges live in the model the HTTP face serves (`namedRanges` of spreadsheets.get). */
    setNamedRange(name: string, range: TwinRange) {
      hit('Spreadsheet.setNamedRange');
      const holder = twin.file as typeof twin.file & { namedRanges?: { name: string; range: object }[] };
      const sheetId = (range.getSheet() as { getSheetId(): number }).getSheetId();
      const entry = {
        name,
        range: {
          sheetId,
          startRowIndex: range.row,
          endRowIndex: range.row + range.rows,
          startColumnIndex: range.col,
          endColumnIndex: range.col + range.cols,
        },
      };
      holder.namedRanges = [...(holder.namedRanges ?? []).filter((n) => n.name !== name), entry];
    },
    getRangeByName(name: string) {
      hit('Spreadsheet.getRangeByName');
      const holder = twin.file as typeof twin.file & {
        namedRanges?: {
          name: string;
          range: {
            sheetId?: number;
            startRowIndex?: number;
            endRowIndex?: number;
            startColumnIndex?: number;
            endColumnIndex?: number;
          };
        }[];
      };
      const n = holder.namedRanges?.find((x) => x.name === name);
      if (!n) return null;
      const r = n.range;
      return new TwinRange(
        host,
        r.sheetId ?? 0,
        r.startRowIndex ?? 0,
        r.startColumnIndex ?? 0,
        (r.endRowIndex ?? 1) - (r.startRowIndex ?? 0),
        (r.endColumnIndex ?? 1) - (r.startColumnIndex ?? 0),
      );
    },
  };
}
