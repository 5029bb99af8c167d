/**
 * POs tab: one row per purchase-order line (key PO + Line). People type the order to the vendor;
 * the engine owns QtyReceived and Status; the sync service alone writes the vendor's ETA columns.
 * Draft, Sent and Cancelled are people's decisions kept in Status; the received states are derived.
 */
import {
  date,
  defineTab,
  id,
  int,
  money,
  oneOf,
  qty,
  type RecordOf,
  text,
  timestamp,
} from '../sheet/columns';
import { PO_STATUSES } from './vocabulary';

export const PurchaseOrdersTab = defineTab(
  'POs',
  {
    po: id('PO', 'user', { required: true }),
    line: int('Line', 'user', { required: true }),
    vendor: text('Vendor', 'user'),
    sku: id('SKU', 'user', { required: true }),
    /** People's, and moved by the engine only when a person changes the line through change-po. */
    qty: qty('Qty', 'user', { required: true, movedByEngine: true }),
    qtyReceived: qty('QtyReceived', 'engine'),
    receivedAt: date('ReceivedAt', 'engine'),
    unitCost: money('UnitCost', 'user'),
    orderDate: date('OrderDate', 'user'),
    promisedDate: date('PromisedDate', 'user', { movedByEngine: true }),
    warehouse: id('Warehouse', 'user', { required: true }),
    dropShipFor: text('DropShipFor', 'engine'),
    status: oneOf('Status', 'engine', PO_STATUSES, 'Draft'),
    vendorEta: date('VendorETA', 'sync'),
    etaSource: text('ETASource', 'sync'),
    etaUpdatedAt: timestamp('ETAUpdatedAt', 'sync'),
    /** The vendor's ETA plus its median slip on recent receipts: beside the stated ETA, never instead. */
    predictedEta: date('PredictedETA', 'sync'),
    notes: text('Notes', 'user'),
  },
  ['po', 'line'],
);
export type PoLine = RecordOf<typeof PurchaseOrdersTab.columns>;

/** Quantity still to arrive on a PO line (nothing for a cancelled line). */
export function openPoQty(line: PoLine): number {
  return line.status === 'Cancelled' ? 0 : Math.max(0, line.qty - line.qtyReceived);
}
