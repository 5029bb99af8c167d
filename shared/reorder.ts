/**
 * The reorder report (003; 000 step 4): per SKU and warehouse, what is on hand, reserved, owed to
 * waiting customers (backorders, and order lines not yet served: a parked ship-complete order, a
 * remainder moved to a new order, a line never allocated) and already on order, against the reorder point and the maximum stock. The
 * suggestion covers the backorders and brings the projected level back to the reorder point, is at
 * least the item's ReorderQty, never takes the level above MaxStock, and is rounded up to the
 * vendor's pack size (down, when rounding up would break MaxStock; never to nothing while backorders
 * wait). Pure: the `reorder` command turns it into POs.
 */

import type { Backorder } from './tabs/backorders';
import type { InventoryItem } from './tabs/inventory';
import { type OrderLine, unplannedQty } from './tabs/orders';
import { openPoQty, type PoLine } from './tabs/purchase-orders';

export interface ReorderLine {
  readonly sku: string;
  readonly warehouse: string;
  readonly product: string;
  readonly vendor: string;
  readonly onHand: number;
  readonly allocated: number;
  readonly backorderDemand: number;
  readonly onOrder: number;
  readonly reorderPoint: number;
  readonly maxStock: number;
  readonly projected: number;
  readonly suggested: number;
  readonly lowStock: boolean;
}

function roundToPack(qty: number, pack: number, cap: number, floor: number): number {
  if (pack <= 1) return qty;
  const up = Math.ceil(qty / pack) * pack;
  if (cap <= 0 || up <= cap) return up;
  const down = Math.floor(qty / pack) * pack;
  return down >= floor && down > 0 ? down : Math.ceil(floor / pack) * pack;
}

/**
 * Suggested order quantity for one Inventory row; `projected` = free stock + on order − backorders
 * still owed. Nothing when the projection holds the reorder point.
 * @example suggestQty({ reorderPoint: 10, reorderQty: 0, maxStock: 0, packSize: 6 }, -3) // 18 (13 → 3 packs)
 */
export function suggestQty(
  item: Pick<InventoryItem, 'reorderPoint' | 'reorderQty' | 'maxStock' | 'packSize'>,
  projected: number,
): number {
  if (projected >= item.reorderPoint && projected >= 0) return 0;
  const owed = Math.max(0, -projected);
  let qty = Math.max(item.reorderPoint - projected, owed, item.reorderQty);
  // MaxStock caps where the level may go; it never cuts below what waiting customers are owed.
  const cap = item.maxStock > 0 ? item.maxStock - projected : 0;
  if (cap > 0) qty = Math.max(Math.min(qty, cap), owed);
  return roundToPack(qty, item.packSize, cap, owed);
}

export function reorderReport(
  inventory: readonly InventoryItem[],
  backorders: readonly Backorder[],
  pos: readonly PoLine[],
  lines: readonly OrderLine[] = [],
): ReorderLine[] {
  const demand = new Map<string, number>();
  // A line's unserved units are owed where its stock would come from: its warehouse, else the SKU's first.
  const rows = new Set(inventory.map((i) => `${i.sku}#${i.warehouse}`));
  const firstAt = new Map<string, string>();
  for (const i of inventory) if (!firstAt.has(i.sku)) firstAt.set(i.sku, i.warehouse);
  for (const l of lines) {
    const owed = unplannedQty(l);
    if (owed <= 0) continue;
    const k = rows.has(`${l.sku}#${l.warehouse}`)
      ? `${l.sku}#${l.warehouse}`
      : `${l.sku}#${firstAt.get(l.sku) ?? ''}`;
    demand.set(k, (demand.get(k) ?? 0) + owed);
  }
  for (const b of backorders) {
    const owed = b.qtyRemaining - b.qtyAllocated;
    if (owed > 0) demand.set(`${b.sku}#${b.warehouse}`, (demand.get(`${b.sku}#${b.warehouse}`) ?? 0) + owed);
  }
  const dropShip = new Set(
    pos.filter((p) => p.dropShipFor !== '' && openPoQty(p) > 0).map((p) => p.dropShipFor),
  );
  for (const b of backorders)
    if (dropShip.has(b.backorderId)) {
      const k = `${b.sku}#${b.warehouse}`;
      demand.set(k, (demand.get(k) ?? 0) - (b.qtyRemaining - b.qtyAllocated));
    }
  const onOrder = new Map<string, number>();
  for (const p of pos)
    if (p.dropShipFor === '')
      onOrder.set(`${p.sku}#${p.warehouse}`, (onOrder.get(`${p.sku}#${p.warehouse}`) ?? 0) + openPoQty(p));
  return inventory
    .filter((i) => !i.discontinued)
    .map((i) => {
      const key = `${i.sku}#${i.warehouse}`;
      const backorderDemand = Math.max(0, demand.get(key) ?? 0);
      const ordered = onOrder.get(key) ?? 0;
      const projected = i.onHand - i.allocated + ordered - backorderDemand;
      return {
        sku: i.sku,
        warehouse: i.warehouse,
        product: i.product,
        vendor: i.vendor,
        onHand: i.onHand,
        allocated: i.allocated,
        backorderDemand,
        onOrder: ordered,
        reorderPoint: i.reorderPoint,
        maxStock: i.maxStock,
        projected,
        suggested: suggestQty(i, projected),
        lowStock: i.onHand - i.allocated < i.reorderPoint,
      };
    });
}
