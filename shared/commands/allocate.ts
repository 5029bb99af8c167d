/**
 * Allocate: reserve available stock for open demand, one order or all (000 step 1; 002 strategies 1
 * and 4). Demand is served in one queue, priority first (VIP, High, Normal), then the oldest order
 * (FIFO, 001), backorders and new lines alike, so a backorder waiting since March is not overtaken
 * by an order from today. Each line draws from its preferred warehouse, then the others. A
 * ship-complete order is reserved only when all of it can be; otherwise it is Parked whole. A
 * shortfall is a result: with AutoBackorder On (and backorder-lines mode) it becomes a backorder at
 * once, otherwise it is flagged on the line. A Held order (shared/holds.ts) is skipped, and said so.
 */
import { openBackorder } from '../backorder';
import type { Desk } from '../desk';
import { refuseUnless } from '../errors';
import { formatReservation, parseReservation, type Reservation, reservedTotal } from '../reservations';
import type { Backorder } from '../tabs/backorders';
import { type OrderLine, unplannedQty } from '../tabs/orders';
import { PRIORITY_RANK } from '../tabs/vocabulary';
import { dropShipped } from './drop-ship';

/** Open demand; `at` holds positions in the unit of work so the hot loop never looks a key up. */
type Demand =
  | { kind: 'backorder'; backorder: Backorder; sortKey: Backorder }
  | { kind: 'order'; at: number[]; sortKey: OrderLine };

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

/**
 * Reserves for the line at position `at`; returns how much was reserved. `backordered` is counted on
 * the line in the same update (allocate-all's hot path: one new record per line).
 */
function reserveLine(desk: Desk, at: number, need: number, backorder?: (reserved: number) => number): number {
  const current = desk.uow.at('orders', at);
  const got = desk.stock.reserve(current.sku, current.warehouse, need);
  const n = reservedTotal(got);
  const backordered = backorder ? backorder(n) : 0;
  const from = current.allocatedFrom === '' ? got : merge(parseReservation(current.allocatedFrom), got);
  desk.putLine(
    {
      ...current,
      qtyAllocated: current.qtyAllocated + n,
      qtyBackordered: current.qtyBackordered + backordered,
      allocatedFrom: formatReservation(from),
    },
    true,
    at,
    true,
  );
  return n;
}

function allocateShipComplete(desk: Desk, positions: number[]): void {
  const lines = positions.map((at) => desk.uow.at('orders', at));
  const needBySku = new Map<string, number>();
  for (const l of lines) needBySku.set(l.sku, (needBySku.get(l.sku) ?? 0) + unplannedQty(l));
  const whole = [...needBySku].every(([sku, need]) => desk.stock.totalAvailable(sku) >= need);
  lines.forEach((l, i) => {
    const at = positions[i] as number;
    const need = unplannedQty(l);
    if (need <= 0) return;
    if (whole) reserveLine(desk, at, need);
    else {
      desk.putLine(l, true, at);
      desk.shortfalls.push({
        orderId: l.orderId,
        line: l.line,
        sku: l.sku,
        wanted: need,
        reserved: 0,
        outcome: 'parked',
      });
    }
  });
}

function allocateShipPartial(desk: Desk, at: number): void {
  const line = desk.uow.at('orders', at);
  const need = unplannedQty(line);
  const backorder = desk.config.AutoBackorder === 'On' && desk.config.BackorderMode === 'Backorder lines';
  reserveLine(desk, at, need, (reserved) => {
    const short = need - reserved;
    if (short === 0) return 0;
    if (backorder)
      openBackorder(desk, line, short, {
        source: 'Auto',
        reason: 'Insufficient stock',
        lineCountedByCaller: true,
      });
    desk.shortfalls.push({
      orderId: line.orderId,
      line: line.line,
      sku: line.sku,
      wanted: need,
      reserved,
      outcome: backorder ? 'backordered' : 'flagged',
    });
    return backorder ? short : 0;
  });
}

function queueKey(d: Demand): string {
  const k = d.sortKey;
  return `${PRIORITY_RANK[k.priority]}|${k.orderDate ?? '9999-12-31'}|${k.orderId}\u0000${String(k.line).padStart(9, '0')}|${d.kind === 'backorder' ? 0 : 1}`;
}

/** Allocates one order (`orderId`) or every open order and backorder. */
export function allocate(desk: Desk, orderId?: string): void {
  desk.entity(orderId ? `Order ${orderId}` : 'All orders');
  const demands: Demand[] = [];
  const complete = new Map<string, number[]>();
  const all = desk.uow.all('orders');
  if (orderId) desk.linesOf(orderId); // refuses an unknown order
  const held = desk.heldOrders();
  refuseUnless(!orderId || !held.has(orderId), `Order ${orderId} is on hold: release it to allocate`);
  all.forEach((l, at) => {
    if ((orderId && l.orderId !== orderId) || unplannedQty(l) <= 0 || held.has(l.orderId)) return;
    if (l.shipPolicy !== 'Ship complete') {
      demands.push({ kind: 'order', at: [at], sortKey: l });
      return;
    }
    const list = complete.get(l.orderId);
    if (list) list.push(at);
    else {
      const positions = [at];
      complete.set(l.orderId, positions);
      demands.push({ kind: 'order', at: positions, sortKey: l });
    }
  });
  const vendorShips = dropShipped(desk);
  for (const b of desk.uow.all('backorders'))
    if (
      b.qtyRemaining > b.qtyAllocated &&
      (!orderId || b.orderId === orderId) &&
      !vendorShips.has(b.backorderId) &&
      !held.has(b.orderId)
    )
      demands.push({ kind: 'backorder', backorder: b, sortKey: b });
  // One precomputed text key per demand sorts the same as demandOrder (then backorders first) at a
  // fraction of the comparisons' cost: allocate-all sorts tens of thousands of lines.
  const keyed = demands.map((d) => ({ d, key: queueKey(d) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Written back in place: spreading 140,000 demands as arguments overflowed the call stack.
  keyed.forEach((k, i) => {
    demands[i] = k.d;
  });

  for (const d of demands) {
    if (d.kind === 'backorder') reserveForBackorder(desk, desk.backorder(d.backorder.backorderId));
    else if (d.sortKey.shipPolicy === 'Ship complete') allocateShipComplete(desk, d.at);
    else allocateShipPartial(desk, d.at[0] as number);
  }
  const before = new Map(desk.uow.before.orders.map((l) => [`${l.orderId}#${l.line}`, l.qtyAllocated]));
  const reservedLines = desk.uow
    .all('orders')
    .filter((l) => l.qtyAllocated > (before.get(`${l.orderId}#${l.line}`) ?? 0)).length;
  desk.messages.unshift(
    `${reservedLines} line(s) reserved stock; ${desk.shortfalls.length} shortfall(s); ${desk.newIds.length} backorder(s) created`,
  );
  if (!orderId && held.size > 0)
    desk.messages.splice(1, 0, `on hold, skipped: ${[...held].sort().join(', ')}`);
}
