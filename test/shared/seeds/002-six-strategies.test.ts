/**
 * 002, "6 ways to handle backorders", each strategy end to end through the core.
 */
import { describe, expect, it } from 'vitest';
import { item, line, poLine, workbook } from '../../support/build';
import { Session } from '../../support/session';

describe('002: six ways to handle backorders', () => {
  it('1. park the order until it can ship whole', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 3 }), item({ sku: 'B', onHand: 10 })],
        orders: [
          line({ orderId: 'SO-1', line: 1, sku: 'A', qty: 5, shipPolicy: 'Ship complete' }),
          line({ orderId: 'SO-1', line: 2, sku: 'B', qty: 5, shipPolicy: 'Ship complete' }),
        ],
        pos: [poLine({ po: 'PO-1', sku: 'A', qty: 2 })],
      }),
    );
    s.do({ action: 'allocate' });
    expect([s.line('SO-1', 1).status, s.line('SO-1', 2).status]).toEqual(['Parked', 'Parked']);
    s.do({ action: 'receive', po: 'PO-1' });
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SO-1' });
    expect([s.line('SO-1', 1).status, s.line('SO-1', 2).status]).toEqual(['Shipped', 'Shipped']);
    expect(new Set(s.wb.shipments.map((x) => x.shipmentId)).size).toBe(1);
  });

  it('2. backorder the lines, buy the rest, and get the alert when it arrives', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 2, reorderPoint: 5, vendor: 'Keystone' })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 6 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SO-1' });
    expect(s.line('SO-1').status).toBe('Backordered');
    const reorder = s.do({ action: 'reorder' });
    const po = reorder.newIds[0] as string;
    expect(s.wb.pos[0]).toMatchObject({ po, qty: 9, vendor: 'Keystone', status: 'Draft' }); // 4 owed + reorder point 5
    expect(s.backorder('BO-000001')).toMatchObject({ po });
    const receipt = s.do({ action: 'receive', po });
    expect(receipt.messages).toContain('BO-000001 (Harbor Builders): 4 × A ready to fulfill');
  });

  it('3. close the order and open a new one for the rest', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 2 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 6 })],
        config: { BackorderMode: 'New order for the remainder' },
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SO-1' });
    expect(s.line('SO-1')).toMatchObject({ qtyShipped: 2, qtyMoved: 4, movedTo: 'SO-1-R1' });
    expect(s.line('SO-1-R1')).toMatchObject({ qty: 4, status: 'New' });
  });

  it('4. pull from other warehouses: one pick list and shipment per warehouse', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 2 }), item({ sku: 'A', warehouse: 'EAST', onHand: 3 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 })],
      }),
    );
    s.do({ action: 'allocate' });
    const shipped = s.do({ action: 'ship', orderId: 'SO-1' });
    expect(shipped.messages).toEqual([
      'pick 2 × A at MAIN for SO-1 line 1 (SH-000001)',
      'pick 3 × A at EAST for SO-1 line 1 (SH-000002)',
    ]);
  });

  it('5. transfer the backordered quantity to the warehouse that took the order', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 }), item({ sku: 'A', warehouse: 'EAST', onHand: 0 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 4 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.wb = {
      ...s.wb,
      inventory: s.wb.inventory.map((i) => (i.warehouse === 'EAST' ? { ...i, onHand: 10 } : i)),
    };
    const moved = s.do({ action: 'transfer', sku: 'A', qty: 4, from: 'EAST', to: 'MAIN' });
    expect(moved.messages.slice(0, 2)).toEqual([
      'transfer out: 4 × A from EAST',
      'transfer in: 4 × A to MAIN',
    ]);
    expect(s.stock('A', 'MAIN')).toMatchObject({ onHand: 4, allocated: 4 });
    expect(s.backorder('BO-000001')).toMatchObject({ status: 'Ready to Fulfill', allocatedFrom: 'MAIN:4' });
    expect(() => s.do({ action: 'transfer', sku: 'A', qty: 7, from: 'EAST', to: 'MAIN' })).toThrow(
      /only 6 at EAST are free/,
    );
  });

  it('6. ship what you can and have the vendor drop-ship the rest', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 1, vendor: 'Summit Roofing', leadTimeDays: 5 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 3 })],
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SO-1' });
    const ds = s.do({ action: 'drop-ship', backorderId: 'BO-000001' });
    expect(ds.newIds).toEqual(['DS-000001']);
    expect(s.wb.pos[0]).toMatchObject({
      po: 'DS-000001',
      dropShipFor: 'BO-000001',
      qty: 2,
      vendor: 'Summit Roofing',
      promisedDate: '2026-11-28',
    });
    expect(s.stock('A')).toMatchObject({ onHand: 0, onOrder: 0 });
    expect(() => s.do({ action: 'fulfill', backorderId: 'BO-000001' })).toThrow(/drop-shipped by the vendor/);
    s.do({ action: 'receive', po: 'DS-000001' });
    expect(s.backorder('BO-000001')).toMatchObject({ status: 'Fulfilled', qtyFulfilled: 2 });
    expect(s.line('SO-1')).toMatchObject({ qtyShipped: 3, status: 'Shipped' });
    expect(s.stock('A').onHand).toBe(0);
    expect(s.wb.shipments.at(-1)).toMatchObject({
      warehouse: 'DROP-SHIP Summit Roofing',
      backorderId: 'BO-000001',
    });
  });
});
