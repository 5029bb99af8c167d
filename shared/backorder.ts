/**
 * Creating backorders, cancelling them (a rep's cancellation, a substitution) and keeping their
 * queue. A backorder copies its line's customer, price and discount (locked, 001), and gets an
 * expected date from the first open PO with room for it, else from the item's lead time, else none
 * (PRODUCT.md: PO, then Manual, then Lead time). The queue position tells, per SKU, who gets the
 * next unit: priority first (VIP, High, Normal), then the oldest order (001 "Fulfill oldest
 * backorders first").
 */

import type { Desk } from './desk';
import type { IsoDate } from './primitives/dates';
import { refuseUnless } from './primitives/errors';
import type { Cents } from './primitives/money';
import { formatReservation, parseReservation } from './reservations';
import type { Backorder } from './tabs/backorders';
import type { OrderLine } from './tabs/orders';
import { type CancelReason, type ExpectedSource, PRIORITY_RANK } from './tabs/vocabulary';

export interface Expected {
  readonly date: IsoDate | null;
  readonly source: ExpectedSource | '';
  readonly po: string;
}

/** Expected availability for `qty` more of a SKU waiting at a warehouse: PO, else lead time, else none. */
export function expectedFor(desk: Desk, sku: string, warehouse: string, qty: number): Expected {
  const room = desk.poPlanner.claim(sku, qty);
  if (room) return { date: room.date, source: 'PO', po: room.po };
  const lead = desk.stock.leadTimeDays(sku, warehouse);
  if (lead > 0) return { date: desk.inDays(lead), source: 'Lead time', po: '' };
  return { date: null, source: '', po: '' };
}

export interface OpenBackorderOptions {
  readonly source: 'Auto' | 'Manual';
  readonly reason: string;
  readonly expectedDate?: IsoDate | null;
  readonly note?: string;
  /** The caller counts the quantity on the line itself (allocate does, in the same update). */
  readonly lineCountedByCaller?: boolean;
}

/** Puts `qty` of a line on a new backorder and counts it on the line. */
export function openBackorder(
  desk: Desk,
  line: OrderLine,
  qty: number,
  options: OpenBackorderOptions,
): Backorder {
  const id = desk.uow.nextId('BO', () => desk.uow.all('backorders').map((b) => b.backorderId));
  // A line that names no warehouse waits where its units will come from: the PO with room for them,
  // else where the SKU mostly lies.
  const home = line.warehouse || desk.stock.homeOf(line.sku);
  const expected: Expected = options.expectedDate
    ? { date: options.expectedDate, source: 'Manual', po: '' }
    : expectedFor(desk, line.sku, home, qty);
  const poAt = expected.po
    ? desk.uow.all('pos').find((p) => p.po === expected.po && p.sku === line.sku)?.warehouse
    : undefined;
  const warehouse = line.warehouse || poAt || home;
  const backorder = desk.putBackorder({
    backorderId: id,
    orderId: line.orderId,
    line: line.line,
    orderDate: line.orderDate,
    customer: line.customer,
    salesRep: line.salesRep,
    sku: line.sku,
    warehouse,
    qty,
    qtyFulfilled: 0,
    qtyCancelled: 0,
    qtyRemaining: qty,
    qtyAllocated: 0,
    allocatedFrom: formatReservation(new Map()),
    unitPrice: line.unitPrice as Cents,
    discount: line.discount,
    createdAt: desk.ctx.today,
    source: options.source,
    reason: options.reason,
    expectedDate: expected.date,
    expectedSource: expected.source,
    po: expected.po,
    priority: line.priority,
    queuePosition: 0,
    status: 'Open',
    cancelReason: '',
    cancelNote: '',
    lastContact: null,
    nextFollowUp: null,
    customerChoice: '',
    age: 0,
    notes: options.note ?? '',
  });
  if (!options.lineCountedByCaller) desk.adjustLine(line.orderId, line.line, { qtyBackordered: qty });
  desk.newIds.push(id);
  if (options.source === 'Manual') desk.entity(`Backorder ${id}`);
  return backorder;
}

/** Sort key of demand for a SKU: priority, then order date, then order and line. */
export function demandOrder(
  a: { priority: keyof typeof PRIORITY_RANK; orderDate: IsoDate | null; orderId: string; line: number },
  b: { priority: keyof typeof PRIORITY_RANK; orderDate: IsoDate | null; orderId: string; line: number },
): number {
  const p = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (p !== 0) return p;
  const da = a.orderDate ?? '9999-12-31';
  const db = b.orderDate ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  if (a.orderId !== b.orderId) return a.orderId < b.orderId ? -1 : 1;
  return a.line - b.line;
}

/** Renumbers QueuePosition for every SKU the command touched (1 = next in line; 0 = not waiting). */
export function recomputeQueues(desk: Desk): void {
  if (desk.touchedSkus.size === 0) return;
  const bySku = new Map<string, Backorder[]>();
  const held = desk.heldOrders();
  for (const b of desk.uow.all('backorders')) {
    if (!desk.touchedSkus.has(b.sku)) continue;
    // A Held order's backorders leave the queue (no position) until it is released.
    if (b.qtyRemaining === 0 || held.has(b.orderId)) {
      if (b.queuePosition !== 0) desk.uow.put('backorders', { ...b, queuePosition: 0 });
      continue;
    }
    const list = bySku.get(b.sku) ?? [];
    list.push(b);
    bySku.set(b.sku, list);
  }
  for (const list of bySku.values()) {
    list.sort((a, b) => demandOrder(a, b) || (a.backorderId < b.backorderId ? -1 : 1));
    list.forEach((b, i) => {
      if (b.queuePosition !== i + 1) desk.uow.put('backorders', { ...b, queuePosition: i + 1 });
    });
  }
}

export interface CancelArgs {
  readonly backorderId: string;
  readonly reason: CancelReason;
  readonly note?: string;
}

/** Cancels what remains of an open backorder, its reservation released; returns the units cancelled. */
export function cancelBackorder(desk: Desk, args: CancelArgs): number {
  const b = desk.backorder(args.backorderId);
  refuseUnless(
    b.qtyRemaining > 0,
    `Backorder ${b.backorderId} is ${b.status}: only an open backorder can be cancelled`,
  );
  refuseUnless(
    args.reason !== 'Other' || (args.note ?? '').trim() !== '',
    'Cancel reason Other needs a note that explains it',
  );
  desk.stock.release(b.sku, parseReservation(b.allocatedFrom));
  const rest = b.qtyRemaining;
  desk.putBackorder({
    ...b,
    qtyCancelled: b.qtyCancelled + rest,
    qtyRemaining: 0,
    qtyAllocated: 0,
    allocatedFrom: '',
    cancelReason: args.reason,
    cancelNote: args.note ?? '',
  });
  desk.adjustLine(b.orderId, b.line, { qtyBackordered: -rest, qtyCancelled: rest });
  desk.entity(`Backorder ${b.backorderId}`);
  desk.messages.push(`${b.backorderId}: ${rest} × ${b.sku} cancelled (${args.reason})`);
  recomputeQueues(desk);
  return rest;
}
