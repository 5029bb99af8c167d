/**
 * Invoice files checked against the importers' documented columns: QuickBooks Online's invoice import
 * (the headers it maps automatically) and Xero's sales-invoice template (asterisks included), split at
 * each importer's limits, dates in the configured style, formula injection neutralised.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { dueDate, termsDays } from '../../shared/invoicing';
import type { IsoDate } from '../../shared/primitives/dates';
import type { BasisPoints, Cents } from '../../shared/primitives/money';
import { invoiceFiles, QUICKBOOKS_HEADER, XERO_HEADER } from '../../shared/reports/invoice-export';
import { planSetup } from '../../shared/setup/setup';
import type { RawTab } from '../../shared/sheet/codec';
import type { InvoiceLine } from '../../shared/tabs/invoices';
import { DEFAULT_SETTINGS, parseSettings } from '../../shared/tabs/settings';
import { item, line, workbook } from '../support/build';
import { Session } from '../support/session';

function invoice(p: Partial<InvoiceLine> & { invoiceNo: string }): InvoiceLine {
  return {
    line: 1,
    customer: 'Harbor Builders',
    invoiceDate: '2026-11-23' as IsoDate,
    dueDate: '2026-12-23' as IsoDate,
    terms: 'Net 30',
    sku: 'TILE-12',
    description: 'Porcelain tile',
    qty: 3,
    rate: 999 as Cents,
    discount: 0 as BasisPoints,
    amount: 2997 as Cents,
    orderId: 'SO-1',
    shipmentId: 'SH-1',
    backorderId: '',
    exported: false,
    exportBatch: 0,
    ...p,
  };
}

const roundTrip = (rows: unknown[][]) => parse(stringify(rows)) as string[][];

describe('QuickBooks Online', () => {
  it('uses exactly the headers QuickBooks maps automatically, US dates, one row per line', () => {
    expect([...QUICKBOOKS_HEADER]).toEqual([
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
    ]);
    const [file] = invoiceFiles(
      [
        invoice({ invoiceNo: 'INV-1' }),
        invoice({
          invoiceNo: 'INV-1',
          line: 2,
          qty: 2,
          discount: 1000 as BasisPoints,
          amount: 1798 as Cents,
        }),
      ],
      'quickbooks',
      DEFAULT_SETTINGS,
    );
    expect(roundTrip(file as unknown[][])).toEqual([
      [...QUICKBOOKS_HEADER],
      [
        'INV-1',
        'Harbor Builders',
        '11/23/2026',
        '12/23/2026',
        'Net 30',
        'TILE-12',
        'Porcelain tile',
        '3',
        '9.99',
        '29.97',
      ],
      [
        'INV-1',
        'Harbor Builders',
        '11/23/2026',
        '12/23/2026',
        'Net 30',
        'TILE-12',
        'Porcelain tile, less 10% discount',
        '2',
        '8.99',
        '17.98',
      ],
    ]);
  });

  it('splits at 100 invoices and 1,000 rows per file, never splitting an invoice', () => {
    const many = Array.from({ length: 250 }, (_, i) => invoice({ invoiceNo: `INV-${i}` }));
    expect(invoiceFiles(many, 'quickbooks', DEFAULT_SETTINGS).map((f) => f.length - 1)).toEqual([
      100, 100, 50,
    ]);
    const long = Array.from({ length: 3 }, (_, n) =>
      Array.from({ length: 400 }, (_, l) => invoice({ invoiceNo: `INV-${n}`, line: l + 1 })),
    ).flat();
    expect(invoiceFiles(long, 'quickbooks', DEFAULT_SETTINGS).map((f) => f.length - 1)).toEqual([800, 400]);
  });
});

describe('Xero', () => {
  it('uses the sales-invoice template columns, asterisks included, and the Settings date style', () => {
    expect(XERO_HEADER.filter((h) => h.startsWith('*'))).toEqual([
      '*ContactName',
      '*InvoiceNumber',
      '*InvoiceDate',
      '*DueDate',
      '*Description',
      '*Quantity',
      '*UnitAmount',
      '*AccountCode',
      '*TaxType',
    ]);
    // An Australian organisation's file: its day-first dates, its GST-free rate.
    const [file] = invoiceFiles([invoice({ invoiceNo: 'INV-7', discount: 500 as BasisPoints })], 'xero', {
      ...DEFAULT_SETTINGS,
      Currency: 'AUD',
      XeroDateFormat: 'dd/MM/yyyy',
      XeroAccountCode: '4000',
      XeroTaxType: 'GST Free Income',
    });
    expect(roundTrip(file as unknown[][])[1]).toEqual([
      'Harbor Builders',
      'INV-7',
      'SO-1',
      '23/11/2026',
      '23/12/2026',
      'TILE-12 Porcelain tile',
      '3',
      '9.99',
      '5',
      '4000',
      'GST Free Income',
    ]);
    const many = Array.from({ length: 1100 }, (_, i) => invoice({ invoiceNo: `INV-${i}` }));
    expect(invoiceFiles(many, 'xero', DEFAULT_SETTINGS).map((f) => f.length - 1)).toEqual([500, 500, 100]);
  });

  it('dates invoices as the organisation’s region does unless Settings says: month first for a USD workbook', () => {
    const settings = (rows: [string, string][]) =>
      parseSettings(
        rows.map(([key, value]) => ({ key, value, notes: '' })),
        (i) => i + 2,
      );
    const dateOf = (s: ReturnType<typeof settings>) =>
      roundTrip(invoiceFiles([invoice({ invoiceNo: 'INV-8' })], 'xero', s)[0] as unknown[][])[1]?.[3];
    // A US business (the default workbook: New York, USD) imports into a US Xero organisation.
    expect(dateOf(settings([]))).toBe('11/23/2026');
    expect(dateOf(settings([['Currency', 'USD']]))).toBe('11/23/2026');
    for (const currency of ['GBP', 'AUD', 'NZD', 'EUR'])
      expect(dateOf(settings([['Currency', currency]]))).toBe('23/11/2026');
    // A date style written in Settings wins, whatever the currency.
    expect(
      dateOf(
        settings([
          ['Currency', 'USD'],
          ['XeroDateFormat', 'dd/MM/yyyy'],
        ]),
      ),
    ).toBe('23/11/2026');
    expect(
      dateOf(
        settings([
          ['Currency', 'GBP'],
          ['XeroDateFormat', 'MM/dd/yyyy'],
        ]),
      ),
    ).toBe('11/23/2026');
  });

  it('takes the region’s sales tax rate unless Settings names one', () => {
    const taxOf = (rows: [string, string][]) =>
      roundTrip(
        invoiceFiles(
          [invoice({ invoiceNo: 'INV-9' })],
          'xero',
          parseSettings(
            rows.map(([key, value]) => ({ key, value, notes: '' })),
            (i) => i + 2,
          ),
        )[0] as unknown[][],
      )[1]?.at(-1);
    expect(taxOf([])).toBe('Tax Exempt');
    expect(taxOf([['Currency', 'AUD']])).toBe('GST on Income');
    expect(taxOf([['Currency', 'NZD']])).toBe('15% GST on Income');
    expect(taxOf([['Currency', 'gbp']])).toBe('20% (VAT on Income)');
    expect(taxOf([['Currency', 'EUR']])).toBe('Tax Exempt');
    expect(
      taxOf([
        ['Currency', 'GBP'],
        ['XeroTaxType', 'Zero Rated Income'],
      ]),
    ).toBe('Zero Rated Income');
  });

  it('states the region’s date style and tax rate in Settings when Set up adds the keys', () => {
    const value = (tab: RawTab | undefined, key: string) => tab?.values.find((r) => r[0] === key)?.[1];
    const fresh = planSetup({}).newTabs.find((t) => t.name === 'Settings');
    expect(value(fresh, 'XeroDateFormat')).toBe('MM/dd/yyyy');
    // An older workbook in pounds, without the key: Set up adds it day first.
    const older: RawTab = {
      name: 'Settings',
      values: [
        ['Key', 'Value', 'Notes'],
        ['Currency', 'GBP', ''],
      ],
    };
    const added = planSetup({ Settings: older }).patches.find((p) => p.tab === 'Settings')?.appends ?? [];
    expect(added.find((r) => r[0] === 'XeroDateFormat')?.[1]).toBe('dd/MM/yyyy');
    expect(added.find((r) => r[0] === 'XeroTaxType')?.[1]).toBe('20% (VAT on Income)');
    expect(value(fresh, 'XeroTaxType')).toBe('Tax Exempt');
  });
});

describe('safety and terms', () => {
  it('neutralises a formula typed as a customer name', () => {
    for (const format of ['quickbooks', 'xero'] as const) {
      const [file] = invoiceFiles(
        [invoice({ invoiceNo: 'INV-1', customer: '=HYPERLINK("http://x","y")', description: '@SUM(1,1)' })],
        format,
        DEFAULT_SETTINGS,
      );
      const text = stringify(file as unknown[][]);
      expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
      if (format === 'quickbooks') expect(text).toContain("'@SUM(1,1)");
      expect(text).not.toMatch(/(^|,)"?=/m);
    }
  });

  it.each([
    ['Net 30', 30],
    ['net15', 15],
    ['Net 60', 60],
    ['Due on receipt', 0],
    ['', 0],
    ['30 days', 30],
    ['45 Days', 45],
    ['N30', 30],
    ['COD', 0],
    ['2/10 Net 30', 30],
  ])('terms %j → due in %i days', (terms, days) => {
    expect(termsDays(terms)).toBe(days);
    expect(dueDate('2026-11-23' as IsoDate, terms)).toBe(
      new Date(Date.UTC(2026, 10, 23 + days)).toISOString().slice(0, 10),
    );
  });

  it.each(['end of month', 'Net thirty', '30 days EOM'])('terms %j give no due date', (terms) => {
    expect(termsDays(terms)).toBeNull();
  });

  it('refuses to invoice a shipment whose order line has terms with no due date, naming the line', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 5 })],
        orders: [line({ orderId: 'SO-1', sku: 'A', qty: 2, paymentTerms: 'end of month' })],
      }),
    );
    s.do({ action: 'allocate' });
    expect(() => s.do({ action: 'ship', orderId: 'SO-1' })).toThrow(
      /Orders: SO-1 line 1 PaymentTerms "end of month" gives no due date/,
    );
  });

  it('invoices every shipment at the locked price, a backorder fulfilment on its own invoice', () => {
    const s = new Session(
      workbook({
        inventory: [item({ sku: 'A', onHand: 3, product: 'Tile' })],
        orders: [
          line({
            orderId: 'SO-1',
            sku: 'A',
            qty: 5,
            unitPrice: 1000 as Cents,
            discount: 1000 as BasisPoints,
            paymentTerms: 'Net 15',
          }),
        ],
        config: { NextInvoiceNumber: 5000 },
      }),
    );
    s.do({ action: 'allocate' });
    s.do({ action: 'ship', orderId: 'SO-1' });
    s.wb = { ...s.wb, inventory: s.wb.inventory.map((i) => ({ ...i, onHand: i.onHand + 2 })) };
    s.do({ action: 'allocate' });
    s.do({ action: 'fulfill', backorderId: 'BO-000001' });
    expect(
      s.wb.invoices.map((i) => [
        i.invoiceNo,
        i.qty,
        i.rate,
        i.amount,
        i.dueDate,
        i.backorderId,
        i.description,
      ]),
    ).toEqual([
      ['INV-5000', 3, 1000, 2700, '2026-12-08', '', 'Tile'],
      ['INV-5001', 2, 1000, 1800, '2026-12-08', 'BO-000001', 'Tile (backorder BO-000001)'],
    ]);
    expect(s.wb.shipments.map((x) => x.invoiceNo)).toEqual(['INV-5000', 'INV-5001']);
  });
});
