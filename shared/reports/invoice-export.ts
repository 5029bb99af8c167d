/**
 * Invoice files that QuickBooks Online and Xero import without edits (PRODUCT.md section 3).
 *
 * QuickBooks Online maps these headers automatically: InvoiceNo, Customer, InvoiceDate, DueDate,
 * Terms, Item(Product/Service), ItemDescription, ItemQuantity, ItemRate, ItemAmount; rows sharing an
 * InvoiceNo are one invoice; at most 100 invoices and 1,000 rows per file. A discounted line keeps
 * its exact ItemAmount, with ItemRate the discounted unit rate (QuickBooks has no line discount column
 * in this import), and the discount named in the description.
 *
 * Xero's sales-invoice template requires *ContactName, *InvoiceNumber, *InvoiceDate, *DueDate,
 * *Description, *Quantity, *UnitAmount, *AccountCode, *TaxType (the asterisk is part of the header);
 * Discount (a percentage) and Reference are optional columns of the same template; at most 500
 * invoices per file; amounts are tax exclusive for the whole file.
 *
 * Date styles, the account code and the tax type come from Settings. Every text cell is neutralised
 * against formula injection; an invoice is never split across two files.
 */
import { format as formatDate } from 'date-fns';
import type { IsoDate } from '../primitives/dates';
import { type Cents, centsToUnits } from '../primitives/money';
import { neutraliseCell } from '../sheet/csv-safety';
import type { InvoiceLine } from '../tabs/invoices';
import type { Settings } from '../tabs/settings';

export type InvoiceFormat = 'quickbooks' | 'xero';

export const QUICKBOOKS_HEADER = [
  'InvoiceNo',
  'Customer',
  'InvoiceDate',
  'DueDate',
  'Terms',
  'Item(Product/Service)',
  'ItemDescription',
  'ItemQuantity',
  'ItemRate',
  'ItemAmount',
] as const;

export const XERO_HEADER = [
  '*ContactName',
  '*InvoiceNumber',
  'Reference',
  '*InvoiceDate',
  '*DueDate',
  '*Description',
  '*Quantity',
  '*UnitAmount',
  'Discount',
  '*AccountCode',
  '*TaxType',
] as const;

export const LIMITS: Record<InvoiceFormat, { invoices: number; rows: number }> = {
  quickbooks: { invoices: 100, rows: 1000 },
  xero: { invoices: 500, rows: Number.POSITIVE_INFINITY },
};

export type Plain = string | number | boolean | null;

function day(d: IsoDate | null, pattern: string): string {
  if (!d) return '';
  const [y, m, dd] = d.split('-').map(Number);
  return formatDate(new Date(y as number, (m as number) - 1, dd as number), pattern);
}

function row(line: InvoiceLine, f: InvoiceFormat, s: Settings): Plain[] {
  const units = (c: number) => centsToUnits(c as Cents, s.CurrencyDigits);
  const pct = line.discount / 100;
  if (f === 'quickbooks') {
    const rate =
      line.qty > 0 ? Math.round((units(line.amount) / line.qty) * 100_000) / 100_000 : units(line.rate);
    const description = pct > 0 ? `${line.description}, less ${pct}% discount` : line.description;
    return [
      line.invoiceNo,
      line.customer,
      day(line.invoiceDate, s.QuickBooksDateFormat),
      day(line.dueDate, s.QuickBooksDateFormat),
      line.terms,
      line.sku,
      description,
      line.qty,
      rate,
      units(line.amount),
    ];
  }
  return [
    line.customer,
    line.invoiceNo,
    line.orderId,
    day(line.invoiceDate, s.XeroDateFormat),
    day(line.dueDate, s.XeroDateFormat),
    `${line.sku} ${line.description}`,
    line.qty,
    units(line.rate),
    pct > 0 ? pct : '',
    s.XeroAccountCode,
    s.XeroTaxType,
  ];
}

/**
 * The files for a set of invoice lines: each a header and rows, within the format's limits, lines of
 * one invoice together and in order.
 */
export function invoiceFiles(lines: readonly InvoiceLine[], f: InvoiceFormat, s: Settings): Plain[][][] {
  const header = f === 'quickbooks' ? [...QUICKBOOKS_HEADER] : [...XERO_HEADER];
  const byInvoice = new Map<string, InvoiceLine[]>();
  for (const l of lines) byInvoice.set(l.invoiceNo, [...(byInvoice.get(l.invoiceNo) ?? []), l]);
  const files: Plain[][][] = [];
  let current: Plain[][] = [];
  let invoices = 0;
  const limit = LIMITS[f];
  for (const group of byInvoice.values()) {
    const sorted = [...group].sort((a, b) => a.line - b.line);
    if (
      current.length > 0 &&
      (invoices + 1 > limit.invoices || current.length + sorted.length > limit.rows)
    ) {
      files.push([header, ...current]);
      current = [];
      invoices = 0;
    }
    current.push(...sorted.map((l) => row(l, f, s).map(neutraliseCell)));
    invoices += 1;
  }
  if (current.length > 0) files.push([header, ...current]);
  return files;
}
