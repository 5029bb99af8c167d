/**
 * Backorders tab: the unfilled part of an order line, a record of its own (001 "What is a Backorder?").
 * Prices and discount are copied from the line when it is created and never change (001 "Pricing:
 * locked in"). The quantities always balance: Qty = QtyFulfilled + QtyCancelled + QtyRemaining, and
 * QtyAllocated (stock reserved for it after a receipt) never exceeds QtyRemaining.
 */
import { date, defineTab, discount, id, int, money, oneOf, qty, type RecordOf, text } from '../sheet/columns';
import {
  BACKORDER_SOURCES,
  BACKORDER_STATUSES,
  CANCEL_REASONS,
  CUSTOMER_CHOICES,
  EXPECTED_SOURCES,
  PRIORITIES,
} from './vocabulary';

export const BackordersTab = defineTab(
  'Backorders',
  {
    backorderId: id('BackorderID', 'engine', { required: true }),
    orderId: id('OrderID', 'engine', { required: true }),
    line: int('Line', 'engine', { required: true }),
    orderDate: date('OrderDate', 'engine'),
    customer: text('Customer', 'engine'),
    salesRep: text('SalesRep', 'engine'),
    sku: id('SKU', 'engine', { required: true }),
    warehouse: id('Warehouse', 'engine'),
    qty: qty('Qty', 'engine'),
    qtyFulfilled: qty('QtyFulfilled', 'engine'),
    qtyCancelled: qty('QtyCancelled', 'engine'),
    qtyRemaining: qty('QtyRemaining', 'engine'),
    qtyAllocated: qty('QtyAllocated', 'engine'),
    allocatedFrom: text('AllocatedFrom', 'engine'),
    unitPrice: money('UnitPrice', 'engine'),
    discount: discount('Discount', 'engine'),
    createdAt: date('CreatedAt', 'engine'),
    source: oneOf('Source', 'engine', BACKORDER_SOURCES, 'Auto'),
    reason: text('Reason', 'engine'),
    expectedDate: date('ExpectedDate', 'engine'),
    expectedSource: oneOf('ExpectedSource', 'engine', EXPECTED_SOURCES),
    po: text('PO', 'engine'),
    priority: oneOf('Priority', 'engine', PRIORITIES, 'Normal'),
    queuePosition: int('QueuePosition', 'engine'),
    status: oneOf('Status', 'engine', BACKORDER_STATUSES, 'Open'),
    cancelReason: oneOf('CancelReason', 'engine', CANCEL_REASONS),
    cancelNote: text('CancelNote', 'engine'),
    lastContact: date('LastContact', 'engine'),
    nextFollowUp: date('NextFollowUp', 'engine'),
    customerChoice: oneOf('CustomerChoice', 'engine', CUSTOMER_CHOICES),
    age: int('Age', 'formula'),
    notes: text('Notes', 'user'),
  },
  ['backorderId'],
);
export type Backorder = RecordOf<typeof BackordersTab.columns>;

/** A backorder still waiting for stock or shipment (not fulfilled, not cancelled). */
export function isOpenBackorder(b: Backorder): boolean {
  return b.qtyRemaining > 0;
}
