/**
 * Inventory tab: one row per SKU at a warehouse (key SKU + Warehouse). OnHand is typed by people and
 * moved by receipts, shipments and adjustments; Allocated and OnOrder belong to the engine; Available
 * is a formula (OnHand − Allocated) the engine never writes.
 */
import { bool, defineTab, id, int, money, qty, type RecordOf, text } from '../sheet/columns';

export const InventoryTab = defineTab(
  'Inventory',
  {
    sku: id('SKU', 'user', { required: true }),
    warehouse: id('Warehouse', 'user', { required: true }),
    product: text('Product', 'user'),
    variant: text('Variant', 'user'),
    upc: text('UPC', 'user'),
    onHand: qty('OnHand', 'user', { movedByEngine: true }),
    allocated: qty('Allocated', 'engine'),
    available: int('Available', 'formula'),
    onOrder: qty('OnOrder', 'engine'),
    reorderPoint: qty('ReorderPoint', 'user'),
    reorderQty: qty('ReorderQty', 'user'),
    maxStock: qty('MaxStock', 'user'),
    vendor: text('Vendor', 'user'),
    leadTimeDays: int('LeadTimeDays', 'user'),
    unitCost: money('UnitCost', 'user'),
    discontinued: bool('Discontinued', 'user'),
    substitutes: text('Substitutes', 'user'),
    packSize: qty('PackSize', 'user'),
  },
  ['sku', 'warehouse'],
);
export type InventoryItem = RecordOf<typeof InventoryTab.columns>;

/** The SKUs listed in a Substitutes cell ("SKU-2, SKU-3"). */
export function substitutesOf(item: InventoryItem): string[] {
  return item.substitutes
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
