/**
 * The Apps Script face of the twin, row by row of docs/fidelity.md (A1–A36; rows marked "not
 * modelled" have no case; A37 is pinned in test/shared/codec.test.ts, A38 in
 * fidelity-text-finder.test.ts): each case names the row and so the documentation it pins, so a
 * change to the twin that drifts from Google fails here. Small scripts are plain JavaScript run in
 * the twin's node:vm runtime, as a built Code.js is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSheet, newWorkbookFile } from '../../local-store/workbook-file';
import { illegalValueAt, wireCopy } from '../../playground/page/script-run-payload';
import { AppsScriptRuntime } from '../../twin/apps-script/runtime';
import { SCOPES } from '../../twin/apps-script/scopes';
import { newProjectState } from '../../twin/apps-script/services';
import { TwinSpreadsheet } from '../../twin/spreadsheet';
import { builtAddon } from '../support/addon';

const NOW = () => Date.parse('2026-11-23T15:00:00Z');

/** A spreadsheet with one tab holding a header, in a time zone of its own. */
function sheetWith(rows: (string | number | boolean | null)[][], timeZone = 'America/New_York') {
  const file = newWorkbookFile('fidelity', timeZone);
  const s = newSheet(file, 'T', ['a', 'b', 'c']);
  s.values.push(...rows);
  return new TwinSpreadsheet(file, () => new Date(NOW()));
}

const SCRIPT = `
function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('T'); }
function write(a1, rows) { sheet().getRange(a1).setValues(rows); }
function writeThenRead(a1, rows) { sheet().getRange(a1).setValues(rows); return sheet().getRange(a1).getValues(); }
function writeAndFlush(a1, rows, flush) { sheet().getRange(a1).setValues(rows); if (flush) SpreadsheetApp.flush(); return 'ok'; }
function types() {
  return sheet().getRange(2, 1, 1, 3).getValues()[0].map(function (v) {
    return Object.prototype.toString.call(v) === '[object Date]' ? 'Date:' + v.toISOString() : typeof v + ':' + v;
  });
}
function formatted(tz) {
  var d = sheet().getRange(2, 1).getValue();
  return Utilities.formatDate(d, tz, 'yyyy-MM-dd HH:mm');
}
function range(r, c, nr, nc) { return sheet().getRange(r, c, nr, nc).getA1Notation(); }
function a1(x) { return sheet().getRange(x).getA1Notation(); }
function dataRange(name) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name).getDataRange().getA1Notation(); }
function newTab(name) { var s = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name); return [s.getMaxRows(), s.getMaxColumns()]; }
function append(row) { sheet().appendRow(row); return sheet().getMaxRows(); }
function grow(rows) { sheet().insertRowsAfter(sheet().getMaxRows(), rows); return sheet().getMaxRows(); }
function who() { return Session.getActiveUser().getEmail(); }
function open(id) { return SpreadsheetApp.openById(id); }
function docLock() { return LockService.getDocumentLock() === null ? 'null' : 'lock'; }
function docProps() { return PropertiesService.getDocumentProperties() === null ? 'null' : 'props'; }
function active() { return SpreadsheetApp.getActiveSpreadsheet() === null ? 'null' : 'spreadsheet'; }
function takeLock(ms) { return LockService.getDocumentLock().tryLock(ms); }
function waitLock(ms) { LockService.getDocumentLock().waitLock(ms); }
function trigger(fn) { return ScriptApp.newTrigger(fn).timeBased().everyDays(1).atHour(6).create().getUniqueId(); }
function minutely(fn) { return ScriptApp.newTrigger(fn).timeBased().everyMinutes(5).create(); }
function mine() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).length; }
function all() { return ScriptApp.getProjectTriggers().length; }
function prop(value) { PropertiesService.getDocumentProperties().setProperty('k', value); }
function cache(value, s) { CacheService.getDocumentCache().put('k', value, s); return CacheService.getDocumentCache().get('k'); }
`;

