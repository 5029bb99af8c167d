/**
 * 001's "Common Issues", each one the engine can prevent, as a test.
 */
import { describe, expect, it } from 'vitest';
import { item, line, poLine, workbook } from '../support/build';
import { Session } from '../support/session';

describe('001 common issues', () => {
  it('"Backorder not showing after partial fulfillment": the short part becomes a linked backorder at once', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 15 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 20 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SO-1', line: 1, qty: 12 }); // the picker found 12 of the 15
    expect(s.wb.backorders.map((b) => [b.orderId, b.line, b.qty, b.reason])).toEqual([
      ['SO-1', 1, 5, 'Insufficient stock'],
      ['SO-1', 1, 3, 'Short pick'],
    ]);
    expect(s.line('SO-1')).toMatchObject({ qtyShipped: 12, qtyBackordered: 8, status: 'Backordered' });
  });

  it('"Cannot fulfill backorder due to insufficient inventory": refused with where to look; others’ reservations stay', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [line({ orderId: 'OLD', sku: 'A', qty: 5, orderDate: '2026-10-01' as never })],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 5 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.wb = { ...s.wb, orders: [...s.wb.orders, line({ orderId: 'NEW', sku: 'A', qty: 5, priority: 'VIP' })] };
    s.do({ action: 'receive', po: 'PO-1' });
    s.do({ action: 'allocate' }); // the VIP order arrives later: it does not take the stock already reserved
    expect(s.line('NEW').qtyAllocated).toBe(0);
    expect(() => s.do({ action: 'fulfill', backorderId: 'BO-000002' })).toThrow(
      'Backorder BO-000002: 5 × A wanted but only 0 available (check Inventory: received, counted, or allocated to other orders?)',
    );
  });

  it('"Backorder shows fulfilled but customer says not received": Complete only after delivery is recorded', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 2 })],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 2 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'receive', po: 'PO-1' });
    s.do({ action: 'fulfill', backorderId: 'BO-000001' });
    s.do({ action: 'allocate' });
    expect(s.backorder('BO-000001').status).toBe('Fulfilled');
    s.wb = { ...s.wb, shipments: s.wb.shipments.map((x) => ({ ...x, deliveredAt: '2026-11-24' as never })) };
    s.do({ action: 'allocate' });
    expect(s.backorder('BO-000001').status).toBe('Complete');
    expect(s.wb.shipments[0]?.status).toBe('Delivered');
  });

  it('"Customer cancels backorder but wants different product": substitute at the original price, noted', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0, substitutes: 'B' }), item({ sku: 'B', onHand: 9 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 4, unitPrice: 999 as never })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'substitute', backorderId: 'BO-000001', sku: 'B', note: 'customer approved by phone' });
    expect(s.line('SO-1', 2)).toMatchObject({
      sku: 'B',
      qty: 4,
      unitPrice: 999,
      notes: 'Substitute for A (backorder BO-000001, 4 cancelled)',
    });
    expect(s.backorder('BO-000001').cancelNote).toBe('Substituted by B: customer approved by phone');
  });
});
