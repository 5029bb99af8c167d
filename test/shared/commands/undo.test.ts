/**
 * Undo reverses the latest action from its Log entry when nothing since depends on it, and says why
 * when it will not.
 */
import { describe, expect, it } from 'vitest';
import { item, line, poLine, workbook } from '../../support/build';
import { Session } from '../../support/session';

function shipped() {
  const s = new Session(
    workbook({
      inventory: [item({ sku: 'A', onHand: 3 })],
      orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 })],
      pos: [poLine({ po: 'PO-1', sku: 'A', qty: 2 })],
    }),
  );
  s.do({ action: 'allocate' });
  s.do({ action: 'ship', orderId: 'SO-1' });
  return s;
}

describe('undo within its window (Settings UndoKeep)', () => {
  it('keeps what undo needs for the latest actions only, and refuses past them with the reason', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 3 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 })],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 2 })],
        config: { UndoKeep: 2 },
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SO-1' });
    expect(s.wb.log.map((l) => l.detail.startsWith('{"expired"'))).toEqual([false, false]);
    s.do({ action: 'receive', po: 'PO-1' });
    // The allocation fell out of the window: its before-images are gone, its summary stays.
    const [allocated] = s.wb.log;
    expect(allocated?.detail).toBe('{"expired":true}');
    expect(allocated?.summary).toMatch(/Orders 1 updated/);
    expect(s.wb.log.slice(1).every((l) => l.detail.includes('"before"'))).toBe(true);
    // Undo reaches the two actions it keeps (its own rows do not count against them)…
    s.do({ action: 'undo' }); // the receipt
    s.do({ action: 'undo' }); // the shipment
    expect(s.wb.shipments).toEqual([]);
    // …and says why it stops there; the undos kept what they undid.
    expect(() => s.do({ action: 'undo' })).toThrow(
      /LG-000001 is older than the last 2 actions, the ones undo can reach \(Settings UndoKeep\); undo refused/,
    );
    expect(
      s.wb.log.filter((l) => l.action === 'undo').map((l) => /"undoes":"([^"]+)"/.exec(l.detail)?.[1]),
    ).toEqual(['LG-000003', 'LG-000002']);
  });
});

describe('undo', () => {
  it('reverses the last action: changed rows come back, created rows go', () => {
    const s = shipped();
    const before = structuredClone({
      orders: s.wb.orders,
      inventory: s.wb.inventory,
      backorders: s.wb.backorders,
      shipments: s.wb.shipments,
    });
    s.do({ action: 'receive', po: 'PO-1' });
    s.do({ action: 'fulfill', backorderId: 'BO-000001' });
    const r = s.do({ action: 'undo' });
    expect(r.messages).toEqual(['undid fulfill LG-000004 (Backorder BO-000001) by rep@example.com']);
    expect(s.backorder('BO-000001')).toMatchObject({ status: 'Ready to Fulfill', qtyAllocated: 2 });
    expect(s.wb.invoices).toHaveLength(1);
    s.do({ action: 'undo' }); // the receipt
    s.do({ action: 'undo' }); // the shipment
    expect(s.wb.shipments).toEqual([]);
    expect(s.wb.orders).toEqual(
      before.orders.map((l) => ({
        ...l,
        qtyShipped: 0,
        qtyAllocated: 3,
        allocatedFrom: 'MAIN:3',
        status: 'Backordered',
      })),
    );
    expect(s.stock('A')).toMatchObject({ onHand: 3, allocated: 3 });
    expect(s.wb.log.map((l) => l.action)).toEqual([
      'allocate',
      'ship',
      'receive',
      'fulfill',
      'undo',
      'undo',
      'undo',
    ]);
  });

  it('refuses when a later change depends on the action, naming the row', () => {
    const s = shipped();
    s.wb = { ...s.wb, orders: s.wb.orders.map((l) => ({ ...l, notes: 'typed after' })) };
    s.wb = { ...s.wb, orders: s.wb.orders.map((l) => ({ ...l, qtyShipped: l.qtyShipped })) };
    s.wb = { ...s.wb, shipments: s.wb.shipments.map((x) => ({ ...x, tracking: '1Z999' })) };
    expect(() => s.do({ action: 'undo' })).toThrow(
      'Shipments SH-000001#1 has changed since ship (LG-000002), by a later action or by hand; undo refused',
    );
  });

  it('refuses when nothing can be undone', () => {
    const s = new Session(workbook({}));
    expect(() => s.do({ action: 'undo' })).toThrow('Nothing to undo');
  });
});
