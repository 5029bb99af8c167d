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
import { isHeld } from '../holds';
import { refuseUnless } from '../primitives/errors';
import {
  canShipWhole,
  type Demand,
  dropShipped,
  reserveForBackorder,
  reserveLine,
  sortDemands,
  wholeOrderDemand,
} from '../queue';
import { unplannedQty } from '../tabs/orders';
import { order } from './flags';
import { rowOrder } from './form';
import { type ActionSpec, NO_ENTITIES } from './spec';

function allocateShipComplete(desk: Desk, positions: number[]): void {
  const lines = positions.map((at) => desk.uow.at('orders', at));
  const whole = canShipWhole(desk, lines);
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
    else complete.set(l.orderId, [at]);
  });
  for (const positions of complete.values()) demands.push(wholeOrderDemand(desk, positions));
  const vendorShips = dropShipped(desk);
  for (const b of desk.uow.all('backorders'))
    if (
      b.qtyRemaining > b.qtyAllocated &&
      (!orderId || b.orderId === orderId) &&
      !vendorShips.has(b.backorderId) &&
      !held.has(b.orderId)
    )
      demands.push({ kind: 'backorder', backorder: b, sortKey: b });
  sortDemands(demands);

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

/** `allocate`: one order's lines, or (no order) every open line in queue order: a batch. */
export const ALLOCATE: ActionSpec<'allocate'> = {
  run: (d, c) => allocate(d, c.orderId),
  names: (c) => (c.orderId ? { ...NO_ENTITIES, orders: [c.orderId] } : null),
  // One order's allocation is settled after; Allocate all serves every queue itself.
  settles: (c) => c.orderId !== undefined,
  flags: [order],
  forms: [
    {
      on: 'order-line',
      // Refused on hold; something to do while any line of the order has units neither reserved nor
      // backordered.
      offered: ({ line, orderLines }) => !isHeld(line) && orderLines.some((x) => unplannedQty(x) > 0),
      title: 'Allocate',
      submit: 'Allocate this order',
      fixed: (row) => ({ action: 'allocate', ...rowOrder(row) }),
      open: true,
      withStock: true,
    },
  ],
};
