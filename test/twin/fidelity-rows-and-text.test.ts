/**
 * docs/fidelity.md rows A39–A41 and S20 (rows and text): `setValues` parses month-name, day/month,
 * percent, currency and error texts as if typed (A39); a whole-column range's A1 notation is "D:F"
 * however the grid grows (A40); deleting or inserting rows moves formulas, notes and cell formats with
 * them, and shifts the formulas' row references (A41 for `Sheet.deleteRow` / `insertRowsAfter`, S20
 * for the API's `deleteDimension`). The index tab's formulas compute as Sheets computes them (A43–A44)
 * and a sheet hides (A45); the spreadsheet gives a range by A1 with its sheet's name (A46); an
 * index id row finds the highest id number (A47); FORMULATEXT signs an index row (A48); an index
 * search row lists the rows whose cell matches and counts them (A52). Small scripts run in the twin's node:vm runtime.
 */
import { describe, expect, it } from 'vitest';
import { newSheet, newWorkbookFile } from '../../local-store/workbook-file';
import { AppsScriptRuntime } from '../../twin/apps-script/runtime';
import { batchUpdate } from '../../twin/batch-update';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

const NOW = () => Date.parse('2026-11-23T15:00:00Z');
const SCRIPT = `
function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T'); }
function typed(rows) {
  sheet().getRange(2, 1, rows.length, 1).setValues(rows);
  return sheet().getRange(2, 1, rows.length, 1).getValues().map(function (r) {
    var v = r[0];
    return Object.prototype.toString.call(v) === '[object Date]' ? 'Date' : typeof v + ':' + v;
  });
}
function a1(x) { return sheet().getRange(x).getA1Notation(); }
function grow(n) { sheet().insertRowsAfter(sheet().getMaxRows(), n); }
function deleteRow(n) { sheet().deleteRow(n); }
function insertAfter(n) { sheet().insertRowsAfter(n, 1); }
function note(a, text) { sheet().getRange(a).setNote(text); }
function notes(a) { return sheet().getRange(a).getNotes(); }
function formulas(a) { return sheet().getRange(a).getFormulas(); }
function setFormulas(a, f) { sheet().getRange(a).setFormulas(f); }
function values(a) { return sheet().getRange(a).getValues(); }
function hide() { sheet().hideSheet(); return sheet().isSheetHidden(); }
function byA1(a) { return SpreadsheetApp.getActiveSpreadsheet().getRange(a).getValues(); }
function other() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('U'); }
function otherFormulas(n) { return other().getRange(1, 1, 1, n).getFormulas(); }
function indexOf(f) { other().getRange(1, 1, 1, f.length).setFormulas([f]); return other().getRange(1, 1, 1, f.length).getValues()[0]; }
`;

function twinWith(rows: (string | number)[][]) {
  const file = newWorkbookFile('rows', 'America/New_York');
  const s = newSheet(file, 'T', ['a', 'b', 'c']);
  s.values.push(...rows);
  newSheet(file, 'U', ['']);
  const twin = new TwinSpreadsheet(file, () => new Date(NOW()));
  return { twin, rt: new AppsScriptRuntime({ twin, code: SCRIPT, now: NOW }) };
}

