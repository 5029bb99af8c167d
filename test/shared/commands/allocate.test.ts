/**
 * Allocation policy: priority then oldest (001 FIFO), preferred warehouse then others (002 strategy 4),
 * ship-complete orders only whole (002 strategy 1), shortfalls turned into backorders at once (000).
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../shared/commands/run';
import { context, item, line, workbook } from '../../support/build';
import { Session } from '../../support/session';

describe('allocate', () => {
  it('serves VIP before High before Normal, then the oldest order', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 10 })],
        orders: [
          line({ orderId: 'N-OLD', sku: 'A', qty: 4, orderDate: '2026-10-01' as never }),
          line({ orderId: 'N-NEW', sku: 'A', qty: 4, orderDate: '2026-11-20' as never }),
          line({ orderId: 'VIP', sku: 'A', qty: 4, priority: 'VIP', orderDate: '2026-11-22' as never }),
        ],
      }),
    );
    const r = s.do({ action: 'allocate' });
    expect(s.line('VIP').qtyAllocated).toBe(4);
    expect(s.line('N-OLD').qtyAllocated).toBe(4);
    expect(s.line('N-NEW')).toMatchObject({ qtyAllocated: 2, qtyBackordered: 2, status: 'Backordered' });
    expect(r.shortfalls).toEqual([
      { orderId: 'N-NEW', line: 1, sku: 'A', wanted: 4, reserved: 2, outcome: 'backordered' },
    ]);
  });

  it('draws from the preferred warehouse first, then the others', () => {
    const s = new Session(
      workbook({
        inventory: [
          item({ sku: 'A', warehouse: 'EAST', onHand: 3 }),
          item({ sku: 'A', warehouse: 'MAIN', onHand: 5 }),
          item({ sku: 'A', warehouse: 'WEST', onHand: 4 }),
        ],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 10, warehouse: 'WEST' })],
      }),
    );
    s.do({ action: 'allocate', orderId: 'SO-1' });
    expect(s.line('SO-1')).toMatchObject({
      qtyAllocated: 10,
      allocatedFrom: 'WEST:4 EAST:3 MAIN:3',
      status: 'Allocated',
    });
    s.do({ action: 'ship', orderId: 'SO-1' });
    expect(new Set(s.wb.shipments.map((x) => x.shipmentId)).size).toBe(3);
  });

  it('parks a ship-complete order that cannot ship whole, reserving nothing', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 10 }), item({ sku: 'B', onHand: 1 })],
        orders: [
          line({ orderId: 'SC', line: 1, sku: 'A', qty: 5, shipPolicy: 'Ship complete' }),
          line({ orderId: 'SC', line: 2, sku: 'B', qty: 2, shipPolicy: 'Ship complete' }),
        ],
      }),
    );
    const r = s.do({ action: 'allocate' });
    expect(s.line('SC', 1)).toMatchObject({ qtyAllocated: 0, status: 'Parked' });
    expect(s.line('SC', 2)).toMatchObject({ qtyAllocated: 0, status: 'Parked' });
    expect(s.wb.backorders).toEqual([]);
    expect(r.shortfalls.map((x) => x.outcome)).toEqual(['parked', 'parked']);
    expect(() => s.do({ action: 'ship', orderId: 'SC' })).toThrow(
      /ships complete, but line 1 is not fully allocated/,
    );

    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => (i.sku === 'B' ? { ...i, onHand: 2 } : i)) };
    s.do({ action: 'allocate' });
    expect(s.line('SC', 2)).toMatchObject({ qtyAllocated: 2, status: 'Allocated' });
    s.do({ action: 'ship', orderId: 'SC' });
    expect(s.line('SC', 1).status).toBe('Shipped');
  });

  it('only flags the shortfall when AutoBackorder is Off', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 1 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 3 })],
        config: { AutoBackorder: 'Off' },
      }),
    );
    const r = s.do({ action: 'allocate' });
    expect(r.shortfalls[0]?.outcome).toBe('flagged');
    expect(s.line('SO-1')).toMatchObject({
      qtyAllocated: 1,
      qtyBackordered: 0,
      status: 'Partially allocated',
    });
    expect(s.wb.backorders).toEqual([]);
  });

  it('lets an older backorder take new stock before a newer order', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0 })],
        orders: [line({ orderId: 'OLD', sku: 'A', qty: 3, orderDate: '2026-10-01' as never })],
      }),
    );
    s.do({ action: 'allocate' });
    s.wb = {
      ...s.wb,
      orders: [...s.wb.orders, line({ orderId: 'NEW', sku: 'A', qty: 3, orderDate: '2026-11-22' as never })],
      inventory: s.wb.inventory.map((i) => ({ ...i, onHand: 3 })),
    };
    s.do({ action: 'allocate' });
    expect(s.backorder('BO-000001')).toMatchObject({ qtyAllocated: 3, status: 'Ready to Fulfill' });
    expect(s.line('NEW')).toMatchObject({ qtyAllocated: 0, qtyBackordered: 3 });
    expect(s.backorder('BO-000001').queuePosition).toBe(1);
    expect(s.backorder('BO-000002').queuePosition).toBe(2);
  });

  it('sets the expected date from lead time when no PO covers the shortfall', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 0, leadTimeDays: 12 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 3 })],
      }),
    );
    s.do({ action: 'allocate' });
    expect(s.backorder('BO-000001')).toMatchObject({
      expectedDate: '2026-12-05',
      expectedSource: 'Lead time',
      po: '',
    });
  });
});

describe('allocate at scale', () => {
  it('allocates 150,000 order lines in one action (the queue was spread as call arguments and overflowed)', () => {
    const lines = Array.from({ length: 150_000 }, (_, i) =>
      line({ orderId: `SO-${i}`, sku: `S-${i % 50}`, qty: 1 }),
    );
    const inventory = Array.from({ length: 50 }, (_, i) => item({ sku: `S-${i}`, onHand: 2_000 }));
    const out = runCommand(workbook({ inventory, orders: lines }), { action: 'allocate' }, context());
    expect(out.result.messages[0]).toMatch(/^100000 line\(s\) reserved stock; 50000 shortfall\(s\)/);
  }, 120_000);
});
