/**
 * The queue's standing rule through the add-on's scoped read (shared/io/row-scope.ts): stock one action
 * frees reaches a parked order of the same SKU that the action never touched, although the add-on
 * reads only the rows the action involves. A ship-complete order parked for want of stock takes the
 * units a cancelled line frees, in the same click.
 */
import { describe, expect, it } from 'vitest';
import { openDesk } from '../support/addon';

/** `n` one-line orders of other SKUs: the lines a real tab has between the ones a test is about. */
const otherLines = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    OrderID: `SO-${100 + i}`,
    Line: 1,
    OrderDate: '2026-11-01',
    Customer: `Customer ${i}`,
    SKU: `OTHER-${i}`,
    Qty: 1,
    Warehouse: 'MAIN',
  }));

/** SO-2: a VIP order for the five tiles in stock, ahead of SO-1 in the queue. */
const VIP_TILES = {
  OrderID: 'SO-2',
  Line: 1,
  OrderDate: '2026-11-10',
  Customer: 'Bayside',
  SKU: 'TILE-9',
  Qty: 5,
  Priority: 'VIP',
  Warehouse: 'MAIN',
};

describe('freed stock reaches a parked order through the scoped read', () => {
  it('a cancel frees five units; the parked ship-complete order takes them at once', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [
      { SKU: 'TILE-9', Warehouse: 'MAIN', Product: 'Tile', OnHand: 5, Vendor: 'Summit' },
    ]);
    // Many other lines in between, as a real tab has them.
    desk.type('Orders', otherLines(40));
    desk.type('Orders', [
      VIP_TILES,
      {
        OrderID: 'SO-1',
        Line: 1,
        OrderDate: '2026-11-11',
        Customer: 'Harbor',
        SKU: 'TILE-9',
        Qty: 5,
        ShipPolicy: 'Ship complete',
        Warehouse: 'MAIN',
      },
    ]);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: 'standing-queue-1' }, null);
    const line = (id: string) => desk.rows('Orders').find((r) => r.OrderID === id);
    expect(line('SO-2')).toMatchObject({ QtyAllocated: 5 });
    expect(line('SO-1')).toMatchObject({ Status: 'Parked' });
    expect(Number(line('SO-1')?.QtyAllocated || 0)).toBe(0);

    const reply = desk.run<{ messages: string[] }>(
      'sidebarAction',
      {
        command: { action: 'cancel-line', orderId: 'SO-2', line: 1, reason: 'Customer Requested' },
        requestId: 'standing-queue-2',
      },
      null,
    );
    expect(line('SO-1')).toMatchObject({ QtyAllocated: 5 });
    expect(reply.messages.join('\n')).toMatch(/SO-1/);
  });

  it('reaches a ship-complete order whose waiting line is the grid’s last row and whose other line is far away', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [
      { SKU: 'TILE-9', Warehouse: 'MAIN', Product: 'Tile', OnHand: 5, Vendor: 'Summit' },
      { SKU: 'GROUT-1', Warehouse: 'MAIN', Product: 'Grout', OnHand: 10, Vendor: 'Summit' },
    ]);
    const order = {
      OrderDate: '2026-11-11',
      Customer: 'Harbor',
      ShipPolicy: 'Ship complete',
      Warehouse: 'MAIN',
    };
    // SO-1's first line at the top, a thousand other lines, then SO-2 (VIP, holding the tiles) and
    // SO-1's tile line last: people sorted the tab, so the order's lines are not together.
    desk.type('Orders', [{ OrderID: 'SO-1', Line: 2, SKU: 'GROUT-1', Qty: 2, ...order }]);
    desk.type('Orders', otherLines(1000));
    desk.type('Orders', [VIP_TILES, { OrderID: 'SO-1', Line: 1, SKU: 'TILE-9', Qty: 5, ...order }]);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: 'grid-edge-1' }, null);
    const orders = desk.twin.sheetNamed('Orders');
    const last = desk.rows('Orders').length + 1;
    expect(orders.values[last - 1]?.[0]).toBe('SO-1');
    expect(orders.properties.gridProperties?.rowCount).toBe(last);
    const line = (id: string, n: number) => desk.rows('Orders').find((r) => r.OrderID === id && r.Line === n);
    expect(line('SO-1', 1)).toMatchObject({ Status: 'Parked' });

    desk.run(
      'sidebarAction',
      {
        command: { action: 'cancel-line', orderId: 'SO-2', line: 1, reason: 'Customer Requested' },
        requestId: 'grid-edge-2',
      },
      null,
    );
    expect(line('SO-1', 1)).toMatchObject({ QtyAllocated: 5 });
    expect(line('SO-1', 2)).toMatchObject({ QtyAllocated: 2 });
  });
});
