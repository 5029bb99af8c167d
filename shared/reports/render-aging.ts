/**
 * Lays the Aging report out as one rectangular block of cells for the Aging tab: sections one under
 * another, a title row each, money in currency units, each customer's and rep's share of the value
 * as an in-cell bar. It also says which of its tables the owner's charts draw (their shape:
 * shared/reports/aging-charts.ts) and which cells show in the workbook's currency (docs/design.md,
 * "Aging").
 */

import { type Cents, centsToUnits, currencyPattern } from '../primitives/money';
import type { ColumnRun } from '../sheet/a1';
import type { Cell } from '../sheet/cells';
import type { NumberFormats } from '../sheet/codec';
import { widest } from '../sheet/grid-plan';
import type { AgingReport, Totals } from './aging';
import { type AgingChart, bucketChart, type ChartData } from './aging-charts';

export interface AgingSheet {
  /** Every row as wide as the widest. */
  readonly values: Cell[][];
  /** The buckets' label and quantity columns, 1-based rows: the first chart's data. */
  readonly chart: ChartData;
  /**
   * The owner's charts, in order: backorders by age, the expected-fulfilment timeline, vendor
   * delays. The first two tables never move (their rows depend only on the number of buckets); the
   * vendors' moves as the lists above it grow, and its chart follows it at every rebuild.
   */
  readonly charts: readonly AgingChart[];
  /** The cells holding money (shown in the workbook's currency). */
  readonly money: readonly ColumnRun[];
}

/** The report's number formats: its amounts in the workbook's currency (Settings Currency, CurrencyDigits). */
export function agingNumberFormats(
  sheet: Pick<AgingSheet, 'money'>,
  currency: string,
  digits: number,
): NumberFormats {
  return sheet.money.length > 0 ? [{ pattern: currencyPattern(currency, digits), ranges: sheet.money }] : [];
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

export function renderAging(r: AgingReport, extra: Cell[][] = []): AgingSheet {
  const rows: Cell[][] = [];
  const units = (cents: number) => centsToUnits(cents as Cents);
  const totals = (t: Totals) => [t.count, t.qty, units(t.value)];
  /** The column of `totals`' amount, after its label (1-based). */
  const TOTALS_VALUE = 4;
  // Cells holding money, as runs down one column (1-based): shown in the workbook's currency.
  const money: ColumnRun[] = [];
  // A section's body rows (1-based), for a chart that draws it; `moneyColumn` holds amounts.
  const section = (title: string, header: string[], body: Cell[][], moneyColumn?: number) => {
    rows.push([], [title], header);
    const firstRow = rows.length + 1;
    rows.push(...(body.length > 0 ? body : [['(none)']]));
    if (moneyColumn && body.length > 0) money.push({ column: moneyColumn, firstRow, lastRow: rows.length });
    return { firstRow, lastRow: rows.length };
  };
  rows.push([`Backorder aging as of ${r.today}`, 'Rebuilt by Backorder Desk; edits here are overwritten']);
  const valueWaiting: Cell[] = ['Value waiting (locked prices)', units(r.kpis.valueWaiting)];
  const figures: Cell[][] = [
    ['Open backorders', r.kpis.openBackorders],
    ['Quantity waiting', r.kpis.qtyWaiting],
    valueWaiting,
    ['Overdue (past expected date)', r.kpis.overdue],
    ['Average fulfilment time (days)', r.kpis.averageFulfilmentDays ?? ''],
    [
      'Oldest open backorder',
      r.kpis.oldest ? `${r.kpis.oldest.backorderId} (${r.kpis.oldest.ageDays} days)` : '',
    ],
  ];
  const keyFigures = section('Key figures', ['Measure', 'Value'], figures);
  // The one amount among the key figures, wherever the list puts it.
  const amountRow = keyFigures.firstRow + figures.indexOf(valueWaiting);
  money.push({ column: 2, firstRow: amountRow, lastRow: amountRow });
  rows.push([], ['Age buckets'], ['Age', 'Backorders', 'Quantity', 'Value']);
  const firstRow = rows.length + 1;
  for (const b of r.buckets) rows.push([b.label, ...totals(b.totals)]);
  const chart = { firstRow, lastRow: rows.length, labelColumn: 1, valueColumn: 2 };
  money.push({ column: TOTALS_VALUE, firstRow, lastRow: rows.length });
  const timeline = section(
    'Expected fulfilment',
    ['When', 'Backorders', 'Quantity', 'Value'],
    r.timeline.map((t) => [t.label, ...totals(t.totals)]),
    TOTALS_VALUE,
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
    TOTALS_VALUE,
  );
  // Who the value waits for, each with an in-cell bar of their share.
  for (const [title, label, groups] of [
    ['By customer', 'Customer', r.byCustomer],
    ['By rep', 'Rep', r.byRep],
  ] as const)
    section(
      title,
      [label, 'Backorders', 'Quantity', 'Value', 'Share of value'],
      withShares(groups).map(([p, share]) => [p.key, ...totals(p.totals), share]),
      TOTALS_VALUE,
    );
  section(
    'Products waiting',
    ['SKU', 'Product', 'Quantity waiting', 'Customers waiting', 'Value', 'Expected restock', 'POs pending'],
    r.products.map((p) => [
      p.sku,
      p.product,
      p.qtyWaiting,
      p.customersWaiting,
      units(p.value),
      p.expectedRestock ?? '',
      p.posPending,
    ]),
    5,
  );
  const vendors = section(
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
  const charts: AgingChart[] = [
    { ...bucketChart(r.buckets.length), ...chart },
    {
      ...timeline,
      labelColumn: 1,
      valueColumn: 2,
      title: 'Backorders by expected fulfilment',
      type: 'COLUMN',
      labelAxis: 'Expected',
      valueAxis: 'Backorders',
    },
    {
      // Only the vendors with lines received (they sort first): one with none has no delay to draw.
      ...vendors,
      lastRow: vendors.firstRow + Math.max(0, r.vendors.filter((v) => v.averageDaysLate !== null).length - 1),
      labelColumn: 1,
      valueColumn: 3,
      title: 'Vendor delays: average days late',
      type: 'BAR',
      labelAxis: 'Vendor',
      valueAxis: 'Days late (average)',
    },
  ];
  return {
    values: rows.map((row) => [...row, ...new Array(width - row.length).fill('')]),
    chart,
    charts,
    money,
  };
}

/** How many block characters the longest in-cell bar has. */
const BAR_WIDTH = 10;

/**
 * Each group's share of the value waiting, as an in-cell bar the length of its value against the
 * largest (as SPARKLINE's bar draws it) and the percentage of the whole: "██████████ 62%". Text the
 * core writes, so it shows alike in Sheets, the playground, a CSV and an xlsx, with no formula.
 */
export function withShares<T extends { totals: Totals }>(groups: readonly T[]): [T, string][] {
  const max = Math.max(0, ...groups.map((g) => g.totals.value));
  const all = groups.reduce((n, g) => n + g.totals.value, 0);
  return groups.map((g) => {
    const blocks = max > 0 ? Math.round((BAR_WIDTH * g.totals.value) / max) : 0;
    const percent = all > 0 ? Math.round((100 * g.totals.value) / all) : 0;
    // A share too small to round to 1 % is still a share, not none.
    const shown = percent === 0 && g.totals.value > 0 ? '<1' : String(percent);
    return [g, `${'█'.repeat(blocks)} ${shown}%`.trimStart()];
  });
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
