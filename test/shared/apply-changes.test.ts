/**
 * thenChanges (shared/apply-changes.ts): a second set of changes made on top of a first folds into
 * one set against the original workbook, which applied gives what applying both in turn gives.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges, thenChanges } from '../../shared/apply-changes';
import { runCommand } from '../../shared/commands/run';
import { context, item, line, workbook } from '../support/build';

describe('thenChanges', () => {
  it('folds a refresh made after added and updated lines into one set', () => {
    // No stock: the refresh only re-derives statuses (with stock, its queue rule would reserve too).
    const wb = workbook({
      inventory: [item({ sku: 'A', onHand: 0 })],
      orders: [line({ orderId: 'SO-1', sku: 'A', qty: 2, status: 'Shipped' })],
    });
    const first = {
      orders: {
        updated: [{ ...line({ orderId: 'SO-1', sku: 'A', qty: 2, status: 'Shipped' }), qty: 4 }],
        added: [line({ orderId: 'SO-2', sku: 'A', qty: 3, status: 'Cancelled' })],
      },
    };
    const mid = applyChanges(wb, first);
    const { log: _log, ...then } = runCommand(mid, { action: 'refresh' }, context(2)).changes;
    expect(then.orders?.updated).toHaveLength(2);
    const folded = thenChanges(first, then);
    expect(folded.orders?.updated.map((l) => [l.orderId, l.qty, l.status])).toEqual([['SO-1', 4, 'Parked']]);
    expect(folded.orders?.added.map((l) => [l.orderId, l.status])).toEqual([['SO-2', 'Parked']]);
    expect(applyChanges(wb, folded)).toEqual(applyChanges(mid, then));
  });

  it('refuses a second set that deletes rows', () => {
    const wb = workbook({ orders: [line({ orderId: 'SO-1', sku: 'A', qty: 2 })] });
    expect(() =>
      thenChanges({}, { orders: { updated: [], added: [], deleted: [wb.orders[0] as never] } }),
    ).toThrow('thenChanges: orders deletes rows');
  });
});
