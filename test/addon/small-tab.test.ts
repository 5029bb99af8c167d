/**
 * A small tab searched more than once (addon/src/read-costs.ts `SMALL_TAB_CELLS`), through the built
 * Code.js in the twin: a PO line's view reads the POs tab whole in one call and matches its searches
 * there, showing exactly what it shows when the tab is too big for that and is searched.
 */
import { describe, expect, it } from 'vitest';
import type { RowView } from '../../shared/sidebar/rpc';
import { type Desk, lastUnitShop } from '../support/addon';

/** SO-A takes the last unit of LAST-1; SO-B and SO-C wait; PO-1 brings LAST-1 and another SKU. */
async function poShop(): Promise<Desk> {
  const desk = await lastUnitShop(['A', 'B', 'C']);
  const po = { PO: 'PO-1', Vendor: 'Summit', PromisedDate: '2026-12-01', Warehouse: 'MAIN' };
  desk.type('Inventory', [{ SKU: 'OTHER-2', Warehouse: 'MAIN', OnHand: 0 }]);
  desk.type('POs', [
    { ...po, Line: 1, SKU: 'LAST-1', Qty: 5 },
    { ...po, Line: 2, SKU: 'OTHER-2', Qty: 3 },
    { ...po, PO: 'PO-2', Line: 1, SKU: 'LAST-1', Qty: 2 },
  ]);
  desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: 'small-tab-allocate', attempt: 1 });
  return desk;
}

/** PO-1 line 1's view, and the searches and reads it made. */
function viewPoLine(desk: Desk) {
  desk.rt.counter.reset();
  const view = desk.run<RowView>('sidebarView', { sheet: 'POs', row: 2 });
  const counts = desk.rt.counter.counts;
  return {
    view: { ...view, memory: undefined },
    searches: counts['TextFinder.findAll'] ?? 0,
    reads: counts['Range.getValues'] ?? 0,
  };
}

describe('add-on: a small tab searched more than once', () => {
  it('is read whole once, and the PO line’s view is the one its searches give', async () => {
    const small = viewPoLine(await poShop());
    const big = await poShop();
    // Past SMALL_TAB_CELLS (20,000): 1,200 rows of 18 columns.
    big.twin.sheetNamed('POs').properties.gridProperties.rowCount = 1200;
    const searched = viewPoLine(big);
    expect(small.view.title).toMatch(/^PO-1 line 1/);
    expect(small.view).toEqual(searched.view);
    expect(small.searches).toBeLessThan(searched.searches);
    expect(small.reads + small.searches).toBeLessThan(searched.reads + searched.searches);
  });
});
