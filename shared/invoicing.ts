/**
 * Invoice-ready lines (001 "Separate QuickBooks invoice (if configured)"; 003): every shipment an
 * action makes is invoiced at the order line's locked price and discount, one invoice per order and
 * action, and a backorder's fulfilment on an invoice of its own. Numbers continue from the highest
 * invoice already in the workbook (or Settings' NextInvoiceNumber, if higher); due dates follow the
 * payment terms (Net 15/30/60, Due on receipt).
 */
import { addDays, type IsoDate } from './dates';
import type { Desk } from './desk';
import { lineAmount } from './money';
import type { Shipment } from './tabs/shipments';

/** Days until an invoice is due under typed terms: "Net 30" → 30; "Due on receipt" or blank → 0. */
export function termsDays(terms: string): number {
  const net = /net\s*(\d+)/i.exec(terms);
  return net ? Number(net[1]) : 0;
}

export function dueDate(invoiceDate: IsoDate, terms: string): IsoDate {
  return addDays(invoiceDate, termsDays(terms));
}

/** Invoices the shipments this command added (Desk.newShipments), and stamps each with its number. */
export function invoiceShipments(desk: Desk): void {
  if (desk.newShipments.length === 0) return;
  const prefix = desk.config.InvoicePrefix;
  let next = desk.config.NextInvoiceNumber;
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  for (const i of desk.uow.all('invoices')) {
    const m = re.exec(i.invoiceNo);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  const groups = new Map<string, Shipment[]>();
  for (const s of desk.newShipments) {
    const key = `${s.orderId}#${s.backorderId}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const shipments of groups.values()) {
    const invoiceNo = `${prefix}${next++}`;
    shipments.forEach((s, i) => {
      const line = desk.line(s.orderId, s.orderLine);
      const product =
        desk.stock.item(s.sku, s.warehouse)?.product ??
        desk.stock.item(s.sku, desk.stock.warehouses(s.sku, '')[0] ?? '')?.product ??
        '';
      desk.uow.add('invoices', {
        invoiceNo,
        line: i + 1,
        customer: line.customer,
        invoiceDate: desk.ctx.today,
        dueDate: dueDate(desk.ctx.today, line.paymentTerms),
        terms: line.paymentTerms,
        sku: s.sku,
        description: `${product || s.sku}${s.backorderId ? ` (backorder ${s.backorderId})` : ''}`,
        qty: s.qty,
        rate: line.unitPrice,
        discount: line.discount,
        amount: lineAmount(s.qty, line.unitPrice, line.discount),
        orderId: s.orderId,
        shipmentId: s.shipmentId,
        backorderId: s.backorderId,
        exported: false,
      });
      desk.uow.put('shipments', {
        ...(desk.uow.get('shipments', `${s.shipmentId}#${s.line}`) as Shipment),
        invoiceNo,
      });
    });
    desk.newIds.push(invoiceNo);
  }
}
