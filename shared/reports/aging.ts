/**
 * The Aging report (001 "Backorder reports & tracking"; 000 "Bonus: dashboards"), computed from the
 * workbook for a given day: KPIs, age buckets (from Settings), the overdue list, totals by product,
 * customer and rep, the expected-fulfilment timeline, a product view, vendor delay patterns, stale
 * backorders and low stock. Pure and deterministic for a fixed `today`; `render-aging.ts` lays it out.
 */
import { daysBetween, epochDay, type IsoDate } from '../primitives/dates';
import { type Cents, lineAmount } from '../primitives/money';
import { reorderReport } from '../reorder';
import type { Backorder } from '../tabs/backorders';
import { openPoQty } from '../tabs/purchase-orders';
import type { Workbook } from '../workbook';

export interface Totals {
  count: number;
  qty: number;
  value: number;
}

export interface AgingReport {
  readonly today: IsoDate;
  readonly kpis: {
    openBackorders: number;
    qtyWaiting: number;
    valueWaiting: Cents;
    overdue: number;
    averageFulfilmentDays: number | null;
    oldest: { backorderId: string; ageDays: number } | null;
  };
  readonly buckets: { label: string; totals: Totals }[];
  readonly timeline: { label: string; totals: Totals }[];
  readonly overdue: {
    backorderId: string;
    customer: string;
    sku: string;
    qty: number;
    expected: IsoDate;
    daysOverdue: number;
    rep: string;
  }[];
  readonly byProduct: { key: string; totals: Totals }[];
  readonly byCustomer: { key: string; totals: Totals }[];
  readonly byRep: { key: string; totals: Totals }[];
  readonly products: {
    sku: string;
    product: string;
    qtyWaiting: number;
    customersWaiting: number;
    value: number;
    expectedRestock: IsoDate | null;
    posPending: string;
  }[];
  readonly vendors: {
    vendor: string;
    linesReceived: number;
    averageDaysLate: number | null;
    worstDaysLate: number | null;
    etaChanges: number;
  }[];
  readonly stale: { backorderId: string; customer: string; sku: string; qty: number; ageDays: number }[];
  readonly lowStock: {
    sku: string;
    warehouse: string;
    free: number;
    reorderPoint: number;
    onOrder: number;
  }[];
}

const empty = (): Totals => ({ count: 0, qty: 0, value: 0 });

function add(t: Totals, qty: number, value: number): void {
  t.count += 1;
  t.qty += qty;
  t.value += value;
}

function grouped(rows: Backorder[], key: (b: Backorder) => string, waitingValue: (b: Backorder) => number) {
  const map = new Map<string, Totals>();
  for (const b of rows) {
    const k = key(b) || '(none)';
    const t = map.get(k) ?? empty();
    add(t, b.qtyRemaining, waitingValue(b));
    map.set(k, t);
  }
  return [...map]
    .map(([k, totals]) => ({ key: k, totals }))
    .sort((a, b) => b.totals.value - a.totals.value || a.key.localeCompare(b.key));
}

/** One decimal place, for averages shown to people. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** 1 = Monday … 7 = Sunday (ISO). 1970-01-01 was a Thursday. */
const isoWeekday = (d: IsoDate) => ((((epochDay(d) + 3) % 7) + 7) % 7) + 1;

