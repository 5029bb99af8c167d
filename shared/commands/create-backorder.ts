/**
 * `create-backorder`: a rep puts part of an order line on backorder by hand (001 "Manual Creation"),
 * taking what is neither shipped nor backordered yet, unreserved units first.
 */
import { openBackorder, recomputeQueues } from '../backorder';
import type { Desk } from '../desk';
import type { IsoDate } from '../primitives/dates';
import { refuseUnless } from '../primitives/errors';
import { formatReservation, parseReservation, takeFromReservation } from '../reservations';
import { unplannedQty } from '../tabs/orders';
import { line, note, order, qty } from './flags';
import { rowOrderLine } from './form';
import { type ActionSpec, anOrder } from './spec';

export interface CreateBackorderArgs {
  readonly orderId: string;
  readonly line: number;
  readonly qty: number;
  readonly date?: IsoDate;
  readonly reason?: string;
  readonly note?: string;
}

/** 001 "Manual Creation": take quantity not yet shipped or backordered (unreserved first). */
export function createBackorder(desk: Desk, args: CreateBackorderArgs): void {
  let line = desk.line(args.orderId, args.line);
  const free = unplannedQty(line);
  const room = free + line.qtyAllocated;
  refuseUnless(args.qty > 0, 'create-backorder: --qty must be at least 1');
  refuseUnless(
    args.qty <= room,
    `Order ${line.orderId} line ${line.line}: ${args.qty} asked but only ${room} can go on backorder (not shipped, not already backordered)`,
  );
  const fromReserved = Math.max(0, args.qty - free);
  if (fromReserved > 0) {
    const reservation = parseReservation(line.allocatedFrom);
    const released = takeFromReservation(reservation, fromReserved);
    desk.stock.release(line.sku, released);
    line = desk.putLine({
      ...line,
      qtyAllocated: line.qtyAllocated - fromReserved,
      allocatedFrom: formatReservation(reservation),
    });
  }
  openBackorder(desk, line, args.qty, {
    source: 'Manual',
    reason: args.reason ?? 'Customer agreed to wait',
    expectedDate: args.date ?? null,
    note: args.note,
  });
  recomputeQueues(desk);
}

export const CREATE_BACKORDER: ActionSpec<'create-backorder'> = {
  run: createBackorder,
  names: anOrder,
  flags: [order, line, qty, ['date', 'date'], ['reason', 'reason'], note],
  settles: true,
  forms: [
    {
      on: 'order-line',
      // Room: what is neither shipped nor backordered, reserved units included.
      offered: ({ line }) => unplannedQty(line) + line.qtyAllocated > 0,
      title: 'Create a backorder',
      submit: 'Create backorder',
      fields: (row) => [
        {
          name: 'qty',
          label: 'Quantity',
          input: 'number',
          initial: String(row.qty.open || 1),
          required: true,
        },
        { name: 'date', label: 'Expected date (optional)', input: 'date' },
        { name: 'reason', label: 'Reason', input: 'text' },
      ],
      fixed: (row) => ({ action: 'create-backorder', ...rowOrderLine(row) }),
    },
  ],
};
