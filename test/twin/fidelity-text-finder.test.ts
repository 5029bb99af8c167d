/**
 * docs/fidelity.md row A38, the twin's TextFinder (twin/apps-script/text-finder.ts): what a search
 * matches (what a cell shows; partial and case-blind unless told; a regular expression when asked),
 * the order of its cells, and what the cost model counts for it. A small script runs in the twin's
 * node:vm runtime, as a built Code.js does.
 */
import { describe, expect, it } from 'vitest';
import { newSheet, newWorkbookFile } from '../../local-store/workbook-file';
import { AppsScriptRuntime } from '../../twin/apps-script/runtime';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

const NOW = () => Date.parse('2026-11-23T15:00:00Z');

function sheetWith(rows: (string | number)[][]) {
  const file = newWorkbookFile('fidelity', 'America/New_York');
  newSheet(file, 'T', ['a', 'b', 'c']).values.push(...rows);
  return new TwinSpreadsheet(file, () => new Date(NOW()));
}

const SCRIPT = `function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T'); }`;

describe('docs/fidelity.md — Apps Script TextFinder', () => {
  it('A38: TextFinder finds cells by what they show, row by row, partial and case-blind unless told', () => {
    const twin = sheetWith([
      ['SO-1', 'x', 'so-1'],
      ['SO-10', 'SO-1', 7],
      ['SO-2', 'y', 'SO-1'],
    ]);
    const code = `${SCRIPT}; function find(a1, text, entire, matchCase, regex) {
      var f = sheet().getRange(a1).createTextFinder(text);
      if (entire) f = f.matchEntireCell(true);
      if (matchCase) f = f.matchCase(true);
      if (regex) f = f.useRegularExpression(true);
      return f.findAll().map(function (r) { return r.getA1Notation(); });
    }`;
    const rt = new AppsScriptRuntime({ twin, code, now: NOW });
    // Partial and case-blind by default: SO-10 and so-1 match "SO-1".
    expect(rt.run('find', 'A2:C4', 'SO-1', false, false, false)).toEqual(['A2', 'C2', 'A3', 'B3', 'C4']);
    expect(rt.run('find', 'A2:C4', 'SO-1', true, true, false)).toEqual(['A2', 'B3', 'C4']);
    // A regular expression, anchored as the add-on builds it; a number shows as its text.
    expect(rt.run('find', 'A2:A', '^(?:SO-1|SO-2)$', false, true, true)).toEqual(['A2', 'A4']);
    expect(rt.run('find', 'C2:C4', '^7$', false, true, true)).toEqual(['C3']);
    // The search is one service call; what it returns are cells read.
    rt.counter.reset();
    rt.run('find', 'A2:A4', 'SO', false, false, false);
    expect(rt.counter.counts['TextFinder.findAll']).toBe(1);
    expect(rt.counter.cells.read).toBe(3);
    expect(() => rt.run('find', 'A2:A4', '', false, false, false)).toThrow('cannot be empty');
  });
});
