/**
 * hold / release: a Held order keeps what it reserved but gets nothing new, the stock
 * others free passes it by, its backorders leave the queue and nothing of it ships; a release puts
 * it back and allocates it at once. Every invariant holds after each step (Session).
 */
import { describe, expect, it } from 'vitest';
import { item, line, workbook } from '../../support/build';
import { Session } from '../../support/session';

/** SO-1 (oldest) and SO-2 each want 4 of A; 5 on hand: SO-1 gets 4, SO-2 gets 1 and waits for 3. */
function shop() {
  return new Session(
    workbook({
      inventory: [item({ sku: 'A', onHand: 5 })],
      orders: [
        line({ orderId: 'SO-1', sku: 'A', qty: 4, orderDate: '2026-11-01' as never }),
        line({ orderId: 'SO-2', sku: 'A', qty: 4, orderDate: '2026-11-05' as never, customer: 'Pine Co' }),
        line({ orderId: 'SO-3', sku: 'A', qty: 2, orderDate: '2026-11-06' as never, customer: 'Bayside' }),
      ],
    }),
  );
}

describe('hold and release', () => {
  it.each([
    // which order is held before allocating → what each order has reserved afterwards
    { held: 'SO-1', reserved: { 'SO-1': 0, 'SO-2': 4, 'SO-3': 1 } },
    { held: 'SO-2', reserved: { 'SO-1': 4, 'SO-2': 0, 'SO-3': 1 } },
    { held: 'SO-3', reserved: { 'SO-1': 4, 'SO-2': 1, 'SO-3': 0 } },
  ])('allocation skips $held and says so', (t) => {
    const s = shop();
    s.do({ action: 'hold', orderId: t.held, note: 'credit' });
    const r = s.do({ action: 'allocate' });
    expect(r.messages[1]).toBe(`on hold, skipped: ${t.held}`);
    for (const [order, n] of Object.entries(t.reserved)) expect(s.line(order).qtyAllocated).toBe(n);
    expect(s.line(t.held)).toMatchObject({ hold: 'Held', status: 'New' });
  });

  it('keeps what a Held order reserved, lets freed stock pass it by, and takes its backorders out of the queue', () => {
    const s = shop();
    s.do({ action: 'allocate' });
    const so2 = s.wb.backorders.find((b) => b.orderId === 'SO-2');
    const so3 = s.wb.backorders.find((b) => b.orderId === 'SO-3');
    expect([so2?.queuePosition, so3?.queuePosition]).toEqual([1, 2]);
    const r = s.do({ action: 'hold', orderId: 'SO-2' });
    expect(r.messages[0]).toBe(
      'Order SO-2 on hold: allocation and shipping skip it; its 1 reserved unit(s) stay reserved',
    );
    expect(s.line('SO-2').qtyAllocated).toBe(1);
    expect(s.backorder(so2?.backorderId as string).queuePosition).toBe(0);
    expect(s.backorder(so3?.backorderId as string).queuePosition).toBe(1);
    // SO-1 gives up 3: they go to SO-3, not to the Held SO-2 ahead of it.
    s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, qty: 3, reason: 'Customer Requested' });
    expect(s.backorder(so3?.backorderId as string).qtyAllocated).toBe(2);
    expect(s.backorder(so2?.backorderId as string).qtyAllocated).toBe(0);
  });

  it('refuses to ship, fulfil or allocate a Held order, and to hold it twice', () => {
    const s = shop();
    s.do({ action: 'allocate' });
    s.do({ action: 'hold', orderId: 'SO-1' });
    expect(() => s.do({ action: 'ship', orderId: 'SO-1' })).toThrow(
      'Order SO-1 is on hold: release it to ship',
    );
    expect(() => s.do({ action: 'allocate', orderId: 'SO-1' })).toThrow(
      'Order SO-1 is on hold: release it to allocate',
    );
    expect(() => s.do({ action: 'hold', orderId: 'SO-1' })).toThrow('Order SO-1 is already on hold');
    expect(() => s.do({ action: 'release', orderId: 'SO-2' })).toThrow('Order SO-2 is not on hold');
    // A Held line may still change; its extra units wait for the release.
    s.do({ action: 'change-line', orderId: 'SO-1', line: 1, qty: 6 });
    expect(s.line('SO-1')).toMatchObject({ qty: 6, qtyAllocated: 4, qtyBackordered: 0 });
    s.do({ action: 'hold', orderId: 'SO-2' });
    const bo = s.wb.backorders.find((b) => b.orderId === 'SO-2')?.backorderId as string;
    expect(() => s.do({ action: 'fulfill', backorderId: bo })).toThrow(
      `${bo}: order SO-2 is on hold; release it to ship`,
    );
  });

  it('releases an order: back in the queue and allocated at once', () => {
    const s = shop();
    s.do({ action: 'allocate' });
    s.do({ action: 'hold', orderId: 'SO-2' });
    s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, qty: 3, reason: 'Customer Requested' });
    s.do({ action: 'cancel-line', orderId: 'SO-3', line: 1, reason: 'Customer Requested' });
    const r = s.do({ action: 'release', orderId: 'SO-2' });
    expect(r.messages[0]).toBe('Order SO-2 released and allocated');
    expect(s.line('SO-2')).toMatchObject({ hold: '', qtyAllocated: 1 });
    const bo = s.wb.backorders.find((b) => b.orderId === 'SO-2');
    expect(bo).toMatchObject({ qtyAllocated: 3, queuePosition: 1, status: 'Ready to Fulfill' });
  });
});
