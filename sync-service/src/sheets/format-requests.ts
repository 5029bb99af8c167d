/**
 * A built tab's number formats (shared/sheet/codec.ts NumberFormats) as Sheets API requests: each a
 * repeatCell over its cells with only `userEnteredFormat.numberFormat` in its fields, so nothing else
 * of the cells' formatting (a person's colours, bold titles) is touched.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { NumberFormats } from '../../../shared/sheet/codec';

/**
 * repeatCell requests for a built tab's number formats (shared/sheet/codec.ts NumberFormats): first
 * the written area's own formats cleared (`cleared`, a rewrite), then each pattern over its runs.
 */
export function numberFormatRequests(
  sheetId: number | undefined,
  formats: NumberFormats | undefined,
  cleared?: { height: number; width: number },
): sheets_v4.Schema$Request[] {
  if (sheetId === undefined || !formats) return [];
  const fields = 'userEnteredFormat.numberFormat';
  const clear = cleared
    ? [
        {
          repeatCell: {
            range: {
              sheetId,
              startRowIndex: 0,
              endRowIndex: cleared.height,
              startColumnIndex: 0,
              endColumnIndex: cleared.width,
            },
            cell: { userEnteredFormat: {} },
            fields,
          },
        },
      ]
    : [];
  return [
    ...clear,
    ...formats.flatMap((f) =>
      f.ranges.map((r) => ({
        repeatCell: {
          range: {
            sheetId,
            startRowIndex: r.firstRow - 1,
            endRowIndex: r.lastRow,
            startColumnIndex: r.column - 1,
            endColumnIndex: r.column,
          },
          cell: { userEnteredFormat: { numberFormat: { type: 'CURRENCY', pattern: f.pattern } } },
          fields,
        },
      })),
    ),
  ];
}
