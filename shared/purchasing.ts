/**
 * On order as purchasing leaves it: Inventory.OnOrder of a SKU at a warehouse is the open quantity of
 * its PO lines (drop-ships excluded: they never enter stock). Kept current after every command
 * (run.ts) and by receive and reorder, so no command imports another for it.
 */
import type { Desk } from './desk';
import { openPoQty } from './tabs/purchase-orders';

/**
 * OnOrder of every Inventory row from the open PO lines (drop-ships excluded: they never enter stock).
 * Run after every command, so a PO line people typed shows on order without anyone receiving it.
 */
export function syncOnOrder(desk: Desk): void {
  const open = new Map<string, number>();
  for (const p of desk.uow.all('pos'))
    if (p.dropShipFor === '')
      open.set(`${p.sku}#${p.warehouse}`, (open.get(`${p.sku}#${p.warehouse}`) ?? 0) + openPoQty(p));
  for (const i of desk.uow.all('inventory')) {
    const want = open.get(`${i.sku}#${i.warehouse}`) ?? 0;
    if (desk.stock.onOrderOf(i.sku, i.warehouse) !== want) desk.stock.setOnOrder(i.sku, i.warehouse, want);
  }
}

/** Recomputes Inventory.OnOrder of a SKU at a warehouse from the open PO lines. */
export function refreshOnOrder(desk: Desk, sku: string, warehouse: string): void {
  let open = 0;
  for (const p of desk.uow.all('pos'))
    if (p.sku === sku && p.warehouse === warehouse && p.dropShipFor === '') open += openPoQty(p);
  desk.stock.setOnOrder(sku, warehouse, open);
}
