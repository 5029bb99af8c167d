/**
 * Shipments tab: one row per shipped quantity of an order line (key ShipmentID + Line); one shipment
 * per warehouse and pick. BackorderID is set when the shipment fills a backorder. Carrier, Tracking and
 * DeliveredAt are typed by people; Status is derived from them (Delivered once DeliveredAt is set).
 */
import { date, defineTab, id, int, oneOf, qty, type RecordOf, text } from '../sheet/columns';
import { SHIPMENT_STATUSES } from './vocabulary';

export const ShipmentsTab = defineTab(
  'Shipments',
  {
    shipmentId: id('ShipmentID', 'engine', { required: true }),
    line: int('Line', 'engine', { required: true }),
    orderId: id('OrderID', 'engine', { required: true }),
    orderLine: int('OrderLine', 'engine'),
    backorderId: id('BackorderID', 'engine'),
    sku: id('SKU', 'engine'),
    qty: qty('Qty', 'engine'),
    warehouse: id('Warehouse', 'engine'),
    shipDate: date('ShipDate', 'engine'),
    carrier: text('Carrier', 'user'),
    tracking: text('Tracking', 'user'),
    deliveredAt: date('DeliveredAt', 'user'),
    status: oneOf('Status', 'engine', SHIPMENT_STATUSES, 'Shipped'),
    invoiceNo: text('InvoiceNo', 'engine'),
  },
  ['shipmentId', 'line'],
);
export type Shipment = RecordOf<typeof ShipmentsTab.columns>;
