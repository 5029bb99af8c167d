/**
 * Lays the Aging report out as one rectangular block of cells for the Aging tab (PRODUCT.md section
 * 4): sections one under another, a title row each, money in currency units. It also says where the
 * bucket table is, the data range of the tab's chart.
 */

import { type Cents, centsToUnits } from '../primitives/money';
import type { Cell } from '../sheet/cells';
import { widest } from '../sheet/grid-plan';
import type { AgingReport, Totals } from './aging';

export interface AgingSheet {
  /** Every row as wide as the widest. */
  readonly values: Cell[][];
  /** The buckets' label and quantity columns, 1-based rows, for the chart. */
  readonly chart: {
    readonly firstRow: number;
    readonly lastRow: number;
    readonly labelColumn: number;
    readonly valueColumn: number;
  };
}

/**
 * Where the bucket table sits for `buckets` age buckets (Settings' bounds + 1): the rows above it
 * never change, so a chart set up once keeps pointing at it.
 */
export function agingChartRange(buckets: number): AgingSheet['chart'] {
  return { firstRow: 14, lastRow: 13 + buckets, labelColumn: 1, valueColumn: 2 };
}

/**
 * The Aging chart as the Sheets API embeds it: backorders per age bucket, beside the report.
 * https://developers.google.com/sheets/api/samples/charts
 */
export function agingChart(buckets: number, sheetId = 0): object {
  return chartOn(agingChartSpec(buckets), sheetId);
}

/**
 * The Aging tab's formatting, set once with the tab: a row holding only a title (the report's and each
 * section's) is bold, wherever the sections move as their lists grow.
 */
export function agingFormats(): object[] {
  return [
    {
      ranges: [{ sheetId: 0, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 8 }],
      booleanRule: {
        condition: {
          type: 'CUSTOM_FORMULA',
          values: [{ userEnteredValue: '=AND(LEN($A1)>0,COUNTA($B1:$G1)=0)' }],
        },
        format: { textFormat: { bold: true } },
      },
    },
  ];
}

/** Points a chart (or any request) made for sheet 0 at another sheet (every GridRange and anchor). */
export function chartOn(chart: object, sheetId: number): object {
  return JSON.parse(JSON.stringify(chart).replace(/"sheetId":\d+/g, `"sheetId":${sheetId}`)) as object;
}

function agingChartSpec(buckets: number, sheetId = 0): object {
  const r = agingChartRange(buckets);
  const column = (c: number) => ({
    sheetId,
    startRowIndex: r.firstRow - 1,
    endRowIndex: r.lastRow,
    startColumnIndex: c - 1,
    endColumnIndex: c,
  });
  return {
    spec: {
      title: 'Open backorders by age',
      basicChart: {
        chartType: 'COLUMN',
        legendPosition: 'NO_LEGEND',
        axis: [
          { position: 'BOTTOM_AXIS', title: 'Age' },
          { position: 'LEFT_AXIS', title: 'Backorders' },
        ],
        domains: [{ domain: { sourceRange: { sources: [column(r.labelColumn)] } } }],
        series: [{ series: { sourceRange: { sources: [column(r.valueColumn)] } }, targetAxis: 'LEFT_AXIS' }],
        headerCount: 0,
      },
    },
    position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 1, columnIndex: 8 } } },
  };
}

