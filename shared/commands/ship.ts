/**
 * Ship: send what is allocated on an order (or one line), one shipment per warehouse (000 step 2;
 * 002 strategy 4). When the picker finds fewer than allocated (`qty` below the reservation), the
 * difference is a counted stock discrepancy (OnHand comes down) and the missing quantity goes on a
 * backorder, or, in "New order for the remainder" mode, to a new order (002 strategy 3). A
 * ship-complete order ships only whole; a short pick on one parks it and releases its reservations.
 */
import { openBackorder } from '../backorder';
import type { Desk } from '../desk';
import { isHeld } from '../holds';
import { DeskError, refuseUnless } from '../primitives/errors';
import { formatReservation, parseReservation, reservedTotal, takeFromReservation } from '../reservations';
import { recordShipment, type ShipVia } from '../shipments';
import { NEW_LINE_STATE, type OrderLine, shipsWhole, unplannedQty } from '../tabs/orders';
import { line, order, qty, shipping } from './flags';
import { rowOrder, rowOrderLine } from './form';
import { type ActionSpec, anOrder } from './spec';

export interface ShipArgs extends ShipVia {
  readonly orderId: string;
  readonly line?: number;
  readonly qty?: number;
}

function parkWhole(desk: Desk, lines: OrderLine[]): void {
  for (const l of lines) {
    const current = desk.line(l.orderId, l.line);
    desk.stock.release(current.sku, parseReservation(current.allocatedFrom));
    desk.putLine({ ...current, qtyAllocated: 0, allocatedFrom: '' }, true);
  }
}

/** Moves every line's unplanned remainder to one new order (002 strategy 3). */
function moveRemainders(desk: Desk, orderId: string): void {
  const remainders = desk.linesOf(orderId).filter((l) => unplannedQty(l) > 0);
  if (remainders.length === 0) return;
  const taken = new Set(desk.uow.all('orders').map((l) => l.orderId));
  let n = 1;
  while (taken.has(`${orderId}-R${n}`)) n++;
  const newId = `${orderId}-R${n}`;
  for (const l of remainders) {
    const rest = unplannedQty(l);
    desk.uow.add('orders', {
      ...l,
      orderId: newId,
      qty: rest,
      notes: `Remainder of ${l.orderId} line ${l.line}`,
      ...NEW_LINE_STATE,
    });
    desk.putLine({ ...l, qtyMoved: l.qtyMoved + rest, movedTo: newId });
  }
  desk.newIds.push(newId);
  desk.messages.push(`remainder moved to new order ${newId}`);
}

export function ship(desk: Desk, args: ShipArgs): void {
  const all = desk.linesOf(args.orderId);
  const lines = args.line === undefined ? all : [desk.line(args.orderId, args.line)];
  if (args.qty !== undefined && args.line === undefined)
    throw new DeskError('BAD_INPUT', 'ship --qty needs --line: say which line the picker counted');
  refuseUnless(!all.some(isHeld), `Order ${args.orderId} is on hold: release it to ship`);
  const complete = shipsWhole(all);
  desk.entity(`Order ${args.orderId}`);
  if (complete) {
    const short = all.find((l) => unplannedQty(l) > 0 || l.qtyBackordered > 0);
    refuseUnless(
      !short,
      `Order ${args.orderId} ships complete, but line ${short?.line} is not fully allocated (${short?.status}); allocate first`,
    );
    // One line named is a short pick being recorded (fewer found than reserved): it parks the order.
    const shortPick = args.qty !== undefined && args.qty < (lines[0]?.qtyAllocated ?? 0);
    refuseUnless(
      args.line === undefined || all.length === 1 || shortPick,
      `Order ${args.orderId} ships complete: ship all its lines together (--line with a --qty below the reserved records a short pick)`,
    );
  }
  const toShip = lines.filter((l) => l.qtyAllocated > 0);
  refuseUnless(
    toShip.length > 0,
    `Order ${args.orderId}${args.line ? ` line ${args.line}` : ''}: nothing allocated to ship; allocate first`,
  );

  // An engine column typed over in the sheet (QtyAllocated 999 on a 20-unit line) is refused here,
  // before it becomes shipped units: the balance and the reservation must agree with it.
  for (const l of toShip) {
    const open = l.qty - l.qtyShipped - l.qtyBackordered - l.qtyCancelled - l.qtyMoved;
    refuseUnless(
      l.qtyAllocated <= open && reservedTotal(parseReservation(l.allocatedFrom)) === l.qtyAllocated,
      `Order ${l.orderId} line ${l.line}: QtyAllocated ${l.qtyAllocated} does not match the line (${open} still open, reserved "${l.allocatedFrom}"); it looks typed over. Nothing was shipped: put the value back (Check workbook shows the balances)`,
    );
  }

  const ids = new Map<string, { id: string; next: number }>();
  for (const l of toShip) {
    const picked = args.qty ?? l.qtyAllocated;
    refuseUnless(
      picked <= l.qtyAllocated,
      `Order ${l.orderId} line ${l.line}: ${picked} picked but only ${l.qtyAllocated} allocated`,
    );
    const reservation = parseReservation(l.allocatedFrom);
    const taken = takeFromReservation(reservation, picked);
    const missing = takeFromReservation(reservation, l.qtyAllocated - picked);
    // A ship-complete order that is short ships nothing: every reservation of it goes back first.
    if (complete && missing.size > 0) parkWhole(desk, desk.linesOf(l.orderId));
    for (const [w, q] of missing) {
      if (!complete) desk.stock.release(l.sku, new Map([[w, q]]));
      desk.stock.writeOff(l.sku, w, q);
      desk.messages.push(`stock discrepancy: ${l.sku} at ${w} counted ${q} fewer than OnHand`);
    }
    if (complete && missing.size > 0) {
      desk.messages.push(`Order ${l.orderId} ships complete and is short: parked, nothing shipped`);
      return;
    }
    desk.stock.shipReserved(l.sku, taken);
    recordShipment(desk, l, taken, '', ids, args);
    desk.putLine({
      ...l,
      qtyShipped: l.qtyShipped + picked,
      qtyAllocated: 0,
      allocatedFrom: formatReservation(reservation),
    });
    const short = l.qtyAllocated - picked;
    if (short > 0 && desk.config.BackorderMode === 'Backorder lines')
      openBackorder(desk, desk.line(l.orderId, l.line), short, { source: 'Auto', reason: 'Short pick' });
  }
  if (desk.config.BackorderMode === 'New order for the remainder') moveRemainders(desk, args.orderId);
}

export const SHIP: ActionSpec<'ship'> = {
  run: ship,
  names: anOrder,
  flags: [order, line, qty, ...shipping],
  // It adds Shipments and Invoices rows, and a backorder it closes is Complete once delivered.
  reads: ['shipments', 'invoices'],
  settles: true,
  forms: [
    {
      on: 'order-line',
      // Refused on hold and with nothing allocated; an order that ships whole ships whatever any of
      // its lines holds.
      offered: ({ line, orderLines }) =>
        !isHeld(line) &&
        (shipsWhole(orderLines) ? orderLines.some((x) => x.qtyAllocated > 0) : line.qtyAllocated > 0),
      title: 'Ship',
      submit: 'Ship',
      // A ship-complete order ships whole (the core refuses one of its lines alone): no quantity.
      fields: (row) =>
        row.shipWhole
          ? []
          : [{ name: 'qty', label: 'Quantity picked (empty: all allocated)', input: 'number' }],
      fixed: (row) => ({ action: 'ship', ...(row.shipWhole ? rowOrder(row) : rowOrderLine(row)) }),
      withStock: true,
    },
  ],
};
