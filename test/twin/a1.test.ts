/**
 * A1 notation as the Sheets API documents it (https://developers.google.com/sheets/api/guides/concepts#cell):
 * quoted names with spaces and apostrophes, whole rows and columns, open-ended ranges, bad ranges.
 */
import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, formatA1, parseA1 } from '../../twin/a1';

describe('parseA1', () => {
  it.each([
    ['Sheet1!A1:B2', { sheet: 'Sheet1', startRow: 0, startCol: 0, endRow: 2, endCol: 2 }],
    [
      "'My Custom Sheet'!A:A",
      { sheet: 'My Custom Sheet', startRow: 0, startCol: 0, endRow: undefined, endCol: 1 },
    ],
    ["'Jo''s tab'!B2", { sheet: "Jo's tab", startRow: 1, startCol: 1, endRow: 2, endCol: 2, anchor: true }],
    ['Sheet1!1:2', { sheet: 'Sheet1', startRow: 0, startCol: 0, endRow: 2, endCol: undefined }],
    ['Sheet1!A5:A', { sheet: 'Sheet1', startRow: 4, startCol: 0, endRow: undefined, endCol: 1 }],
    ['Sheet1!B3:3', { sheet: 'Sheet1', startRow: 2, startCol: 1, endRow: 3, endCol: undefined }],
    ['A1:B2', { sheet: undefined, startRow: 0, startCol: 0, endRow: 2, endCol: 2 }],
    ['Orders', { sheet: 'Orders', startRow: 0, startCol: 0, endRow: undefined, endCol: undefined }],
    [
      "'Sync issues'",
      { sheet: 'Sync issues', startRow: 0, startCol: 0, endRow: undefined, endCol: undefined },
    ],
    ['Sheet1!AA10:AB12', { sheet: 'Sheet1', startRow: 9, startCol: 26, endRow: 12, endCol: 28 }],
  ])('%s', (range, want) => expect(parseA1(range)).toEqual(want));

  it.each(["'unclosed!A1", 'Sheet1!B2:A1', 'Sheet1!1A', 'Sheet1!A0'])('refuses %j', (range) =>
    expect(() => parseA1(range)).toThrow(/Unable to parse range/),
  );

  it('round-trips letters and formats names that need quotes', () => {
    for (const n of [0, 25, 26, 701, 702, 18277]) expect(columnIndex(columnLetters(n))).toBe(n);
    expect(formatA1("Jo's tab", { startRow: 0, startCol: 0, endRow: 3, endCol: 2 })).toBe(
      "'Jo''s tab'!A1:B3",
    );
  });
});
