/**
 * Stock levels per SKU and warehouse, over a unit of work. Only this module moves Inventory's
 * Allocated (reservations) and OnHand (receipts, shipments, counted discrepancies), so the levels
 * always equal the sum of the reservations held by lines and backorders.
 */
import { DeskError } from './errors';
import type { Reservation } from './reservations';
import type { InventoryItem } from './tabs/inventory';
import type { UnitOfWork } from './unit-of-work';

export const inventoryKey = (sku: string, warehouse: string) => `${sku}#${warehouse}`;

export class Stock {
  private readonly warehousesBySku = new Map<string, string[]>();

  constructor(private readonly uow: UnitOfWork) {
    for (const item of uow.all('inventory')) {
      const list = this.warehousesBySku.get(item.sku) ?? [];
      list.push(item.warehouse);
      this.warehousesBySku.set(item.sku, list);
    }
    for (const list of this.warehousesBySku.values()) list.sort();
  }

  item(sku: string, warehouse: string): InventoryItem | undefined {
    return this.uow.get('inventory', inventoryKey(sku, warehouse));
  }

  requireItem(sku: string, warehouse: string): InventoryItem {
    const item = this.item(sku, warehouse);
    if (!item)
      throw new DeskError('NOT_FOUND', `Inventory has no row for SKU ${sku} at warehouse ${warehouse}: add it first`);
    return item;
  }

  knows(sku: string): boolean {
    return this.warehousesBySku.has(sku);
  }

  /** Warehouses holding the SKU, the preferred one first, then the others by name (002 strategy 4). */
  warehouses(sku: string, preferred: string): string[] {
    const all = this.warehousesBySku.get(sku) ?? [];
    return preferred && all.includes(preferred) ? [preferred, ...all.filter((w) => w !== preferred)] : all;
  }

  available(sku: string, warehouse: string): number {
    const item = this.item(sku, warehouse);
    return item ? Math.max(0, item.onHand - item.allocated) : 0;
  }

  totalAvailable(sku: string): number {
    let total = 0;
    for (const w of this.warehousesBySku.get(sku) ?? []) total += this.available(sku, w);
    return total;
  }

  /** Reserves up to `qty`, preferred warehouse first; returns what was reserved where. */
  reserve(sku: string, preferred: string, qty: number): Reservation {
    const got: Reservation = new Map();
    let left = qty;
    for (const w of this.warehouses(sku, preferred)) {
      if (left === 0) break;
      const take = Math.min(left, this.available(sku, w));
      if (take <= 0) continue;
      const item = this.requireItem(sku, w);
      this.uow.put('inventory', { ...item, allocated: item.allocated + take });
      got.set(w, take);
      left -= take;
    }
    return got;
  }

  /** Gives reserved stock back. */
  release(sku: string, reservation: Reservation): void {
    for (const [w, q] of reservation) {
      const item = this.requireItem(sku, w);
      this.uow.put('inventory', { ...item, allocated: Math.max(0, item.allocated - q) });
    }
  }

  /** Stock leaves the building: reserved quantities come off both OnHand and Allocated. */
  shipReserved(sku: string, taken: Reservation): void {
    for (const [w, q] of taken) {
      const item = this.requireItem(sku, w);
      this.uow.put('inventory', { ...item, onHand: item.onHand - q, allocated: item.allocated - q });
    }
  }

  /** A counted discrepancy: the shelf held fewer than OnHand said (a short pick). */
  writeOff(sku: string, warehouse: string, qty: number): void {
    const item = this.requireItem(sku, warehouse);
    this.uow.put('inventory', { ...item, onHand: Math.max(0, item.onHand - qty) });
  }

  receive(sku: string, warehouse: string, qty: number): void {
    const item = this.requireItem(sku, warehouse);
    this.uow.put('inventory', { ...item, onHand: item.onHand + qty });
  }

  setOnOrder(sku: string, warehouse: string, onOrder: number): void {
    const item = this.item(sku, warehouse);
    if (item && item.onOrder !== onOrder) this.uow.put('inventory', { ...item, onOrder });
  }
}
