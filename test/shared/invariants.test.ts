/**
 * What `check` says when an order line's counters disagree with the records that summarise it: its
 * shipments, its backorders' open and cancelled units, a backorder of a line that does not exist.
 * The workbook is brought to a real state by the core's own commands, then one counter is changed.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/apply-changes';
import { runCommand } from '../../shared/commands/run';
import type { Command } from '../../shared/commands/schema';
import { checkInvariants } from '../../shared/invariants';
import type { Workbook } from '../../shared/workbook';
import { context, item, line, workbook } from '../support/build';

/** SO-1 line 1: 5 ordered, 2 shipped, 3 on backorder BO-000001; SO-2 untouched. */
function shipped(): Workbook {
  let wb = workbook({
    inventory: [item({ sku: 'A', warehouse: 'MAIN', onHand: 2 })],
    orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5 }), line({ orderId: 'SO-2', sku: 'A', qty: 1 })],
  });
  const steps: Command[] = [
    { action: 'allocate', orderId: 'SO-1' },
    { action: 'ship', orderId: 'SO-1' },
  ];
  for (const [n, c] of steps.entries()) wb = applyChanges(wb, runCommand(wb, c, context(n + 1)).changes);
  return wb;
}

const said = (wb: Workbook) => checkInvariants(wb).map((v) => `${v.tab} ${v.key}: ${v.message}`);

describe('checkInvariants', () => {
  it('finds nothing wrong in a state the commands made', () => {
    const wb = shipped();
    expect(wb.shipments.map((s) => s.qty)).toEqual([2]);
    expect(wb.backorders.map((b) => b.qtyRemaining)).toEqual([3]);
    expect(said(wb)).toEqual([]);
  });

  it('names the line whose counters disagree with its shipments and its backorders', () => {
    const wb = shipped();
    const [first, ...rest] = wb.orders;
    const counted = { ...wb, orders: [{ ...first!, qtyShipped: 1, qtyBackordered: 4 }, ...rest] };
    expect(said(counted)).toEqual(
      expect.arrayContaining([
        'Orders SO-1#1: QtyBackordered 4 ≠ open on its backorders 3',
        'Orders SO-1#1: QtyShipped 1 ≠ Shipments 2',
      ]),
    );
    const cancelled = {
      ...wb,
      backorders: wb.backorders.map((b) => ({
        ...b,
        qtyRemaining: 0,
        qtyCancelled: 3,
        status: 'Cancelled' as const,
      })),
    };
    expect(said(cancelled)).toEqual(
      expect.arrayContaining(['Orders SO-1#1: QtyCancelled 0 < cancelled on its backorders 3']),
    );
  });

  it('says a backorder whose order line is gone does not exist, and a shipment of it counts for no line', () => {
    const wb = shipped();
    const gone = { ...wb, orders: wb.orders.filter((l) => l.orderId !== 'SO-1') };
    expect(said(gone)).toEqual(
      expect.arrayContaining(['Backorders BO-000001: order SO-1 line 1 does not exist']),
    );
    expect(said(gone).filter((s) => s.startsWith('Orders'))).toEqual([]);
  });
});
