/**
 * change-line: a customer changes an order line before it ships. A lower quantity comes
 * off the backorder first, then the reserved stock, and the freed units go to the next in the queue;
 * a higher one is allocated at once on a line allocation has seen; a new price reaches the line's
 * backorders and is refused once anything shipped; every invariant holds after each step (Session).
 */
import { describe, expect, it } from 'vitest';
import { line, workbook } from '../../support/build';
import { Session, shortLineSession } from '../../support/session';

const shop = shortLineSession;

describe('change-line', () => {
  it.each([
    // new Qty → the line's allocated / backordered / cancelled, its backorder's Qty, Remaining, Status
    { qty: 8, allocated: 6, backordered: 2, boQty: 2, remaining: 2, status: 'Open' },
    { qty: 6, allocated: 6, backordered: 0, boQty: 0, remaining: 0, status: 'Cancelled' },
    { qty: 4, allocated: 4, backordered: 0, boQty: 0, remaining: 0, status: 'Cancelled' },
    { qty: 12, allocated: 6, backordered: 6, boQty: 4, remaining: 4, status: 'Open' },
  ])('changes Qty 10 → $qty: the backorder first, then reserved stock', (t) => {
    const s = shop();
    s.do({ action: 'change-line', orderId: 'SO-1', line: 1, qty: t.qty });
    expect(s.line('SO-1')).toMatchObject({
      qty: t.qty,
      qtyAllocated: t.allocated,
      qtyBackordered: t.backordered,
      qtyCancelled: 0,
    });
    expect(s.backorder('BO-000001')).toMatchObject({
      qty: t.boQty,
      qtyRemaining: t.remaining,
      qtyCancelled: 0,
      status: t.status,
    });
  });

  it('gives the freed units to the next in the queue and says to whom', () => {
    const s = shop();
    const so2 = s.wb.backorders.find((b) => b.orderId === 'SO-2');
    const r = s.do({ action: 'change-line', orderId: 'SO-1', line: 1, qty: 3 });
    expect(r.messages[0]).toBe('SO-1 line 1: Qty 10 → 3 (3 freed)');
    expect(r.messages).toContain(`${so2?.backorderId} (Pine Co): 3 × A ready to fulfill`);
    expect(s.stock('A').allocated).toBe(6);
  });

  it('backorders the extra of a higher Qty at once, and leaves a New line for allocation', () => {
    const s = shop();
    const r = s.do({ action: 'change-line', orderId: 'SO-1', line: 1, qty: 12 });
    expect(r.messages[0]).toBe('SO-1 line 1: Qty 10 → 12');
    expect(s.wb.backorders.filter((b) => b.orderId === 'SO-1').map((b) => b.qtyRemaining)).toEqual([4, 2]);
    const fresh = new Session(workbook({ orders: [line({ orderId: 'SO-7', sku: 'A', qty: 2 })] }));
    fresh.do({ action: 'change-line', orderId: 'SO-7', line: 1, qty: 5 });
    expect(fresh.line('SO-7')).toMatchObject({ qty: 5, status: 'New', qtyAllocated: 0 });
  });

  it('moves the price to the line and its backorders while nothing shipped, and then refuses it', () => {
    const s = shop();
    const r = s.do({ action: 'change-line', orderId: 'SO-1', line: 1, unitPrice: 11.5 });
    expect(r.messages[0]).toBe('SO-1 line 1: price 12.50 → 11.50');
    expect(s.line('SO-1').unitPrice).toBe(1150);
    expect(s.backorder('BO-000001').unitPrice).toBe(1150);
    s.do({ action: 'ship', orderId: 'SO-1', line: 1, qty: 2 });
    expect(() => s.do({ action: 'change-line', orderId: 'SO-1', line: 1, unitPrice: 9 })).toThrow(
      'SO-1 line 1: 2 already shipped and invoiced at 11.50; a new price needs a new line',
    );
  });

  it('sets the required date and keeps what people typed in the other columns', () => {
    const s = shop();
    const before = s.line('SO-1');
    s.do({ action: 'change-line', orderId: 'SO-1', line: 1, requiredDate: '2026-12-20' });
    expect(s.line('SO-1')).toEqual({ ...before, requiredDate: '2026-12-20' });
  });

  it('refuses a Qty below what shipped or was cancelled, with the numbers, and an empty change', () => {
    const s = shop();
    s.do({ action: 'ship', orderId: 'SO-1', line: 1, qty: 5 });
    s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, qty: 1, reason: 'Customer Requested' });
    expect(() => s.do({ action: 'change-line', orderId: 'SO-1', line: 1, qty: 5 })).toThrow(
      'SO-1 line 1: Qty cannot go below 6 (5 shipped, 1 cancelled, 0 moved); 5 asked',
    );
    expect(() => s.do({ action: 'change-line', orderId: 'SO-1', line: 1 })).toThrow(/say what changes/);
    expect(() => s.do({ action: 'change-line', orderId: 'SO-1', line: 1, qty: 0 })).toThrow(/at least 1/);
  });

  it('is undone whole while nothing it touched moved since', () => {
    const s = shop();
    const before = structuredClone(s.wb);
    s.do({ action: 'change-line', orderId: 'SO-1', line: 1, qty: 8, unitPrice: 10 });
    expect(s.backorder('BO-000001')).toMatchObject({ qty: 2, unitPrice: 1000 });
    s.do({ action: 'undo' });
    expect(s.line('SO-1')).toEqual(before.orders[0]);
    expect(s.wb.backorders).toEqual(before.backorders);
    expect(s.wb.inventory).toEqual(before.inventory);
  });

  it('is not undone when it emptied a backorder: cancelling is permanent', () => {
    const s = shop();
    s.do({ action: 'change-line', orderId: 'SO-1', line: 1, qty: 6 });
    expect(s.backorder('BO-000001').status).toBe('Cancelled');
    expect(() => s.do({ action: 'undo' })).toThrow(
      /change-line \(LG-\d+\) cancelled backorder BO-000001: cancelling is permanent; undo refused/,
    );
  });
});
