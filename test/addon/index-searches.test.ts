/**
 * The index tab's search rows (shared/io/index-searches.ts) through the built Code.js in the twin:
 * who is on hold and which order lines may wait (with their SKUs) come with the index read, and
 * decide as the search or the read of Status cells they replace; a row that cannot be trusted (a count typed over, a
 * Status cell holding no status) leaves the search to be made; the daily run gives an index written
 * before them its search rows.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_TAB } from '../../shared/io/index-tab';
import type { ActionReply } from '../../shared/sidebar/rpc';
import { lastUnitShop, openDesk } from '../support/addon';
import { shop, trusted } from '../support/index-tab';

let n = 0;
const rid = () => `index-searches-${String(++n).padStart(4, '0')}`;

describe('add-on: who is on hold, from the index', () => {
  /**
   * The last unit goes to SO-A; SO-B and SO-C wait for it, SO-B goes on hold, and SO-A's line is
   * cancelled: the unit passes held SO-B by. `breakRow` may type over the index's Hold count.
   * The searches the cancel made, and each line's status after.
   */
  async function cancelPastHeld(breakRow: boolean) {
    const desk = await lastUnitShop(['A', 'B', 'C']);
    const act = (command: object) =>
      desk.run<ActionReply>('sidebarAction', { command, requestId: rid(), attempt: 1 });
    act({ action: 'allocate' });
    act({ action: 'hold', orderId: 'SO-B', note: 'credit check' });
    const index = desk.twin.sheetNamed(INDEX_TAB);
    const row = index.values.findIndex((r) => r[0] === 'Rows matching');
    expect(row).toBeGreaterThan(0);
    if (breakRow) desk.twin.write(`'${INDEX_TAB}'!F${row + 1}`, [['7']], 'RAW');
    desk.rt.counter.reset();
    const reply = act({ action: 'cancel-line', orderId: 'SO-A', line: 1, reason: 'Customer Requested' });
    expect(reply.logId).toMatch(/^LG-/);
    return {
      searches: desk.rt.counter.counts['TextFinder.findAll'] ?? 0,
      statuses: desk.rows('Orders').map((r) => `${r.OrderID} ${r.Status} ${r.Hold}`),
      queue: desk.rows('Backorders').map((r) => `${r.OrderID} ${r.Status} ${r.QtyAllocated}`),
    };
  }

  it('answers the Hold search with the index read, and passes a held order by as the search does', async () => {
    const answered = await cancelPastHeld(false);
    const searched = await cancelPastHeld(true);
    // The freed unit is reserved for SO-C's backorder, not held SO-B's, either way.
    expect(answered.queue).toEqual(['SO-B Open 0', 'SO-C Ready to Fulfill 1']);
    expect(answered.statuses).toEqual(['SO-A Cancelled ', 'SO-B Backordered Held', 'SO-C Backordered ']);
    expect(answered).toEqual({ ...searched, searches: answered.searches });
    // The one search the index answers: the Hold column's.
    expect(answered.searches).toBe(searched.searches - 1);
  });
});

describe('add-on: search rows mended', () => {
  it('gives an index written before its search rows those rows at the daily run', async () => {
    const desk = await shop();
    const index = desk.twin.sheetNamed(INDEX_TAB);
    const rows = index.values.flatMap((r, i) => (r[0] === 'Rows matching' ? [i + 1] : []));
    expect(rows.length).toBe(3);
    for (const r of rows) desk.twin.clear(`'${INDEX_TAB}'!A${r}:Z${r}`);
    expect(trusted(desk).get('orders')?.found).toBeUndefined();
    desk.rt.fireTimeDriven(desk.rt.state.triggers[0]?.id ?? '', true);
    expect(trusted(desk).get('orders')?.found?.size).toBe(2);
    expect(trusted(desk).get('notifications')?.found?.size).toBe(1);
  });
});

