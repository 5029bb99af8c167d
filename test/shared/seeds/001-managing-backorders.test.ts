/**
 * 001, "Managing Backorders", section by section (the worked example and the common issues have test
 * files of their own; the rep's actions are detailed in commands/backorder-actions.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeAging } from '../../../shared/reports/aging';
import { backorderConfirmation, customerMessage } from '../../../shared/reports/documents';
import { item, line, poLine, TODAY, workbook } from '../../support/build';
import { Session } from '../../support/session';

function shop() {
  const s = new Session(
    workbook({
      inventory: [
        item({ sku: 'WINE', product: 'Cabernet 2019', onHand: 15, substitutes: 'WINE-20' }),
        item({ sku: 'WINE-20', product: 'Cabernet 2020', onHand: 30 }),
      ],
      orders: [
        line({
          orderId: 'SO-1',
          sku: 'WINE',
          qty: 20,
          customer: 'Harbor Bistro',
          salesRep: 'Dana',
          unitPrice: 1800 as never,
          discount: 500 as never,
        }),
        line({
          orderId: 'SO-2',
          sku: 'WINE',
          qty: 6,
          customer: 'Oak Tavern',
          salesRep: 'Sam',
          orderDate: '2026-11-05' as never,
        }),
      ],
      pos: [poLine({ po: 'PO-1', sku: 'WINE', qty: 10, promisedDate: '2026-11-30' as never })],
    }),
  );
  s.do({ action: 'allocate' });
  return s;
}

describe('001: managing backorders', () => {
  it('How backorders are created: automatically on a shortfall, or manually with a date and a reason', () => {
    const s = shop();
    expect(s.wb.backorders.map((b) => [b.orderId, b.qty, b.source])).toEqual([
      ['SO-1', 5, 'Auto'],
      ['SO-2', 6, 'Auto'],
    ]);
    s.do({
      action: 'create-backorder',
      orderId: 'SO-1',
      line: 1,
      qty: 3,
      date: '2026-12-20',
      reason: 'Split shipment requested by customer',
    });
    expect(s.backorder('BO-000003')).toMatchObject({
      source: 'Manual',
      expectedDate: '2026-12-20',
      reason: 'Split shipment requested by customer',
    });
  });

  it('Viewing and filtering: by customer, product, rep and expected date', () => {
    const s = shop();
    const r = computeAging(s.wb, TODAY);
    expect(r.byCustomer.map((c) => [c.key, c.totals.qty])).toEqual([
      ['Harbor Bistro', 5],
      ['Oak Tavern', 6],
    ]);
    expect(r.byRep.map((c) => c.key).sort()).toEqual(['Dana', 'Sam']);
    expect(r.products).toEqual([
      expect.objectContaining({
        sku: 'WINE',
        qtyWaiting: 11,
        customersWaiting: 2,
        expectedRestock: '2026-11-30',
        posPending: 'PO-1',
      }),
    ]);
    expect(r.timeline.find((t) => t.label === 'Next week')?.totals.count).toBe(1);
  });

  it('Backorder detail: original order, quantities, expected availability and the locked price', () => {
    const s = shop();
    s.do({ action: 'ship', orderId: 'SO-1' });
    const doc = backorderConfirmation(s.wb, 'BO-000001').text;
    expect(doc).toMatch(/WINE\s+Cabernet 2019\s+5\s+15\s+20\s+18\.00\s+2026-11-30/);
    expect(doc).toContain(
      'Your price is locked: you will not pay more because of the delay. Value waiting 85.50.',
    );
  });

  it('Fulfilling: partial fulfilment keeps the rest open; the final one closes it', () => {
    const s = shop();
    s.do({ action: 'receive', po: 'PO-1' });
    s.do({ action: 'fulfill', backorderId: 'BO-000001', qty: 2 });
    expect(s.backorder('BO-000001')).toMatchObject({ status: 'Ready to Fulfill', qtyRemaining: 3 });
    s.do({ action: 'fulfill', backorderId: 'BO-000001' });
    expect(s.backorder('BO-000001').status).toBe('Fulfilled');
  });

  it('Communicating: messages from templates, calls recorded with the customer’s choice', () => {
    const s = shop();
    s.do({
      action: 'log-call',
      backorderId: 'BO-000002',
      method: 'Phone',
      summary: 'Will wait for the next delivery',
      choice: 'Wait',
    });
    expect(customerMessage(s.wb, 'BO-000001', 'created', TODAY).text).toBe(
      "Dear Harbor Bistro, we are sorry: 5 × Cabernet 2019 (WINE) on order SO-1 is on backorder (Insufficient stock). We expect it by 2026-11-30 (our supplier's date for PO-1). Your price of 18.00 USD is locked in. You can wait, take a substitute, or cancel this part of the order: reply to this message and Dana will arrange it.",
    );
    s.do({
      action: 'reschedule',
      backorderId: 'BO-000001',
      date: '2026-12-12',
      reason: 'the vendor ships late',
    });
    expect(customerMessage(s.wb, 'BO-000001', 'rescheduled', TODAY).text).toContain(
      'now expected by 2026-12-12 instead of 2026-11-30: the vendor ships late. We are sorry for the delay.',
    );
    expect(s.backorder('BO-000002')).toMatchObject({ customerChoice: 'Wait', lastContact: TODAY });
  });

  it('Offering alternatives and cancelling: substitute at the original price, or cancel with a reason', () => {
    const s = shop();
    s.do({ action: 'substitute', backorderId: 'BO-000001', sku: 'WINE-20' });
    expect(s.line('SO-1', 2)).toMatchObject({ sku: 'WINE-20', qty: 5, unitPrice: 1800, discount: 500 });
    s.do({ action: 'cancel', backorderId: 'BO-000002', reason: 'Excessive Delay' });
    expect(customerMessage(s.wb, 'BO-000002', 'cancelled', TODAY).text).toBe(
      'Dear Oak Tavern, backorder BO-000002 for 6 × Cabernet 2019 (WINE) has been cancelled: Excessive Delay. You will not be charged for the cancelled units, and anything paid for them will be refunded.',
    );
  });

  it('Best practices: oldest first unless priority says otherwise; stale backorders surface', () => {
    const s = shop();
    expect([s.backorder('BO-000001').queuePosition, s.backorder('BO-000002').queuePosition]).toEqual([1, 2]); // SO-1 was ordered first
    const later = computeAging(s.wb, '2027-01-15' as never);
    expect(later.stale.map((x) => x.backorderId)).toEqual(['BO-000001', 'BO-000002']);
  });
});
