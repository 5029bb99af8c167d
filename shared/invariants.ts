/**
 * The invariants the engine keeps, checked by `backorder-desk check` and after every command in tests.
 * The balance of every order line: Qty = QtyShipped + QtyAllocated + QtyBackordered + QtyCancelled
 * + QtyMoved + what is not yet planned (a New or Parked line); no counter negative. Every counter
 * agrees with the records it summarises (backorders, shipments, reservations), stock is never
 * over-reserved, locked prices never drift, and each RequestID appears in the Log once.
 */
import { formatCents } from './primitives/money';
import { parseReservation, reservedTotal } from './reservations';
import { deriveBackorderStatus } from './status';
import { type OrderLine, unplannedQty } from './tabs/orders';
import type { Workbook } from './workbook';

export interface Violation {
  readonly tab: string;
  readonly key: string;
  readonly message: string;
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** What the records that summarise an order line add up to: its backorders' and its shipments'. */
interface LineTally {
  readonly line: OrderLine;
  remaining: number;
  cancelled: number;
  shipped: number;
}

/**
 * Each order line's tally, by order id and then line number: a check of a year of history looks a
 * line up once per shipment, and a key text built for each lookup was a tenth of the check.
 */
function tallies(orders: readonly OrderLine[]): (orderId: string, line: number) => LineTally | undefined {
  const byOrder = new Map<string, Map<number, LineTally>>();
  for (const line of orders) {
    let lines = byOrder.get(line.orderId);
    if (!lines) {
      lines = new Map();
      byOrder.set(line.orderId, lines);
    }
    lines.set(line.line, { line, remaining: 0, cancelled: 0, shipped: 0 });
  }
  return (orderId, line) => byOrder.get(orderId)?.get(line);
}

export function checkInvariants(wb: Workbook): Violation[] {
  const out: Violation[] = [];
  const v = (tab: string, key: string, message: string) => out.push({ tab, key, message });
  // Money as people read it: "50.00 less 10%", never the core's cents and basis points.
  const price = (p: { unitPrice: number; discount: number }) =>
    `${formatCents(p.unitPrice, wb.config.CurrencyDigits)}${p.discount ? ` less ${p.discount / 100}%` : ''}`;

  const tallyOf = tallies(wb.orders);
  const shippedForBackorder = new Map<string, number>();
  const reserved = new Map<string, number>();

  const undelivered = new Set<string>();
  for (const s of wb.shipments) {
    if (s.status === 'Cancelled') continue;
    if (s.status === 'Delivered' && s.deliveredAt === null)
      v('Shipments', `${s.shipmentId}#${s.line}`, 'Delivered but DeliveredAt is blank');
    if (s.backorderId && s.deliveredAt === null) undelivered.add(s.backorderId);
    const tally = tallyOf(s.orderId, s.orderLine);
    if (tally) tally.shipped += s.qty;
    if (s.backorderId) add(shippedForBackorder, s.backorderId, s.qty);
  }
  for (const b of wb.backorders) {
    const key = b.backorderId;
    const tally = tallyOf(b.orderId, b.line);
    if (tally) {
      tally.remaining += b.qtyRemaining;
      tally.cancelled += b.qtyCancelled;
    }
    if (b.qty !== b.qtyFulfilled + b.qtyCancelled + b.qtyRemaining)
      v(
        'Backorders',
        key,
        `Qty ${b.qty} ≠ fulfilled ${b.qtyFulfilled} + cancelled ${b.qtyCancelled} + remaining ${b.qtyRemaining}`,
      );
    if (b.qtyAllocated > b.qtyRemaining)
      v('Backorders', key, `QtyAllocated ${b.qtyAllocated} exceeds QtyRemaining ${b.qtyRemaining}`);
    const r = parseReservation(b.allocatedFrom);
    if (reservedTotal(r) !== b.qtyAllocated)
      v('Backorders', key, `AllocatedFrom "${b.allocatedFrom}" ≠ QtyAllocated ${b.qtyAllocated}`);
    for (const [w, q] of r) add(reserved, `${b.sku}#${w}`, q);
    if ((shippedForBackorder.get(key) ?? 0) !== b.qtyFulfilled)
      v(
        'Backorders',
        key,
        `QtyFulfilled ${b.qtyFulfilled} ≠ shipped for it ${shippedForBackorder.get(key) ?? 0}`,
      );
    const line = tally?.line;
    if (!line) v('Backorders', key, `order ${b.orderId} line ${b.line} does not exist`);
    else if (line.unitPrice !== b.unitPrice || line.discount !== b.discount)
      v('Backorders', key, `locked price ${price(b)} differs from the order line's ${price(line)}`);
    if (b.status === 'Complete' && undelivered.has(key))
      v('Backorders', key, 'Complete but a shipment of it has no DeliveredAt');
    if (b.status === 'Cancelled' && b.qtyRemaining !== 0)
      v('Backorders', key, 'Cancelled but quantity remains');
    const derived = deriveBackorderStatus(b, b.status === 'Complete');
    if (derived !== b.status) v('Backorders', key, `Status ${b.status} but the quantities say ${derived}`);
  }
  for (const l of wb.orders) {
    const key = `${l.orderId}#${l.line}`;
    const tally = tallyOf(l.orderId, l.line) as LineTally;
    if (unplannedQty(l) < 0)
      v(
        'Orders',
        key,
        `Qty ${l.qty} < shipped ${l.qtyShipped} + allocated ${l.qtyAllocated} + backordered ${l.qtyBackordered} + cancelled ${l.qtyCancelled} + moved ${l.qtyMoved}`,
      );
    if (tally.remaining !== l.qtyBackordered)
      v('Orders', key, `QtyBackordered ${l.qtyBackordered} ≠ open on its backorders ${tally.remaining}`);
    // A line's cancelled units are those cancelled on its backorders plus those cancel-line took
    // straight off the line (never backordered, or reserved): never fewer than its backorders'.
    if (tally.cancelled > l.qtyCancelled)
      v('Orders', key, `QtyCancelled ${l.qtyCancelled} < cancelled on its backorders ${tally.cancelled}`);
    if (tally.shipped !== l.qtyShipped)
      v('Orders', key, `QtyShipped ${l.qtyShipped} ≠ Shipments ${tally.shipped}`);
    const r = parseReservation(l.allocatedFrom);
    if (reservedTotal(r) !== l.qtyAllocated)
      v('Orders', key, `AllocatedFrom "${l.allocatedFrom}" ≠ QtyAllocated ${l.qtyAllocated}`);
    for (const [w, q] of r) add(reserved, `${l.sku}#${w}`, q);
  }
  for (const i of wb.inventory) {
    const key = `${i.sku}#${i.warehouse}`;
    if (i.allocated > i.onHand) v('Inventory', key, `Allocated ${i.allocated} exceeds OnHand ${i.onHand}`);
    if ((reserved.get(key) ?? 0) !== i.allocated)
      v(
        'Inventory',
        key,
        `Allocated ${i.allocated} ≠ reservations of lines and backorders ${reserved.get(key) ?? 0}`,
      );
    reserved.delete(key);
  }
  for (const [key, q] of reserved)
    if (q > 0) v('Inventory', key, `${q} reserved at a warehouse with no Inventory row`);
  const seen = new Set<string>();
  for (const l of wb.log) {
    if (!l.requestId) continue;
    if (seen.has(l.requestId)) v('Log', l.logId, `RequestID ${l.requestId} applied twice`);
    seen.add(l.requestId);
  }
  return out;
}
