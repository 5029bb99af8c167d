/**
 * Allocate: reserve available stock for open demand, one order or all (000 step 1; 002 strategies 1
 * and 4). Demand is served in one queue, priority first (VIP, High, Normal), then the oldest order
 * (FIFO, 001), backorders and new lines alike, so a backorder waiting since March is not overtaken
 * by an order from today. Each line draws from its preferred warehouse, then the others. A
 * ship-complete order is reserved only when all of it can be; otherwise it is Parked whole. A
 * shortfall is a result: with AutoBackorder On (and backorder-lines mode) it becomes a backorder at
 * once, otherwise it is flagged on the line.
 */
import { demandOrder, openBackorder } from '../backorder';
import type { Desk } from '../desk';
import { formatReservation, parseReservation, type Reservation, reservedTotal } from '../reservations';
import type { Backorder } from '../tabs/backorders';
import { type OrderLine, unplannedQty } from '../tabs/orders';

type Demand =
  | { kind: 'backorder'; backorder: Backorder; sortKey: Backorder }
  | { kind: 'order'; lines: OrderLine[]; sortKey: OrderLine };

function merge(into: Reservation, add: Reservation): Reservation {
  for (const [w, q] of add) into.set(w, (into.get(w) ?? 0) + q);
  return into;
}

/** Reserves stock for a backorder's unreserved remainder; returns how much was reserved. */
export function reserveForBackorder(desk: Desk, b: Backorder, limit = Number.POSITIVE_INFINITY): number {
  const need = Math.min(b.qtyRemaining - b.qtyAllocated, limit);
  if (need <= 0) return 0;
  const got = desk.stock.reserve(b.sku, b.warehouse, need);
  const n = reservedTotal(got);
  if (n === 0) return 0;
  desk.putBackorder({
    ...b,
    qtyAllocated: b.qtyAllocated + n,
    allocatedFrom: formatReservation(merge(parseReservation(b.allocatedFrom), got)),
  });
  desk.messages.push(`${b.backorderId} (${b.customer}): ${n} × ${b.sku} ready to fulfill`);
  return n;
}

function reserveLine(desk: Desk, line: OrderLine, need: number): number {
  const got = desk.stock.reserve(line.sku, line.warehouse, need);
  const n = reservedTotal(got);
  const current = desk.line(line.orderId, line.line);
  desk.putLine(
    {
      ...current,
      qtyAllocated: current.qtyAllocated + n,
      allocatedFrom: formatReservation(merge(parseReservation(current.allocatedFrom), got)),
    },
    true,
  );
  return n;
}

function allocateShipComplete(desk: Desk, lines: OrderLine[]): void {
  const needBySku = new Map<string, number>();
  for (const l of lines) needBySku.set(l.sku, (needBySku.get(l.sku) ?? 0) + unplannedQty(l));
  const whole = [...needBySku].every(([sku, need]) => desk.stock.totalAvailable(sku) >= need);
  for (const l of lines) {
    const need = unplannedQty(l);
    if (need <= 0) continue;
    if (whole) reserveLine(desk, l, need);
    else {
      desk.putLine(desk.line(l.orderId, l.line), true);
      desk.shortfalls.push({ orderId: l.orderId, line: l.line, sku: l.sku, wanted: need, reserved: 0, outcome: 'parked' });
    }
  }
}

function allocateShipPartial(desk: Desk, line: OrderLine): void {
  const need = unplannedQty(line);
  const got = reserveLine(desk, line, need);
  if (got === need) return;
  const short = need - got;
  const backorder = desk.config.AutoBackorder === 'On' && desk.config.BackorderMode === 'Backorder lines';
  if (backorder)
    openBackorder(desk, desk.line(line.orderId, line.line), short, { source: 'Auto', reason: 'Insufficient stock' });
  desk.shortfalls.push({
    orderId: line.orderId,
    line: line.line,
    sku: line.sku,
    wanted: need,
    reserved: got,
    outcome: backorder ? 'backordered' : 'flagged',
  });
}

/** Allocates one order (`orderId`) or every open order and backorder. */
export function allocate(desk: Desk, orderId?: string): void {
  desk.entity(orderId ? `Order ${orderId}` : 'All orders');
  const demands: Demand[] = [];
  const byOrder = new Map<string, OrderLine[]>();
  const lines = orderId ? desk.linesOf(orderId) : desk.uow.all('orders');
  for (const l of lines) {
    if (unplannedQty(l) <= 0) continue;
    const list = byOrder.get(l.orderId) ?? [];
    list.push(l);
    byOrder.set(l.orderId, list);
  }
  for (const list of byOrder.values()) {
    const complete = list.some((l) => l.shipPolicy === 'Ship complete');
    if (complete) demands.push({ kind: 'order', lines: list, sortKey: list[0] as OrderLine });
    else for (const l of list) demands.push({ kind: 'order', lines: [l], sortKey: l });
  }
  for (const b of desk.uow.all('backorders'))
    if (b.qtyRemaining > b.qtyAllocated && (!orderId || b.orderId === orderId))
      demands.push({ kind: 'backorder', backorder: b, sortKey: b });
  demands.sort((a, b) => demandOrder(a.sortKey, b.sortKey) || (a.kind === b.kind ? 0 : a.kind === 'backorder' ? -1 : 1));

  for (const d of demands) {
    if (d.kind === 'backorder') reserveForBackorder(desk, desk.backorder(d.backorder.backorderId));
    else if (d.lines.length > 1 || d.lines[0]?.shipPolicy === 'Ship complete')
      allocateShipComplete(desk, d.lines.map((l) => desk.line(l.orderId, l.line)));
    else allocateShipPartial(desk, desk.line(d.sortKey.orderId, d.sortKey.line));
  }
  const before = new Map(desk.uow.before.orders.map((l) => [`${l.orderId}#${l.line}`, l.qtyAllocated]));
  const reservedLines = desk.uow
    .all('orders')
    .filter((l) => l.qtyAllocated > (before.get(`${l.orderId}#${l.line}`) ?? 0)).length;
  desk.messages.unshift(
    `${reservedLines} line(s) reserved stock; ${desk.shortfalls.length} shortfall(s); ${desk.newIds.length} backorder(s) created`,
  );
}
