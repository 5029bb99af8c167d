/**
 * Statuses as data (PRODUCT.md section 2): a transition table per record type, one generic check, and
 * derivations that compute a status from the quantities, so a status is never typed, only explained.
 * People's decisions that quantities cannot show (a PO sent or cancelled) are kept from the previous
 * status.
 */
import { DeskError } from './primitives/errors';
import type { Backorder } from './tabs/backorders';
import { type OrderLine, openQty, unplannedQty } from './tabs/orders';
import type { PoLine } from './tabs/purchase-orders';
import type { BackorderStatus, OrderStatus, PoStatus } from './tabs/vocabulary';

export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

export const BACKORDER_TRANSITIONS: Transitions<BackorderStatus> = {
  Open: ['Ready to Fulfill', 'Partially Fulfilled', 'Fulfilled', 'Cancelled'],
  'Ready to Fulfill': ['Open', 'Partially Fulfilled', 'Fulfilled', 'Cancelled'],
  'Partially Fulfilled': ['Ready to Fulfill', 'Fulfilled', 'Cancelled'],
  Fulfilled: ['Complete'],
  // Back to Fulfilled only when a DeliveredAt typed too early is cleared (shared/deliveries.ts).
  Complete: ['Fulfilled'],
  // Terminal: a cancelled backorder is never reactivated (001 "Cancelling Backorders"); a new order is needed.
  Cancelled: [],
};

export const PO_TRANSITIONS: Transitions<PoStatus> = {
  Draft: ['Sent', 'Partially Received', 'Received', 'Cancelled'],
  Sent: ['Partially Received', 'Received', 'Cancelled'],
  'Partially Received': ['Received', 'Cancelled'],
  Received: [],
  Cancelled: [],
};

/** Throws unless `from → to` is allowed (staying put always is). */
export function assertTransition<S extends string>(
  table: Transitions<S>,
  what: string,
  from: S,
  to: S,
): void {
  if (from === to) return;
  if (!table[from]?.includes(to)) throw new DeskError('REFUSED', `${what} cannot go from ${from} to ${to}`);
}

/**
 * The status of a backorder from its quantities; `delivered` tells whether every shipment that
 * fulfilled it has been delivered.
 */
export function deriveBackorderStatus(b: Backorder, delivered: boolean): BackorderStatus {
  if (b.qtyRemaining === 0) {
    // Anything shipped makes it Fulfilled (Complete once delivered), even with the rest cancelled:
    // the customer got those units. Cancelled is for a backorder of which nothing ever shipped
    // (Qty 0 too: change-line took every unit of it off the order before any arrived).
    if (b.qtyFulfilled === 0) return 'Cancelled';
    return delivered ? 'Complete' : 'Fulfilled';
  }
  if (b.qtyAllocated > 0) return 'Ready to Fulfill';
  return b.qtyFulfilled > 0 ? 'Partially Fulfilled' : 'Open';
}

/**
 * The status of an order line from its quantities. `allocationRan` is true when allocation has
 * looked at the line: a line it could not serve in full, with nothing backordered, is Parked
 * (waiting for stock; for a ship-complete order, waiting for the whole order: 002 strategy 1).
 */
export function deriveLineStatus(line: OrderLine, allocationRan: boolean): OrderStatus {
  const open = openQty(line);
  if (line.qty > 0 && line.qtyCancelled === line.qty) return 'Cancelled';
  if (line.qty > 0 && open === 0) return line.qtyShipped > 0 ? 'Shipped' : 'Backordered';
  if (line.qtyBackordered > 0 || line.qtyMoved > 0) return 'Backordered';
  const waiting = unplannedQty(line) > 0;
  // A status past New says allocation has looked at the line, except Partially shipped with units
  // waiting: only an opening balance (shared/bulk/opening.ts) leaves a line so, before allocation saw it.
  const ran = allocationRan || (line.status !== 'New' && line.status !== 'Partially shipped');
  if (waiting && ran) {
    if (line.qtyAllocated === 0 || line.shipPolicy === 'Ship complete') return 'Parked';
    return 'Partially allocated';
  }
  if (line.qtyShipped > 0) return 'Partially shipped';
  if (line.qtyAllocated > 0) return line.qtyAllocated === open ? 'Allocated' : 'Partially allocated';
  return 'New';
}

/** Received states follow the quantity; Draft, Sent and Cancelled are people's decisions. */
export function derivePoStatus(line: PoLine): PoStatus {
  if (line.status === 'Cancelled') return 'Cancelled';
  if (line.qtyReceived >= line.qty && line.qty > 0) return 'Received';
  if (line.qtyReceived > 0) return 'Partially Received';
  return line.status === 'Sent' ? 'Sent' : 'Draft';
}
