/**
 * Cell-sized writes where the rows an action touches are far apart, through the
 * built Code.js in the twin: cancelling the first, the middle and the last backorder changes exactly
 * their cells, whatever lies between them; a person sorting the tab between two actions, or deleting
 * a row, never makes the add-on write the wrong row: the next action finds its row by key again,
 * and an action built on a row that is gone is refused, naming it. The Notes column people own is
 * never written.
 */
import { describe, expect, it } from 'vitest';
import { columnLetter } from '../../shared/sheet/a1';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { type Desk, openDesk } from '../support/addon';

let n = 0;
const rid = () => `scattered-${++n}`.padEnd(14, '0');

/** 40 short order lines, each backordered by Allocate all, with a person's note on every backorder. */
async function backorderedShop(): Promise<Desk> {
  const desk = await openDesk();
  desk.run('menuSetUpWorkbook');
  // One SKU per line, so cancelling one backorder moves no other backorder's queue position.
  const sku = (i: number) => `ROOF-${100 + i}`;
  desk.type(
    'Inventory',
    Array.from({ length: 40 }, (_, i) => ({
      SKU: sku(i),
      Warehouse: 'MAIN',
      Product: 'Shingles',
      OnHand: 0,
    })),
  );
  desk.type(
    'Orders',
    Array.from({ length: 40 }, (_, i) => ({
      OrderID: `SO-${100 + i}`,
      Line: 1,
      OrderDate: '2026-11-20',
      Customer: `Customer ${String.fromCharCode(65 + (i % 26))}${i}`,
      SKU: sku(i),
      Qty: 2,
      Warehouse: 'MAIN',
    })),
  );
  desk.run('menuAllocateAll');
  // A person's notes on every backorder, in the Notes column people own.
  const sheet = desk.twin.sheetNamed('Backorders');
  const notes = (sheet.values[0] ?? []).indexOf('Notes');
  desk.twin.write(
    `Backorders!${columnLetter(notes)}2`,
    sheet.values.slice(1).map((_, i) => [`note ${i}`]),
    'RAW',
  );
  return desk;
}

const grid = (desk: Desk, tab: string) => desk.twin.sheetNamed(tab).values.map((r) => [...r]);

/** [row, column] of every cell that differs (1-based row, header names for columns). */
function diff(before: unknown[][], after: unknown[][]): string[] {
  const header = (after[0] ?? []).map(String);
  const out: string[] = [];
  for (let r = 0; r < Math.max(before.length, after.length); r++)
    for (let c = 0; c < Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0); c++)
      if ((before[r]?.[c] ?? '') !== (after[r]?.[c] ?? '')) out.push(`${r + 1}:${header[c]}`);
  return out;
}

const rowOf = (desk: Desk, id: string) =>
  desk.twin.sheetNamed('Backorders').values.findIndex((r) => r[0] === id) + 1;

function cancel(desk: Desk, row: number): ActionReply {
  const view = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row });
  return desk.run<ActionReply>(
    'sidebarAction',
    {
      command: {
        action: 'cancel',
        backorderId: view.ids.backorderId,
        reason: 'Customer Requested',
        expected: view.expected,
      },
      requestId: rid(),
    },
    view.ref,
  );
}

