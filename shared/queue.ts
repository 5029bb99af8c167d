/**
 * The queue as a standing rule (docs/design.md, "The queue"): after every command, the free stock of
 * every SKU the command touched goes to the demand waiting for it, in one order, priority first (VIP,
 * High, Normal), then the oldest order (001 "Fulfill oldest backorders first"). Waiting demand is an
 * open backorder's unreserved remainder and an order line that allocation has already seen and could
 * not serve in full (Parked, Partially allocated); a ship-complete order takes its units only when it
 * can take all of them, and keeps its age while it waits. A Held order, a drop-shipped backorder and a
 * line never allocated (New) are passed by. The rule only hands out free units: a reservation,
 * whoever made it, is never moved. Then every waiting backorder's PO link is checked
 * (shared/expected-links.ts).
 */
import { demandOrder } from './backorder';
import type { Desk } from './desk';
import { formatReservation, parseReservation, type Reservation, reservedTotal } from './reservations';
import type { Backorder } from './tabs/backorders';
import { type OrderLine, unplannedQty } from './tabs/orders';
import { openPoQty } from './tabs/purchase-orders';
import { PRIORITY_RANK } from './tabs/vocabulary';

/** Line statuses that say allocation has looked at a line and could not serve all of it. */
export const WAITING_LINE: ReadonlySet<string> = new Set(['Parked', 'Partially allocated', 'Backordered']);

/** Open demand, in the form both Allocate and the standing rule serve. */
export type Demand =
  | { readonly kind: 'backorder'; readonly backorder: Backorder; readonly sortKey: Backorder }
  | { readonly kind: 'order'; readonly at: number[]; readonly sortKey: OrderLine };

/** One text key per demand that sorts as `demandOrder` (then backorders first), cheap to compare. */
export function queueKey(d: Demand): string {
  const k = d.sortKey;
  return `${PRIORITY_RANK[k.priority]}|${k.orderDate ?? '9999-12-31'}|${k.orderId}\u0000${String(k.line).padStart(9, '0')}|${d.kind === 'backorder' ? 0 : 1}`;
}

