/**
 * Documents and customer messages (000 step 3; 001 "Sample message"): the pick list and packing slip
 * of a shipment (the slip notes "backorder completion" when it fills one), the backorder confirmation,
 * and the messages for a backorder created, rescheduled, ready, shipped or cancelled, filled from the
 * templates in Settings. Each comes as plain text and as printable HTML in which every value is
 * escaped, so a customer called `<img src=x onerror=alert(1)>` prints as exactly that.
 */

import { renderNotice } from '../notices';
import type { IsoDate } from '../primitives/dates';
import { DeskError } from '../primitives/errors';
import { formatCents, lineAmount } from '../primitives/money';
import type { Backorder } from '../tabs/backorders';
import type { NoticeKind } from '../tabs/notifications';
import type { Workbook } from '../workbook';

export interface Document {
  readonly title: string;
  readonly text: string;
  readonly html: string;
}

export type MessageKind = NoticeKind;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** @example escapeHtml('<b>') // '&lt;b&gt;' */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function table(title: string, header: string[], rows: (string | number)[][], notes: string[]): Document {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) =>
    r
      .map((c, i) => String(c).padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  const text = [title, '', line(header), ...rows.map(line), '', ...notes].join('\n').trimEnd();
  const html = [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px;text-align:left}</style>',
    `</head><body><h1>${escapeHtml(title)}</h1><table><thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`,
    ...rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`),
    `</tbody></table>${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</body></html>`,
  ].join('');
  return { title, text, html };
}

function shipmentRows(wb: Workbook, shipmentId: string) {
  const rows = wb.shipments.filter((s) => s.shipmentId === shipmentId).sort((a, b) => a.line - b.line);
  if (rows.length === 0) throw new DeskError('NOT_FOUND', `Shipments: shipment ${shipmentId} not found`);
  return rows;
}

const productOf = (wb: Workbook, sku: string) => wb.inventory.find((i) => i.sku === sku)?.product ?? '';

export function pickList(wb: Workbook, shipmentId: string): Document {
  const rows = shipmentRows(wb, shipmentId);
  const first = rows[0] as (typeof rows)[number];
  return table(
    `Pick list ${shipmentId}: order ${first.orderId}, warehouse ${first.warehouse}`,
    ['Line', 'SKU', 'Product', 'Qty', 'Picked'],
    rows.map((s) => [s.line, s.sku, productOf(wb, s.sku), s.qty, '[  ]']),
    [`Ship date ${first.shipDate ?? ''}`],
  );
}

export function packingSlip(wb: Workbook, shipmentId: string): Document {
  const rows = shipmentRows(wb, shipmentId);
  const first = rows[0] as (typeof rows)[number];
  const order = wb.orders.find((l) => l.orderId === first.orderId);
  const completions = [...new Set(rows.map((s) => s.backorderId).filter(Boolean))];
  const waiting = wb.backorders.filter((b) => b.orderId === first.orderId && b.qtyRemaining > 0);
  return table(
    `Packing slip ${shipmentId} for ${order?.customer ?? ''}, order ${first.orderId}`,
    ['SKU', 'Product', 'Qty shipped'],
    rows.map((s) => [s.sku, productOf(wb, s.sku), s.qty]),
    [
      `Ship to: ${order?.shipTo ?? ''}`,
      ...completions.map((id) => `This shipment is a backorder completion of ${id}.`),
      ...waiting.map(
        (b) =>
          `Still on backorder: ${b.qtyRemaining} × ${b.sku}, expected ${b.expectedDate ?? 'date to be confirmed'}.`,
      ),
    ],
  );
}

export function backorderConfirmation(wb: Workbook, backorderId: string): Document {
  const b = backorderOf(wb, backorderId);
  const price = formatCents(b.unitPrice, wb.config.CurrencyDigits);
  return table(
    `Backorder confirmation ${b.backorderId} for ${b.customer}, order ${b.orderId}`,
    ['SKU', 'Product', 'Qty on backorder', 'Already shipped', 'Ordered', 'Unit price (locked)', 'Expected'],
    [
      [
        b.sku,
        productOf(wb, b.sku),
        b.qtyRemaining,
        lineOf(wb, b)?.qtyShipped ?? 0,
        lineOf(wb, b)?.qty ?? b.qty,
        price,
        b.expectedDate ?? 'to be confirmed',
      ],
    ],
    [
      `Your price is locked: you will not pay more because of the delay. Value waiting ${formatCents(lineAmount(b.qtyRemaining, b.unitPrice, b.discount))}.`,
    ],
  );
}

function backorderOf(wb: Workbook, id: string): Backorder {
  const b = wb.backorders.find((x) => x.backorderId === id);
  if (!b) throw new DeskError('NOT_FOUND', `Backorders: backorder ${id} not found`);
  return b;
}

const lineOf = (wb: Workbook, b: Backorder) =>
  wb.orders.find((l) => l.orderId === b.orderId && l.line === b.line);

/** A customer message for a backorder, from its template (shared/notices.ts), as text and printable HTML. */
export function customerMessage(
  wb: Workbook,
  backorderId: string,
  kind: MessageKind,
  today: string,
  /** False where Shipments were not read (the sidebar's view): the shipped message counts all fulfilled, dated today. */
  fromShipments = true,
): Document {
  const b = backorderOf(wb, backorderId);
  const notice = renderNotice(wb, b, kind, today as IsoDate, { fromShipments });
  const title = `Message to ${b.customer} (${kind}, ${b.backorderId}): ${notice.subject}`;
  return {
    title,
    text: notice.text,
    html: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><p>${escapeHtml(notice.text)}</p></body></html>`,
  };
}
