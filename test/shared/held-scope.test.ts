/**
 * Who is on hold, through the row-by-row read (shared/io/row-scope.ts): freed stock passes a held
 * order by, and a command learns who is held from one search of the Orders Hold column, not from
 * reading every order in the queue (shared/io/scope-growth.ts). Each case is planned from whole tabs
 * and from the rows its scope finds, and the two must agree: a held order ahead in a queue, and a
 * waiting line whose order's other line is the held one.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/apply-changes';
import { runCommand } from '../../shared/commands/run';
import type { Command } from '../../shared/commands/schema';
import { commandScope } from '../../shared/io/command-scope';
import { withUnreadAsEmpty } from '../../shared/io/read-plan';
import { readScoped } from '../../shared/io/row-scope';
import { decodeLoaded, planAction } from '../../shared/plans';
import { addDays } from '../../shared/primitives/dates';
import type { Backorder } from '../../shared/tabs/backorders';
import { item, line, TODAY, workbook } from '../support/build';
import { contextAt, memorySource, planOutcome as outcome, rawOf, settledDemo } from '../support/scope-oracle';

const demo = settledDemo();

describe('a held order, read row by row, as from whole tabs', () => {
  it('passes a held order by when freed stock goes down a queue, as from whole tabs', () => {
    // A SKU whose queue has three backorders of three orders, none of them reserved yet.
    const waiting = demo.backorders.filter((b) => b.qtyRemaining > 0 && b.qtyAllocated === 0);
    const bySku = new Map<string, typeof waiting>();
    for (const b of waiting) bySku.set(b.sku, [...(bySku.get(b.sku) ?? []), b]);
    const queue = [...bySku.values()]
      .map((q) => q.filter((b, i) => q.findIndex((o) => o.orderId === b.orderId) === i))
      .find((q) => q.length >= 3)
      ?.sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0));
    if (!queue) throw new Error('the demo has no SKU with three waiting orders');
    const [first, second, third] = queue as [Backorder, Backorder, Backorder];
    let wb = demo;
    const ctx = (n: number) => contextAt(n, `held-${n}`);
    // The first in the queue goes on hold; then stock for it arrives (a count people typed).
    wb = applyChanges(wb, runCommand(wb, { action: 'hold', orderId: first.orderId }, ctx(1)).changes);
    wb = {
      ...wb,
      inventory: wb.inventory.map((r) =>
        r.sku === first.sku && r.warehouse === first.warehouse
          ? { ...r, onHand: r.allocated + first.qtyRemaining }
          : r,
      ),
    };
    // The last in the queue is cancelled: the SKU's free stock goes to whoever waits, held aside.
    const command: Command = {
      action: 'cancel',
      backorderId: third.backorderId,
      reason: 'Customer Requested',
    };
    const raw = rawOf(wb);
    const whole = outcome(() => planAction(decodeLoaded(raw, 'UTC', 'api'), command, ctx(2)));
    const scope = commandScope(command);
    if (!scope) throw new Error('no scope for cancel');
    const read = readScoped(memorySource(raw).source, scope.keys, { ...scope, requestId: 'held-2' });
    const scoped = outcome(() =>
      planAction(decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api'), command, ctx(2)),
    );
    expect(JSON.stringify(whole)).toContain(`${second.backorderId} (`);
    expect(JSON.stringify(whole)).not.toContain(`${first.backorderId} (`);
    expect(scoped).toEqual(whole);
  });

  it('passes a waiting line by when another line of its order is held, as from whole tabs', () => {
    // AutoBackorder Off: shortfalls wait on their lines. SO-1 is first in the queue for A, but its
    // other line is Held (an import may hold one line), so the order is held and SO-2 is served.
    const start = workbook({
      inventory: [item({ sku: 'A', onHand: 0 }), item({ sku: 'B', onHand: 0 })],
      orders: [
        line({ orderId: 'SO-1', line: 1, sku: 'A', qty: 2, orderDate: addDays(TODAY, -3) }),
        line({ orderId: 'SO-1', line: 2, sku: 'B', qty: 1, orderDate: addDays(TODAY, -3) }),
        line({ orderId: 'SO-2', line: 1, sku: 'A', qty: 2, orderDate: addDays(TODAY, -2) }),
        line({ orderId: 'SO-3', line: 1, sku: 'A', qty: 1, orderDate: addDays(TODAY, -1) }),
      ],
      config: { AutoBackorder: 'Off' },
    });
    let wb = applyChanges(start, runCommand(start, { action: 'allocate' }, contextAt(0, 'w-1')).changes);
    expect(wb.orders.map((l) => l.status)).toEqual(['Parked', 'Parked', 'Parked', 'Parked']);
    wb = {
      ...wb,
      orders: wb.orders.map((l) => (l.orderId === 'SO-1' && l.line === 2 ? { ...l, hold: 'Held' } : l)),
      inventory: wb.inventory.map((r) => (r.sku === 'A' ? { ...r, onHand: 2 } : r)),
    };
    const raw = rawOf(wb);
    const settings = raw.Settings?.values as unknown[][];
    for (const row of settings) if (row[0] === 'AutoBackorder') row[1] = 'Off';
    // SO-3 cancels its line: A's free stock goes down the queue.
    const command: Command = {
      action: 'cancel-line',
      orderId: 'SO-3',
      line: 1,
      reason: 'Customer Requested',
    };
    const ctx = contextAt(1, 'w-2');
    const whole = outcome(() => planAction(decodeLoaded(raw, 'UTC', 'api'), command, ctx));
    const scope = commandScope(command);
    if (!scope) throw new Error('no scope for cancel-line');
    const read = readScoped(memorySource(raw).source, scope.keys, { ...scope, requestId: ctx.requestId });
    const scoped = outcome(() =>
      planAction(decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api'), command, ctx),
    );
    expect(JSON.stringify(whole)).toContain('SO-2 line 1');
    expect(JSON.stringify(whole)).not.toContain('SO-1 line 1');
    expect(scoped).toEqual(whole);
  });
});
