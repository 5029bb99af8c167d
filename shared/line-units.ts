/**
 * Taking open units off an order line, the one way cancel-line and change-line both do it: first what waits on the line's open backorders (units not in stock, the newest backorder
 * first), then what is neither reserved nor backordered, and last what is reserved, releasing that
 * stock. A cancellation counts the units as cancelled (on the line and its backorders); a reduction
 * lowers the quantities instead (the line's Qty and the backorder's Qty), so the customer's order
 * reads as changed, not as partly cancelled. Either way every balance holds:
 * line Qty = shipped + allocated + backordered + cancelled + moved (+ unplanned), backorder Qty =
 * fulfilled + cancelled + remaining.
 */
import type { Desk } from './desk';
import { refuseUnless } from './primitives/errors';
import { settleQueues } from './queue';
import { formatReservation, parseReservation, reservedTotal, takeFromReservation } from './reservations';
import { openQty } from './tabs/orders';
import type { CancelReason } from './tabs/vocabulary';

export type TakeHow =
  | { readonly mode: 'cancel'; readonly reason: CancelReason; readonly note: string }
  | { readonly mode: 'reduce'; readonly note: string };

/** Takes `want` open units off a line (the caller checked they are open); returns the stock freed. */
export function takeOpenUnits(
  desk: Desk,
  orderId: string,
  lineNo: number,
  want: number,
  how: TakeHow,
): number {
  const cancel = how.mode === 'cancel';
  let left = want;
  let freed = 0;
  const waiting = desk.uow
    .all('backorders')
    .filter((b) => b.orderId === orderId && b.line === lineNo && b.qtyRemaining > 0)
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
    const emptied = !cancel && b.qty - take === 0;
    desk.putBackorder({
      ...b,
      qty: cancel ? b.qty : b.qty - take,
      qtyRemaining: remaining,
      qtyCancelled: cancel ? b.qtyCancelled + take : b.qtyCancelled,
      qtyAllocated: b.qtyAllocated - reservedTotal(release),
      allocatedFrom: formatReservation(reservation),
      ...(cancel ? { cancelReason: how.reason, cancelNote: how.note } : {}),
      ...(emptied ? { cancelReason: 'Customer Requested' as const, cancelNote: how.note } : {}),
    });
    const l = desk.line(orderId, lineNo);
    desk.putLine({
      ...l,
      qty: cancel ? l.qty : l.qty - take,
      qtyBackordered: l.qtyBackordered - take,
      qtyCancelled: cancel ? l.qtyCancelled + take : l.qtyCancelled,
    });
    desk.entity(`Backorder ${b.backorderId}`);
    left -= take;
  }

  const line = desk.line(orderId, lineNo);
  const unplanned = openQty(line) - line.qtyAllocated - line.qtyBackordered;
  const fromUnplanned = Math.min(left, Math.max(0, unplanned));
  left -= fromUnplanned;
  const reservation = parseReservation(line.allocatedFrom);
  const release = takeFromReservation(reservation, Math.min(left, line.qtyAllocated));
  desk.stock.release(line.sku, release);
  freed += reservedTotal(release);
  left -= reservedTotal(release);
  const taken = fromUnplanned + reservedTotal(release);
  desk.putLine({
    ...line,
    qty: cancel ? line.qty : line.qty - taken,
    qtyCancelled: cancel ? line.qtyCancelled + taken : line.qtyCancelled,
    qtyAllocated: line.qtyAllocated - reservedTotal(release),
    allocatedFrom: formatReservation(reservation),
  });
  refuseUnless(
    left === 0,
    `${orderId} line ${lineNo}: ${left} of the ${want} units could not be found to ${cancel ? 'cancel' : 'take off'}`,
  );
  return freed;
}

/** Freed stock goes to whoever waits next for the SKU; their "ready to fulfill" lines say to whom. */
export function giveFreedStock(desk: Desk, sku: string, freed: number): void {
  if (freed === 0) return;
  if (settleQueues(desk, [sku]) === 0)
    desk.messages.push(`${freed} × ${sku} back in stock: nobody is waiting for it`);
}
