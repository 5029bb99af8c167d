/**
 * When a search finds more cells than a read of the searched cells costs, the add-on's row source
 * reads them and matches here (shared/io/row-patterns.ts `matchRows`) instead of asking each found
 * cell its row: the same rows as the TextFinder search it stands in for, as the add-on builds it
 * (anchored, case-sensitive, a regular expression), run in the twin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newSheet, newWorkbookFile } from '../../local-store/workbook-file';
import { literal, matchRows } from '../../shared/io/row-patterns';
import { AppsScriptRuntime } from '../../twin/apps-script/runtime';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

const NOW = () => Date.parse('2026-11-23T15:00:00Z');
const CODE = `function find(rows, pattern) {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T').getRange(2, 1, rows, 2);
  return range.createTextFinder('^' + pattern + '$').useRegularExpression(true).matchCase(true)
    .findAll().map(function (r) { return r.getRow(); });
}
function values(rows) {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T').getRange(2, 1, rows, 2).getValues();
}`;

const cell = fc.oneof(
  fc.constantFrom('SKU-1', 'sku-1', 'SKU-10', 'SKU-2', 'x SKU-1', '', 'A.1', 'A+1'),
  fc.integer({ min: 0, max: 12 }),
);

describe('add-on row source: matching read cells as TextFinder matches them', () => {
  it('finds the same rows as the search it replaces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 30 }),
        fc.subarray(['SKU-1', 'SKU-2', '1', 'A.1', '12']),
        (rows, keys) => {
          fc.pre(keys.length > 0);
          const file = newWorkbookFile('match', 'UTC');
          newSheet(file, 'T', ['a', 'b']).values.push(...rows.map((r) => [...r]));
          const rt = new AppsScriptRuntime({
            twin: new TwinSpreadsheet(file, () => new Date(NOW())),
            code: CODE,
            now: NOW,
          });
          const pattern = `(?:${keys.map(literal).join('|')})`;
          const searched = rt.run('find', rows.length, pattern) as number[];
          const read = rt.run('values', rows.length) as (string | number)[][];
          expect(matchRows(read, pattern)).toEqual([...new Set(searched)]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
