/**
 * The rep's actions on a backorder (001): manual creation, cancellation (permanent, allocations
 * released), rescheduling (recorded as a communication), substitution at the locked price, calls.
 */
import { describe, expect, it } from 'vitest';
import { item, line, workbook } from '../../support/build';
import { Session } from '../../support/session';

function waiting(onHand = 0) {
  const s = new Session(
    workbook({
      inventory: [
        item({ sku: 'A', onHand, substitutes: 'A2, A3' }),
        item({ sku: 'A2', onHand: 10 }),
        item({ sku: 'Z', onHand: 10 }),
      ],
      orders: [
        line({ orderId: 'SO-1', sku: 'A', qty: 10, unitPrice: 2000 as never, discount: 1000 as never }),
      ],
    }),
  );
  s.do({ action: 'allocate' });
  return s;
}

describe('create-backorder (001 manual creation)', () => {
  it('moves unreserved quantity first, then releases reservations', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 10 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 6 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({
      action: 'create-backorder',
      orderId: 'SO-1',
      line: 1,
      qty: 2,
      date: '2026-12-15',
      reason: 'Customer wants it with phase 2',
    });
    expect(s.line('SO-1')).toMatchObject({ qtyAllocated: 4, qtyBackordered: 2 });
    // Nobody else waits for A, so the 2 released units go straight back to the new backorder.
    expect(s.stock('A').allocated).toBe(6);
    expect(s.backorder('BO-000001')).toMatchObject({ qtyAllocated: 2, status: 'Ready to Fulfill' });
    expect(s.backorder('BO-000001')).toMatchObject({
      source: 'Manual',
      expectedDate: '2026-12-15',
      expectedSource: 'Manual',
    });
    expect(() => s.do({ action: 'create-backorder', orderId: 'SO-1', line: 1, qty: 5 })).toThrow(
      /only 4 can go on backorder/,
    );
  });
});

describe('cancel', () => {
  it('releases the reservation, counts the cancel on the line, and never reopens', () => {
    const s = waiting(4);
    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => (i.sku === 'A' ? { ...i, onHand: 6 } : i)) };
    s.do({ action: 'allocate' }); // the backorder now holds 2
    expect(s.backorder('BO-000001')).toMatchObject({ qtyAllocated: 2, status: 'Ready to Fulfill' });
    s.do({ action: 'cancel', backorderId: 'BO-000001', reason: 'Customer Requested' });
    expect(s.backorder('BO-000001')).toMatchObject({
      status: 'Cancelled',
      qtyCancelled: 6,
      qtyRemaining: 0,
      qtyAllocated: 0,
    });
    expect(s.line('SO-1')).toMatchObject({ qtyCancelled: 6, qtyBackordered: 0 });
    expect(s.stock('A')).toMatchObject({ onHand: 6, allocated: 4 });
    for (const again of [
      { action: 'cancel', backorderId: 'BO-000001', reason: 'Other', note: 'again' },
      { action: 'fulfill', backorderId: 'BO-000001' },
      { action: 'reschedule', backorderId: 'BO-000001', date: '2026-12-30', reason: 'x' },
    ])
      expect(() => s.do(again)).toThrow(/Cancelled/);
  });

  it('needs a note when the reason is Other, and a reason from the list', () => {
    const s = waiting();
    expect(() => s.do({ action: 'cancel', backorderId: 'BO-000001', reason: 'Other' })).toThrow(
      /needs a note/,
    );
    expect(() => s.do({ action: 'cancel', backorderId: 'BO-000001', reason: 'Bored' })).toThrow();
  });
});

describe('reschedule and log-call (001 communication)', () => {
  it('records the new date as a communication and sets the follow-up', () => {
    const s = waiting();
    s.do({ action: 'reschedule', backorderId: 'BO-000001', date: '2026-12-20', reason: 'Vendor strike' });
    expect(s.backorder('BO-000001')).toMatchObject({
      expectedDate: '2026-12-20',
      expectedSource: 'Manual',
      nextFollowUp: '2026-12-20',
      lastContact: '2026-11-23',
      customerChoice: 'Reschedule',
    });
    expect(s.wb.calls[0]).toMatchObject({
      backorderId: 'BO-000001',
      customerChoice: 'Reschedule',
      summary: 'Expected date none → 2026-12-20: Vendor strike',
    });
    expect(() =>
      s.do({ action: 'reschedule', backorderId: 'BO-000001', date: '2026-11-01', reason: 'x' }),
    ).toThrow(/in the past/);
  });

  it('logs a call with method, choice and next follow-up', () => {
    const s = waiting();
    s.do({
      action: 'log-call',
      backorderId: 'BO-000001',
      method: 'Email',
      summary: 'Will wait',
      choice: 'Wait',
      nextFollowUp: '2026-11-30',
    });
    expect(s.wb.calls[0]).toMatchObject({
      method: 'Email',
      customer: 'Harbor Builders',
      rep: 'rep@example.com',
      nextFollowUp: '2026-11-30',
    });
    expect(s.backorder('BO-000001')).toMatchObject({ customerChoice: 'Wait', nextFollowUp: '2026-11-30' });
    s.do({ action: 'log-call', orderId: 'SO-1', method: 'Phone', summary: 'Asked about delivery window' });
    expect(s.wb.calls[1]).toMatchObject({ orderId: 'SO-1', backorderId: '', nextFollowUp: '2026-11-30' });
  });
});

describe('substitute (001 "wants different product")', () => {
  it('cancels the remainder and adds the approved substitute at the locked price', () => {
    const s = waiting(4);
    s.do({ action: 'substitute', backorderId: 'BO-000001', sku: 'A2' });
    expect(s.backorder('BO-000001')).toMatchObject({
      status: 'Cancelled',
      cancelReason: 'Customer Requested',
      cancelNote: 'Substituted by A2',
    });
    expect(s.line('SO-1', 2)).toMatchObject({
      sku: 'A2',
      qty: 6,
      unitPrice: 2000,
      discount: 1000,
      status: 'New',
    });
    s.do({ action: 'allocate', orderId: 'SO-1' });
    expect(s.line('SO-1', 2).status).toBe('Allocated');
  });

  it('refuses a substitute that is not approved', () => {
    const s = waiting();
    expect(() => s.do({ action: 'substitute', backorderId: 'BO-000001', sku: 'Z' })).toThrow(
      /Z is not an approved substitute for A/,
    );
    expect(() => s.do({ action: 'substitute', backorderId: 'BO-000001', sku: 'NOPE' })).toThrow(
      /no SKU NOPE/,
    );
  });
});
