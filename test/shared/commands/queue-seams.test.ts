/**
 * The queue across a day's actions (shared/queue.ts): a parked ship-complete order keeps its place,
 * stock freed by one action reaches the next customer in the same action, statuses and links stay
 * true to the quantities. Each case failed on the code before the standing rule.
 */
import { describe, expect, it } from 'vitest';
import { checkQueue } from '../../../shared/queue-invariants';
import { reorderReport } from '../../../shared/reorder';
import { customerMessage } from '../../../shared/reports/documents';
import { item, line, poLine, workbook } from '../../support/build';
import { Session } from '../../support/session';

describe('the queue keeps its promise across actions', () => {
  it('walk: a parked VIP ship-complete order ships whole first when enough arrives', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0, leadTimeDays: 5 })],
        orders: [
          line({
            orderId: 'SO-VIP',
            sku: 'A',
            qty: 10,
            priority: 'VIP',
            shipPolicy: 'Ship complete',
            orderDate: '2026-11-01' as never,
            customer: 'Big Co',
          }),
          line({
            orderId: 'SO-NEW',
            sku: 'A',
            qty: 3,
            orderDate: '2026-11-10' as never,
            customer: 'Pine Co',
          }),
        ],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 5 }), poLine({ po: 'PO-2', sku: 'A', qty: 10 })],
      }),
    );
    s.do({ action: 'allocate' });
    expect(s.line('SO-VIP').status).toBe('Parked');
    expect(s.backorder('BO-000001')).toMatchObject({ orderId: 'SO-NEW', qty: 3 });
    // Not enough for the VIP order: it cannot ship whole, so the newer backorder may take what came.
    s.do({ action: 'receive', po: 'PO-1' });
    expect(s.line('SO-VIP')).toMatchObject({ qtyAllocated: 0, status: 'Parked' });
    expect(s.backorder('BO-000001')).toMatchObject({ qtyAllocated: 3, status: 'Ready to Fulfill' });
    // Enough: the VIP order, older and higher, takes its 10 before anyone else, in the receipt itself.
    const r = s.do({ action: 'receive', po: 'PO-2' });
    expect(s.line('SO-VIP')).toMatchObject({ qtyAllocated: 10, status: 'Allocated' });
    expect(r.messages).toContain('SO-VIP line 1 (Big Co): 10 × A reserved');
    expect(r.messages).toContain('SO-VIP ships complete and can now ship whole');
    s.do({ action: 'ship', orderId: 'SO-VIP' });
    expect(s.line('SO-VIP')).toMatchObject({ qtyShipped: 10, status: 'Shipped' });
    expect(checkQueue(s.wb)).toEqual([]);
  });

  it('a parked VIP order is not overtaken by a newer backorder when one receipt makes it whole', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 2 })],
        orders: [
          line({ orderId: 'SO-VIP', sku: 'A', qty: 6, priority: 'VIP', shipPolicy: 'Ship complete' }),
          line({ orderId: 'SO-NEW', sku: 'A', qty: 4, orderDate: '2026-11-20' as never }),
        ],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 5 })],
      }),
    );
    s.do({ action: 'allocate' });
    // The 2 on hand went to the newer line (the VIP order could not ship whole); 2 wait on BO-000001.
    expect(s.line('SO-NEW').qtyAllocated).toBe(2);
    s.do({ action: 'receive', po: 'PO-1' });
    // 5 arrive: only the VIP order's 6 would be overtaken if the backorder took them first.
    expect(s.line('SO-VIP')).toMatchObject({ qtyAllocated: 0, status: 'Parked' });
    expect(s.backorder('BO-000001').qtyAllocated).toBe(2);
    expect(checkQueue(s.wb)).toEqual([]);
  });

  it("a cancelled backorder's units reach the next customer in the same action, named in the result", () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 4 })],
        orders: [
          line({ orderId: 'SO-1', sku: 'A', qty: 4 }),
          line({ orderId: 'SO-2', sku: 'A', qty: 6, orderDate: '2026-11-05' as never, customer: 'Pine Co' }),
        ],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 6 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SO-1' });
    s.do({ action: 'receive', po: 'PO-1', qty: 4 });
    // BO-000001 (SO-2) holds 4 of the 6 it waits for; a later order waits behind it.
    s.wb = {
      ...s.wb,
      orders: [
        ...s.wb.orders,
        line({ orderId: 'SO-3', sku: 'A', qty: 3, orderDate: '2026-11-09' as never, customer: 'Bay Co' }),
      ],
    };
    s.do({ action: 'allocate', orderId: 'SO-3' });
    const r = s.do({ action: 'cancel', backorderId: 'BO-000001', reason: 'Customer Requested' });
    expect(r.messages).toContain('BO-000002 (Bay Co): 3 × A ready to fulfill');
    expect(s.backorder('BO-000002')).toMatchObject({ qtyAllocated: 3, status: 'Ready to Fulfill' });
  });

  it('a drop-ship hands the stock its backorder held to the next in line', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 2, vendor: 'Acme' })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => ({ ...i, onHand: 5 })) };
    s.do({ action: 'refresh' });
    expect(s.backorder('BO-000001').qtyAllocated).toBe(3);
    s.wb = {
      ...s.wb,
      orders: [
        ...s.wb.orders,
        line({ orderId: 'SO-2', sku: 'A', qty: 2, orderDate: '2026-11-06' as never, customer: 'Pine Co' }),
      ],
    };
    s.do({ action: 'allocate', orderId: 'SO-2' });
    const r = s.do({ action: 'drop-ship', backorderId: 'BO-000001' });
    expect(r.messages).toContain('BO-000002 (Pine Co): 2 × A ready to fulfill');
  });

  it('a recount that raises OnHand serves who waits when it comes in (the refresh an import runs)', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 3 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => ({ ...i, onHand: 3 })) };
    expect(checkQueue(s.wb)).not.toEqual([]);
    s.do({ action: 'refresh' });
    expect(s.backorder('BO-000001')).toMatchObject({ qtyAllocated: 3, status: 'Ready to Fulfill' });
    expect(checkQueue(s.wb)).toEqual([]);
  });

  it('a backorder partly cancelled, then fulfilled for the rest, is Fulfilled and reaches Complete', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'cancel-line', orderId: 'SO-1', line: 1, qty: 2, reason: 'Customer Requested' });
    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => ({ ...i, onHand: 3 })) };
    s.do({ action: 'fulfill', backorderId: 'BO-000001' });
    expect(s.backorder('BO-000001')).toMatchObject({ qtyFulfilled: 3, qtyCancelled: 2, status: 'Fulfilled' });
    const message = customerMessage(s.wb, 'BO-000001', 'shipped', '2026-11-30');
    expect(message.text).toContain('This completes backorder BO-000001');
    s.wb = { ...s.wb, shipments: s.wb.shipments.map((x) => ({ ...x, deliveredAt: '2026-11-25' as never })) };
    s.do({ action: 'log-call', orderId: 'SO-1', method: 'Phone', summary: 'delivered' });
    expect(s.backorder('BO-000001').status).toBe('Complete');
  });

  it('a DeliveredAt cleared after it was typed too early takes the shipment and backorder back', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 2 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => ({ ...i, onHand: 2 })) };
    s.do({ action: 'fulfill', backorderId: 'BO-000001' });
    s.wb = { ...s.wb, shipments: s.wb.shipments.map((x) => ({ ...x, deliveredAt: '2026-11-24' as never })) };
    s.do({ action: 'log-call', orderId: 'SO-1', method: 'Phone', summary: 'one' });
    expect(s.backorder('BO-000001').status).toBe('Complete');
    s.wb = { ...s.wb, shipments: s.wb.shipments.map((x) => ({ ...x, deliveredAt: null })) };
    const r = s.do({ action: 'log-call', orderId: 'SO-1', method: 'Phone', summary: 'two' });
    expect(s.wb.shipments.map((x) => x.status)).toEqual(['Shipped']);
    expect(s.backorder('BO-000001').status).toBe('Fulfilled');
    expect(r.messages.join('\n')).toMatch(/BO-000001: a DeliveredAt was cleared/);
  });

  it("counts a parked ship-complete order's shortfall in the reorder report", () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 2 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 9, shipPolicy: 'Ship complete' })],
      }),
    );
    s.do({ action: 'allocate' });
    expect(s.line('SO-1').status).toBe('Parked');
    const [row] = reorderReport(s.wb.inventory, s.wb.backorders, s.wb.pos, s.wb.orders);
    expect(row).toMatchObject({ backorderDemand: 9, suggested: 7 });
    const r = s.do({ action: 'reorder' });
    expect(r.messages[0]).toMatch(/PO-\d+ to Acme Supply: 1 line\(s\), 7 units/);
  });

  it('records a short pick on a ship-complete order of two lines: parked, nothing shipped', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 4 }), item({ sku: 'B', onHand: 2 })],
        orders: [
          line({ orderId: 'SO-1', line: 1, sku: 'A', qty: 4, shipPolicy: 'Ship complete' }),
          line({ orderId: 'SO-1', line: 2, sku: 'B', qty: 2, shipPolicy: 'Ship complete' }),
        ],
      }),
    );
    s.do({ action: 'allocate' });
    expect(() => s.do({ action: 'ship', orderId: 'SO-1', line: 1 })).toThrow(/ship all its lines together/);
    const r = s.do({ action: 'ship', orderId: 'SO-1', line: 1, qty: 3 });
    expect(r.messages).toContain('stock discrepancy: A at MAIN counted 1 fewer than OnHand');
    expect(s.wb.shipments).toEqual([]);
    expect(s.line('SO-1', 1)).toMatchObject({ qtyAllocated: 0, status: 'Parked' });
    expect(s.stock('A').onHand).toBe(3);
  });

  it('says what still waits after a partial fulfilment, dated the day it shipped', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => ({ ...i, onHand: 2 })) };
    s.do({ action: 'fulfill', backorderId: 'BO-000001', qty: 2, carrier: 'UPS', tracking: '1Z999' });
    expect(s.wb.shipments[0]).toMatchObject({ carrier: 'UPS', tracking: '1Z999' });
    const text = customerMessage(s.wb, 'BO-000001', 'shipped', '2026-12-01').text;
    expect(text).toContain('2 × Product A (A) for order SO-1 shipped on 2026-11-23');
    expect(text).toContain('3 more remain on backorder BO-000001');
    expect(text).not.toContain('completes');
  });

  it('after cancel-po-line, a backorder with all it waits for reserved names no cancelled PO', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 4 })],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 10 })],
      }),
    );
    s.do({ action: 'allocate' });
    expect(s.backorder('BO-000001').po).toBe('PO-1');
    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => ({ ...i, onHand: 4 })) };
    s.do({ action: 'refresh' });
    expect(s.backorder('BO-000001').status).toBe('Ready to Fulfill');
    s.do({ action: 'cancel-po-line', po: 'PO-1', line: 1 });
    expect(s.backorder('BO-000001').po).toBe('');
    expect(checkQueue(s.wb)).toEqual([]);
  });

  it('files the backorder of a line with no warehouse where its PO is', () => {
    const s = new Session(
      workbook({
        inventory: [
          item({ sku: 'A', warehouse: 'AAA', onHand: 0 }),
          item({ sku: 'A', warehouse: 'ZED', onHand: 0 }),
        ],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 4, warehouse: '' })],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 10, warehouse: 'ZED' })],
      }),
    );
    s.do({ action: 'allocate' });
    expect(s.backorder('BO-000001')).toMatchObject({ warehouse: 'ZED', po: 'PO-1' });
  });
});

describe('refusals speak as people read', () => {
  it('names a locked price that drifted in money and percent, never cents and basis points', async () => {
    const { checkInvariants } = await import('../../../shared/invariants');
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [
          line({ orderId: 'SO-1', sku: 'A', qty: 2, unitPrice: 5000 as never, discount: 1000 as never }),
        ],
      }),
    );
    s.do({ action: 'allocate' });
    const drifted = { ...s.wb, orders: s.wb.orders.map((l) => ({ ...l, unitPrice: 4500 as never })) };
    expect(checkInvariants(drifted).map((v) => v.message)).toContain(
      "locked price 50.00 less 10% differs from the order line's 45.00 less 10%",
    );
  });
});
