/**
 * The decisions on order and PO lines from the sidebar, through the built Code.js in the
 * twin: the rep on SO-1's line cancels 7 of 10, and the 3 reserved units it frees go to Pine Co's
 * backorder, the reply says so, and the Log has one row saying who did it; the buyer on a PO line
 * cancels it, and the backorder that waited on it moves to the next PO with a follow-up today; the
 * rep changes a line (quantity down, a required date) and the note typed beside it stays.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { openDesk } from '../support/addon';

describe('add-on: decisions on order and PO lines', () => {
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

  it('cancels a PO line and moves the backorder that waited on it to the next PO', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'A', Warehouse: 'MAIN', Product: 'Shingles', OnHand: 0 }]);
    desk.type('Orders', [
      { OrderID: 'SO-1', Line: 1, OrderDate: '2026-11-01', Customer: 'Harbor Builders', SKU: 'A', Qty: 4 },
    ]);
    desk.type('POs', [
      {
        PO: 'PO-1',
        Line: 1,
        Vendor: 'Summit',
        SKU: 'A',
        Qty: 5,
        PromisedDate: '2026-12-01',
        Warehouse: 'MAIN',
      },
      {
        PO: 'PO-2',
        Line: 1,
        Vendor: 'Summit',
        SKU: 'A',
        Qty: 9,
        PromisedDate: '2026-12-10',
        Warehouse: 'MAIN',
      },
    ]);
    desk.run('menuAllocateAll');
    const view0 = desk.run<RowView>('sidebarView', { sheet: 'POs', row: 2 });
    expect(view0.kind).toBe('po-line');
    // The vendor first promises a later date: the line and its backorder follow.
    const moved = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: {
          action: 'change-po',
          po: 'PO-1',
          line: 1,
          promisedDate: '2026-12-04',
          expected: view0.expected,
        },
        requestId: 'change-po-1',
      },
      view0.ref,
    );
    expect(moved.messages[0]).toBe('PO-1 line 1: promised 2026-12-01 → 2026-12-04');
    expect(desk.rows('POs')[0]).toMatchObject({ PromisedDate: '2026-12-04' });
    expect(desk.rows('Backorders')[0]).toMatchObject({ ExpectedDate: '2026-12-04' });
    const view = moved.view;
    const reply = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: { action: 'cancel-po-line', po: 'PO-1', line: 1, expected: view.expected },
        requestId: 'cancel-po-1',
      },
      view.ref,
    );
    expect(reply.messages[1]).toMatch(
      /\(Harbor Builders\): now expected from PO-2 on 2026-12-10; follow up today/,
    );
    expect(reply.view.status).toBe('Cancelled');
    expect(desk.rows('Backorders')[0]).toMatchObject({
      PO: 'PO-2',
      ExpectedDate: '2026-12-10',
      NextFollowUp: '2026-11-23',
    });
  });

  it('changes a line from the sidebar: a lower quantity frees stock, a typed note beside it stays', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'A', Warehouse: 'MAIN', Product: 'Shingles', OnHand: 6 }]);
    desk.type('Orders', [
      {
        OrderID: 'SO-1',
        Line: 1,
        OrderDate: '2026-11-01',
        Customer: 'Harbor Builders',
        SKU: 'A',
        Qty: 10,
        Notes: 'call before noon',
      },
      { OrderID: 'SO-2', Line: 1, OrderDate: '2026-11-05', Customer: 'Pine Co', SKU: 'A', Qty: 3 },
    ]);
    desk.run('menuAllocateAll');
    const view = desk.run<RowView>('sidebarView', { sheet: 'Orders', row: 2 });
    const reply = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: {
          action: 'change-line',
          orderId: 'SO-1',
          line: 1,
          qty: 3,
          requiredDate: '2026-12-15',
          expected: view.expectedWithStock,
        },
        requestId: 'change-line-1',
      },
      view.ref,
    );
    expect(reply.messages[0]).toBe('SO-1 line 1: required (none) → 2026-12-15; Qty 10 → 3 (3 freed)');
    expect(reply.messages.some((m) => /\(Pine Co\): 3 × A ready to fulfill/.test(m))).toBe(true);
    expect(desk.rows('Orders')[0]).toMatchObject({
      Qty: 3,
      QtyAllocated: 3,
      QtyBackordered: 0,
      RequiredDate: '2026-12-15',
      Notes: 'call before noon',
    });
    const log = desk.rows('Log');
    expect(log[log.length - 1]).toMatchObject({ Action: 'change-line', Actor: 'rep@harbor.example' });
  });

  it('holds an order from the sidebar and releases it: the view says so and offers the way back', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'A', Warehouse: 'MAIN', Product: 'Shingles', OnHand: 2 }]);
    desk.type('Orders', [
      { OrderID: 'SO-1', Line: 1, OrderDate: '2026-11-01', Customer: 'Harbor Builders', SKU: 'A', Qty: 2 },
    ]);
    const view = desk.run<RowView>('sidebarView', { sheet: 'Orders', row: 2 });
    expect(view.hold).toBe(false);
    const held = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: { action: 'hold', orderId: 'SO-1', note: 'credit', expected: view.expected },
        requestId: 'hold-order-1',
      },
      view.ref,
    );
    expect(held.messages[0]).toBe('Order SO-1 on hold (credit): allocation and shipping skip it');
    expect(held.view).toMatchObject({ hold: true, status: 'New, on hold' });
    expect(desk.rows('Orders')[0]).toMatchObject({ Hold: 'Held' });
    desk.run('menuAllocateAll');
    expect(desk.rows('Orders')[0]).toMatchObject({ QtyAllocated: '' });
    const released = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: { action: 'release', orderId: 'SO-1', expected: held.view.expectedWithStock },
        requestId: 'release-order-1',
      },
      view.ref,
    );
    expect(released.messages[0]).toBe('Order SO-1 released and allocated');
    expect(desk.rows('Orders')[0]).toMatchObject({ Hold: '', QtyAllocated: 2, Status: 'Allocated' });
  });
});
