/**
 * The twin's cost model (twin/apps-script/cost-model.ts): the counter records the cells each value
 * read and write moves, and the estimate prices round trip, calls, cells and the commit with each
 * parameter set.
 */
import { describe, expect, it } from 'vitest';
import { newSheet, newWorkbookFile } from '../../local-store/workbook-file';
import { COST, callClass, estimateSeconds } from '../../twin/apps-script/cost-model';
import { CallCounter } from '../../twin/apps-script/counter';
import { AppsScriptRuntime } from '../../twin/apps-script/runtime';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

describe('cost model', () => {
  it('counts the cells each value read and write moves', () => {
    const file = newWorkbookFile('cost', 'America/New_York');
    newSheet(file, 'T', ['a', 'b', 'c']);
    const rt = new AppsScriptRuntime({
      twin: new TwinSpreadsheet(file),
      code: `function f() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T');
        s.getRange(1, 1, 10, 3).getValues(); s.getRange(2, 1, 2, 2).setValues([[1, 2], [3, 4]]);
        s.getRange(2, 3, 2, 1).setFormulas([['=A2'], ['=A3']]); }`,
    });
    rt.run('f');
    expect(rt.counter.cells).toEqual({ read: 30, written: 6, scanned: 0 });
    // setFormulas is one call, not a setValues as well.
    expect(rt.counter.counts['Range.setValues']).toBe(1);
    expect(rt.counter.counts['Range.setFormulas']).toBe(1);
  });

  it.each([
    ['low', 0.3 + 9 * 0.06 + 0.03 + 900 * 5e-6 + 100 * 30e-6 + 0.3],
    ['central', 0.6 + 9 * 0.1 + 0.06 + 900 * 10e-6 + 100 * 60e-6 + 0.45],
    ['high', 1.5 + 9 * 0.16 + 0.1 + 900 * 20e-6 + 100 * 100e-6 + 0.6],
  ] as const)(
    'prices %s: round trip + data and write calls + cells read and written + commit',
    (set, expected) => {
      // 9 reads of 100 cells and a write of 100: a written cell costs several read ones.
      const c = new CallCounter();
      for (let i = 0; i < 9; i++) c.hit('Range.getValues', { read: 100 });
      c.hit('Range.setValues', { written: 100 });
      expect(estimateSeconds(c)[set]).toBeCloseTo(expected, 2);
      expect(COST[set].perCellWritten).toBeGreaterThan(COST[set].perCellRead);
    },
  );

  it.each([
    ['low', 0.3 + 2 * 0.02 + 0.02],
    ['central', 0.6 + 2 * 0.06 + 0.06],
    ['high', 1.5 + 2 * 0.1 + 0.1],
  ] as const)('prices %s: metadata and session calls below data calls', (set, expected) => {
    const c = new CallCounter();
    c.hit('Spreadsheet.getSheetByName');
    c.hit('Session.getActiveUser');
    c.hit('Spreadsheet.toast');
    expect(estimateSeconds(c)[set]).toBeCloseTo(expected, 2);
    expect(callClass('Spreadsheet.toast')).toBe('meta');
    expect(callClass('Session.getActiveUser')).toBe('session');
    expect(callClass('Lock.tryLock')).toBe('session');
    expect(callClass('SpreadsheetApp.getActiveSpreadsheet')).toBe('session');
  });

  it.each([
    ['low', 0.3 + 2 * 0.06 + 10 * 0.001],
    ['central', 0.6 + 2 * 0.1 + 10 * 0.003],
    ['high', 1.5 + 2 * 0.16 + 10 * 0.16],
  ] as const)('prices %s: a range made or asked where it is costs a local call', (set, expected) => {
    const c = new CallCounter();
    for (let i = 0; i < 7; i++) c.hit('Sheet.getRange');
    c.hit('Range.createTextFinder');
    c.hit('Range.getRow');
    c.hit('Range.getRow');
    c.hit('TextFinder.findAll');
    c.hit('Sheet.getLastRow');
    expect(estimateSeconds(c)[set]).toBeCloseTo(expected, 2);
  });

  it.each([
    ['low', 0.3 + 0.06 + 5e-6 + 200_000 * 1e-6],
    ['central', 0.6 + 0.1 + 10e-6 + 200_000 * 2.5e-6],
    ['high', 1.5 + 0.16 + 20e-6 + 200_000 * 5e-6],
  ] as const)(
    'prices %s: a TextFinder search by the cells it covers, not by what it finds',
    (set, expected) => {
      const c = new CallCounter();
      c.hit('TextFinder.findAll', { read: 1, scanned: 200_000 });
      expect(estimateSeconds(c)[set]).toBeCloseTo(expected, 2);
    },
  );

  it('a read-only execution pays no commit', () => {
    const c = new CallCounter();
    c.hit('Range.getValues', { read: 10 });
    expect(estimateSeconds(c).central).toBeCloseTo(0.6 + 0.1 + 10 * 10e-6, 2);
  });
});
