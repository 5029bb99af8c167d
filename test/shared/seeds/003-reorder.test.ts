/**
 * 003 (SOS Inventory): reorder points, the reorder report, one PO per vendor consolidating many sales
 * orders, several vendors when the SKUs differ, maximum stock levels; then receive and fill.
 */
import { describe, expect, it } from 'vitest';
import { suggestQty } from '../../../shared/reorder';
import { item, line, workbook } from '../../support/build';
import { Session } from '../../support/session';

describe('003: the reorder report', () => {
  it.each([
    // reorderPoint, reorderQty, maxStock, packSize, projected → suggested
    [10, 0, 0, 0, 12, 0], // above the point: nothing
    [10, 0, 0, 0, 4, 6], // back to the point
    [10, 0, 0, 0, -3, 13], // 3 owed to backorders + the point
    [10, 25, 0, 0, 4, 25], // at least the reorder quantity
    [10, 25, 20, 0, 4, 16], // never above MaxStock
    [10, 0, 0, 6, -3, 18], // rounded up to whole packs
    [10, 0, 14, 6, 1, 12], // rounding up would pass MaxStock (18 > 13): down to 2 packs
    [0, 0, 2, 6, -5, 6], // MaxStock never cuts what customers are owed: one pack covers the 5
  ])(
    'point %i, min %i, max %i, pack %i, projected %i → %i',
    (reorderPoint, reorderQty, maxStock, packSize, projected, want) => {
      expect(suggestQty({ reorderPoint, reorderQty, maxStock, packSize }, projected)).toBe(want);
    },
  );
});

describe('003: reorder → one PO per vendor → receive → backorders filled', () => {
  it('consolidates every order behind a vendor into one PO and fills the waiting backorders on receipt', () => {
    const s = new Session(
      workbook({
        inventory: [
          item({
            sku: 'SHINGLE',
            onHand: 0,
            reorderPoint: 10,
            vendor: 'Summit Roofing',
            leadTimeDays: 21,
            packSize: 5,
          }),
          item({ sku: 'VENT', onHand: 0, reorderPoint: 4, vendor: 'Summit Roofing', leadTimeDays: 21 }),
          item({ sku: 'PEX', onHand: 0, reorderPoint: 0, vendor: 'Cascade Plumbing', leadTimeDays: 12 }),
          item({ sku: 'GLUE', onHand: 50, reorderPoint: 5, vendor: 'Cascade Plumbing' }),
        ],
        orders: [
          line({ orderId: 'SO-1', sku: 'SHINGLE', qty: 7 }),
          line({ orderId: 'SO-2', sku: 'SHINGLE', qty: 4, customer: 'Oakridge Homes' }),
          line({ orderId: 'SO-2', line: 2, sku: 'VENT', qty: 2, customer: 'Oakridge Homes' }),
          line({ orderId: 'SO-3', sku: 'PEX', qty: 3, customer: 'Riverbend Plumbing' }),
        ],
      }),
    );
    s.do({ action: 'allocate' });
    const r = s.do({ action: 'reorder' });
    expect(r.newIds).toEqual(['PO-00001', 'PO-00002']);
    const byPo = (po: string) =>
      s.wb.pos.filter((p) => p.po === po).map((p) => [p.vendor, p.sku, p.qty, p.promisedDate]);
    expect(byPo('PO-00001')).toEqual([['Cascade Plumbing', 'PEX', 3, '2026-12-05']]);
    expect(byPo('PO-00002')).toEqual([
      ['Summit Roofing', 'SHINGLE', 25, '2026-12-14'], // 11 owed + point 10 = 21 → 5 packs
      ['Summit Roofing', 'VENT', 6, '2026-12-14'], // 2 owed + point 4
    ]);
    expect(s.wb.backorders.map((b) => [b.orderId, b.po, b.expectedDate])).toEqual([
      ['SO-1', 'PO-00002', '2026-12-14'],
      ['SO-2', 'PO-00002', '2026-12-14'],
      ['SO-2', 'PO-00002', '2026-12-14'],
      ['SO-3', 'PO-00001', '2026-12-05'],
    ]);
    expect(s.stock('SHINGLE').onOrder).toBe(25);
    expect(() => s.do({ action: 'reorder' })).toThrow(/Nothing to reorder/);

    s.do({ action: 'receive', po: 'PO-00002' });
    s.do({ action: 'fulfill', sku: 'SHINGLE' });
    s.do({ action: 'fulfill', sku: 'VENT' });
    expect(s.wb.backorders.filter((b) => b.po === 'PO-00002').map((b) => b.status)).toEqual([
      'Fulfilled',
      'Fulfilled',
      'Fulfilled',
    ]);
    expect(s.stock('SHINGLE')).toMatchObject({ onHand: 14, allocated: 0, onOrder: 0 });
  });
});