describe('add-on: scattered rows, sorted and deleted rows', () => {
  it('changes exactly the cancelled backorders’ cells at the first, middle and last rows', async () => {
    const desk = await backorderedShop();
    const before = grid(desk, 'Backorders');
    expect(before).toHaveLength(41);
    for (const row of [2, 21, 41]) cancel(desk, row);
    const changed = diff(before, grid(desk, 'Backorders'));
    const rows = new Set(changed.map((c) => Number(c.split(':')[0])));
    expect([...rows].sort((a, b) => a - b)).toEqual([2, 21, 41]);
    expect(changed.filter((c) => c.endsWith(':Notes'))).toEqual([]);
    expect(changed.some((c) => c === '21:Status')).toBe(true);
    // The rows between stayed as they were, so nothing between the three was rewritten with another value.
    const statuses = desk.rows('Backorders').map((r) => r.Status);
    expect(statuses.filter((s) => s === 'Cancelled')).toHaveLength(3);
  });

  it('finds its row again after a person sorted the tab, and refuses a row that was deleted, naming it', async () => {
    const desk = await backorderedShop();
    const sheet = desk.twin.sheetNamed('Backorders');
    // A person sorts Backorders by customer, Z to A (values move; each row's Age formula stays put
    // and reads its own row, as Sheets' relative references would after a sort).
    const [header, ...body] = sheet.values;
    const customer = (header ?? []).indexOf('Customer');
    body.sort((a, b) => String(b[customer]).localeCompare(String(a[customer])));
    sheet.values = [header ?? [], ...body];
    const target = String(body[5]?.[0]);
    const before = grid(desk, 'Backorders');
    cancel(desk, rowOf(desk, target));
    const changed = diff(before, grid(desk, 'Backorders'));
    expect(new Set(changed.map((c) => Number(c.split(':')[0])))).toEqual(new Set([rowOf(desk, target)]));
    expect(desk.rows('Backorders').find((r) => r.BackorderID === target)?.Status).toBe('Cancelled');

    // The sidebar shows a backorder; a person deletes its row before the rep clicks.
    const victim = String(body[9]?.[0]);
    const row = rowOf(desk, victim);
    const view = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row });
    sheet.values.splice(row - 1, 1);
    const untouched = grid(desk, 'Backorders');
    expect(() =>
      desk.run('sidebarAction', {
        command: {
          action: 'cancel',
          backorderId: victim,
          reason: 'Customer Requested',
          expected: view.expected,
        },
        requestId: rid(),
      }),
    ).toThrow(new RegExp(`Backorders ${victim} no longer exists`));
    expect(grid(desk, 'Backorders')).toEqual(untouched);
  });

  it('takes fresh ids after people sorted the Log and Backorders newest first (the last rows are then the oldest)', async () => {
    const desk = await backorderedShop();
    for (const tab of ['Log', 'Backorders']) {
      const sheet = desk.twin.sheetNamed(tab);
      const [header, ...body] = sheet.values;
      sheet.values = [header ?? [], ...body.reverse()];
    }
    const logIds = () => desk.rows('Log').map((r) => String(r.LogID));
    const before = logIds();
    desk.type('Orders', [
      {
        OrderID: 'SO-900',
        Line: 1,
        OrderDate: '2026-11-21',
        Customer: 'Late',
        SKU: 'ROOF-100',
        Qty: 1,
        Warehouse: 'MAIN',
      },
    ]);
    desk.rt.counter.reset();
    const reply = desk.run<ActionReply>('sidebarAction', {
      command: { action: 'allocate', orderId: 'SO-900' },
      requestId: rid(),
    });
    // The index's id rows gave the highest ids: the plan was not made again from whole tabs.
    expect(desk.rt.counter.counts['Sheet.getDataRange'] ?? 0).toBe(0);
    // The new backorder and Log row took ids above every existing one, not above the tab's last rows.
    const ids = desk.rows('Backorders').map((r) => String(r.BackorderID));
    expect(new Set(ids).size).toBe(ids.length);
    expect(reply.newIds).toEqual(['BO-000041']);
    expect(new Set(logIds()).size).toBe(before.length + 1);
    expect(logIds().filter((id) => !before.includes(id))).toEqual([reply.logId]);
    expect(reply.logId > [...before].sort().at(-1)!).toBe(true);
  });

  it('refuses an action on an order whose key a person retyped into a duplicate, naming both rows', async () => {
    const desk = await backorderedShop();
    // Row 30's OrderID retyped by hand to the order on row 3 (same line number): two SO-101 line 1.
    const orders = desk.twin.sheetNamed('Orders');
    const col = (orders.values[0] ?? []).indexOf('OrderID');
    desk.twin.write(`Orders!${columnLetter(col)}30`, [['SO-101']], 'RAW');
    const before = JSON.stringify(desk.twin.file.sheets.map((x) => x.values));
    expect(() =>
      desk.run('sidebarAction', { command: { action: 'allocate', orderId: 'SO-101' }, requestId: rid() }),
    ).toThrow(/Orders!A30: duplicate key SO-101#1 \(also on row 3\)/);
    expect(JSON.stringify(desk.twin.file.sheets.map((x) => x.values))).toBe(before);
  });
});