const runtime = (
  twin: TwinSpreadsheet,
  extra: Partial<ConstructorParameters<typeof AppsScriptRuntime>[0]> = {},
) => new AppsScriptRuntime({ twin, code: SCRIPT, now: NOW, ...extra });

describe('docs/fidelity.md — Apps Script', () => {
  it('A1: value writes wait in the execution’s cache; another execution sees them only after a commit', () => {
    const twin = sheetWith([[1, 2, 3]]);
    const code = `${SCRIPT}; function probe(flush) { sheet().getRange('A2').setValues([[9]]); if (flush) SpreadsheetApp.flush(); var l = LockService.getDocumentLock(); l.tryLock(1); l.releaseLock(); }`;
    const rt = new AppsScriptRuntime({ twin, code, now: NOW });
    let seen: unknown;
    // What another execution would read at the moment this one releases its lock.
    rt.state.afterRelease = () => {
      seen = twin.sheetNamed('T').values[1]?.[0];
    };
    rt.run('probe', false);
    expect(seen).toBe(1);
    expect(twin.sheetNamed('T').values[1]?.[0]).toBe(9); // committed when the execution ended
    twin.sheetNamed('T').values[1] = [1, 2, 3];
    rt.run('probe', true);
    expect(seen).toBe(9);
  });

  it('A2: a read in the same execution sees the execution’s own writes', () => {
    const rt = runtime(sheetWith([[1, 2, 3]]));
    expect(rt.run('writeThenRead', 'A2:B2', [[7, 8]])).toEqual([[7, 8]]);
  });

  it('A3: releasing the lock commits nothing; flush() before release does', () => {
    const twin = sheetWith([[1, 2, 3]]);
    const code = `${SCRIPT}; function locked(flush) { var l = LockService.getDocumentLock(); l.tryLock(1000); sheet().getRange('A2').setValues([[5]]); if (flush) SpreadsheetApp.flush(); l.releaseLock(); }`;
    const rt = new AppsScriptRuntime({ twin, code, now: NOW });
    const seen: unknown[] = [];
    rt.state.afterRelease = () => seen.push(twin.sheetNamed('T').values[1]?.[0]);
    rt.run('locked', false);
    twin.sheetNamed('T').values[1] = [1, 2, 3];
    rt.run('locked', true);
    expect(seen).toEqual([1, 5]);
  });

  it('A4: getValues gives numbers, strings, booleans, "" for empty, Date for date-formatted cells', () => {
    const twin = sheetWith([['x', 3.5, true]]);
    expect(runtime(twin).run('types')).toEqual(['string:x', 'number:3.5', 'boolean:true']);
    const blank = sheetWith([[null, '', 0]]);
    expect(runtime(blank).run('types')).toEqual(['string:', 'string:', 'number:0']);
  });

  it('A5: a date cell is a Date at midnight in the spreadsheet’s zone, whatever the script’s zone', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo']) {
      const twin = sheetWith([[46349, '', '']], tz);
      twin.sheetNamed('T').columnFormats.A = 'yyyy-mm-dd';
      const rt = runtime(twin);
      expect(rt.run('formatted', tz)).toBe('2026-11-23 00:00');
    }
  });

  it('A6: a formula error reads as its code, e.g. #N/A', () => {
    const twin = sheetWith([['', '', '']]);
    twin.write('T!A2', [['=NA()']], 'USER_ENTERED');
    expect((runtime(twin).run('types') as string[])[0]).toBe('string:#N/A');
  });

  it('A7: setValues with a block of another size throws the documented message', () => {
    const rt = runtime(sheetWith([]));
    expect(() => rt.run('write', 'A2:B2', [[1]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('A8: setValues parses text as typed: "=", "+", "-" start formulas; a leading apostrophe keeps text', () => {
    const twin = sheetWith([]);
    runtime(twin).run('write', 'A2:C2', [['=1+1', "'=1+1", '-x']]);
    const s = twin.sheetNamed('T');
    expect(s.formulas.A2).toBe('=1+1');
    expect(s.values[1]?.[1]).toBe('=1+1');
    expect(s.formulas.C2).toBe('=-x');
  });

  it('A9–A11: google.script.run refuses Dates, functions, Maps, Sets, RegExps, class instances and cycles, nested too; undefined in arrays is null', () => {
    expect(illegalValueAt([{ due: new Date() }])).toBe('0.due');
    expect(illegalValueAt([1, () => 1])).toBe('1');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(illegalValueAt([cyclic])).toBe('0.self');
    expect(illegalValueAt([{ a: [1, 'x', null, true] }])).toBeUndefined();
    expect(illegalValueAt([{ lines: new Map([['a', 1]]) }])).toBe('0.lines');
    expect(illegalValueAt([new Set([1])])).toBe('0');
    expect(illegalValueAt([{ match: /x/ }])).toBe('0.match');
    expect(illegalValueAt([new (class Line {})()])).toBe('0');
    expect(illegalValueAt([Object.create(null)])).toBeUndefined();
    expect(wireCopy([1, undefined, 3])).toEqual([1, null, 3]);
  });

  it('A12: getRange outside the grid throws', () => {
    const rt = runtime(sheetWith([]));
    expect(rt.run('range', 1000, 1, 1, 26)).toBe('A1000:Z1000');
    expect(() => rt.run('range', 1001, 1, 1, 1)).toThrow('outside the dimensions of the sheet');
    expect(() => rt.run('range', 1, 26, 1, 2)).toThrow('outside the dimensions of the sheet');
    expect(() => rt.run('a1', 'AA2:AA')).toThrow('outside the dimensions of the sheet');
  });

  it('A13: a new sheet is 1,000 rows × 26 columns', () => {
    expect(runtime(sheetWith([])).run('newTab', 'Fresh')).toEqual([1000, 26]);
  });

  it('A14: appendRow grows the grid when the data fills it; insertRowsAfter adds rows', () => {
    const twin = sheetWith(Array.from({ length: 999 }, (_, i) => [i, '', '']));
    const rt = runtime(twin);
    expect(rt.run('append', ['x', 'y', 'z'])).toBe(1001);
    // One call that moves the row's cells (the cost model prices it as a write of 3 cells).
    expect(rt.counter.counts['Sheet.appendRow']).toBe(1);
    expect(rt.counter.counts['Range.setValues']).toBeUndefined();
    expect(rt.counter.cells.written).toBe(3);
    expect(rt.run('grow', 10)).toBe(1011);
  });

  it('A15: getDataRange of an empty sheet is A1', () => {
    const twin = sheetWith([]);
    twin.addSheet('Empty');
    expect(runtime(twin).run('dataRange', 'Empty')).toBe('A1');
  });

  it('A16: a cell holds at most 50,000 characters', () => {
    const rt = runtime(sheetWith([]));
    expect(() => rt.run('write', 'A2', [['x'.repeat(50_001)]])).toThrow('50000 characters in a single cell');
    rt.run('write', 'A2', [['x'.repeat(50_000)]]);
  });

  it('A17: a spreadsheet holds at most 10 million cells', () => {
    const twin = sheetWith([]);
    twin.sheetNamed('T').properties.gridProperties.rowCount = 384_000;
    const rt = runtime(twin);
    expect(() => rt.run('grow', 1000)).toThrow('above the limit of 10000000 cells');
  });

  it('A18–A20: a method needing a scope the manifest lacks throws, naming the scope', () => {
    const twin = sheetWith([]);
    const narrow = runtime(twin, { scopes: [SCOPES.currentOnly] });
    expect(() => narrow.run('who')).toThrow(
      `Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: ${SCOPES.email}`,
    );
    expect(() => narrow.run('open', twin.id)).toThrow(SCOPES.spreadsheets);
    expect(runtime(twin, { scopes: [SCOPES.currentOnly, SCOPES.email], user: '' }).run('who')).toBe('');
  });

  it('A21: the manifest the add-on ships asks for exactly the scopes its code needs', async () => {
    const { scopes } = await builtAddon();
    expect(scopes).toEqual([SCOPES.currentOnly, SCOPES.containerUi, SCOPES.scriptApp, SCOPES.email]);
  });

  it('A24–A26: one time-driven trigger per add-on per document; at most hourly; getUserTriggers is per document', () => {
    const project = newProjectState();
    const one = runtime(sheetWith([]), { project });
    const two = runtime(sheetWith([]), { project });
    one.run('trigger', 'dailyRun');
    expect(() => one.run('trigger', 'dailyRun')).toThrow('too many time-based triggers in this document');
    expect(() => one.run('minutely', 'dailyRun')).toThrow('once an hour');
    expect(two.run('mine')).toBe(0);
    expect(two.run('all')).toBe(1);
    two.run('trigger', 'dailyRun');
    expect([one.run('mine'), two.run('mine'), two.run('all')]).toEqual([1, 1, 2]);
  });

  it('A27–A28: a time-driven run with no container has no active spreadsheet, document lock or properties', () => {
    const rt = runtime(sheetWith([]));
    const id = rt.run('trigger', 'active') as string;
    expect(rt.fireTimeDriven(id, false)).toBe('null');
    expect(rt.fireTimeDriven(id, true)).toBe('spreadsheet');
    expect(rt.runWith('docLock', () => [], false)).toBe('null');
    expect(rt.runWith('docProps', () => [], false)).toBe('null');
  });

  it('A29: tryLock answers false while another execution holds the lock; waitLock throws', () => {
    const rt = runtime(sheetWith([]));
    rt.state.lockHolder = 'execution-elsewhere';
    expect(rt.run('takeLock', 100)).toBe(false);
    expect(() => rt.run('waitLock', 100)).toThrow('Lock timeout');
  });

  it('A30–A31: a property value holds 9 KB; a cache value 100 KB, kept at most 6 hours', () => {
    const rt = runtime(sheetWith([]));
    expect(() => rt.run('prop', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large');
    expect(() => rt.run('cache', 'x'.repeat(100 * 1024 + 1), 60)).toThrow('Argument too large');
    expect(rt.run('cache', 'v', 999_999)).toBe('v');
    expect(rt.state.cache.get('k')?.expires).toBe(NOW() + 21_600_000);
  });

  it('A32: the built Code.js uses no global the Apps Script V8 runtime lacks', async () => {
    const { code } = await builtAddon();
    const missing = [
      'setTimeout',
      'setInterval',
      'queueMicrotask',
      'structuredClone',
      'fetch',
      'TextEncoder',
      'TextDecoder',
      'require(',
      'process.',
      'Buffer.',
      'globalThis.crypto',
    ];
    expect(missing.filter((name) => code.includes(name))).toEqual([]);
    expect(readFileSync(join(__dirname, '../../addon/appsscript.json'), 'utf8')).toContain(
      '"runtimeVersion": "V8"',
    );
  });

  it('A22: the add-on’s onOpen touches only the Ui (it may run in AuthMode.NONE)', async () => {
    const { code, scopes } = await builtAddon();
    const rt = new AppsScriptRuntime({ twin: sheetWith([]), code, scopes, now: NOW });
    rt.run('onOpen');
    expect(
      Object.keys(rt.counter.counts).filter((k) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k)),
    ).toEqual([]);
  });

  it('A36: the script lock, shared by every installation of an add-on, is refused', () => {
    const rt = new AppsScriptRuntime({
      twin: sheetWith([]),
      code: 'function f() { LockService.getScriptLock(); }',
      now: NOW,
    });
    expect(() => rt.run('f')).toThrow('use getDocumentLock');
  });
});
