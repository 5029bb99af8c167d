/**
 * Benchmark workbooks: the demo generator's catalog and orders at scale (5,000 SKUs, 5,000 to 50,000
 * order lines over 90 days, some open POs), deterministic for a seed.
 */

import { workbookFileOf, writeWorkbookFile } from '../local-store/workbook-file';
import { VENDORS } from '../shared/demo/catalog';
import { generateInventory, generateOrders, purchaseOrder } from '../shared/demo/generate';
import { Random } from '../shared/demo/random';
import { emptyWorkbook } from '../shared/demo/simulate';
import { addDays, type IsoDate } from '../shared/primitives/dates';
import { renderWorkbook } from '../shared/setup/render-workbook';
import type { InvoiceLine } from '../shared/tabs/invoices';
import type { LogEntry } from '../shared/tabs/log';
import type { Shipment } from '../shared/tabs/shipments';
import type { Workbook } from '../shared/workbook';

export const BENCH_TODAY = '2026-11-23' as IsoDate;

/**
 * `fillRate` sizes stock against demand: 0.85 stocks each SKU for about 85 % of what is ordered (a
 * typical distributor's fill rate); `null` keeps the generator's small stock (most lines short).
 */
export function benchWorkbook(
  lines: number,
  skus = 5000,
  seed = 7,
  fillRate: number | null = 0.85,
): Workbook {
  const random = new Random(seed);
  const inventory = generateInventory(random, { skus });
  const cost = new Map(inventory.map((i) => [i.sku, i.unitCost as number]));
  const orders = [];
  let orderNo = 100000;
  for (let day = 0; orders.length < lines; day++) {
    const batch = generateOrders(random, {
      firstOrder: orderNo,
      count: 200,
      date: addDays(BENCH_TODAY, -90 + (day % 90)),
      skus,
      costOf: (sku) => cost.get(sku) ?? 1000,
    });
    orderNo += 201;
    orders.push(...batch.slice(0, lines - orders.length));
  }
  if (fillRate !== null) {
    const demand = new Map<string, number>();
    for (const o of orders) demand.set(o.sku, (demand.get(o.sku) ?? 0) + o.qty);
    const places = new Map<string, number>();
    for (const i of inventory) places.set(i.sku, (places.get(i.sku) ?? 0) + 1);
    for (const i of inventory)
      i.onHand = Math.round(
        ((demand.get(i.sku) ?? 0) * fillRate * (0.6 + random.next() * 0.8)) / (places.get(i.sku) ?? 1),
      );
  }
  const pos = VENDORS.flatMap((v, i) =>
    purchaseOrder(
      `PO-${9000 + i}`,
      v,
      addDays(BENCH_TODAY, -3),
      inventory
        .filter((_, n) => n % 97 === i)
        .slice(0, 40)
        .map((x) => ({ sku: x.sku, qty: 50, warehouse: x.warehouse, cost: x.unitCost })),
    ),
  );
  return { ...emptyWorkbook(), inventory, orders, pos };
}

/**
 * `total` rows of history shared by Log, Shipments and Invoices (a third each), as months of
 * shipping leave them. A third each, not 100,000 each: at 100,000 each the spreadsheet's grids
 * (26 columns wide, as Google makes a sheet) pass Google's 10 million cells and Rebuild aging is
 * refused before it writes.
 */
export function withHistory(wb: Workbook, total: number): Workbook {
  const rows = Math.ceil(total / 3);
  const day = (i: number) => addDays(BENCH_TODAY, -400 + Math.floor(i / 300)) as IsoDate;
  const sku = (i: number) => wb.inventory[i % wb.inventory.length]?.sku ?? 'X';
  const shipments: Shipment[] = Array.from({ length: rows }, (_, i) => ({
    shipmentId: `SH-${String(i + 1).padStart(6, '0')}`,
    line: 1,
    orderId: `SO-H${i}`,
    orderLine: 1,
    backorderId: '',
    sku: sku(i),
    qty: 1 + (i % 9),
    warehouse: 'MAIN',
    shipDate: day(i),
    carrier: 'UPS',
    tracking: `1Z${i}`,
    deliveredAt: day(i + 600),
    status: 'Delivered',
    invoiceNo: `INV-${String(i + 1).padStart(6, '0')}`,
  }));
  const invoices: InvoiceLine[] = shipments.map((s, i) => ({
    invoiceNo: s.invoiceNo,
    line: 1,
    customer: `Customer ${i % 400}`,
    invoiceDate: s.shipDate,
    dueDate: s.shipDate,
    terms: 'Net 30',
    sku: s.sku,
    description: s.sku,
    qty: s.qty,
    rate: 1250 as never,
    discount: 0 as never,
    amount: (1250 * s.qty) as never,
    orderId: s.orderId,
    shipmentId: s.shipmentId,
    backorderId: '',
    exported: true,
    exportBatch: 1,
  }));
  const log: LogEntry[] = shipments.map((s, i) => ({
    logId: `LG-${String(i + 1).padStart(6, '0')}`,
    when: `${s.shipDate}T14:00:00.000Z`,
    actor: 'rep@example.com',
    action: 'ship',
    entity: `Order ${s.orderId}`,
    summary: `Shipments +1, Invoices +1`,
    requestId: `history-${i}`,
    detail: '{"truncated":true}',
  }));
  return { ...wb, shipments, invoices, log };
}

/** Writes `wb` as a workbook file at `path` (in New York time), its history beside it when long. */
export async function saveWorkbook(path: string, wb: Workbook, title = 'bench'): Promise<void> {
  const tz = 'America/New_York';
  const tabs = renderWorkbook(wb, { face: 'api', timeZone: tz, currencyDigits: 2 });
  await writeWorkbookFile(path, workbookFileOf(title, tz, tabs));
}
