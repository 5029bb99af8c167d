/**
 * Which actions apply to a row in its state: what the sidebar offers. Each rule is the state check the
 * command itself makes (named beside it), so an offered action is accepted by the core unless stock
 * or a person's input says otherwise, and a hidden one would be refused for the row's state;
 * test/shared/applicable.property.test.ts runs the commands on drawn workbooks to hold the two
 * together. A Shipped order line offers only Change; a Fulfilled backorder only Log a call and the
 * customer message.
 */
import type { Backorder } from './tabs/backorders';
import { type OrderLine, openQty, unplannedQty } from './tabs/orders';
import type { PoLine } from './tabs/purchase-orders';

export const ORDER_LINE_ACTIONS = [
  'allocate',
  'ship',
  'split',
  'create-backorder',
  'change-line',
  'hold',
  'release',
  'cancel-line',
] as const;
export const BACKORDER_ACTIONS = [
  'fulfill',
  'log-call',
  'reschedule',
  'cancel',
  'substitute',
  'transfer',
  'drop-ship',
  'notify',
] as const;
export const PO_LINE_ACTIONS = ['receive', 'send-po', 'change-po', 'cancel-po-line'] as const;

export type OfferedAction =
  | (typeof ORDER_LINE_ACTIONS)[number]
  | (typeof BACKORDER_ACTIONS)[number]
  | (typeof PO_LINE_ACTIONS)[number];

/** ship.ts: an order with any Ship complete line ships whole; one line of it alone is refused. */
export function shipsWhole(orderLines: readonly OrderLine[]): boolean {
  return orderLines.some((x) => x.shipPolicy === 'Ship complete');
}

/**
 * An order line's actions. `orderLines` are every line of its order (hold and release are per order;
 * hold refuses an order with nothing open, release one that is not held).
 */
export function orderLineOffers(l: OrderLine, orderLines: readonly OrderLine[]): OfferedAction[] {
  const held = l.hold === 'Held';
  const out: OfferedAction[] = [];
  // allocate.ts (one order): refused on hold; it has something to do while any line of the order
  // has units neither reserved nor backordered. Split ships this line, so it needs this line's.
  if (!held && orderLines.some((x) => unplannedQty(x) > 0)) out.push('allocate');
  if (!held && unplannedQty(l) > 0) out.push('split');
  // ship.ts: refused on hold and with nothing allocated; an order that ships whole ships whatever
  // any of its lines holds.
  const allocated = shipsWhole(orderLines) ? orderLines.some((x) => x.qtyAllocated > 0) : l.qtyAllocated > 0;
  if (!held && allocated) out.push('ship');
  // create-backorder.ts: room = unplanned + allocated.
  if (unplannedQty(l) + l.qtyAllocated > 0) out.push('create-backorder');
  // change-line.ts: a required date can change at any time.
  out.push('change-line');
  // hold.ts: hold refuses an order already held or with nothing open; release one not held.
  if (held) out.push('release');
  else if (orderLines.some((x) => openQty(x) > 0)) out.push('hold');
  // cancel-line.ts: refused when nothing is open.
  if (openQty(l) > 0) out.push('cancel-line');
  return out;
}

/**
 * A backorder's actions. `held`: its order is on hold; `vendorShips`: a drop-ship PO the vendor ships
 * is open for it (fulfill.ts refuses both).
 */
export function backorderOffers(b: Backorder, held: boolean, vendorShips: boolean): OfferedAction[] {
  const out: OfferedAction[] = [];
  const open = b.qtyRemaining > 0;
  if (open && !held && !vendorShips) out.push('fulfill');
  out.push('log-call');
  // reschedule.ts, cancel.ts, substitute.ts, transfer.ts, drop-ship.ts: each refuses a backorder with
  // nothing remaining.
  if (open) out.push('reschedule', 'cancel', 'substitute', 'transfer', 'drop-ship');
  out.push('notify');
  return out;
}

/**
 * A PO line's actions (po-lines.ts, receive.ts). Receive stays on a line received in full: a vendor's
 * extra units are an over-receipt the core accepts; only a cancelled line refuses it.
 */
export function poLineOffers(p: PoLine): OfferedAction[] {
  const open = p.status !== 'Cancelled' && p.qty - p.qtyReceived > 0;
  const out: OfferedAction[] = [];
  if (p.status !== 'Cancelled') out.push('receive');
  if (p.status === 'Draft') out.push('send-po');
  // po-lines.ts: a line can be changed (its promised date) unless cancelled; cancelled only while open.
  if (p.status !== 'Cancelled') out.push('change-po');
  if (open) out.push('cancel-po-line');
  return out;
}
