/**
 * An order line's own action (its cancellation, a change of its date), through the row-by-row read
 * (shared/io/row-scope.ts): it reads the stock and queue of its line's SKU, not of the order's other
 * lines, unless the order ships complete (then it is served whole, and every line's stock decides);
 * a hold, which moves no stock, reads the queues of every line's SKU and the stock of the shown one
 * (the reply's view). Each case is planned from whole tabs and from the rows its scope finds, and the two must agree.
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
import type { RawTab } from '../../shared/sheet/codec';
import type { RowRef } from '../../shared/sidebar/rpc';
import { TABS } from '../../shared/workbook';
import { item, line, TODAY, workbook } from '../support/build';
import { contextAt, memorySource, planOutcome as outcome, rawOf } from '../support/scope-oracle';

/** SO-1 wants 2 × A (none in stock) and 1 × B (one in stock), with the ship policy given; allocated. */
function twoSkuOrder(shipPolicy: 'Ship complete' | 'Ship partial') {
  const start = workbook({
    inventory: [item({ sku: 'A', onHand: 0 }), item({ sku: 'B', onHand: 1 })],
    orders: [
      line({ orderId: 'SO-1', line: 1, sku: 'A', qty: 2, shipPolicy, orderDate: addDays(TODAY, -3) }),
      line({ orderId: 'SO-1', line: 2, sku: 'B', qty: 1, shipPolicy, orderDate: addDays(TODAY, -3) }),
    ],
  });
  return applyChanges(start, runCommand(start, { action: 'allocate' }, contextAt(0, 'l-0')).changes);
}

/** The command planned from whole tabs and from its scope's rows, and the Inventory SKUs the scope read. */
function plannedBothWays(raw: Record<string, RawTab>, command: Command, ref?: RowRef) {
  const ctx = contextAt(1, 'l-1');
  const whole = outcome(() => planAction(decodeLoaded(raw, 'UTC', 'api'), command, ctx));
  const scope = commandScope(command, ref);
  if (!scope) throw new Error(`no scope for ${command.action}`);
  const read = readScoped(memorySource(raw).source, scope.keys, { ...scope, requestId: ctx.requestId });
  const scoped = outcome(() =>
    planAction(decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api'), command, ctx),
  );
  const inventory = read.tabs[TABS.inventory.name]?.values.slice(1) ?? [];
  return { whole, scoped, stockRead: inventory.filter((r) => r.length > 0).map((r) => r[0]) };
}

describe("an order line's action, read row by row", () => {
  it('reads only its own SKU when the order ships partial, and plans as from whole tabs', () => {
    const wb = twoSkuOrder('Ship partial');
    expect(wb.orders.map((l) => l.status)).toEqual(['Backordered', 'Allocated']);
    for (const command of [
      { action: 'cancel-line', orderId: 'SO-1', line: 1, reason: 'Customer Requested' },
      { action: 'change-line', orderId: 'SO-1', line: 1, requiredDate: addDays(TODAY, 9) },
    ] as Command[]) {
      const { whole, scoped, stockRead } = plannedBothWays(rawOf(wb), command);
      expect(scoped).toEqual(whole);
      expect(whole).not.toHaveProperty('refused');
      expect(stockRead).toEqual(['A']);
    }
  });

  it("holds an order reading the stock of the shown line's SKU alone, and plans as from whole tabs", () => {
    const wb = twoSkuOrder('Ship partial');
    const command: Command = { action: 'hold', orderId: 'SO-1', note: 'credit check' };
    const { whole, scoped, stockRead } = plannedBothWays(rawOf(wb), command, { sheet: 'Orders', row: 3 });
    expect(JSON.stringify(whole)).toContain('on hold');
    expect(scoped).toEqual(whole);
    expect(stockRead).toEqual(['B']);
  });

  it('reads every line of a ship-complete order: cancelling its short line lets the rest ship whole', () => {
    const wb = twoSkuOrder('Ship complete');
    expect(wb.orders.map((l) => l.status)).toEqual(['Parked', 'Parked']);
    const command: Command = {
      action: 'cancel-line',
      orderId: 'SO-1',
      line: 1,
      reason: 'Customer Requested',
    };
    const { whole, scoped, stockRead } = plannedBothWays(rawOf(wb), command);
    expect(JSON.stringify(whole)).toContain('SO-1 ships complete and can now ship whole');
    expect(scoped).toEqual(whole);
    expect(stockRead.sort()).toEqual(['A', 'B']);
  });
});
