/**
 * Cancelling an order line from the sidebar (issue #13), through the built Code.js in the twin: the
 * rep on SO-1's line cancels 7 of 10; the 3 reserved units it frees go to Pine Co's backorder, the
 * reply says so, and the Log has one row saying who did it.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply, RowView } from '../../shared/rpc';
import { openDesk } from '../support/addon';

describe('add-on: cancel a line', () => {
  it('frees the reserved units for the next customer in the queue and says to whom', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'A', Warehouse: 'MAIN', Product: 'Shingles', OnHand: 6 }]);
    desk.type('Orders', [
      { OrderID: 'SO-1', Line: 1, OrderDate: '2026-11-01', Customer: 'Harbor Builders', SKU: 'A', Qty: 10 },
      { OrderID: 'SO-2', Line: 1, OrderDate: '2026-11-05', Customer: 'Pine Co', SKU: 'A', Qty: 3 },
    ]);
    desk.run('menuAllocateAll');
    const view = desk.run<RowView>('sidebarView', { sheet: 'Orders', row: 2 });
    expect(view.kind).toBe('order-line');
    const reply = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: {
          action: 'cancel-line',
          orderId: 'SO-1',
          line: 1,
          qty: 7,
          reason: 'Customer Requested',
          expected: view.expected,
        },
        requestId: 'cancel-line-1',
      },
      view.ref,
    );
    expect(reply.messages[0]).toBe('SO-1 line 1: 7 × A cancelled (Customer Requested); 3 freed');
    expect(reply.messages.some((m) => /\(Pine Co\): 3 × A ready to fulfill/.test(m))).toBe(true);
    const [so1, so2] = desk.rows('Orders');
    expect(so1).toMatchObject({ QtyCancelled: 7, QtyAllocated: 3, QtyBackordered: 0 });
    expect(so2).toMatchObject({ QtyBackordered: 3 });
    expect(desk.rows('Backorders').find((b) => b.Customer === 'Pine Co')).toMatchObject({
      QtyAllocated: 3,
      Status: 'Ready to Fulfill',
    });
    const log = desk.rows('Log');
    expect(log[log.length - 1]).toMatchObject({ Action: 'cancel-line', Actor: 'rep@harbor.example' });
  });
});
