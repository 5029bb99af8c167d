/**
 * Orders tab: one row per order line (key OrderID + Line). People type the order; the engine owns the
 * quantity counters and the Status, which it derives from them. AllocatedFrom records where the
 * line's reservation sits ("MAIN:15 EAST:3") so shipping knows which warehouse picks what.
 * QtyMoved counts what "new order for the remainder" mode (002 strategy 3) moved to MovedTo.
 * Hold is a person's decision kept in an engine column: `hold` / `release` set it on every line of
 * the order (an import may carry it), and allocation and shipping skip a Held order.
 */
import { date, defineTab, discount, id, int, money, oneOf, qty, type RecordOf, text } from '../sheet/columns';
import { HOLD_STATES, ORDER_STATUSES, PRIORITIES, SHIP_POLICIES } from './vocabulary';

export const OrdersTab = defineTab(
  'Orders',
  {
    orderId: id('OrderID', 'user', { required: true }),
    line: int('Line', 'user', { required: true }),
    orderDate: date('OrderDate', 'user', { required: true }),
    customer: text('Customer', 'user', { required: true }),
    salesRep: text('SalesRep', 'user'),
    shipTo: text('ShipTo', 'user'),
    paymentTerms: text('PaymentTerms', 'user'),
    priority: oneOf('Priority', 'user', PRIORITIES, 'Normal'),
    shipPolicy: oneOf('ShipPolicy', 'user', SHIP_POLICIES, 'Ship partial'),
    sku: id('SKU', 'user', { required: true }),
    qty: qty('Qty', 'user', { required: true, movedByEngine: true }),
    unitPrice: money('UnitPrice', 'user', { movedByEngine: true }),
    discount: discount('Discount', 'user'),
    warehouse: id('Warehouse', 'user'),
    requiredDate: date('RequiredDate', 'user', { movedByEngine: true }),
    notes: text('Notes', 'user'),
    qtyAllocated: qty('QtyAllocated', 'engine'),
    qtyShipped: qty('QtyShipped', 'engine'),
    qtyBackordered: qty('QtyBackordered', 'engine'),
    qtyCancelled: qty('QtyCancelled', 'engine'),
    qtyMoved: qty('QtyMoved', 'engine'),
    allocatedFrom: text('AllocatedFrom', 'engine'),
    movedTo: text('MovedTo', 'engine'),
    status: oneOf('Status', 'engine', ORDER_STATUSES, 'New'),
    hold: oneOf('Hold', 'engine', HOLD_STATES),
    customerEmail: text('CustomerEmail', 'user'),
  },
  ['orderId', 'line'],
);
export type OrderLine = RecordOf<typeof OrdersTab.columns>;

/** The engine's columns of a line nothing has happened to yet (a new order, a substitute, a remainder). */
export const NEW_LINE_STATE = {
  qtyAllocated: 0,
  qtyShipped: 0,
  qtyBackordered: 0,
  qtyCancelled: 0,
  qtyMoved: 0,
  allocatedFrom: '',
  movedTo: '',
  status: 'New',
  hold: '',
} as const satisfies Partial<OrderLine>;

/** What is still owed on a line: ordered less shipped, cancelled and moved to a new order. */
export function openQty(line: OrderLine): number {
  return line.qty - line.qtyShipped - line.qtyCancelled - line.qtyMoved;
}

/** What is owed but neither reserved on the line nor waiting on a backorder (a New or Parked line). */
export function unplannedQty(line: OrderLine): number {
  return openQty(line) - line.qtyAllocated - line.qtyBackordered;
}

/** An order with any Ship complete line ships whole: one line of it alone is refused (ship.ts). */
export function shipsWhole(orderLines: readonly OrderLine[]): boolean {
  return orderLines.some((x) => x.shipPolicy === 'Ship complete');
}
