/**
 * A customer cancels an order line, whole or in part, before it ships. What is still
 * owed on the line is cancelled in the order a distributor gives it up: first what waits on the
 * line's open backorders (units not in stock), then what is neither reserved nor backordered, and
 * last what is reserved (allocated stock). Every unit of stock that frees goes to the next
 * backorders in the SKU's queue (priority, then the oldest), and the result says to whom. The line
 * stays balanced: ordered = shipped + open backorder + cancelled (+ moved).
 */
import type { Desk } from '../desk';
import { giveFreedStock, takeOpenUnits } from '../line-units';
import { refuseUnless } from '../primitives/errors';
import { openQty } from '../tabs/orders';
import { CANCEL_REASONS, type CancelReason } from '../tabs/vocabulary';
import { cancelReason, line, note, order, qty } from './flags';
import { CANCEL_FIELDS, rowOrderLine } from './form';
import { type ActionSpec, anOrderLine } from './spec';

export interface CancelLineArgs {
  readonly orderId: string;
  readonly line: number;
  /** Units to cancel; the whole open quantity when left out. */
  readonly qty?: number;
  readonly reason: CancelReason;
  readonly note?: string;
}

/** Cancels `args.qty` (or all that is open) of an order line; returns the units cancelled. */
export function cancelLine(desk: Desk, args: CancelLineArgs): number {
  const start = desk.line(args.orderId, args.line);
  const name = `${start.orderId} line ${start.line}`;
  const open = openQty(start);
  refuseUnless(open > 0, `${name} is ${start.status}: nothing on it is left to cancel`);
  const want = args.qty ?? open;
  refuseUnless(
    want <= open,
    `${name}: cannot cancel ${want}; ${open} of ${start.qty} are still open (${start.qtyShipped} shipped, ${start.qtyCancelled} cancelled${start.qtyMoved ? `, ${start.qtyMoved} moved` : ''})`,
  );
  refuseUnless(
    args.reason !== 'Other' || (args.note ?? '').trim() !== '',
    'Cancel reason Other needs a note that explains it',
  );
  desk.entity(`Order ${start.orderId}`);
  const freed = takeOpenUnits(desk, start.orderId, start.line, want, {
    mode: 'cancel',
    reason: args.reason,
    note: args.note ?? '',
  });

  desk.messages.unshift(
    `${name}: ${want} × ${start.sku} cancelled (${args.reason})${freed > 0 ? `; ${freed} freed` : ''}`,
  );
  giveFreedStock(desk, start.sku, freed);
  return want;
}

export const CANCEL_LINE: ActionSpec<'cancel-line'> = {
  run: (d, c) => {
    cancelLine(d, c);
  },
  names: anOrderLine,
  flags: [order, line, qty, cancelReason, note],
  // A backorder it closes is Complete once what shipped was delivered.
  reads: ['shipments'],
  settles: true,
  forms: [
    {
      on: 'order-line',
      // Refused when nothing is open.
      offered: ({ line }) => openQty(line) > 0,
      title: 'Cancel this line (whole or in part)',
      submit: 'Cancel line',
      fields: (row) => [
        { name: 'qty', label: `Quantity (empty: all ${row.qty.open} still open)`, input: 'number' },
        ...CANCEL_FIELDS,
      ],
      fixed: (row) => ({ action: 'cancel-line', ...rowOrderLine(row) }),
      prepare: (row) => ({ action: 'cancel-line', ...rowOrderLine(row), reason: CANCEL_REASONS[0] }),
    },
  ],
};
