/**
 * Allocate all and Rebuild aging through the built Code.js in the twin (batches inside one
 * execution): two copies of the same shop, one with 10 and one with 1,510 rows of history in each of
 * Log, Calls and Invoices, take the same batches. Both decide alike and read exactly as many cells, because a
 * batch reads the tabs it decides from whole and the history only for the Log's last rows
 * (shared/io/read-plan.ts `BatchTabs`). The daily run decides its follow-ups and its Aging from one
 * read. A Log people sorted newest first still gets the next LogID.
 */
import { describe, expect, it } from 'vitest';
import { HEADROOM_ROWS } from '../../shared/sheet/grid-plan';
import { type Desk, openDesk, typeWorkedExample } from '../support/addon';

const HISTORY = 1500;

async function shop(history: number): Promise<Desk> {
  const desk = await openDesk();
  desk.run('menuSetUpWorkbook');
  typeWorkedExample(desk);
  desk.type(
    'Orders',
    Array.from({ length: 30 }, (_, i) => ({
      OrderID: `SO-${200 + i}`,
      Line: 1,
      OrderDate: '2026-11-21',
      Customer: `Customer ${i}`,
      SKU: 'CASE-1',
      Qty: 1 + (i % 3),
    })),
  );
  const day = (i: number) =>
    `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const ids = Array.from({ length: history }, (_, i) => String(i + 1).padStart(6, '0'));
  desk.type(
    'Log',
    ids.map((id, i) => ({
      LogID: `LG-9${id}`,
      When: `${day(i)} 10:00:00`,
      Actor: 'rep@harbor.example',
      Action: 'log-call',
      Entity: `Order SO-H${i}`,
      Summary: 'Calls +1',
      RequestID: `old-${id}`,
      Detail: '{}',
    })),
  );
  desk.type(
    'Calls',
    ids.map((id, i) => ({
      CallID: `CL-9${id}`,
      When: `${day(i)} 10:00:00`,
      Customer: `Customer ${i % 40}`,
      OrderID: `SO-H${i}`,
      Method: 'Phone',
      Summary: 'told the date',
    })),
  );
  desk.type(
    'Invoices',
    ids.map((id, i) => ({
      InvoiceNo: `INV-9${id}`,
      Line: 1,
      Customer: `Customer ${i % 40}`,
      InvoiceDate: day(i),
      SKU: 'CASE-1',
      Qty: 1,
      Rate: 12.5,
      Amount: 12.5,
      OrderID: `SO-H${i}`,
      Exported: true,
    })),
  );
  // Every grid with the add-on's headroom below its rows, with or without history: how many blank
  // rows a grid has is not the history's doing, and the last row is found by reading them.
  for (const sheet of desk.twin.file.sheets)
    sheet.properties.gridProperties.rowCount = sheet.values.length + HEADROOM_ROWS;
  return desk;
}

/** Runs a menu function and returns the cells its execution read. */
function cellsRead(desk: Desk, fn: string): number {
  desk.rt.counter.reset();
  desk.run(fn);
  return desk.rt.counter.cells.read;
}

const HISTORY_TABS = ['Log', 'Calls', 'Invoices'];

describe('add-on: batches read what they decide from, not the history', () => {
  it('allocates and rebuilds aging alike, reading the same cells, with or without a year of history', async () => {
    const fresh = await shop(10);
    const old = await shop(10 + HISTORY);
    for (const tab of HISTORY_TABS) expect(old.rows(tab).length - fresh.rows(tab).length, tab).toBe(HISTORY);

    const allocated = [cellsRead(fresh, 'menuAllocateAll'), cellsRead(old, 'menuAllocateAll')];
    expect(allocated[1]).toBe(allocated[0]);
    const rebuilt = [cellsRead(fresh, 'menuRebuildAging'), cellsRead(old, 'menuRebuildAging')];
    expect(rebuilt[1]).toBe(rebuilt[0]);
    // Far less than the history would cost read whole (3 tabs × 1,500 rows × 8 to 16 columns).
    expect(allocated[0]).toBeLessThan(HISTORY * 8);

    for (const tab of ['Orders', 'Backorders', 'Inventory', 'Aging'])
      expect(old.rows(tab), tab).toEqual(fresh.rows(tab));
    const backordered = old.rows('Backorders');
    expect(backordered.length).toBeGreaterThan(10);
    for (const desk of [fresh, old]) {
      desk.rt.ui.alertAnswers.push('NO');
      expect(desk.run<string[]>('menuCheckWorkbook')).toEqual([]);
    }
  }, 120_000);

  it('runs the daily follow-ups and Aging from one read, and leaves the Aging a rebuild would', async () => {
    const desk = await shop(10 + HISTORY);
    desk.run('menuAllocateAll');
    const trigger = desk.rt.state.triggers[0];
    desk.rt.counter.reset();
    desk.rt.fireTimeDriven(trigger?.id ?? '', true);
    const counts = desk.rt.counter.counts;
    // Inventory, Backorders, POs, Shipments, ETA History and Aging, each read once (Settings in one
    // read of its grid: the index tab gives its size), and the Aging's range cleared once before the
    // new report is written.
    expect(counts['Range.clearContent']).toBe(1);
    expect(counts['Sheet.getDataRange']).toBe(6 + 1);
    expect(desk.rt.counter.cells.read).toBeLessThan(HISTORY * 8);
    expect(
      desk
        .rows('Log')
        .slice(-2)
        .map((l) => l.Action),
    ).toEqual(['follow-up', 'aging']);
    const aging = desk.rows('Aging');
    desk.rt.counter.reset();
    desk.run('menuRebuildAging');
    expect(desk.rows('Aging')).toEqual(aging);
    // The same report is not written again: one Log row is all the rebuild writes.
    expect(desk.rt.counter.cells.written).toBe(8);
  }, 120_000);

  it('gives the next LogID when people sorted the Log newest first', async () => {
    const desk = await shop(40);
    const log = desk.twin.sheetNamed('Log');
    const [header, ...rows] = log.values.map((r) => [...r]);
    desk.twin.write('Log!A1', [header ?? [], ...rows.reverse()], 'RAW');
    desk.run('menuAllocateAll');
    desk.run('menuRebuildAging');
    const ids = desk.rows('Log').map((r) => String(r.LogID));
    expect(new Set(ids).size).toBe(ids.length);
    const highest = (xs: string[]) => xs.map((x) => Number(x.slice(3))).sort((a, b) => b - a)[0];
    // The last two rows are the batches, numbered above every id the sorted Log holds.
    expect(Number(ids.at(-2)?.slice(3))).toBe((highest(ids.slice(0, -2)) as number) + 1);
    expect(Number(ids.at(-1)?.slice(3))).toBe((highest(ids.slice(0, -2)) as number) + 2);
  }, 120_000);
});
