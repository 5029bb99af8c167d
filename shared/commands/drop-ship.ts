/**
 * Drop-ship a backorder's remainder (002 strategy 6): a PO line to the item's vendor, linked to the
 * backorder by DropShipFor, for the vendor to ship straight to the customer. Receiving that line (the
 * vendor's shipment confirmation) fulfils the backorder directly; OnHand never moves.
 */
import type { Desk } from '../desk';
import { refuseUnless } from '../primitives/errors';
import { dropShipped } from '../queue';
import { formatReservation, parseReservation } from '../reservations';
import { isOpenBackorder } from '../tabs/backorders';
import type { PoLine } from '../tabs/purchase-orders';
import { backorder } from './flags';
import { rowBackorder } from './form';
import { type ActionSpec, aBackorder } from './spec';

export function dropShip(desk: Desk, backorderId: string): void {
  const b = desk.backorder(backorderId);
  refuseUnless(b.qtyRemaining > 0, `Backorder ${b.backorderId} is ${b.status}: nothing left to drop-ship`);
  refuseUnless(
    !dropShipped(desk).has(b.backorderId),
    `Backorder ${b.backorderId} already has an open drop-ship PO`,
  );
  const item =
    desk.stock.item(b.sku, b.warehouse) ?? desk.stock.item(b.sku, desk.stock.warehouses(b.sku, '')[0] ?? '');
  refuseUnless(item?.vendor, `Inventory names no Vendor for ${b.sku}: say who should drop-ship it`);
  if (b.qtyAllocated > 0) desk.stock.release(b.sku, parseReservation(b.allocatedFrom));
  const po = desk.uow.nextId('DS', () => desk.uow.all('pos').map((p) => p.po));
  const promised = item.leadTimeDays > 0 ? desk.inDays(item.leadTimeDays) : null;
  const line: PoLine = {
    po,
    line: 1,
    vendor: item.vendor,
    sku: b.sku,
    qty: b.qtyRemaining,
    qtyReceived: 0,
    receivedAt: null,
    unitCost: item.unitCost,
    orderDate: desk.ctx.today,
    promisedDate: promised,
    warehouse: b.warehouse,
    dropShipFor: b.backorderId,
    status: 'Draft',
    vendorEta: null,
    etaSource: '',
    etaUpdatedAt: '',
    predictedEta: null,
    notes: `Drop-ship to ${b.customer} for ${b.orderId} line ${b.line}`,
  };
  desk.uow.add('pos', line);
  desk.putBackorder({
    ...b,
    qtyAllocated: 0,
    allocatedFrom: formatReservation(new Map()),
    po,
    expectedDate: b.expectedSource === 'Manual' ? b.expectedDate : promised,
    expectedSource: b.expectedSource === 'Manual' ? 'Manual' : promised ? 'PO' : b.expectedSource,
  });
  desk.newIds.push(po);
  desk.entity(`Backorder ${b.backorderId}`);
  desk.messages.push(
    `${po}: ${b.qtyRemaining} × ${b.sku} from ${item.vendor}, shipped by the vendor to ${b.customer}`,
  );
}

export const DROP_SHIP: ActionSpec<'drop-ship'> = {
  run: (d, c) => dropShip(d, c.backorderId),
  names: aBackorder,
  flags: [backorder],
  // It adds Shipments and Invoices rows, and a backorder it closes is Complete once delivered.
  reads: ['shipments', 'invoices'],
  settles: true,
  forms: [
    {
      on: 'backorder',
      // Refused for a backorder with nothing remaining.
      offered: ({ backorder }) => isOpenBackorder(backorder),
      title: 'Drop-ship from the vendor',
      submit: 'Drop-ship',
      fixed: (row) => ({ action: 'drop-ship', ...rowBackorder(row) }),
    },
  ],
};
