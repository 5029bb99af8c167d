/**
 * Deliveries settle statuses: people type DeliveredAt on a shipment (the carrier confirmed it), and
 * the next action anyone runs marks the shipment Delivered and a fulfilled backorder whose shipments
 * have all arrived Complete (001 "Step 6: Mark as fulfilled and delivered"); a DeliveredAt cleared
 * (typed too early) takes both back to Shipped and Fulfilled. Cheap enough to run
 * before every command: one pass over Shipments and the fulfilled backorders.
 */
import type { Desk } from './desk';

export function settleDeliveries(desk: Desk): void {
  const pending = new Map<string, boolean>();
  for (const s of desk.uow.all('shipments')) {
    if (s.deliveredAt && s.status !== 'Delivered' && s.status !== 'Cancelled')
      desk.uow.put('shipments', { ...s, status: 'Delivered' });
    // A DeliveredAt typed too early and cleared: the shipment is on its way again.
    if (!s.deliveredAt && s.status === 'Delivered') desk.uow.put('shipments', { ...s, status: 'Shipped' });
    if (s.backorderId)
      pending.set(s.backorderId, (pending.get(s.backorderId) ?? true) && s.deliveredAt !== null);
  }
  for (const b of desk.uow.all('backorders')) {
    if (b.status === 'Fulfilled' && pending.get(b.backorderId) === true) {
      desk.putBackorder(b);
      desk.messages.push(`${b.backorderId} delivered: Complete`);
    } else if (b.status === 'Complete' && pending.get(b.backorderId) === false) {
      desk.putBackorder(b);
      desk.messages.push(
        `${b.backorderId}: a DeliveredAt was cleared, so it is Fulfilled (not delivered) again`,
      );
    }
  }
}