export function renderAging(r: AgingReport, extra: Cell[][] = []): AgingSheet {
  const rows: Cell[][] = [];
  const money = (cents: number) => centsToUnits(cents as Cents);
  const totals = (t: Totals) => [t.count, t.qty, money(t.value)];
  const section = (title: string, header: string[], body: Cell[][]) => {
    rows.push([], [title], header, ...(body.length > 0 ? body : [['(none)']]));
  };
  rows.push([`Backorder aging as of ${r.today}`, 'Rebuilt by Backorder Desk; edits here are overwritten']);
  section(
    'Key figures',
    ['Measure', 'Value'],
    [
      ['Open backorders', r.kpis.openBackorders],
      ['Quantity waiting', r.kpis.qtyWaiting],
      ['Value waiting (locked prices)', money(r.kpis.valueWaiting)],
      ['Overdue (past expected date)', r.kpis.overdue],
      ['Average fulfilment time (days)', r.kpis.averageFulfilmentDays ?? ''],
      [
        'Oldest open backorder',
        r.kpis.oldest ? `${r.kpis.oldest.backorderId} (${r.kpis.oldest.ageDays} days)` : '',
      ],
    ],
  );
  rows.push([], ['Age buckets'], ['Age', 'Backorders', 'Quantity', 'Value']);
  const firstRow = rows.length + 1;
  for (const b of r.buckets) rows.push([b.label, ...totals(b.totals)]);
  const chart = { firstRow, lastRow: rows.length, labelColumn: 1, valueColumn: 2 };
  section(
    'Expected fulfilment',
    ['When', 'Backorders', 'Quantity', 'Value'],
    r.timeline.map((t) => [t.label, ...totals(t.totals)]),
  );
  section(
    'Overdue',
    ['Backorder', 'Customer', 'SKU', 'Quantity', 'Expected', 'Days overdue', 'Rep'],
    r.overdue.map((o) => [o.backorderId, o.customer, o.sku, o.qty, o.expected, o.daysOverdue, o.rep]),
  );
  section(
    'By product',
    ['SKU', 'Backorders', 'Quantity', 'Value'],
    r.byProduct.map((p) => [p.key, ...totals(p.totals)]),
  );
  section(
    'By customer',
    ['Customer', 'Backorders', 'Quantity', 'Value'],
    r.byCustomer.map((p) => [p.key, ...totals(p.totals)]),
  );
  section(
    'By rep',
    ['Rep', 'Backorders', 'Quantity', 'Value'],
    r.byRep.map((p) => [p.key, ...totals(p.totals)]),
  );
  section(
    'Products waiting',
    ['SKU', 'Product', 'Quantity waiting', 'Customers waiting', 'Value', 'Expected restock', 'POs pending'],
    r.products.map((p) => [
      p.sku,
      p.product,
      p.qtyWaiting,
      p.customersWaiting,
      money(p.value),
      p.expectedRestock ?? '',
      p.posPending,
    ]),
  );
  section(
    'Vendor delays',
    ['Vendor', 'Lines received', 'Average days late', 'Worst days late', 'ETA changes'],
    r.vendors.map((v) => [
      v.vendor,
      v.linesReceived,
      v.averageDaysLate ?? '',
      v.worstDaysLate ?? '',
      v.etaChanges,
    ]),
  );
  section(
    'Stale backorders (older than the maximum age in Settings)',
    ['Backorder', 'Customer', 'SKU', 'Quantity', 'Age (days)'],
    r.stale.map((s) => [s.backorderId, s.customer, s.sku, s.qty, s.ageDays]),
  );
  section(
    'Low stock (free stock under the reorder point)',
    ['SKU', 'Warehouse', 'Free', 'Reorder point', 'On order'],
    r.lowStock.map((l) => [l.sku, l.warehouse, l.free, l.reorderPoint, l.onOrder]),
  );
  rows.push(...extra);
  const width = widest(rows);
  return { values: rows.map((row) => [...row, ...new Array(width - row.length).fill('')]), chart };
}

/** Grids equal as Sheets stores them: trailing empty cells and rows do not count. */
export function sameGrid(a: readonly (readonly Cell[])[], b: readonly (readonly Cell[])[]): boolean {
  const norm = (g: readonly (readonly Cell[])[]) => {
    const rows = g.map((r) => {
      const row = r.map((c) => (c === null ? '' : c));
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
      return row;
    });
    while (rows.length > 0 && (rows[rows.length - 1] as Cell[]).length === 0) rows.pop();
    return JSON.stringify(rows);
  };
  return norm(a) === norm(b);
}
