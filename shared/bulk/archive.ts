/**
 * Archive as a plan: the orders closed before a date move out of the working workbook with their
 * backorders, shipments and calls, so every balance still holds on both sides. An order is closed
 * when every line owes nothing (shipped, cancelled or moved) and none of its backorders is open; its
 * last activity (order date, shipments, backorders, calls) must be before the date. Invoices stay:
 * they are the accountant's record.
 */
import { dateInZone, type IsoDate } from '../primitives/dates';
import { openQty } from '../tabs/orders';
import type { Records, Workbook } from '../workbook';

export type ArchivePlan = Pick<Records, 'orders' | 'backorders' | 'shipments' | 'calls'>;

export function planArchive(wb: Workbook, before: IsoDate): ArchivePlan {
  const last = new Map<string, string>();
  const seen = (orderId: string, day: string | null) => {
    if (day && day > (last.get(orderId) ?? '')) last.set(orderId, day);
  };
  const open = new Set<string>();
  for (const l of wb.orders) {
    seen(l.orderId, l.orderDate);
    if (openQty(l) > 0 || l.qtyAllocated > 0) open.add(l.orderId);
  }
  for (const b of wb.backorders) {
    seen(b.orderId, b.createdAt);
    if (b.qtyRemaining > 0) open.add(b.orderId);
  }
  for (const s of wb.shipments) seen(s.orderId, s.shipDate);
  for (const c of wb.calls) if (c.orderId) seen(c.orderId, dateInZone(new Date(c.when), wb.config.TimeZone));
  const closed = new Set([...last].filter(([id, day]) => !open.has(id) && day < before).map(([id]) => id));
  const backorders = wb.backorders.filter((b) => closed.has(b.orderId));
  const boIds = new Set(backorders.map((b) => b.backorderId));
  return {
    orders: wb.orders.filter((l) => closed.has(l.orderId)),
    backorders,
    shipments: wb.shipments.filter((s) => closed.has(s.orderId)),
    calls: wb.calls.filter(
      (c) => closed.has(c.orderId) || (c.backorderId !== '' && boIds.has(c.backorderId)),
    ),
  };
}
