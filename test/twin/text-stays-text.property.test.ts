/**
 * Text stays text on the Apps Script edge: whatever a customer, a vendor or a person typed ("Jan 5",
 * "May 2024", "#N/A", "1/2", "12%", "$5", "007", "TRUE", "=1+1"), the engine's encoding of it
 * (shared/sheet/cells.ts `encodeText`), written with `setValues` (which parses text as if typed) and read
 * back with `getValues`, is the same text. Drawn cases, run in the twin's Apps Script runtime.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newSheet, newWorkbookFile } from '../../local-store/workbook-file';
import { encodeText } from '../../shared/sheet/cells';
import { AppsScriptRuntime } from '../../twin/apps-script/runtime';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

const NOW = () => Date.parse('2026-11-23T15:00:00Z');
const CTX = { face: 'apps-script' as const, timeZone: 'America/New_York', currencyDigits: 2 };
const SCRIPT = `
function roundTrip(rows) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');
  var range = sheet.getRange(2, 1, rows.length, 1);
  range.setValues(rows);
  SpreadsheetApp.flush();
  return range.getValues().map(function (r) { return Object.prototype.toString.call(r[0]) + ' ' + String(r[0]); });
}`;

const month = fc.constantFrom('Jan', 'January', 'feb', 'Mar.', 'May', 'June', 'Sept', 'Dec', 'december');
const tricky = fc.oneof(
  fc.tuple(month, fc.integer({ min: 1, max: 31 })).map(([m, d]) => `${m} ${d}`),
  fc.tuple(month, fc.integer({ min: 1990, max: 2040 })).map(([m, y]) => `${m} ${y}`),
  fc
    .tuple(month, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 2000, max: 2030 }))
    .map(([m, d, y]) => `${m} ${d}, ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${m}/${d}`),
  fc.integer({ min: 0, max: 500 }).map((n) => `${n}%`),
  fc.integer({ min: 0, max: 99_999 }).map((n) => `$${n}`),
  fc.integer({ min: 0, max: 999 }).map((n) => `00${n}`),
  fc.constantFrom(
    '#N/A',
    '#REF!',
    '#VALUE!',
    '#DIV/0!',
    'TRUE',
    'false',
    '=1+1',
    '+1',
    '-x',
    '@sum',
    "'quoted",
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

describe('text stays text through setValues', () => {
  it('reads back every drawn text as the same text', () => {
    const file = newWorkbookFile('text', CTX.timeZone);
    newSheet(file, 'T', ['text']);
    const rt = new AppsScriptRuntime({
      twin: new TwinSpreadsheet(file, () => new Date(NOW())),
      code: SCRIPT,
      now: NOW,
    });
    fc.assert(
      fc.property(
        fc.array(
          tricky.filter((t) => t.trim() !== ''),
          { minLength: 1, maxLength: 60 },
        ),
        (texts) => {
          const back = rt.run(
            'roundTrip',
            texts.map((t) => [encodeText(t, CTX)]),
          ) as string[];
          expect(back).toEqual(texts.map((t) => `[object String] ${t}`));
        },
      ),
      { numRuns: 40 },
    );
  });
});
