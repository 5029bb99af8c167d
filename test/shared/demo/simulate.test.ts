/**
 * The demo workbook behind `npm start`: deterministic for a seed, consistent (every invariant holds),
 * and varied enough to show what the product is for: every aging bucket, overdue backorders, partial
 * fulfilments, cancellations and logged calls.
 */
import { describe, expect, it } from 'vitest';
import { simulateDemo } from '../../../shared/demo/simulate';
import { checkInvariants } from '../../../shared/invariants';
import { daysBetween, type IsoDate } from '../../../shared/primitives/dates';

const today = '2026-11-23' as IsoDate;
const wb = simulateDemo({ today });

describe('demo simulation', () => {
  it('is consistent and deterministic', () => {
    expect(checkInvariants(wb)).toEqual([]);
    expect(JSON.stringify(simulateDemo({ today }))).toBe(JSON.stringify(wb));
  });

  it('has what an owner and a rep need to see', () => {
    const open = wb.backorders.filter((b) => b.qtyRemaining > 0);
    const ages = new Set(
      open.map((b) => {
        const age = daysBetween(b.createdAt as IsoDate, today);
        return age <= 7 ? '1-7' : age <= 14 ? '8-14' : age <= 30 ? '15-30' : '30+';
      }),
    );
    expect([...ages].sort()).toEqual(['1-7', '15-30', '30+', '8-14']);
    expect(open.some((b) => b.expectedDate !== null && b.expectedDate < today)).toBe(true);
    const statuses = new Set(wb.backorders.map((b) => b.status));
    for (const s of ['Open', 'Fulfilled', 'Cancelled']) expect(statuses).toContain(s);
    expect(wb.backorders.some((b) => b.qtyFulfilled > 0 && b.qtyRemaining > 0)).toBe(true);
    expect(wb.calls.length).toBeGreaterThan(10);
    expect(new Set(wb.inventory.map((i) => i.warehouse)).size).toBe(3);
    expect(new Set(wb.orders.map((o) => o.priority))).toEqual(new Set(['Normal', 'High', 'VIP']));
    expect(wb.orders.filter((o) => o.orderDate === today).every((o) => o.status === 'New')).toBe(true);
  });
});
