/**
 * Receiving (000 step 5) queues open backorders by priority then age and reserves the new stock for
 * them; fulfilling ships it, fully, partly, or in a batch per product (001 tip).
 */
import { describe, expect, it } from 'vitest';
import { item, line, poLine, workbook } from '../../support/build';
import { Session } from '../../support/session';

const bo = (s: Session, orderId: string) => s.wb.backorders.find((b) => b.orderId === orderId)!;

function threeWaiting() {
  const s = new Session(
    workbook({
      inventory: [item({ sku: 'A', onHand: 0 }), item({ sku: 'B', onHand: 0 })],
      orders: [
        line({ orderId: 'OLD', sku: 'A', qty: 4, orderDate: '2026-10-01' as never }),
        line({ orderId: 'NEW', sku: 'A', qty: 4, orderDate: '2026-11-10' as never }),
        line({
          orderId: 'VIP',
          sku: 'A',
          qty: 4,
          priority: 'VIP',
          orderDate: '2026-11-20' as never,
          customer: 'Big Co',
        }),
        line({ orderId: 'B-1', sku: 'B', qty: 2 }),
      ],
      pos: [poLine({ po: 'PO-1', sku: 'A', qty: 6 }), poLine({ po: 'PO-1', line: 2, sku: 'B', qty: 5 })],
    }),
  );
  s.do({ action: 'allocate' });
  return s;
}

describe('receive', () => {
  it('queues backorders VIP first, then oldest, and marks them Ready to Fulfill', () => {
    const s = threeWaiting();
    expect(s.wb.backorders.map((b) => [b.orderId, b.queuePosition])).toEqual([
      ['VIP', 1],
      ['OLD', 2],
      ['B-1', 1],
      ['NEW', 3],
    ]);
    const r = s.do({ action: 'receive', po: 'PO-1', line: 1 });
    expect(r.messages).toContain(`${bo(s, 'VIP').backorderId} (Big Co): 4 × A ready to fulfill`);
    const byOrder = Object.fromEntries(s.wb.backorders.map((b) => [b.orderId, [b.status, b.qtyAllocated]]));
    expect(byOrder).toMatchObject({
      VIP: ['Ready to Fulfill', 4],
      OLD: ['Ready to Fulfill', 2],
      NEW: ['Open', 0],
    });
    expect(s.stock('A')).toMatchObject({ onHand: 6, allocated: 6 });
    expect(s.wb.pos[0]).toMatchObject({ status: 'Received', qtyReceived: 6 });
  });

  it('receives partly, and more than is open as an over-receipt it names', () => {
    const s = threeWaiting();
    s.do({ action: 'receive', po: 'PO-1', line: 2, qty: 2 });
    expect(s.wb.pos[1]).toMatchObject({ status: 'Partially Received', qtyReceived: 2 });
    const onHand = s.wb.inventory.reduce((n, i) => n + i.onHand, 0);
    const r = s.do({ action: 'receive', po: 'PO-1', line: 2, qty: 4 });
    expect(r.messages[0]).toMatch(/on PO-1 line 2: over-receipt, 1 more than the 5 ordered/);
    expect(s.wb.pos[1]).toMatchObject({ status: 'Received', qtyReceived: 6 });
    expect(s.wb.inventory.reduce((n, i) => n + i.onHand, 0)).toBe(onHand + 4);
    expect(s.wb.log[s.wb.log.length - 1]?.summary).toContain('over-receipt, 1 more than the 5 ordered');
    expect(() => s.do({ action: 'receive', po: 'PO-1', qty: 1 })).toThrow(
      /has 2 lines: give --line with --qty/,
    );
    expect(() => s.do({ action: 'receive', po: 'PO-9' })).toThrow(/PO-9 not found/);
  });
});

describe('fulfill', () => {
  it('fulfils partly, keeps the remainder open, and closes on the final fulfilment', () => {
    const s = threeWaiting();
    s.do({ action: 'receive', po: 'PO-1', line: 1 });
    const id = bo(s, 'OLD').backorderId;
    s.do({ action: 'fulfill', backorderId: id, qty: 1 });
    expect(bo(s, 'OLD')).toMatchObject({
      qtyFulfilled: 1,
      qtyRemaining: 3,
      qtyAllocated: 1,
      status: 'Ready to Fulfill',
    });
    s.do({ action: 'fulfill', backorderId: id, qty: 1 });
    expect(bo(s, 'OLD')).toMatchObject({
      qtyFulfilled: 2,
      qtyRemaining: 2,
      qtyAllocated: 0,
      status: 'Partially Fulfilled',
    });
    expect(() => s.do({ action: 'fulfill', backorderId: id })).toThrow(
      /2 × A wanted but only 0 available \(check Inventory: received, counted, or allocated to other orders\?\)/,
    );
  });

  it('fills every ready backorder of one product in a batch', () => {
    const s = threeWaiting();
    s.do({ action: 'receive', po: 'PO-1' });
    const r = s.do({ action: 'fulfill', sku: 'A' });
    expect(r.entity).toBe('2 backorders of A');
    expect(bo(s, 'VIP').status).toBe('Fulfilled');
    expect(bo(s, 'OLD')).toMatchObject({ status: 'Partially Fulfilled', qtyRemaining: 2 });
    expect(bo(s, 'NEW').status).toBe('Open');
    expect(bo(s, 'B-1').status).toBe('Ready to Fulfill');
    expect(() => s.do({ action: 'fulfill', sku: 'A' })).toThrow(/No backorder is Ready to Fulfill for A/);
  });
});
