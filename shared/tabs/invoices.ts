/**
 * Invoices tab: one invoice-ready line per shipped quantity, at the locked price (key InvoiceNo + Line).
 * Exported marks lines already written to an accounting CSV so an export never repeats them;
 * ExportBatch numbers the export that carried them, so one export can be delivered again.
 */
import { bool, date, defineTab, discount, id, int, money, qty, type RecordOf, text } from '../sheet/columns';

export const InvoicesTab = defineTab(
  'Invoices',
  {
    invoiceNo: id('InvoiceNo', 'engine', { required: true }),
    line: int('Line', 'engine', { required: true }),
    customer: text('Customer', 'engine'),
    invoiceDate: date('InvoiceDate', 'engine'),
    dueDate: date('DueDate', 'engine'),
    terms: text('Terms', 'engine'),
    sku: id('SKU', 'engine'),
    description: text('Description', 'engine'),
    qty: qty('Qty', 'engine'),
    rate: money('Rate', 'engine'),
    discount: discount('Discount', 'engine'),
    amount: money('Amount', 'engine'),
    orderId: id('OrderID', 'engine'),
    shipmentId: id('ShipmentID', 'engine'),
    backorderId: id('BackorderID', 'engine'),
    exported: bool('Exported', 'engine'),
    exportBatch: int('ExportBatch', 'engine'),
  },
  ['invoiceNo', 'line'],
);
export type InvoiceLine = RecordOf<typeof InvoicesTab.columns>;
