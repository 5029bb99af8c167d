/**
 * Shipments as the commands make them: a shipment row per warehouse of an action for what was taken
 * from stock (ship, fulfil), and a drop-ship line's confirmation fulfilling its backorder without
 * stock (receive). Shared by those commands, so no command imports another for them.
 */
import type { Desk } from './desk';
import { refuseUnless } from './primitives/errors';
import type { Reservation } from './reservations';
import type { OrderLine } from './tabs/orders';
import type { PoLine } from './tabs/purchase-orders';

/** How a shipment travels, as the warehouse knows it when it ships (people may type it later too). */
export interface ShipVia {
  readonly carrier?: string;
  readonly tracking?: string;
}

/** Adds shipment rows for what was taken, one ShipmentID per warehouse of this action. */
export function recordShipment(
  desk: Desk,
  line: OrderLine,
  taken: Reservation,
  backorderId: string,
  ids: Map<string, { id: string; next: number }>,
  via: ShipVia = {},
): void {
  for (const [warehouse, q] of taken) {
    let s = ids.get(warehouse);
    if (!s) {
      s = { id: desk.uow.nextId('SH', () => desk.uow.all('shipments').map((x) => x.shipmentId)), next: 1 };
      ids.set(warehouse, s);
      desk.newIds.push(s.id);
    }
    const shipment = desk.uow.add('shipments', {
      shipmentId: s.id,
      line: s.next++,
      orderId: line.orderId,
      orderLine: line.line,
      backorderId,
      sku: line.sku,
      qty: q,
      warehouse,
      shipDate: desk.ctx.today,
      carrier: via.carrier?.trim() ?? '',
      tracking: via.tracking?.trim() ?? '',
      deliveredAt: null,
      status: 'Shipped',
      invoiceNo: '',
    });
    desk.newShipments.push(shipment);
    if (backorderId) desk.shipped(backorderId);
    desk.messages.push(
      `pick ${q} × ${line.sku} at ${warehouse} for ${line.orderId} line ${line.line} (${s.id})`,
    );
  }
}

/** The vendor confirmed shipping `qty` of a drop-ship line: the backorder is fulfilled without stock. */
export function receiveDropShip(desk: Desk, p: PoLine, qty: number): void {
  const b = desk.backorder(p.dropShipFor);
  refuseUnless(
    qty <= b.qtyRemaining,
    `Backorder ${b.backorderId} has only ${b.qtyRemaining} left; ${qty} confirmed on ${p.po}`,
  );
  const line = desk.line(b.orderId, b.line);
  recordShipment(desk, line, new Map([[`DROP-SHIP ${p.vendor}`, qty]]), b.backorderId, new Map());
  desk.putBackorder({
    ...b,
    qtyFulfilled: b.qtyFulfilled + qty,
    qtyRemaining: b.qtyRemaining - qty,
    nextFollowUp: b.qtyRemaining === qty ? desk.deliveredFollowUpDate() : b.nextFollowUp,
  });
  desk.adjustLine(b.orderId, b.line, { qtyShipped: qty, qtyBackordered: -qty });
}
