/**
 * Archive's plan (shared/bulk/archive.ts): an order's last activity is dated where the workbook is,
 * so a call logged in the evening counts on the day it was made there.
 */
import { describe, expect, it } from 'vitest';
import { planArchive } from '../../shared/bulk/archive';
import type { IsoDate } from '../../shared/primitives/dates';
import type { Call } from '../../shared/tabs/calls';
import { line, workbook } from '../support/build';

describe('archive', () => {
  it('dates a call by the workbook’s time zone, not UTC', () => {
    // A shipped order whose last activity is a call at 20:30 in New York on 23 November (UTC: the 24th).
    const wb = workbook({
      orders: [
        { ...line({ orderId: 'SO-1', sku: 'A', qty: 1, orderDate: '2026-11-01' as IsoDate }), qtyShipped: 1 },
      ],
      config: { TimeZone: 'America/New_York' },
    });
    const call = { callId: 'CL-000001', when: '2026-11-24T01:30:00.000Z', orderId: 'SO-1' } as Call;
    const plan = planArchive({ ...wb, calls: [call] }, '2026-11-24' as IsoDate);
    expect(plan.orders.map((l) => l.orderId)).toEqual(['SO-1']);
    expect(plan.calls).toEqual([call]);
  });
});
