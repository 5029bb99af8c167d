/**
 * 001's worked example, end to end through the core: 20 ordered, 15 in stock → 15 shipped, 5 on a
 * backorder linked to the order; a PO of 10 received → Ready to Fulfill → fulfilled → delivered →
 * Complete. Invariants are checked after every step by the session.
 */
import { describe, expect, it } from 'vitest';
import { item, line, poLine, workbook } from '../support/build';
import { Session } from '../support/session';

describe('001 worked example', () => {
  it('splits, backorders, receives, fulfils and completes', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'CASE-1', onHand: 15 })],
        orders: [line({ orderId: 'SO-1', sku: 'CASE-1', qty: 20 })],
        pos: [poLine({ po: 'PO-1', sku: 'CASE-1', qty: 10, promisedDate: '2026-12-01' as never })],
      }),
    );
    const allocated = s.do({ action: 'allocate' });
    expect(allocated.shortfalls).toEqual([
      { orderId: 'SO-1', line: 1, sku: 'CASE-1', wanted: 20, reserved: 15, outcome: 'backordered' },
    ]);
    expect(s.line('SO-1')).toMatchObject({ qtyAllocated: 15, qtyBackordered: 5, status: 'Backordered' });
    const bo = s.backorder('BO-000001');
    expect(bo).toMatchObject({
      orderId: 'SO-1',
      line: 1,
      qty: 5,
      qtyRemaining: 5,
      status: 'Open',
      unitPrice: 1250,
      expectedDate: '2026-12-01',
      expectedSource: 'PO',
      po: 'PO-1',
      queuePosition: 1,
    });

    s.do({ action: 'ship', orderId: 'SO-1' });
    expect(s.line('SO-1')).toMatchObject({ qtyShipped: 15, qtyAllocated: 0, qtyBackordered: 5 });
    expect(s.stock('CASE-1')).toMatchObject({ onHand: 0, allocated: 0 });
    expect(s.wb.shipments).toHaveLength(1);

    const received = s.do({ action: 'receive', po: 'PO-1' });
    expect(received.messages.join('\n')).toContain(
      'BO-000001 (Harbor Builders): 5 × CASE-1 ready to fulfill',
    );
    expect(s.backorder('BO-000001')).toMatchObject({ status: 'Ready to Fulfill', qtyAllocated: 5 });
    expect(s.stock('CASE-1')).toMatchObject({ onHand: 10, allocated: 5 });
    expect(s.wb.pos[0]).toMatchObject({ qtyReceived: 10, status: 'Received' });

    s.do({ action: 'fulfill', backorderId: 'BO-000001' });
    expect(s.backorder('BO-000001')).toMatchObject({ status: 'Fulfilled', qtyFulfilled: 5, qtyRemaining: 0 });
    expect(s.line('SO-1')).toMatchObject({ qtyShipped: 20, qtyBackordered: 0, status: 'Shipped' });
    expect(s.stock('CASE-1')).toMatchObject({ onHand: 5, allocated: 0 });

    // The carrier confirms delivery: people type DeliveredAt; the next action settles the status.
    s.wb = {
      ...s.wb,
      shipments: s.wb.shipments.map((x) => ({ ...x, deliveredAt: '2026-11-25' as never })),
    };
    s.do({ action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'Confirmed receipt' });
    expect(s.backorder('BO-000001').status).toBe('Complete');
    expect(s.wb.log).toHaveLength(5);
  });
});
