/**
 * Statuses as data: every state of each lifecycle is reachable from its first state, terminal states
 * stay terminal, and the derivations give what PRODUCT.md section 2 names (table-driven).
 */
import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  BACKORDER_TRANSITIONS,
  deriveBackorderStatus,
  deriveLineStatus,
  derivePoStatus,
  PO_TRANSITIONS,
  type Transitions,
} from '../../shared/status';
import { BACKORDER_STATUSES, PO_STATUSES } from '../../shared/tabs/vocabulary';
import { line, poLine } from '../support/build';

function reachable<S extends string>(table: Transitions<S>, from: S): Set<S> {
  const seen = new Set<S>([from]);
  const queue = [from];
  while (queue.length > 0)
    for (const next of table[queue.shift() as S])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

describe('lifecycles', () => {
  it('reach every state from the first one', () => {
    expect([...reachable(BACKORDER_TRANSITIONS, 'Open')].sort()).toEqual([...BACKORDER_STATUSES].sort());
    expect([...reachable(PO_TRANSITIONS, 'Draft')].sort()).toEqual([...PO_STATUSES].sort());
  });

  it('never leave Cancelled (001: a cancelled backorder is never reactivated); Complete only back to Fulfilled', () => {
    expect(BACKORDER_TRANSITIONS.Cancelled).toEqual([]);
    // A DeliveredAt typed too early and cleared: delivered no longer.
    expect(BACKORDER_TRANSITIONS.Complete).toEqual(['Fulfilled']);
    expect(() => assertTransition(BACKORDER_TRANSITIONS, 'BO-1', 'Cancelled', 'Open')).toThrow(
      'BO-1 cannot go from Cancelled to Open',
    );
  });
});

describe('derivations', () => {
  const bo = (
    q: Partial<Record<'qtyRemaining' | 'qtyAllocated' | 'qtyFulfilled' | 'qtyCancelled', number>>,
  ) => ({ qtyRemaining: 0, qtyAllocated: 0, qtyFulfilled: 0, qtyCancelled: 0, ...q }) as never;
  it.each([
    [{ qtyRemaining: 5 }, false, 'Open'],
    [{ qtyRemaining: 5, qtyAllocated: 2 }, false, 'Ready to Fulfill'],
    [{ qtyRemaining: 3, qtyFulfilled: 2 }, false, 'Partially Fulfilled'],
    [{ qtyFulfilled: 5 }, false, 'Fulfilled'],
    [{ qtyFulfilled: 5 }, true, 'Complete'],
    [{ qtyCancelled: 5 }, false, 'Cancelled'],
    // Partly cancelled, the rest shipped: the customer got units, so it is Fulfilled, never Cancelled.
    [{ qtyFulfilled: 2, qtyCancelled: 3 }, false, 'Fulfilled'],
    [{ qtyFulfilled: 2, qtyCancelled: 3 }, true, 'Complete'],
    [{ qtyFulfilled: 0, qtyCancelled: 3 }, false, 'Cancelled'],
  ])('backorder %j (delivered %s) → %s', (q, delivered, status) =>
    expect(deriveBackorderStatus(bo(q), delivered)).toBe(status),
  );

  it.each([
    [{}, false, 'New'],
    [{ qtyAllocated: 10 }, true, 'Allocated'],
    [{ qtyAllocated: 4 }, false, 'Partially allocated'],
    [{}, true, 'Parked'],
    [{ qtyAllocated: 6, qtyBackordered: 4 }, true, 'Backordered'],
    [{ qtyShipped: 4, qtyAllocated: 6 }, false, 'Partially shipped'],
    [{ qtyShipped: 4 }, false, 'Partially shipped'],
    [{ qtyShipped: 4, status: 'Partially shipped' as const }, false, 'Partially shipped'],
    [{ qtyShipped: 4, status: 'Partially shipped' as const }, true, 'Parked'],
    [{ qtyShipped: 10 }, false, 'Shipped'],
    [{ qtyCancelled: 10 }, false, 'Cancelled'],
    [{ qtyShipped: 6, qtyCancelled: 4 }, false, 'Shipped'],
  ])('order line of 10 %j (allocation ran %s) → %s', (q, ran, status) =>
    expect(deriveLineStatus({ ...line({ orderId: 'SO-1', sku: 'A', qty: 10 }), ...q }, ran)).toBe(status),
  );

  it.each([
    [{ status: 'Sent' as const }, 'Sent'],
    [{ qtyReceived: 4 }, 'Partially Received'],
    [{ qtyReceived: 10 }, 'Received'],
    [{ status: 'Cancelled' as const, qtyReceived: 4 }, 'Cancelled'],
  ])('PO line of 10 %j → %s', (q, status) =>
    expect(derivePoStatus({ ...poLine({ po: 'P', sku: 'A', qty: 10 }), status: 'Draft', ...q })).toBe(status),
  );
});