export function computeAging(wb: Workbook, today: IsoDate): AgingReport {
  const open = wb.backorders.filter((b) => b.qtyRemaining > 0);
  const waitingValue = (b: Backorder) => lineAmount(b.qtyRemaining, b.unitPrice, b.discount);
  const age = (b: Backorder) => (b.createdAt ? daysBetween(b.createdAt, today) : 0);
  const bounds = [...wb.config.AgingBuckets].sort((a, b) => a - b);
  const labels = bounds.map((upper, i) => `${i === 0 ? 0 : (bounds[i - 1] as number) + 1}–${upper} days`);
  labels.push(`${(bounds[bounds.length - 1] ?? 0) + 1}+ days`);
  const buckets = labels.map((label) => ({ label, totals: empty() }));
  const endOfWeek = epochDay(today) + (7 - isoWeekday(today));
  const monthEnd = `${today.slice(0, 7)}-31`;
  const timeline = ['Overdue', 'This week', 'Next week', 'This month', 'Later', 'No expected date'].map(
    (label) => ({ label, totals: empty() }),
  );
  let qtyWaiting = 0;
  let valueWaiting = 0;
  let oldest: AgingReport['kpis']['oldest'] = null;
  for (const b of open) {
    const a = age(b);
    const v = waitingValue(b);
    qtyWaiting += b.qtyRemaining;
    valueWaiting += v;
    const i = bounds.findIndex((upper) => a <= upper);
    add((buckets[i === -1 ? bounds.length : i] as (typeof buckets)[number]).totals, b.qtyRemaining, v);
    if (!oldest || a > oldest.ageDays) oldest = { backorderId: b.backorderId, ageDays: a };
    const e = b.expectedDate;
    const slot = !e
      ? 5
      : e < today
        ? 0
        : epochDay(e) <= endOfWeek
          ? 1
          : epochDay(e) <= endOfWeek + 7
            ? 2
            : e <= monthEnd
              ? 3
              : 4;
    add((timeline[slot] as (typeof timeline)[number]).totals, b.qtyRemaining, v);
  }
  const overdue = open
    .filter((b) => b.expectedDate !== null && b.expectedDate < today)
    .map((b) => ({
      backorderId: b.backorderId,
      customer: b.customer,
      sku: b.sku,
      qty: b.qtyRemaining,
      expected: b.expectedDate as IsoDate,
      daysOverdue: daysBetween(b.expectedDate as IsoDate, today),
      rep: b.salesRep,
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.backorderId.localeCompare(b.backorderId));

  const lastShip = new Map<string, IsoDate>();
  for (const s of wb.shipments)
    if (
      s.backorderId &&
      s.shipDate &&
      (!lastShip.has(s.backorderId) || s.shipDate > (lastShip.get(s.backorderId) as IsoDate))
    )
      lastShip.set(s.backorderId, s.shipDate);
  const fulfilDays = wb.backorders
    .filter((b) => b.qtyRemaining === 0 && b.qtyFulfilled > 0 && b.createdAt && lastShip.has(b.backorderId))
    .map((b) => daysBetween(b.createdAt as IsoDate, lastShip.get(b.backorderId) as IsoDate));

  const items = new Map(wb.inventory.map((i) => [i.sku, i.product]));
  const pending = new Map<string, { date: IsoDate | null; pos: Set<string> }>();
  for (const p of wb.pos) {
    if (openPoQty(p) === 0) continue;
    const entry = pending.get(p.sku) ?? { date: null, pos: new Set<string>() };
    entry.pos.add(p.po);
    const d = p.vendorEta ?? p.promisedDate;
    if (d && (!entry.date || d < entry.date)) entry.date = d;
    pending.set(p.sku, entry);
  }
  const customersBySku = new Map<string, Set<string>>();
  for (const b of open) customersBySku.set(b.sku, (customersBySku.get(b.sku) ?? new Set()).add(b.customer));
  const products = grouped(open, (b) => b.sku, waitingValue).map(({ key, totals }) => ({
    sku: key,
    product: items.get(key) ?? '',
    qtyWaiting: totals.qty,
    customersWaiting: customersBySku.get(key)?.size ?? 0,
    value: totals.value,
    expectedRestock: pending.get(key)?.date ?? null,
    posPending: [...(pending.get(key)?.pos ?? [])].sort().join(', '),
  }));

  const vendorStats = new Map<string, { late: number[]; etaChanges: number }>();
  for (const p of wb.pos) {
    if (!p.vendor) continue;
    const v = vendorStats.get(p.vendor) ?? { late: [], etaChanges: 0 };
    if (p.status === 'Received' && p.receivedAt && p.promisedDate)
      v.late.push(daysBetween(p.promisedDate, p.receivedAt));
    vendorStats.set(p.vendor, v);
  }
  // ETA changes come from the sync's history: every time a vendor moved a date.
  for (const h of wb.etaHistory) {
    const v = vendorStats.get(h.vendor) ?? { late: [], etaChanges: 0 };
    v.etaChanges += 1;
    vendorStats.set(h.vendor, v);
  }
  const vendors = [...vendorStats]
    .map(([vendor, v]) => ({
      vendor,
      linesReceived: v.late.length,
      averageDaysLate: v.late.length ? oneDecimal(v.late.reduce((a, b) => a + b, 0) / v.late.length) : null,
      worstDaysLate: v.late.length ? v.late.reduce((m, d) => Math.max(m, d), -Infinity) : null,
      etaChanges: v.etaChanges,
    }))
    .sort(
      (a, b) => (b.averageDaysLate ?? -1e9) - (a.averageDaysLate ?? -1e9) || a.vendor.localeCompare(b.vendor),
    );

  const stale = open
    .filter((b) => age(b) > wb.config.StaleBackorderDays)
    .map((b) => ({
      backorderId: b.backorderId,
      customer: b.customer,
      sku: b.sku,
      qty: b.qtyRemaining,
      ageDays: age(b),
    }))
    .sort((a, b) => b.ageDays - a.ageDays || a.backorderId.localeCompare(b.backorderId));
  const lowStock = reorderReport(wb.inventory, wb.backorders, wb.pos)
    .filter((r) => r.lowStock)
    .map((r) => ({
      sku: r.sku,
      warehouse: r.warehouse,
      free: r.onHand - r.allocated,
      reorderPoint: r.reorderPoint,
      onOrder: r.onOrder,
    }));

  return {
    today,
    kpis: {
      openBackorders: open.length,
      qtyWaiting,
      valueWaiting: valueWaiting as Cents,
      overdue: overdue.length,
      averageFulfilmentDays: fulfilDays.length
        ? oneDecimal(fulfilDays.reduce((a, b) => a + b, 0) / fulfilDays.length)
        : null,
      oldest,
    },
    buckets,
    timeline,
    overdue,
    byProduct: grouped(open, (b) => b.sku, waitingValue),
    byCustomer: grouped(open, (b) => b.customer, waitingValue),
    byRep: grouped(open, (b) => b.salesRep, waitingValue),
    products,
    vendors,
    stale,
    lowStock,
  };
}
