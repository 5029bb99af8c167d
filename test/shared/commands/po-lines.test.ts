/**
 * The buyer's decisions on PO lines: send-po marks a Draft PO's lines Sent; cancel-po-line
 * cancels what is still to arrive, and the backorders that waited on it fall back to the next PO with
 * room, else to lead time, else to no date, each with a follow-up today; a Manual date stays. Every
 * invariant holds after each step (Session).
 */
import { describe, expect, it } from 'vitest';
import { item, line, poLine, workbook } from '../../support/build';
import { Session } from '../../support/session';

/** SO-1 and SO-2 wait for A (none on hand); PO-1 (Dec 1) has room for 5, PO-2 (Dec 10) for 20. */
function waitingOnPos(leadTimeDays = 0) {
  const s = new Session(
    workbook({
      inventory: [item({ sku: 'A', onHand: 0, leadTimeDays })],
      orders: [
        line({ orderId: 'SO-1', sku: 'A', qty: 4, orderDate: '2026-11-01' as never }),
        line({ orderId: 'SO-2', sku: 'A', qty: 6, orderDate: '2026-11-02' as never, customer: 'Pine Co' }),
      ],
      pos: [
        poLine({ po: 'PO-1', sku: 'A', qty: 5, promisedDate: '2026-12-01' as never }),
        poLine({ po: 'PO-2', sku: 'A', qty: 20, promisedDate: '2026-12-10' as never, status: 'Draft' }),
      ],
    }),
  );
  s.do({ action: 'allocate' });
  return s;
}

describe('send-po', () => {
  it('marks the Draft lines Sent and refuses a PO with none left in Draft', () => {
    const s = waitingOnPos();
    const r = s.do({ action: 'send-po', po: 'PO-2' });
    expect(r.messages[0]).toBe('PO-2: 1 line(s) sent on 2026-11-23');
    expect(s.wb.pos.find((p) => p.po === 'PO-2')?.status).toBe('Sent');
    expect(() => s.do({ action: 'send-po', po: 'PO-2' })).toThrow(
      'PO-2 has no Draft line to send (line 1 Sent)',
    );
    expect(() => s.do({ action: 'send-po', po: 'PO-9' })).toThrow(/PO PO-9 not found/);
  });
});

describe('change-po', () => {
  it('moves the backorders that expect the line to its new date, with a follow-up when later', () => {
    const s = waitingOnPos();
    const so1 = s.wb.backorders.find((b) => b.orderId === 'SO-1');
    expect(so1).toMatchObject({ po: 'PO-1', expectedDate: '2026-12-01' });
    const r = s.do({ action: 'change-po', po: 'PO-1', line: 1, promisedDate: '2026-12-05' });
    expect(r.messages[0]).toBe('PO-1 line 1: promised 2026-12-01 → 2026-12-05');
    expect(r.messages[1]).toBe(
      `${so1?.backorderId} (${so1?.customer}): now expected from PO-1 on 2026-12-05; follow up today`,
    );
    expect(s.backorder(so1?.backorderId as string)).toMatchObject({
      expectedDate: '2026-12-05',
      nextFollowUp: '2026-11-23',
    });
    expect(s.wb.pos[0]).toMatchObject({ promisedDate: '2026-12-05' });
  });

  it('sends what no longer fits to the next PO when the quantity drops, and refuses below received', () => {
    const s = waitingOnPos();
    const so1 = s.wb.backorders.find((b) => b.orderId === 'SO-1')?.backorderId as string;
    const r = s.do({ action: 'change-po', po: 'PO-1', line: 1, qty: 3 });
    expect(r.messages[0]).toBe('PO-1 line 1: quantity 5 → 3');
    expect(s.backorder(so1)).toMatchObject({ po: 'PO-2', expectedDate: '2026-12-10' });
    expect(s.stock('A').onOrder).toBe(23);
    s.do({ action: 'receive', po: 'PO-1', line: 1, qty: 2 });
    expect(() => s.do({ action: 'change-po', po: 'PO-1', line: 1, qty: 1 })).toThrow(
      'PO-1 line 1: cannot order 1; 2 of 3 are already received',
    );
    expect(() => s.do({ action: 'change-po', po: 'PO-1', line: 1 })).toThrow(
      /give a new promised date or quantity/,
    );
  });
});

describe('cancel-po-line', () => {
  it('moves the backorders that waited on it to the next PO, with a follow-up today', () => {
    const s = waitingOnPos();
    const onPo1 = s.wb.backorders.filter((b) => b.po === 'PO-1');
    expect(onPo1.map((b) => b.orderId)).toEqual(['SO-1']);
    const r = s.do({ action: 'cancel-po-line', po: 'PO-1', line: 1, note: 'vendor out of stock' });
    expect(r.messages[0]).toBe('PO-1 line 1: 5 × A cancelled (vendor out of stock)');
    const b = s.backorder(onPo1[0]?.backorderId as string);
    expect(b).toMatchObject({
      po: 'PO-2',
      expectedDate: '2026-12-10',
      expectedSource: 'PO',
      nextFollowUp: '2026-11-23',
    });
    expect(r.messages[1]).toBe(
      `${b.backorderId} (${b.customer}): now expected from PO-2 on 2026-12-10; follow up today`,
    );
    expect(s.wb.pos.find((p) => p.po === 'PO-1')?.status).toBe('Cancelled');
    expect(s.stock('A').onOrder).toBe(20);
  });

  it.each([
    { lead: 14, date: '2026-12-07', source: 'Lead time', says: 'lead time, 2026-12-07' },
    { lead: 0, date: null, source: '', says: 'no date known' },
  ])('falls back to $source when no other PO has room', ({ lead, date, source, says }) => {
    const s = waitingOnPos(lead);
    s.do({ action: 'cancel-po-line', po: 'PO-2', line: 1 });
    const r = s.do({ action: 'cancel-po-line', po: 'PO-1', line: 1 });
    const so1 = s.wb.backorders.find((b) => b.orderId === 'SO-1');
    expect(so1).toMatchObject({ expectedDate: date, expectedSource: source, po: '' });
    expect(r.messages).toContain(
      `${so1?.backorderId} (${so1?.customer}): now expected from ${says}; follow up today`,
    );
  });

  it('keeps a date a rep set by hand, and refuses a line with nothing left to arrive', () => {
    const s = waitingOnPos();
    const so1 = s.wb.backorders.find((b) => b.orderId === 'SO-1')?.backorderId as string;
    s.do({ action: 'reschedule', backorderId: so1, date: '2026-12-03', reason: 'vendor called' });
    s.do({ action: 'receive', po: 'PO-1' });
    expect(() => s.do({ action: 'cancel-po-line', po: 'PO-1', line: 1 })).toThrow(
      'PO-1 line 1 is Received: nothing on it is still to arrive (5 of 5 received)',
    );
    expect(() => s.do({ action: 'undo' })).not.toThrow();
    s.do({ action: 'cancel-po-line', po: 'PO-1', line: 1 });
    expect(s.backorder(so1)).toMatchObject({ expectedDate: '2026-12-03', expectedSource: 'Manual' });
    expect(() => s.do({ action: 'undo' })).toThrow(/cancelling is permanent/);
  });
});
