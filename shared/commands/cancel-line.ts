/**
 * A customer cancels an order line, whole or in part, before it ships (issue #13). What is still
 * owed on the line is cancelled in the order a distributor gives it up: first what waits on the
 * line's open backorders (units not in stock), then what is neither reserved nor backordered, and
 * last what is reserved (allocated stock). Every unit of stock that frees goes to the next
 * backorders in the SKU's queue (priority, then the oldest), and the result says to whom. The line
 * stays balanced: ordered = shipped + open backorder + cancelled (+ moved).
 */
import type { Desk } from '../desk';
import { refuseUnless } from '../errors';
import { formatReservation, parseReservation, reservedTotal, takeFromReservation } from '../reservations';
import { openQty } from '../tabs/orders';
import type { CancelReason } from '../tabs/vocabulary';
import { queueBackorders } from './receive';

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
  let left = want;
  let freed = 0;

  // 1. What waits on the line's open backorders, the newest backorder first.
  const waiting = desk.uow
    .all('backorders')
    .filter((b) => b.orderId === start.orderId && b.line === start.line && b.qtyRemaining > 0)
    .sort((a, b) => (a.backorderId < b.backorderId ? 1 : -1));
  for (const found of waiting) {
    if (left === 0) break;
    const b = desk.backorder(found.backorderId);
    const take = Math.min(left, b.qtyRemaining);
    const remaining = b.qtyRemaining - take;
    const reservation = parseReservation(b.allocatedFrom);
    const release = takeFromReservation(reservation, Math.max(0, b.qtyAllocated - remaining));
    desk.stock.release(b.sku, release);
    freed += reservedTotal(release);
    desk.putBackorder({
      ...b,
      qtyRemaining: remaining,
      qtyCancelled: b.qtyCancelled + take,
      qtyAllocated: b.qtyAllocated - reservedTotal(release),
      allocatedFrom: formatReservation(reservation),
      cancelReason: args.reason,
      cancelNote: args.note ?? '',
    });
    desk.adjustLine(start.orderId, start.line, { qtyBackordered: -take, qtyCancelled: take });
    desk.entity(`Backorder ${b.backorderId}`);
    left -= take;
  }

  // 2. What is neither reserved nor backordered, then 3. what is reserved, releasing that stock.
  const line = desk.line(start.orderId, start.line);
  const unplanned = openQty(line) - line.qtyAllocated - line.qtyBackordered;
  const fromUnplanned = Math.min(left, Math.max(0, unplanned));
  left -= fromUnplanned;
  const reservation = parseReservation(line.allocatedFrom);
  const release = takeFromReservation(reservation, Math.min(left, line.qtyAllocated));
  desk.stock.release(line.sku, release);
  freed += reservedTotal(release);
  left -= reservedTotal(release);
  desk.putLine({
    ...line,
    qtyCancelled: line.qtyCancelled + fromUnplanned + reservedTotal(release),
    qtyAllocated: line.qtyAllocated - reservedTotal(release),
    allocatedFrom: formatReservation(reservation),
  });
  refuseUnless(left === 0, `${name}: ${left} of the ${want} units could not be found to cancel`);

  desk.messages.unshift(
    `${name}: ${want} × ${start.sku} cancelled (${args.reason})${freed > 0 ? `; ${freed} freed` : ''}`,
  );
  // The freed stock goes to whoever waits next for the SKU; their "ready to fulfill" lines follow.
  if (freed > 0) {
    const before = desk.messages.length;
    queueBackorders(desk, start.sku);
    if (desk.messages.length === before)
      desk.messages.push(`${freed} × ${start.sku} back in stock: nobody is waiting for it`);
  }
  return want;
}