describe('docs/fidelity.md — rows and text', () => {
  it('A39: setValues parses month names, day/month, percent, currency and error codes as if typed', () => {
    const { rt } = twinWith([]);
    expect(
      rt.run('typed', [['Jan 5'], ['May 2024'], ['1/2'], ['12%'], ['$5'], ['#N/A'], ["'Jan 5"], ['Harbor']]),
    ).toEqual([
      'Date',
      'Date',
      'Date',
      'number:0.12',
      'number:5',
      'string:#N/A',
      'string:Jan 5',
      'string:Harbor',
    ]);
  });

  it('A40: a whole-column range reads back as "D:F", before and after the grid grows', () => {
    const { rt } = twinWith([]);
    expect(rt.run('a1', 'B:C')).toBe('B:C');
    rt.run('grow', 2000);
    expect(rt.run('a1', 'B:C')).toBe('B:C');
    expect(rt.run('a1', 'B2:C3')).toBe('B2:C3');
  });

  it('A41: deleteRow and insertRowsAfter move formulas and notes with their rows', () => {
    const { rt } = twinWith([
      [1, 2, ''],
      [3, 4, ''],
      [5, 6, ''],
    ]);
    rt.run('setFormulas', 'C2:C4', [['=A2+B2'], ['=A3+B3'], ['=A4+B4']]);
    rt.run('note', 'A4', 'last row');
    rt.run('deleteRow', 3);
    expect(rt.run('formulas', 'C2:C3')).toEqual([['=A2+B2'], ['=A3+B3']]);
    expect(rt.run('notes', 'A3')).toEqual([['last row']]);
    rt.run('insertAfter', 1);
    expect(rt.run('formulas', 'C3:C4')).toEqual([['=A3+B3'], ['=A4+B4']]);
    expect(rt.run('notes', 'A4')).toEqual([['last row']]);
  });

  it('A43: ROWS and COLUMNS of a whole column or row give the grid, COUNTA the cells with a value', () => {
    const { rt } = twinWith([
      ['x', 1, ''],
      ['', 2, ''],
      ['y', '', ''],
    ]);
    rt.run('grow', 500);
    expect(
      rt.run('indexOf', ['=ROWS(T!A:A)', '=COLUMNS(T!1:1)', '=COUNTA(T!A:A)', '=COUNTA(T!B:B)']),
    ).toEqual([1500, 26, 3, 3]);
  });

  it('A44: getFormulas gives a formula as setFormulas wrote it; a header cell reads through ""&', () => {
    const { rt } = twinWith([]);
    const written = ['=ROWS(T!A:A)', '=""&T!B1', '=""&T!D1'];
    expect(rt.run('indexOf', written)).toEqual([1000, 'b', '']);
    expect(rt.run('otherFormulas', written.length)).toEqual([written]);
  });

  it('A45: hideSheet hides a sheet from people, and isSheetHidden says so', () => {
    const { rt, twin } = twinWith([]);
    expect(rt.run('hide')).toBe(true);
    expect(twin.sheetNamed('T').properties.hidden).toBe(true);
  });

  it("A46: Spreadsheet.getRange takes A1 with the sheet's name; an unknown sheet is Range not found", () => {
    const { rt } = twinWith([[1, 2, 3]]);
    expect(rt.run('byA1', "'T'!A2:B2")).toEqual([[1, 2]]);
    expect(rt.run('byA1', 'T!C2')).toEqual([[3]]);
    expect(rt.counter.counts['Spreadsheet.getRange']).toBe(2);
    expect(rt.counter.counts['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(() => rt.run('byA1', "'Nope'!A1")).toThrow('Range not found');
  });

  it('A47: the highest number after an id prefix, over a whole key column (ARRAYFORMULA, REGEXEXTRACT)', () => {
    const { rt } = twinWith([['LG-000007'], ['LG-000012'], ['X-99'], [5], ['lg-000050'], ['LG-3a']]);
    // The index tab's id formula (shared/io/index-tab.ts idFormula), and the same over a prefix with none.
    const f = (prefix: string) =>
      `=ARRAYFORMULA(MAX(IFERROR(VALUE(REGEXEXTRACT(TO_TEXT(T!A2:A),"^${prefix}\\-(\\d+)$")),0)))`;
    expect(rt.run('indexOf', [f('LG'), f('BO'), '=IFERROR(1/0,7)', '=MAX(3,9,2)', '=VALUE("012")'])).toEqual([
      12, 0, 7, 9, 12,
    ]);
  });

  it('A52: the rows of a column from row 2 whose text matches, listed and counted (REGEXMATCH, REPT, TEXTJOIN)', () => {
    const { rt } = twinWith([['Held'], [''], [' held '], ['HELD'], [7], ['Held over']]);
    // The index tab's search row (shared/io/index-tab.ts foundFormulas): the header (row 1) is
    // outside A2:A; whole-cell matches only, case as the pattern says.
    const test = '--REGEXMATCH(TO_TEXT(T!A2:A),"^(?:[hH][eE][lL][dD]|7)$")';
    expect(
      rt.run('indexOf', [
        `=ARRAYFORMULA(TEXTJOIN(",",TRUE,REPT(ROW(T!A2:A),${test})))`,
        `=SUMPRODUCT(${test})`,
        '=ROW(T!A3:A)',
        '=ARRAYFORMULA(TEXTJOIN(",",TRUE,REPT(ROW(T!A2:A),--REGEXMATCH(TO_TEXT(T!A2:A),"^zz$"))))',
      ]),
    ).toEqual(['2,5,6', 3, 3, '']);
  });

  it("A48: FORMULATEXT shows a cell's formula as written, #N/A where the cell holds a value", () => {
    const { rt } = twinWith([[1, 2, 3]]);
    // Written into U!A1:C1, then read: B1 signs A1 (a formula) and C1 signs a cell with no formula.
    expect(
      rt.run('indexOf', ['=ROWS(T!A:A)', '=FORMULATEXT(A1)&"|"&FORMULATEXT(A1)', '=FORMULATEXT(D1)']),
    ).toEqual([1000, '=ROWS(T!A:A)|=ROWS(T!A:A)', '#N/A']);
  });

  it('S20: deleteDimension moves the formulas below the deleted rows up', () => {
    const { twin } = twinWith([
      [1, 2, ''],
      [3, 4, ''],
      [5, 6, ''],
    ]);
    const sheet = twin.sheetNamed('T');
    sheet.formulas = { C2: '=A2+B2', C3: '=A3+B3', C4: '=A4+B4' };
    batchUpdate(twin, [
      {
        deleteDimension: {
          range: { sheetId: sheet.properties.sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 2 },
        },
      },
    ]);
    expect(twin.sheetNamed('T').formulas).toEqual({ C2: '=A2+B2', C3: '=A3+B3' });
  });
});
