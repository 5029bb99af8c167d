/**
 * The fields of the line and PO commands a random step draws, shared by the invariants property test
 * and the row-scope oracle so both draw the same shapes: a change-line with a Qty up or down, a
 * price and a required date in turn, and a change-po with a promised date or a quantity.
 */
import { addDays } from '../../shared/primitives/dates';
import type { OrderLine } from '../../shared/tabs/orders';
import type { PoLine } from '../../shared/tabs/purchase-orders';
import { TODAY } from './build';

/** A random step: which command, which target (by index), a quantity and a coin. */
export type Step = { kind: string; pick: number; qty: number; flag: boolean };

export function changeLineFields(l: OrderLine, s: Step): Record<string, unknown> {
  return {
    orderId: l.orderId,
    line: l.line,
    qty: s.flag ? Math.max(1, l.qty + s.qty - 6) : l.qty + 1,
    ...(s.qty % 3 === 0 ? { unitPrice: 5 + s.qty } : {}),
    ...(s.qty % 4 === 1 ? { requiredDate: addDays(TODAY, s.qty) } : {}),
  };
}

export function changePoFields(po: PoLine, s: Step): Record<string, unknown> {
  return {
    po: po.po,
    line: po.line,
    ...(s.flag ? { promisedDate: addDays(TODAY, s.qty) } : { qty: Math.max(1, s.qty) }),
  };
}
