/**
 * Fulfill a backorder, fully or partly (001 "Steps to Fulfill a Backorder"): check stock, reserve,
 * ship, keep the remainder open; the final fulfilment closes it. Without an id, every backorder that
 * is Ready to Fulfill ships what is reserved for it, optionally for one SKU only (001 tip: "Group
 * backorders by product").
 */
import { recomputeQueues } from '../backorder';
import type { Desk } from '../desk';
import { refuseUnless } from '../primitives/errors';
import { dropShipped, reserveForBackorder } from '../queue';
import { formatReservation, parseReservation, takeFromReservation } from '../reservations';
import { recordShipment, type ShipVia } from '../shipments';
import { backorder, qty, shipping, sku } from './flags';
import { rowBackorder } from './form';
import { type ActionSpec, NO_ENTITIES } from './spec';

export interface FulfillArgs extends ShipVia {
  readonly backorderId?: string;
  readonly sku?: string;
  readonly qty?: number;
}

function fulfillOne(
  desk: Desk,
  backorderId: string,
  qty: number | undefined,
  ids: Map<string, { id: string; next: number }>,
  vendorShips: Set<string>,
  via: ShipVia = {},
): number {
  let b = desk.backorder(backorderId);
  refuseUnless(
    b.qtyRemaining > 0,
    `Backorder ${b.backorderId} is ${b.status}: nothing left to fulfill${b.status === 'Cancelled' ? ' (a cancelled backorder is never reactivated; create a new order)' : ''}`,
  );
  refuseUnless(
    !vendorShips.has(b.backorderId),
    `Backorder ${b.backorderId} is drop-shipped by the vendor (${b.po}): receive that PO when the vendor confirms shipping`,
  );
  const want = qty ?? b.qtyRemaining;
  refuseUnless(want > 0, `Backorder ${b.backorderId}: quantity to fulfill must be at least 1`);
  refuseUnless(
    want <= b.qtyRemaining,
    `Backorder ${b.backorderId}: ${want} asked but only ${b.qtyRemaining} remain`,
  );
  if (b.qtyAllocated < want) {
    reserveForBackorder(desk, b, want - b.qtyAllocated);
    b = desk.backorder(backorderId);
  }
  refuseUnless(
    b.qtyAllocated >= want,
    `Backorder ${b.backorderId}: ${want} × ${b.sku} wanted but only ${b.qtyAllocated} available (check Inventory: received, counted, or allocated to other orders?)`,
  );
  const reservation = parseReservation(b.allocatedFrom);
  const taken = takeFromReservation(reservation, want);
  desk.stock.shipReserved(b.sku, taken);
  const line = desk.line(b.orderId, b.line);
  recordShipment(desk, line, taken, b.backorderId, ids, via);
  desk.putBackorder({
    ...b,
    qtyFulfilled: b.qtyFulfilled + want,
    qtyRemaining: b.qtyRemaining - want,
    qtyAllocated: b.qtyAllocated - want,
    allocatedFrom: formatReservation(reservation),
    nextFollowUp: b.qtyRemaining === want ? desk.deliveredFollowUpDate() : b.nextFollowUp,
  });
  desk.adjustLine(b.orderId, b.line, { qtyShipped: want, qtyBackordered: -want });
  desk.entity(`Backorder ${b.backorderId}`);
  return want;
}

export function fulfill(desk: Desk, args: FulfillArgs): void {
  const ids = new Map<string, { id: string; next: number }>();
  const vendorShips = dropShipped(desk);
  const held = desk.heldOrders();
  if (args.backorderId) {
    const b = desk.backorder(args.backorderId);
    refuseUnless(!held.has(b.orderId), `${b.backorderId}: order ${b.orderId} is on hold; release it to ship`);
    fulfillOne(desk, args.backorderId, args.qty, ids, vendorShips, args);
  } else {
    const ready = desk.uow
      .all('backorders')
      .filter(
        (b) =>
          b.qtyAllocated > 0 &&
          b.qtyRemaining > 0 &&
          (!args.sku || b.sku === args.sku) &&
          !held.has(b.orderId),
      );
    refuseUnless(ready.length > 0, `No backorder is Ready to Fulfill${args.sku ? ` for ${args.sku}` : ''}`);
    // Each order's backorders ship together: one shipment per order and warehouse.
    const byOrder = new Map<string, Map<string, { id: string; next: number }>>();
    for (const b of ready) {
      const orderIds = byOrder.get(b.orderId) ?? new Map();
      byOrder.set(b.orderId, orderIds);
      fulfillOne(desk, b.backorderId, b.qtyAllocated, orderIds, vendorShips, args);
    }
    if (ready.length > 1) {
      desk.entities.clear();
      desk.entity(`${ready.length} backorders${args.sku ? ` of ${args.sku}` : ''}`);
    }
  }
  recomputeQueues(desk);
}

/** `fulfill`: one backorder, or a SKU's ready backorders; with neither, every ready one (a batch). */
export const FULFILL: ActionSpec<'fulfill'> = {
  run: fulfill,
  names: (c) =>
    c.backorderId || c.sku
      ? { ...NO_ENTITIES, backorders: c.backorderId ? [c.backorderId] : [], skus: c.sku ? [c.sku] : [] }
      : null,
  flags: [backorder, sku, qty, ...shipping],
  // It adds Shipments and Invoices rows, and a backorder it closes is Complete once delivered.
  reads: ['shipments', 'invoices'],
  // One named backorder ships from its own reservation and free stock, and settles no queue.
  leavesOthers: (c) => c.backorderId !== undefined && c.sku === undefined,
  forms: [
    {
      on: 'backorder',
      // Refused with nothing remaining, on hold, and where the vendor ships it (a drop-ship PO).
      offered: ({ backorder, held, vendorShips }) => backorder.qtyRemaining > 0 && !held && !vendorShips,
      title: 'Fulfill',
      submit: 'Fulfill',
      fields: (row) => [{ name: 'qty', label: `Quantity (empty: all ${row.qty.open})`, input: 'number' }],
      fixed: (row) => ({ action: 'fulfill', ...rowBackorder(row) }),
      open: true,
      withStock: true,
    },
  ],
};
