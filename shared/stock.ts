/**
 * Stock levels per SKU and warehouse, over a unit of work. Only this module moves Inventory's
 * Allocated (reservations) and OnHand (receipts, shipments, counted discrepancies), so the levels
 * always equal the sum of the reservations held by lines and backorders. Levels live in plain number
 * arrays while a command runs (allocate-all touches them tens of thousands of times) and are written
 * back to the Inventory records once, by `flush`.
 */
import { DeskError } from './primitives/errors';
import type { Reservation } from './reservations';
import type { InventoryItem } from './tabs/inventory';
import type { UnitOfWork } from './unit-of-work';

interface Place {
  readonly warehouse: string;
  /** Position of the Inventory row in the unit of work. */
  readonly at: number;
}

export class Stock {
  private readonly bySku = new Map<string, Place[]>();
  private readonly onHand: number[];
  private readonly allocated: number[];
  private readonly onOrder: number[];
  private readonly dirty = new Set<number>();

  constructor(private readonly uow: UnitOfWork) {
    const items = uow.all('inventory');
    this.onHand = items.map((i) => i.onHand);
    this.allocated = items.map((i) => i.allocated);
    this.onOrder = items.map((i) => i.onOrder);
    items.forEach((item, at) => {
      const list = this.bySku.get(item.sku) ?? [];
      list.push({ warehouse: item.warehouse, at });
      this.bySku.set(item.sku, list);
    });
    for (const list of this.bySku.values()) list.sort((a, b) => (a.warehouse < b.warehouse ? -1 : 1));
  }

  private position(sku: string, warehouse: string): number | undefined {
    const list = this.bySku.get(sku);
    if (!list) return undefined;
    for (const w of list) if (w.warehouse === warehouse) return w.at;
    return undefined;
  }

  private placeOf(sku: string, warehouse: string): number {
    const at = this.position(sku, warehouse);
    if (at === undefined)
      throw new DeskError(
        'NOT_FOUND',
        `Inventory has no row for SKU ${sku} at warehouse ${warehouse}: add it first`,
      );
    this.dirty.add(at);
    return at;
  }

  /** The Inventory row with its current levels. */
  item(sku: string, warehouse: string): InventoryItem | undefined {
    const at = this.position(sku, warehouse);
    if (at === undefined) return undefined;
    const i = this.uow.at('inventory', at);
    return {
      ...i,
      onHand: this.onHand[at] as number,
      allocated: this.allocated[at] as number,
      onOrder: this.onOrder[at] as number,
    };
  }

  /** Lead time of a SKU at a warehouse (or at its first warehouse); 0 when unknown. */
  leadTimeDays(sku: string, warehouse: string): number {
    const at = this.position(sku, warehouse) ?? this.bySku.get(sku)?.[0]?.at;
    return at === undefined ? 0 : this.uow.at('inventory', at).leadTimeDays;
  }

  knows(sku: string): boolean {
    return this.bySku.has(sku);
  }

  /** Warehouses holding the SKU, the preferred one first, then the others by name (002 strategy 4). */
  warehouses(sku: string, preferred: string): string[] {
    const all = (this.bySku.get(sku) ?? []).map((w) => w.warehouse);
    return preferred && all.includes(preferred) ? [preferred, ...all.filter((w) => w !== preferred)] : all;
  }

  /** Where a SKU mostly lies: the warehouse with the most on hand, the first Inventory row on a tie. */
  homeOf(sku: string): string {
    let best: { warehouse: string; at: number } | undefined;
    for (const w of this.bySku.get(sku) ?? [])
      if (!best || (this.onHand[w.at] as number) > (this.onHand[best.at] as number)) best = w;
    return best?.warehouse ?? '';
  }

  private free(at: number): number {
    return Math.max(0, (this.onHand[at] as number) - (this.allocated[at] as number));
  }

  available(sku: string, warehouse: string): number {
    const at = this.position(sku, warehouse);
    return at === undefined ? 0 : this.free(at);
  }

  totalAvailable(sku: string): number {
    let total = 0;
    for (const w of this.bySku.get(sku) ?? []) total += this.free(w.at);
    return total;
  }

  /** Reserves up to `qty`, preferred warehouse first, then the others by name; returns what was reserved where. */
  reserve(sku: string, preferred: string, qty: number): Reservation {
    const got: Reservation = new Map();
    const list = this.bySku.get(sku);
    if (!list) return got;
    let left = qty;
    const first = list.find((w) => w.warehouse === preferred);
    for (let k = first ? -1 : 0; k < list.length && left > 0; k++) {
      const w = k === -1 ? (first as Place) : (list[k] as Place);
      if (k >= 0 && w === first) continue;
      const n = Math.min(left, this.free(w.at));
      if (n <= 0) continue;
      this.allocated[w.at] = (this.allocated[w.at] as number) + n;
      this.dirty.add(w.at);
      got.set(w.warehouse, n);
      left -= n;
    }
    return got;
  }

  /** Gives reserved stock back. */
  release(sku: string, reservation: Reservation): void {
    for (const [w, q] of reservation) {
      const at = this.placeOf(sku, w);
      // Releasing more than is reserved would hide a double release: refuse loudly instead.
      if ((this.allocated[at] as number) < q)
        throw new DeskError(
          'INVARIANT',
          `releasing ${q} × ${sku} at ${w} but only ${this.allocated[at]} is reserved there`,
        );
      this.allocated[at] = (this.allocated[at] as number) - q;
    }
  }

  /** Stock leaves the building: reserved quantities come off both OnHand and Allocated. */
  shipReserved(sku: string, taken: Reservation): void {
    for (const [w, q] of taken) {
      const at = this.placeOf(sku, w);
      this.onHand[at] = (this.onHand[at] as number) - q;
      this.allocated[at] = (this.allocated[at] as number) - q;
    }
  }

  /** A counted discrepancy: the shelf held fewer than OnHand said (a short pick). */
  writeOff(sku: string, warehouse: string, qty: number): void {
    const at = this.placeOf(sku, warehouse);
    this.onHand[at] = Math.max(0, (this.onHand[at] as number) - qty);
  }

  receive(sku: string, warehouse: string, qty: number): void {
    const at = this.placeOf(sku, warehouse);
    this.onHand[at] = (this.onHand[at] as number) + qty;
  }

  onOrderOf(sku: string, warehouse: string): number | undefined {
    const at = this.position(sku, warehouse);
    return at === undefined ? undefined : this.onOrder[at];
  }

  setOnOrder(sku: string, warehouse: string, onOrder: number): void {
    const at = this.position(sku, warehouse);
    if (at === undefined) return;
    this.onOrder[at] = onOrder;
    this.dirty.add(at);
  }

  /** Re-reads every level from the Inventory records, after someone put whole records (undo). */
  reload(): void {
    this.flush();
    this.uow.all('inventory').forEach((i, at) => {
      this.onHand[at] = i.onHand;
      this.allocated[at] = i.allocated;
      this.onOrder[at] = i.onOrder;
    });
  }

  /** Writes the changed levels back to their Inventory records (once per command). */
  flush(): void {
    for (const at of this.dirty) {
      const i = this.uow.at('inventory', at);
      const onHand = this.onHand[at] as number;
      const allocated = this.allocated[at] as number;
      const onOrder = this.onOrder[at] as number;
      if (i.onHand !== onHand || i.allocated !== allocated || i.onOrder !== onOrder)
        this.uow.putAt('inventory', at, { ...i, onHand, allocated, onOrder });
    }
    this.dirty.clear();
  }
}
