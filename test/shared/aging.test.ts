/**
 * The Aging report for a fixed day: buckets from Settings, overdue list, the expected-fulfilment
 * timeline by calendar week, value at locked prices, vendor delays, stale backorders; rendered as one
 * rectangular block with the chart's data range pointing at the buckets.
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../shared/primitives/dates';
import type { BasisPoints, Cents } from '../../shared/primitives/money';
import { computeAging } from '../../shared/reports/aging';
import { agingChart, agingChartRange, agingCharts } from '../../shared/reports/aging-charts';
import { renderAging, withShares } from '../../shared/reports/render-aging';
import type { Backorder } from '../../shared/tabs/backorders';
import { poLine, workbook } from '../support/build';

const TODAY = '2026-11-23' as IsoDate; // a Monday

function bo(id: string, created: string, expected: string | null, p: Partial<Backorder> = {}): Backorder {
  return {
    backorderId: id,
    orderId: `SO-${id}`,
    line: 1,
    orderDate: created as IsoDate,
    customer: 'Harbor Builders',
    salesRep: 'Dana',
    sku: 'A',
    warehouse: 'MAIN',
    qty: 4,
    qtyFulfilled: 0,
    qtyCancelled: 0,
    qtyRemaining: 4,
    qtyAllocated: 0,
    allocatedFrom: '',
    unitPrice: 1000 as Cents,
    discount: 0 as BasisPoints,
    createdAt: created as IsoDate,
    source: 'Auto',
    reason: '',
    expectedDate: expected as IsoDate | null,
    expectedSource: expected ? 'PO' : '',
    po: '',
    priority: 'Normal',
    queuePosition: 1,
    status: 'Open',
    cancelReason: '',
    cancelNote: '',
    lastContact: null,
    nextFollowUp: null,
    customerChoice: '',
    age: 0,
    notes: '',
    ...p,
  };
}

const change = (historyId: string, vendor: string, previousEta: string, eta: string) => ({
  historyId,
  recordedAt: '2026-11-20T12:00:00.000Z',
  vendor,
  po: 'P3',
  line: 1,
  sku: 'B',
  previousEta: previousEta as IsoDate,
  eta: eta as IsoDate,
});

const wb = workbook({
  etaHistory: [
    change('EH-000001', 'Northline', '2026-12-01', '2026-12-02'),
    change('EH-000002', 'Northline', '2026-12-02', '2026-12-04'),
  ],
  backorders: [
    bo('B1', '2026-11-20', '2026-11-25'), // 3 days, this week
    bo('B2', '2026-11-10', '2026-11-30', {
      customer: 'Oakridge Homes',
      sku: 'B',
      discount: 1000 as BasisPoints,
    }), // 13 days, next week
    bo('B3', '2026-10-30', '2026-11-15', { salesRep: 'Sam' }), // 24 days, overdue 8
    bo('B4', '2026-09-01', null), // 83 days, stale, no date
    bo('B5', '2026-11-01', '2026-12-10', { qtyRemaining: 0, qtyFulfilled: 4, status: 'Fulfilled' }), // closed: not counted
  ],
  pos: [
    poLine({
      po: 'P1',
      sku: 'A',
      qty: 5,
      qtyReceived: 5,
      status: 'Received',
      promisedDate: '2026-11-01' as IsoDate,
      receivedAt: '2026-11-06' as IsoDate,
      vendor: 'Summit',
    }),
    poLine({
      po: 'P2',
      sku: 'A',
      qty: 5,
      qtyReceived: 5,
      status: 'Received',
      promisedDate: '2026-11-01' as IsoDate,
      receivedAt: '2026-11-02' as IsoDate,
      vendor: 'Summit',
    }),
    poLine({
      po: 'P3',
      sku: 'B',
      qty: 5,
      vendor: 'Northline',
      promisedDate: '2026-12-01' as IsoDate,
      vendorEta: '2026-12-04' as IsoDate,
    }),
  ],
});

describe('computeAging', () => {
  const r = computeAging(wb, TODAY);

  it('counts open backorders by age bucket with value at locked prices', () => {
    expect(r.kpis).toEqual({
      openBackorders: 4,
      qtyWaiting: 16,
      valueWaiting: 15600,
      overdue: 1,
      averageFulfilmentDays: null,
      oldest: { backorderId: 'B4', ageDays: 83 },
    });
    expect(r.buckets.map((b) => [b.label, b.totals.count])).toEqual([
      ['0–7 days', 1],
      ['8–14 days', 1],
      ['15–30 days', 1],
      ['31+ days', 1],
    ]);
  });

  it('places expected dates on the calendar weeks and lists what is overdue', () => {
    expect(r.timeline.map((t) => t.totals.count)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(r.overdue).toEqual([
      {
        backorderId: 'B3',
        customer: 'Harbor Builders',
        sku: 'A',
        qty: 4,
        expected: '2026-11-15',
        daysOverdue: 8,
        rep: 'Sam',
      },
    ]);
    expect(r.stale.map((s) => s.backorderId)).toEqual(['B4']);
    expect(r.byCustomer.map((c) => [c.key, c.totals.value])).toEqual([
      ['Harbor Builders', 12000],
      ['Oakridge Homes', 3600],
    ]);
  });

  it('shows vendor delays against promised dates and ETA changes', () => {
    expect(r.vendors).toEqual([
      { vendor: 'Summit', linesReceived: 2, averageDaysLate: 3, worstDaysLate: 5, etaChanges: 0 },
      { vendor: 'Northline', linesReceived: 0, averageDaysLate: null, worstDaysLate: null, etaChanges: 2 },
    ]);
    expect(r.products.find((p) => p.sku === 'B')).toMatchObject({
      expectedRestock: '2026-12-04',
      posPending: 'P3',
      customersWaiting: 1,
    });
  });

  it('follows the buckets in Settings and renders one rectangular block', () => {
    const custom = computeAging({ ...wb, config: { ...wb.config, AgingBuckets: [30, 60] } }, TODAY);
    expect(custom.buckets.map((b) => [b.label, b.totals.count])).toEqual([
      ['0–30 days', 3],
      ['31–60 days', 0],
      ['61+ days', 1],
    ]);
    const sheet = renderAging(r);
    const width = sheet.values[0]?.length;
    expect(sheet.values.every((row) => row.length === width)).toBe(true);
    expect(sheet.values[sheet.chart.firstRow - 2]).toEqual([
      'Age',
      'Backorders',
      'Quantity',
      'Value',
      '',
      '',
      '',
    ]);
    expect(sheet.values[sheet.chart.firstRow - 1]?.slice(0, 2)).toEqual(['0–7 days', 1]);
    expect(renderAging(computeAging(wb, TODAY))).toEqual(sheet);
  });

  it('keeps the bucket table where the chart set up once points, for any number of buckets', () => {
    for (const buckets of [
      [7, 14, 30],
      [30, 60],
      [5, 10, 20, 40, 80],
    ]) {
      const r = computeAging({ ...wb, config: { ...wb.config, AgingBuckets: buckets } }, TODAY);
      expect(renderAging(r).chart).toEqual(agingChartRange(buckets.length + 1));
    }
    const chart = agingChart(4, 9) as {
      spec: { basicChart: { domains: { domain: { sourceRange: { sources: object[] } } }[] } };
    };
    expect(chart.spec.basicChart.domains[0]?.domain.sourceRange.sources[0]).toEqual({
      sheetId: 9,
      startRowIndex: 13,
      endRowIndex: 17,
      startColumnIndex: 0,
      endColumnIndex: 1,
    });
  });

  it('plans the owner’s three charts over the sections they draw, titled, with axes and values', () => {
    const sheet = renderAging(r);
    const rowOf = (label: string) => sheet.values.findIndex((row) => row[0] === label) + 1;
    const [byAge, byWhen, vendors] = sheet.charts;
    expect(byAge).toMatchObject({ ...agingChartRange(4), type: 'COLUMN', title: 'Open backorders by age' });
    expect(byWhen).toMatchObject({ firstRow: rowOf('Overdue'), lastRow: rowOf('No expected date') });
    expect(sheet.values[(vendors?.firstRow ?? 0) - 3]?.[0]).toBe('Vendor delays');
    expect(vendors).toMatchObject({ type: 'BAR', labelColumn: 1, valueColumn: 3 });
    // It draws the vendors with a delay to show, which sort first; none after the last of them.
    const drawn = sheet.values.slice((vendors?.firstRow ?? 1) - 1, vendors?.lastRow);
    expect(drawn.every((row) => row[2] !== '')).toBe(true);
    expect(sheet.values[vendors?.lastRow ?? 0]?.[2] ?? '').toBe('');
    expect(sheet.values[(vendors?.firstRow ?? 0) - 2]?.[(vendors?.valueColumn ?? 0) - 1]).toBe(
      'Average days late',
    );
    const embedded = agingCharts(sheet) as {
      spec: { basicChart: { axis: { title: string }[]; series: { dataLabel?: object }[] } };
      position: { overlayPosition: { anchorCell: { rowIndex: number } } };
    }[];
    expect(embedded.map((c) => c.spec.basicChart.axis.map((a) => a.title))).toEqual([
      ['Age', 'Backorders'],
      ['Expected', 'Backorders'],
      ['Vendor', 'Days late (average)'],
    ]);
    expect(embedded.every((c) => c.spec.basicChart.series[0]?.dataLabel !== undefined)).toBe(true);
    // Stacked beside the report, never over one another.
    const rows = embedded.map((c) => c.position.overlayPosition.anchorCell.rowIndex);
    expect(new Set(rows).size).toBe(3);
  });

  it('draws each customer’s and rep’s share of the value as an in-cell bar', () => {
    const group = (key: string, value: number) => ({
      key,
      totals: { count: 1, qty: 1, value: value as Cents },
    });
    expect(
      withShares([group('A', 30000), group('B', 10000), group('C', 0), group('D', 10)]).map(([, bar]) => bar),
    ).toEqual(['██████████ 75%', '███ 25%', '0%', '<1%']);
    expect(withShares([])).toEqual([]);
    const sheet = renderAging(r);
    const header = sheet.values.find((row) => row[0] === 'Customer');
    expect(header?.[4]).toBe('Share of value');
  });
});
