/**
 * Seeded records for a demo or benchmark workbook: the catalog across warehouses (some SKUs short),
 * purchase orders, and order lines dated within a window. Pure and deterministic: the same options
 * give the same records.
 */
import { addDays, type IsoDate } from '../primitives/dates';
import type { BasisPoints, Cents } from '../primitives/money';
import type { InventoryItem } from '../tabs/inventory';
import { NEW_LINE_STATE, type OrderLine } from '../tabs/orders';
import type { PoLine } from '../tabs/purchase-orders';
import { CATEGORIES, CUSTOMERS, REPS, VENDORS, WAREHOUSES } from './catalog';
import type { Random } from './random';

export interface CatalogOptions {
  readonly skus: number;
  readonly warehouses?: number;
}

export function skuCode(i: number): string {
  const c = CATEGORIES[i % CATEGORIES.length];
  return `${c?.code}-${String(1000 + i)}`;
}

export function generateInventory(random: Random, options: CatalogOptions): InventoryItem[] {
  const warehouses = WAREHOUSES.slice(0, options.warehouses ?? 3);
  const items: InventoryItem[] = [];
  for (let i = 0; i < options.skus; i++) {
    const cat = CATEGORIES[i % CATEGORIES.length] as (typeof CATEGORIES)[number];
    const vendor = VENDORS[cat.vendor] as (typeof VENDORS)[number];
    const cost = random.int(cat.price[0] * 100, cat.price[1] * 100);
    const product = cat.items[Math.floor(i / CATEGORIES.length) % cat.items.length] as string;
    const substitute = i + CATEGORIES.length < options.skus ? skuCode(i + CATEGORIES.length) : '';
    warehouses.forEach((warehouse, w) => {
      if (w > 0 && (i + w) % 3 === 0) return; // not every SKU is stocked everywhere
      const short = random.chance(0.35);
      items.push({
        sku: skuCode(i),
        warehouse,
        product,
        variant: `Grade ${String.fromCharCode(65 + (i % 4))}`,
        upc: String(600_000_000_000 + i * 7),
        onHand: short ? random.int(0, 4) : random.int(6, 45),
        allocated: 0,
        available: 0,
        onOrder: 0,
        reorderPoint: random.int(10, 30),
        reorderQty: random.int(40, 120),
        maxStock: 250,
        vendor: vendor.name,
        leadTimeDays: vendor.leadTimeDays,
        unitCost: cost as Cents,
        discontinued: random.chance(0.02),
        substitutes: substitute,
        packSize: cat.code === 'FST' ? 10 : 0,
      });
    });
  }
  return items;
}

export interface OrderOptions {
  readonly firstOrder: number;
  readonly count: number;
  readonly date: IsoDate;
  readonly skus: number;
  readonly costOf: (sku: string) => number;
}

/** Orders of one day: 1 to 4 lines each, customers with their priority and terms. */
export function generateOrders(random: Random, o: OrderOptions): OrderLine[] {
  const lines: OrderLine[] = [];
  for (let n = 0; n < o.count; n++) {
    const customer = random.pick(CUSTOMERS);
    const orderId = `SO-${o.firstOrder + n}`;
    const complete = random.chance(0.12);
    const warehouse = random.chance(0.7) ? 'MAIN' : random.pick(WAREHOUSES);
    const count = random.int(1, 4);
    const used = new Set<string>();
    for (let l = 1; l <= count; l++) {
      const sku = skuCode(random.int(0, o.skus - 1));
      if (used.has(sku)) continue;
      used.add(sku);
      lines.push({
        orderId,
        line: l,
        orderDate: o.date,
        customer: customer.name,
        salesRep: REPS[(o.firstOrder + n) % REPS.length] as string,
        shipTo: `${customer.name} jobsite`,
        paymentTerms: customer.terms,
        priority: customer.priority,
        shipPolicy: complete ? 'Ship complete' : 'Ship partial',
        sku,
        qty: random.int(2, 40),
        unitPrice: Math.round(o.costOf(sku) * 1.35) as Cents,
        discount: (random.chance(0.2) ? random.pick([500, 1000]) : 0) as BasisPoints,
        warehouse,
        requiredDate: addDays(o.date, random.int(5, 21)),
        notes: '',
        ...NEW_LINE_STATE,
        customerEmail: `orders@${customer.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`,
      });
    }
  }
  return lines;
}

/** A purchaser's PO to one vendor for several SKUs, promised after the vendor's lead time. */
export function purchaseOrder(
  po: string,
  vendor: (typeof VENDORS)[number],
  date: IsoDate,
  wanted: { sku: string; qty: number; warehouse: string; cost: number }[],
): PoLine[] {
  return wanted.map((w, i) => ({
    po,
    line: i + 1,
    vendor: vendor.name,
    sku: w.sku,
    qty: w.qty,
    qtyReceived: 0,
    receivedAt: null,
    unitCost: w.cost as Cents,
    orderDate: date,
    promisedDate: addDays(date, vendor.leadTimeDays),
    warehouse: w.warehouse,
    dropShipFor: '',
    status: 'Sent',
    vendorEta: null,
    etaSource: '',
    etaUpdatedAt: '',
    predictedEta: null,
    notes: '',
  }));
}
