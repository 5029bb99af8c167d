/**
 * Runs commands one after another on an in-memory workbook, checking every invariant after each:
 * the harness of the core's scenario tests.
 */
import { expect } from 'vitest';
import { applyChanges } from '../../shared/apply-changes';
import { type CommandResult, runCommand } from '../../shared/commands/run';
import { CommandSchema } from '../../shared/commands/schema';
import { checkInvariants } from '../../shared/invariants';
import type { IsoDate } from '../../shared/primitives/dates';
import type { Workbook } from '../../shared/workbook';
import { context, item, line, TODAY, workbook } from './build';

export class Session {
  private n = 0;
  today: IsoDate = TODAY;

  constructor(public wb: Workbook) {}

  /** Runs a command (parsed by the public schema), applies it and asserts the invariants. */
  do(command: Record<string, unknown>): CommandResult {
    this.n += 1;
    const parsed = CommandSchema.parse(command);
    const outcome = runCommand(this.wb, parsed, context(this.n, this.today));
    this.wb = applyChanges(this.wb, outcome.changes);
    expect(checkInvariants(this.wb)).toEqual([]);
    return outcome.result;
  }

  line(orderId: string, n = 1) {
    const l = this.wb.orders.find((x) => x.orderId === orderId && x.line === n);
    if (!l) throw new Error(`no line ${orderId}#${n}`);
    return l;
  }

  backorder(id: string) {
    const b = this.wb.backorders.find((x) => x.backorderId === id);
    if (!b) throw new Error(`no backorder ${id}`);
    return b;
  }

  stock(sku: string, warehouse = 'MAIN') {
    const i = this.wb.inventory.find((x) => x.sku === sku && x.warehouse === warehouse);
    if (!i) throw new Error(`no inventory ${sku}@${warehouse}`);
    return i;
  }
}

/**
 * The line decisions' shop, allocated: SO-1 wants 10 of A with 6 on hand (6 reserved, BO-000001
 * waits for 4), and SO-2, later, waits for 3 (Pine Co).
 */
export function shortLineSession(): Session {
  const s = new Session(
    workbook({
      inventory: [item({ sku: 'A', onHand: 6 })],
      orders: [
        line({ orderId: 'SO-1', sku: 'A', qty: 10, orderDate: '2026-11-01' as never }),
        line({ orderId: 'SO-2', sku: 'A', qty: 3, orderDate: '2026-11-05' as never, customer: 'Pine Co' }),
      ],
    }),
  );
  s.do({ action: 'allocate' });
  return s;
}