/** Sorts demands in place into queue order. */
export function sortDemands(demands: Demand[]): void {
  const keyed = demands.map((d) => ({ d, key: queueKey(d) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Written back in place: spreading 140,000 demands as arguments overflowed the call stack.
  keyed.forEach((k, i) => {
    demands[i] = k.d;
  });
}

/** A ship-complete order as one demand, ranked by its first line in the queue (its best priority). */
export function wholeOrderDemand(desk: Desk, positions: number[]): Demand {
  let best = desk.uow.at('orders', positions[0] as number);
  for (const at of positions) {
    const l = desk.uow.at('orders', at);
    if (demandOrder(l, best) < 0) best = l;
  }
  return { kind: 'order', at: positions, sortKey: best };
}

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
 * Reserves up to `need` for the line at position `at`; returns how much was reserved. `backorder`
 * counts a shortfall on the line in the same update (allocate-all's hot path: one record per line).
 */
export function reserveLine(
  desk: Desk,
  at: number,
  need: number,
  backorder?: (reserved: number) => number,
): number {
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

/** Whether free stock covers every unplanned unit of a ship-complete order's lines. */
export function canShipWhole(desk: Desk, lines: readonly OrderLine[]): boolean {
  const needBySku = new Map<string, number>();
  for (const l of lines) needBySku.set(l.sku, (needBySku.get(l.sku) ?? 0) + unplannedQty(l));
  return [...needBySku].every(([sku, need]) => desk.stock.totalAvailable(sku) >= need);
}

/** Open drop-ship PO lines by backorder: such a backorder waits for the vendor, not for stock. */
export function dropShipped(desk: Desk): Set<string> {
  return new Set(
    desk.uow
      .all('pos')
      .filter((p) => p.dropShipFor !== '' && openPoQty(p) > 0)
      .map((p) => p.dropShipFor),
  );
}

/**
 * The demand waiting for the SKUs `skus`, in queue order; a ship-complete order that waits for one
 * of them, or that this command changed, brings all its waiting lines (and their SKUs, added to
 * `skus`).
 */
function waitingDemand(desk: Desk, skus: Set<string>): Demand[] {
  const held = desk.heldOrders();
  const vendorShips = dropShipped(desk);
  const demands: Demand[] = [];
  const complete = new Map<string, number[]>();
  const lines = desk.uow.all('orders');
  // Ship-complete orders first, to learn every SKU they bring, then the lines of all those SKUs.
  lines.forEach((l, at) => {
    if (l.shipPolicy !== 'Ship complete' || held.has(l.orderId)) return;
    if (unplannedQty(l) <= 0 || !WAITING_LINE.has(l.status)) return;
    const list = complete.get(l.orderId);
    if (list) list.push(at);
    else complete.set(l.orderId, [at]);
  });
  for (const [orderId, positions] of complete) {
    const own = positions.map((at) => desk.uow.at('orders', at));
    if (!desk.touchedOrders.has(orderId) && !own.some((l) => skus.has(l.sku))) {
      complete.delete(orderId);
      continue;
    }
    for (const l of own) skus.add(l.sku);
  }
  for (const positions of complete.values()) demands.push(wholeOrderDemand(desk, positions));
  lines.forEach((l, at) => {
    if (l.shipPolicy === 'Ship complete' || !skus.has(l.sku) || held.has(l.orderId)) return;
    if (unplannedQty(l) > 0 && WAITING_LINE.has(l.status))
      demands.push({ kind: 'order', at: [at], sortKey: l });
  });
  for (const b of desk.uow.all('backorders'))
    if (
      skus.has(b.sku) &&
      b.qtyRemaining > b.qtyAllocated &&
      !vendorShips.has(b.backorderId) &&
      !held.has(b.orderId)
    )
      demands.push({ kind: 'backorder', backorder: b, sortKey: b });
  sortDemands(demands);
  return demands;
}

/**
 * Hands the free stock of `skus` to the demand waiting for it, first in the queue first, wherever the
 * stock lies (each demand draws from its own warehouse first, shared/stock.ts). Each grant is said in the result ("BO-7 (Pine
 * Co): 3 × A ready to fulfill", "SO-4 line 1 (Harbor): 10 × A reserved"). Returns the units granted.
 */
export function settleQueues(desk: Desk, skus: Iterable<string>): number {
  const wanted = new Set(skus);
  if (wanted.size === 0) return 0;
  const demands = waitingDemand(desk, wanted);
  let granted = 0;
  for (const d of demands) {
    if (d.kind === 'backorder') {
      if (desk.stock.totalAvailable(d.backorder.sku) === 0) continue;
      granted += reserveForBackorder(desk, desk.backorder(d.backorder.backorderId));
      continue;
    }
    const lines = d.at.map((p) => desk.uow.at('orders', p));
    const first = lines[0] as OrderLine;
    if (first.shipPolicy === 'Ship complete') {
      if (!canShipWhole(desk, lines)) continue;
      for (const [i, l] of lines.entries()) {
        const n = reserveLine(desk, d.at[i] as number, unplannedQty(l));
        granted += n;
        desk.messages.push(`${l.orderId} line ${l.line} (${l.customer}): ${n} × ${l.sku} reserved`);
      }
      desk.messages.push(`${first.orderId} ships complete and can now ship whole`);
      continue;
    }
    if (desk.stock.totalAvailable(first.sku) === 0) continue;
    const n = reserveLine(desk, d.at[0] as number, unplannedQty(first));
    granted += n;
    if (n > 0)
      desk.messages.push(
        `${first.orderId} line ${first.line} (${first.customer}): ${n} × ${first.sku} reserved`,
      );
  }
  for (const sku of wanted) desk.touchedSkus.add(sku);
  return granted;
}
