/**
 * The promises the queue keeps across actions (shared/queue.ts), checked after every step of the
 * property tests: no idle stock (no free unit of a SKU while eligible demand for it waits), no
 * overtaking (a unit never goes to demand ranked below eligible demand that still waits), and every
 * link live (no open backorder names a cancelled PO line or one with no room for what it waits for;
 * no shipment is Delivered without a DeliveredAt). Eligible demand is an open backorder's unreserved
 * remainder and a line allocation has seen and could not serve in full, unless its order is Held or
 * the backorder is drop-shipped; a ship-complete order is eligible only when free stock covers all of
 * it. A line never allocated (New) has not joined the queue yet.
 */
import { demandOrder } from './backorder';
import { heldOrders } from './holds';
import type { Violation } from './invariants';
import { WAITING_LINE } from './queue';
import type { Backorder } from './tabs/backorders';
import { type OrderLine, unplannedQty } from './tabs/orders';
import { openPoQty } from './tabs/purchase-orders';
import type { Workbook } from './workbook';

interface Waiting {
  readonly name: string;
  readonly skus: ReadonlyMap<string, number>;
  readonly rank: Pick<OrderLine, 'priority' | 'orderDate' | 'orderId' | 'line'>;
  readonly backorder: boolean;
}

function freeBySku(wb: Workbook): Map<string, number> {
  const free = new Map<string, number>();
  for (const i of wb.inventory) free.set(i.sku, (free.get(i.sku) ?? 0) + Math.max(0, i.onHand - i.allocated));
  return free;
}

/** The eligible demand that waits in `wb`, with what it waits for per SKU. */
function eligibleWaiting(wb: Workbook): Waiting[] {
  const held = heldOrders(wb.orders);
  const free = freeBySku(wb);
  const dropShips = new Set(
    wb.pos.filter((p) => p.dropShipFor !== '' && openPoQty(p) > 0).map((p) => p.dropShipFor),
  );
  const out: Waiting[] = [];
  const complete = new Map<string, OrderLine[]>();
  for (const l of wb.orders) {
    if (held.has(l.orderId) || unplannedQty(l) <= 0 || !WAITING_LINE.has(l.status)) continue;
    if (l.shipPolicy === 'Ship complete') complete.set(l.orderId, [...(complete.get(l.orderId) ?? []), l]);
    else
      out.push({
        name: `${l.orderId} line ${l.line}`,
        skus: new Map([[l.sku, unplannedQty(l)]]),
        rank: l,
        backorder: false,
      });
  }
  for (const [orderId, lines] of complete) {
    const need = new Map<string, number>();
    for (const l of lines) need.set(l.sku, (need.get(l.sku) ?? 0) + unplannedQty(l));
    if ([...need].every(([sku, n]) => (free.get(sku) ?? 0) >= n))
      out.push({
        name: `${orderId} (ship complete)`,
        skus: need,
        rank: lines.reduce((a, l) => (demandOrder(l, a) < 0 ? l : a)),
        backorder: false,
      });
  }
  for (const b of wb.backorders)
    if (b.qtyRemaining > b.qtyAllocated && !held.has(b.orderId) && !dropShips.has(b.backorderId))
      out.push({
        name: b.backorderId,
        skus: new Map([[b.sku, b.qtyRemaining - b.qtyAllocated]]),
        rank: b,
        backorder: true,
      });
  return out;
}

/** No idle stock, and every link live, in one workbook. */
export function checkQueue(wb: Workbook): Violation[] {
  const out: Violation[] = [];
  const free = freeBySku(wb);
  for (const w of eligibleWaiting(wb))
    for (const sku of w.skus.keys())
      if ((free.get(sku) ?? 0) > 0)
        out.push({
          tab: 'Inventory',
          key: sku,
          message: `${free.get(sku)} free while ${w.name} waits for it`,
        });
  const open = new Map<string, number>();
  const cancelled = new Set<string>();
  for (const p of wb.pos) {
    if (p.dropShipFor !== '') continue;
    const k = `${p.po}#${p.sku}`;
    open.set(k, (open.get(k) ?? 0) + openPoQty(p));
    if (p.status === 'Cancelled') cancelled.add(k);
  }
  const claims = new Map<string, number>();
  for (const b of wb.backorders) {
    if (b.qtyRemaining === 0 || b.po === '') continue;
    const k = `${b.po}#${b.sku}`;
    if (!open.has(k)) continue; // a drop-ship PO, or a PO people removed
    if ((open.get(k) ?? 0) === 0 && cancelled.has(k))
      out.push({ tab: 'Backorders', key: b.backorderId, message: `names ${b.po}, cancelled for ${b.sku}` });
    claims.set(k, (claims.get(k) ?? 0) + b.qtyRemaining - b.qtyAllocated);
  }
  for (const [k, n] of claims)
    if (n > (open.get(k) ?? 0))
      out.push({
        tab: 'POs',
        key: k,
        message: `backorders wait for ${n} but only ${open.get(k) ?? 0} are open`,
      });
  for (const s of wb.shipments)
    if (s.status === 'Delivered' && s.deliveredAt === null)
      out.push({
        tab: 'Shipments',
        key: `${s.shipmentId}#${s.line}`,
        message: 'Delivered without a DeliveredAt',
      });
  return out;
}

const reservedOf = (wb: Workbook) =>
  new Map<string, number>([
    ...wb.orders.map((l) => [`${l.orderId} line ${l.line}`, l.qtyAllocated] as const),
    ...wb.backorders.map((b: Backorder) => [b.backorderId, b.qtyAllocated] as const),
  ]);

/** Demand that gained reserved units from `before` to `after` while eligible demand ranked above it waits. */
export function checkOvertaking(before: Workbook, after: Workbook): Violation[] {
  const was = reservedOf(before);
  // A ship-complete order is served whole, ranked by its best line.
  const orderRank = new Map<string, OrderLine>();
  for (const l of after.orders) {
    const best = orderRank.get(l.orderId);
    if (l.shipPolicy === 'Ship complete' && (!best || demandOrder(l, best) < 0)) orderRank.set(l.orderId, l);
  }
  const gained: { name: string; sku: string; rank: Waiting['rank'] }[] = [];
  for (const l of after.orders)
    if (l.qtyAllocated > (was.get(`${l.orderId} line ${l.line}`) ?? 0))
      gained.push({
        name: `${l.orderId} line ${l.line}`,
        sku: l.sku,
        rank: l.shipPolicy === 'Ship complete' ? (orderRank.get(l.orderId) ?? l) : l,
      });
  for (const b of after.backorders)
    if (b.qtyAllocated > (was.get(b.backorderId) ?? 0))
      gained.push({ name: b.backorderId, sku: b.sku, rank: b });
  if (gained.length === 0) return [];
  const waiting = eligibleWaiting(after);
  const out: Violation[] = [];
  for (const g of gained)
    for (const w of waiting)
      if (w.skus.has(g.sku) && demandOrder(w.rank, g.rank) < 0)
        out.push({
          tab: 'Orders',
          key: g.name,
          message: `took ${g.sku} while ${w.name}, ahead of it, waits`,
        });
  return out;
}
