/**
 * Invoice-ready lines (001 "Separate QuickBooks invoice (if configured)"; 003): every shipment an
 * action makes is invoiced at the order line's locked price and discount, one invoice per order and
 * action, and a backorder's fulfilment on an invoice of its own. Numbers continue from the highest
 * invoice already in the workbook (or Settings' NextInvoiceNumber, if higher); due dates follow the
 * payment terms (Net 15/30/60, "30 days", Due on receipt); terms that give no number refuse the
 * action that would invoice, naming the order line.
 */

import type { Desk } from './desk';
import { addDays, type IsoDate } from './primitives/dates';
import { DeskError } from './primitives/errors';
import { lineAmount } from './primitives/money';
import type { Shipment } from './tabs/shipments';

/** The forms of payment terms understood, for the message that refuses any other. */
export const TERMS_FORMS = '"Net 30", "30 days", "N30", "Due on receipt", "COD" or blank';

/**
 * Days until an invoice is due under typed terms, or null when the terms say no number we can trust
 * (an invoice due the same day by mistake is worse than a refusal that names the cell).
 * @example termsDays('Net 30') // 30
 * @example termsDays('30 days') // 30
 * @example termsDays('Due on receipt') // 0
 * @example termsDays('end of month') // null
 */
export function termsDays(terms: string): number | null {
  const t = terms.trim();
  if (t === '' || /^(due\s+(on|upon)\s+receipt|cod|cash(\s+on\s+delivery)?|prepaid|net\s*0)$/i.test(t))
    return 0;
  const m = /^(?:net\s*|n)?(\d{1,3})(?:\s*days?)?(?:\s+net)?$/i.exec(t);
  if (m) return Number(m[1]);
  // "2/10 Net 30": an early-payment discount beside the net days, which set the due date.
  const net = /\bnet\s*(\d{1,3})\b/i.exec(t);
  return net ? Number(net[1]) : null;
}

export function dueDate(invoiceDate: IsoDate, terms: string): IsoDate | null {
  const days = termsDays(terms);
  return days === null ? null : addDays(invoiceDate, days);
}

/** Invoices the shipments this command added (Desk.newShipments), and stamps each with its number. */
export function invoiceShipments(desk: Desk): void {
  if (desk.newShipments.length === 0) return;
  const prefix = desk.config.InvoicePrefix;
  let next = Math.max(desk.config.NextInvoiceNumber, (desk.ctx.highestIds?.[prefix] ?? 0) + 1);
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
      const due = dueDate(desk.ctx.today, line.paymentTerms);
      if (due === null)
        throw new DeskError(
          'BAD_INPUT',
          `Orders: ${line.orderId} line ${line.line} PaymentTerms "${line.paymentTerms}" gives no due date for its invoice: write it as ${TERMS_FORMS}`,
        );
      const product =
        desk.stock.item(s.sku, s.warehouse)?.product ??
        desk.stock.item(s.sku, desk.stock.warehouses(s.sku, '')[0] ?? '')?.product ??
        '';
      desk.uow.add('invoices', {
        invoiceNo,
        line: i + 1,
        customer: line.customer,
        invoiceDate: desk.ctx.today,
        dueDate: due,
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
        exportBatch: 0,
      });
      desk.uow.put('shipments', {
        ...(desk.uow.get('shipments', `${s.shipmentId}#${s.line}`) as Shipment),
        invoiceNo,
      });
    });
    desk.newIds.push(invoiceNo);
  }
}
