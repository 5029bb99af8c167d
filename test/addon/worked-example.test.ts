/**
 * The built add-on end to end in the twin: Set up workbook on an empty spreadsheet, a rep types the
 * shop in, then 001's worked example through the sidebar's RPCs exactly as the sidebar calls them
 * (views carry row versions; actions send them back): 20 ordered, 15 in stock → 15 shipped and a
 * backorder of 5; the PO received → Ready to Fulfill → fulfilled; and a call logged.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { openDesk, typeWorkedExample } from '../support/addon';

let n = 0;
const rid = () => `test-request-${++n}`.padEnd(12, '0');

async function shop() {
  const desk = await openDesk();
  desk.run('menuSetUpWorkbook');
  typeWorkedExample(desk);
  return desk;
}

describe('add-on: 001 worked example through the sidebar', () => {
  it('allocates, ships, backorders, receives, fulfils and logs a call', async () => {
    const desk = await shop();
    desk.select('Orders', 2);
    const sel = desk.run<{ sheet: string; row: number }>('sidebarSelection');
    expect(sel).toEqual({ sheet: 'Orders', row: 2 });
    const view = desk.run<RowView>('sidebarView', sel);
    expect(view).toMatchObject({
      kind: 'order-line',
      ids: { orderId: 'SO-1', line: 1 },
      qty: { open: 20, available: 15 },
    });

    const allocated = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: { action: 'allocate', orderId: 'SO-1', expected: view.expectedWithStock },
        requestId: rid(),
      },
      sel,
    );
    expect(allocated.newIds).toContain('BO-000001');
    expect(allocated.view.status).toBe('Backordered');
    const shipped = desk.run<ActionReply>(
      'sidebarAction',
      { command: { action: 'ship', orderId: 'SO-1', expected: allocated.view.expected }, requestId: rid() },
      sel,
    );
    expect(shipped.view.facts).toContainEqual(['Ordered / allocated / shipped', '20 / 0 / 15']);
    const bo = desk.rows('Backorders')[0];
    expect(bo).toMatchObject({
      BackorderID: 'BO-000001',
      Qty: 5,
      QtyRemaining: 5,
      Status: 'Open',
      ExpectedDate: '2026-12-01',
      Age: 0,
    });

    desk.select('POs', 2);
    const po = desk.run<RowView>('sidebarView', { sheet: 'POs', row: 2 });
    expect(po.related[0]?.rows.map((r) => r.id)).toEqual(['BO-000001']);
    desk.run(
      'sidebarAction',
      { command: { action: 'receive', po: 'PO-1', expected: po.expected }, requestId: rid() },
      { sheet: 'POs', row: 2 },
    );
    const ready = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row: 2 });
    expect(ready).toMatchObject({ kind: 'backorder', status: 'Ready to Fulfill' });
    expect(ready.notice).toMatchObject({ kind: 'ready', subject: expect.stringContaining('has arrived') });
    expect(ready.notice?.text).toContain('Harbor Builders');

    const fulfilled = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: { action: 'fulfill', backorderId: 'BO-000001', expected: ready.expected },
        requestId: rid(),
      },
      { sheet: 'Backorders', row: 2 },
    );
    expect(fulfilled.view.status).toBe('Fulfilled');
    const called = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: {
          action: 'log-call',
          backorderId: 'BO-000001',
          method: 'Phone',
          summary: 'Told them it shipped',
          expected: fulfilled.view.expected,
        },
        requestId: rid(),
      },
      { sheet: 'Backorders', row: 2 },
    );
    expect(called.view.calls[0]?.[1]).toBe('Told them it shipped');

    const line = desk.rows('Orders')[0];
    expect(line).toMatchObject({ Qty: 20, QtyShipped: 20, QtyBackordered: 0, Status: 'Shipped' });
    expect(Number(line?.Qty)).toBe(
      Number(line?.QtyShipped) + Number(line?.QtyBackordered) + Number(line?.QtyCancelled || 0),
    );
    expect(desk.rows('Inventory')[0]).toMatchObject({ OnHand: 5, Allocated: 0, Available: 5 });
    const log = desk.rows('Log');
    expect(log.map((l) => l.Action)).toEqual(['init', 'allocate', 'ship', 'receive', 'fulfill', 'log-call']);
    expect(log.every((l) => l.Actor === 'rep@harbor.example')).toBe(true);
  });
});