describe('add-on: which lines may wait, from the index', () => {
  /**
   * SO-2 holds the five tiles in stock; SO-1, ship complete, is parked for them 40 lines below; its
   * cancel frees them. `status` decides the index's Status row: answered, broken (a count typed
   * over) or refused (a Status cell elsewhere holds text that is no status). The reads of single
   * cells of a column the cancel made, and SO-1 after.
   */
  async function cancelFreeing(status: 'answered' | 'broken' | 'refused' | 'unlisted') {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'TILE-9', Warehouse: 'MAIN', OnHand: 5 }]);
    const order = { Line: 1, OrderDate: '2026-11-10', Customer: 'Bayside', Warehouse: 'MAIN', Qty: 5 };
    const others = Array.from({ length: 40 }, (_, i) => ({
      ...order,
      OrderID: `SO-${100 + i}`,
      SKU: `O-${i}`,
    }));
    desk.type('Orders', [{ ...order, OrderID: 'SO-2', SKU: 'TILE-9' }, ...others]);
    desk.type('Orders', [{ ...order, OrderID: 'SO-1', SKU: 'TILE-9', ShipPolicy: 'Ship complete' }]);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid(), attempt: 1 });
    const row = desk.twin
      .sheetNamed(INDEX_TAB)
      .values.findIndex((r) => r[0] === 'Rows matching' && r[3] !== '');
    const statusRow = desk.twin
      .sheetNamed(INDEX_TAB)
      .values.findIndex((r, i) => i > row && r[0] === 'Rows matching');
    if (status === 'broken') desk.twin.write(`'${INDEX_TAB}'!F${statusRow + 1}`, [['9']], 'RAW');
    if (status === 'refused') desk.twin.write('Orders!X20', [['Shiped']], 'RAW');
    // A parked line with no SKU: the list of waiting lines' SKUs, blanks left out, is one short.
    if (status === 'unlisted') {
      desk.twin.write('Orders!J20', [['']], 'RAW');
      desk.twin.write('Orders!X20', [['Parked']], 'RAW');
    }
    desk.rt.counter.reset();
    const reply = desk.run<ActionReply>('sidebarAction', {
      command: { action: 'cancel-line', orderId: 'SO-2', line: 1, reason: 'Customer Requested' },
      requestId: rid(),
      attempt: 1,
    });
    expect(reply.logId).toMatch(/^LG-/);
    const so1 = desk.rows('Orders').find((r) => r.OrderID === 'SO-1');
    return {
      reads: desk.rt.counter.counts['Range.getValues'] ?? 0,
      searches: desk.rt.counter.counts['TextFinder.findAll'] ?? 0,
      so1: `${so1?.Status} ${so1?.QtyAllocated}`,
    };
  }

  it('finds the waiting lines of a SKU in the index’s list of their SKUs, with no search, as the search does', async () => {
    const answered = await cancelFreeing('answered');
    const broken = await cancelFreeing('broken');
    const unlisted = await cancelFreeing('unlisted');
    expect(answered.so1).toBe('Allocated 5');
    expect(broken.so1).toBe(answered.so1);
    expect(unlisted.so1).toBe(answered.so1);
    // The Orders search by SKU is the one the list answers; a list one short of the count is not used.
    expect(answered.searches).toBe(broken.searches - 1);
    expect(unlisted.searches).toBe(broken.searches);
  });

  it('keeps the waiting lines a SKU search found by the index, reading no Status cell, as the read does', async () => {
    const listed = await cancelFreeing('unlisted');
    const broken = await cancelFreeing('broken');
    const refused = await cancelFreeing('refused');
    expect(listed.so1).toBe('Allocated 5');
    expect(broken.so1).toBe(listed.so1);
    expect(refused.so1).toBe(listed.so1);
    // Without the index's answer the Status cells of the lines found are read first: one call more.
    expect(listed.reads).toBe(broken.reads - 1);
    expect(refused.reads).toBe(broken.reads);
  });
});
