/**
 * Shipping what is allocated: one shipment per warehouse, short picks recorded as stock discrepancies
 * and backordered, and 002 strategy 3 (new order for the remainder) by setting.
 */
import { describe, expect, it } from 'vitest';
import { item, line, workbook } from '../../support/build';
import { Session } from '../../support/session';

describe('ship', () => {
  it('turns a short pick into a counted discrepancy and a backorder', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 10 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 8 })],
      }),
    );
    s.do({ action: 'allocate' });
    const r = s.do({ action: 'ship', orderId: 'SO-1', line: 1, qty: 6 });
    expect(r.messages).toContain('stock discrepancy: A at MAIN counted 2 fewer than OnHand');
    expect(s.line('SO-1')).toMatchObject({ qtyShipped: 6, qtyBackordered: 2, status: 'Backordered' });
    // The 2 units that were never reserved are still on the books: the new backorder takes them at once.
    expect(s.stock('A')).toMatchObject({ onHand: 2, allocated: 2 });
    expect(s.backorder('BO-000001')).toMatchObject({
      qty: 2,
      reason: 'Short pick',
      source: 'Auto',
      status: 'Ready to Fulfill',
    });
    expect(r.messages).toContain('BO-000001 (Harbor Builders): 2 × A ready to fulfill');
  });

  it('refuses to ship more than allocated, or --qty without a line', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 10 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 8 })],
      }),
    );
    s.do({ action: 'allocate' });
    expect(() => s.do({ action: 'ship', orderId: 'SO-1', line: 1, qty: 9 })).toThrow(
      /9 picked but only 8 allocated/,
    );
    expect(() => s.do({ action: 'ship', orderId: 'SO-1', qty: 2 })).toThrow(/--qty needs --line/);
    expect(() => s.do({ action: 'ship', orderId: 'NOPE' })).toThrow(/order NOPE not found/);
  });

  it('parks a ship-complete order whose pick comes up short, shipping nothing', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 5 })],
        orders: [line({ orderId: 'SC', sku: 'A', qty: 5, shipPolicy: 'Ship complete' })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SC', line: 1, qty: 4 });
    expect(s.line('SC')).toMatchObject({ qtyShipped: 0, qtyAllocated: 0, status: 'Parked' });
    expect(s.stock('A')).toMatchObject({ onHand: 4, allocated: 0 });
    expect(s.wb.shipments).toEqual([]);
  });

  it('releases a short ship-complete order once, leaving other orders’ reservations alone (found by the property test)', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'B', onHand: 2 })],
        orders: [
          line({
            orderId: 'SC',
            sku: 'B',
            qty: 1,
            shipPolicy: 'Ship complete',
            orderDate: '2026-11-01' as never,
          }),
          line({ orderId: 'P', sku: 'B', qty: 1, orderDate: '2026-11-02' as never }),
        ],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SC', line: 1, qty: 0 });
    expect(s.stock('B')).toMatchObject({ onHand: 1, allocated: 1 });
    expect(s.line('P').qtyAllocated).toBe(1);
  });

  it('moves the remainder to a new order in "New order for the remainder" mode (002 strategy 3)', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 3 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 })],
        config: { BackorderMode: 'New order for the remainder' },
      }),
    );
    s.do({ action: 'allocate' });
    expect(s.wb.backorders).toEqual([]);
    const r = s.do({ action: 'ship', orderId: 'SO-1' });
    expect(r.newIds).toContain('SO-1-R1');
    expect(s.line('SO-1')).toMatchObject({
      qtyShipped: 3,
      qtyMoved: 2,
      movedTo: 'SO-1-R1',
      status: 'Shipped',
    });
    expect(s.line('SO-1-R1')).toMatchObject({
      qty: 2,
      status: 'New',
      unitPrice: 1250,
      notes: 'Remainder of SO-1 line 1',
    });
  });
});
