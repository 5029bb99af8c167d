/**
 * `measureSpeed` through the built Code.js in the twin: the probe that calibrates the cost model on
 * a real spreadsheet. The twin's clock says nothing about Google's speed, so this checks what can
 * be checked here: it times the calls it names (each the number of times it says), reports every
 * parameter the cost model prices but the round trip, and leaves the spreadsheet as it found it
 * (its temporary sheet deleted, no tab changed).
 */
import { describe, expect, it } from 'vitest';
import { COST } from '../../twin/apps-script/cost-model';
import { openDesk, typeWorkedExample } from '../support/addon';

describe('add-on: measureSpeed', () => {
  it('times the calls the cost model prices and leaves the spreadsheet as it was', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    // A held line, so the index's Hold answer has a row to agree on.
    desk.run('sidebarAction', {
      command: { action: 'hold', orderId: 'SO-1', note: 'credit check' },
      requestId: 'measure-hold',
      attempt: 1,
    });
    expect(desk.rows('Orders')[0]?.Hold).toBe('Held');
    const before = desk.twin.file.sheets.map((s) => ({ title: s.properties.title, values: s.values }));
    desk.rt.counter.reset();
    const report = desk.run<{
      sheet: string;
      ms: Record<string, number>;
      blockCells: number;
      parameters: Record<string, number>;
      idsTrusted: string[];
      searchesAgree: Record<string, boolean | null>;
      uniqueAgrees: Record<string, boolean | null>;
    }>('measureSpeed');
    const after = desk.twin.file.sheets.map((s) => ({ title: s.properties.title, values: s.values }));
    expect(after).toEqual(before);
    const counts = desk.rt.counter.counts;
    expect(counts['Spreadsheet.insertSheet']).toBe(1);
    expect(counts['Spreadsheet.deleteSheet']).toBe(1);
    // The key column, the whole tab for perScannedCell, and each indexed search against the index's
    // answer.
    expect(counts['TextFinder.findAll']).toBe(15 + 3 + 3);
    expect(report.searchesAgree).toEqual({
      'Orders hold': true,
      'Orders status': true,
      // The SKUs it lists of the waiting lines, against those lines' SKU cells.
      'Orders sku': true,
      'Notifications status': true,
    });
    // The index's "no BackorderID twice" against the column read (fidelity A53).
    expect(report.uniqueAgrees).toEqual({ Backorders: true });
    expect(counts['SpreadsheetApp.flush']).toBe(15);
    expect(report.sheet).toBe('Orders');
    expect(report.ms.rangeByA1).toBeGreaterThanOrEqual(0);
    expect(report.ms.sheetOfRangeByA1).toBeGreaterThanOrEqual(0);
    expect(report.ms.getSpreadsheetTimeZone).toBeGreaterThanOrEqual(0);
    // The five calls every action makes about its execution, each timed 15 times: the lock taken
    // without waiting (no one else holds it here) and given back each time.
    expect(counts['Lock.tryLock']).toBe(15);
    expect(counts['Lock.releaseLock']).toBe(15);
    expect(counts['Session.getActiveUser']).toBe(15);
    for (const call of ['getActiveSpreadsheet', 'getDocumentLock', 'tryLock', 'releaseLock', 'getActiveUser'])
      expect(report.ms[call], call).toBeGreaterThanOrEqual(0);
    // The worked example's Log holds LG-000001 …: its id row shows the highest.
    const logIds = desk.rows('Log').map((r) => Number(String(r.LogID).slice(3)));
    expect(report.idsTrusted).toContain(`Log LG-: ${Math.max(...logIds)}`);
    expect(report.blockCells).toBe(
      desk.twin.sheetNamed('Orders').values.length * (desk.twin.sheetNamed('Orders').values[0]?.length ?? 0),
    );
    const { roundTrip: _, ...priced } = COST.central;
    expect(Object.keys(report.parameters).sort()).toEqual([...Object.keys(priced), 'cachedRead'].sort());
    for (const v of [...Object.values(report.parameters), ...Object.values(report.ms)])
      expect(Number.isFinite(v) && v >= 0).toBe(true);
  });
});
