/**
 * cancel-line: a customer cancels an order line, whole or in part, before it ships. The
 * backordered units go first, then the unplanned, then the reserved; freed stock goes to the next in
 * the SKU's queue and the result names them; every invariant holds after each step (Session).
 */
import { describe, expect, it } from 'vitest';
import { shortLineSession } from '../../support/session';

const shop = shortLineSession;

describe('cancel-line', () => {
  it.each([
    // qty, then the line's allocated / backordered / cancelled, SO-1's backorder remaining, A allocated
    { qty: 2, allocated: 6, backordered: 2, cancelled: 2, remaining: 2, stockAllocated: 6 },
    { qty: 4, allocated: 6, backordered: 0, cancelled: 4, remaining: 0, stockAllocated: 6 },
    { qty: 7, allocated: 3, backordered: 0, cancelled: 7, remaining: 0, stockAllocated: 6 },
    { qty: undefined, allocated: 0, backordered: 0, cancelled: 10, remaining: 0, stockAllocated: 3 },
  ])('cancels $qty: backorder first, then reserved stock', (t) => {
    const s = shop();
    expect(s.line('SO-1')).toMatchObject({ qtyAllocated: 6, qtyBackordered: 4 });
    s.do({
      action: 'cancel-line',
      orderId: 'SO-1',
      line: 1,
      ...(t.qty === undefined ? {} : { qty: t.qty }),
      reason: 'Customer Requested',
    });
    expect(s.line('SO-1')).toMatchObject({
      qtyAllocated: t.allocated,
      qtyBackordered: t.backordered,
      qtyCancelled: t.cancelled,
    });
    expect(s.backorder('BO-000001').qtyRemaining).toBe(t.remaining);
    expect(s.stock('A').allocated).toBe(t.stockAllocated);
  });

  it('gives the freed units to the next in the queue and says to whom', () => {
    const s = shop();
    const so2 = s.wb.backorders.find((b) => b.orderId === 'SO-2');
    expect(so2?.qtyAllocated).toBe(0);
    const r = s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, reason: 'Customer Requested' });
    expect(r.messages[0]).toBe('SO-1 line 1: 10 × A cancelled (Customer Requested); 6 freed');
    expect(r.messages).toContain(`${so2?.backorderId} (Pine Co): 3 × A ready to fulfill`);
    expect(s.backorder(so2?.backorderId as string)).toMatchObject({
      qtyAllocated: 3,
      status: 'Ready to Fulfill',
    });
    expect(s.line('SO-1').status).toBe('Cancelled');
  });

  it('refuses more than is open, with the numbers, and a line with nothing left', () => {
    const s = shop();
    s.do({ action: 'ship', orderId: 'SO-1', line: 1, qty: 6 });
    expect(() =>
      s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, qty: 5, reason: 'Customer Requested' }),
    ).toThrow('SO-1 line 1: cannot cancel 5; 4 of 10 are still open (6 shipped, 0 cancelled)');
    s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, reason: 'Customer Requested' });
    expect(() =>
      s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, reason: 'Customer Requested' }),
    ).toThrow(/SO-1 line 1 is Shipped: nothing on it is left to cancel/);
    expect(() => s.do({ action: 'cancel-line', orderId: 'SO-2', line: 1, reason: 'Other' })).toThrow(
      /Other needs a note/,
    );
    expect(() =>
      s.do({ action: 'cancel-line', orderId: 'SO-9', line: 1, reason: 'Customer Requested' }),
    ).toThrow(/order SO-9 line 1 not found/);
  });

  it('is permanent: undo refuses it, as it refuses cancelling a backorder (001)', () => {
    const s = shop();
    s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, qty: 7, reason: 'Customer Requested' });
    expect(() => s.do({ action: 'undo' })).toThrow(/cancelling is permanent; place a new order instead/);
  });
});
