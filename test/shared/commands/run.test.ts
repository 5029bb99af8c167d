/**
 * The command runner: exactly one Log row per applied command with who, what and when; a RequestID
 * applied twice changes nothing; a command built on a stale row is refused with the row named.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/apply-changes';
import { rowVersion } from '../../../shared/commands/action-detail';
import { runCommand } from '../../../shared/commands/run';
import { context, item, line, workbook } from '../../support/build';

const wb = workbook({
  inventory: [item({ sku: 'A', onHand: 5 })],
  orders: [line({ orderId: 'SO-1', sku: 'A', qty: 8 })],
});

describe('runCommand', () => {
  it('takes new ids above the highest the caller knows of, beyond the rows it passed', () => {
    const known = { 'LG-': 41, 'BO-': 7, 'SH-': 30, 'INV-': 5000 };
    const allocated = applyChanges(wb, runCommand(wb, { action: 'allocate' }, context(1)).changes);
    const out = runCommand(
      allocated,
      { action: 'ship', orderId: 'SO-1' },
      { ...context(2), highestIds: known },
    );
    expect(out.log?.logId).toBe('LG-000042');
    expect(out.changes.shipments?.added).toMatchObject([{ shipmentId: 'SH-000031', invoiceNo: 'INV-5001' }]);
    const short = runCommand(
      wb,
      { action: 'allocate' },
      { ...context(3), highestIds: { ...known, 'LG-': 0 } },
    );
    // Nothing known of a prefix (0) and no rows of it: the first id; a backorder continues after BO-000007.
    expect(short.log?.logId).toBe('LG-000001');
    expect(short.result.newIds).toEqual(['BO-000008']);
  });

  it('logs one row with actor, action, time, summary and before-images', () => {
    const out = runCommand(wb, { action: 'allocate' }, context(7));
    expect(out.changes.log?.added).toHaveLength(1);
    expect(out.log).toMatchObject({
      logId: 'LG-000001',
      actor: 'rep@example.com',
      action: 'allocate',
      entity: 'All orders',
      when: '2026-11-23T15:00:00.000Z',
      requestId: 'req-7',
    });
    expect(out.log?.summary).toMatch(
      /^Inventory 1 updated, 0 added; Backorders 0 updated, 1 added; Orders 1 updated, 0 added/,
    );
    expect(JSON.parse(out.log?.detail ?? '{}').before.Orders[0]).toMatchObject({
      orderId: 'SO-1',
      qtyAllocated: 0,
    });
  });

  it('does nothing the second time a RequestID arrives', () => {
    const first = runCommand(wb, { action: 'allocate' }, context(1));
    const after = applyChanges(wb, first.changes);
    const second = runCommand(after, { action: 'allocate' }, context(1));
    expect(second.changes).toEqual({});
    expect(second.result).toMatchObject({ applied: false, logId: 'LG-000001' });
  });

  it('refuses a command built on a row that changed since it was read', () => {
    const seen = rowVersion(wb.orders[0]!);
    const changed = { ...wb, orders: [{ ...wb.orders[0]!, qty: 9 }] };
    expect(() =>
      runCommand(
        changed,
        { action: 'allocate', orderId: 'SO-1', expected: { 'Orders:SO-1#1': seen } },
        context(2),
      ),
    ).toThrow('Orders SO-1#1 changed since you looked; reload and try again');
    expect(
      runCommand(wb, { action: 'allocate', orderId: 'SO-1', expected: { 'Orders:SO-1#1': seen } }, context(3))
        .result.applied,
    ).toBe(true);
  });

  it('never mutates the workbook it was given', () => {
    const frozen = structuredClone(wb);
    runCommand(wb, { action: 'allocate' }, context(4));
    expect(wb).toEqual(frozen);
  });
});
