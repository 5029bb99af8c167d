/**
 * Opening balances ("moving an existing sheet in"): an order book and a PO list already in
 * flight come in with what has already shipped and been received, through `import --opening`. An
 * order line's QtyShipped becomes an opening shipment (the Shipments rows the balance rests on:
 * QtyShipped always equals its shipments), dated by the file's ShipDate, one ShipmentID per order,
 * day and warehouse, InvoiceNo "Opening" (invoiced before Backorder Desk, so never invoiced again).
 * A PO line's QtyReceived and ReceivedAt come in as they are; the stock they brought is already in
 * the OnHand people import, so Inventory is not moved. A blank date stays blank: the engine never
 * invents when something happened. A balance goes only on a line the engine has not worked on; the
 * same file imported twice changes nothing the second time. Pure: the import use-case writes it.
 */

import type { IsoDate } from '../primitives/dates';
import { DeskError } from '../primitives/errors';
import { formatId, highestId } from '../primitives/ids';
import type { TabChanges } from '../sheet/codec';
import { type Columns, date, keyOf, type RecordOf } from '../sheet/columns';
import { deriveLineStatus, derivePoStatus } from '../status';
import type { OrderLine } from '../tabs/orders';
import { OrdersTab } from '../tabs/orders';
import type { PoLine } from '../tabs/purchase-orders';
import { PurchaseOrdersTab } from '../tabs/purchase-orders';
import type { Shipment } from '../tabs/shipments';
import type { Workbook, WorkbookChanges } from '../workbook';

/** The engine columns an opening import may carry, by tab. */
export const OPENING_BALANCES: Readonly<Record<string, readonly string[]>> = {
  Orders: ['qtyShipped'],
  POs: ['qtyReceived', 'receivedAt'],
};

/** Columns an opening import reads that are not columns of the tab: the day a line's units shipped. */
export const OPENING_COLUMNS: Readonly<Record<string, Columns>> = {
  Orders: { shipDate: date('ShipDate', 'engine') },
};

/** What an opening import carries, said where it is refused or misplaced. */
export function openingHint(tab: string): string {
  const what = 'Orders (QtyShipped, ShipDate) and POs (QtyReceived, ReceivedAt)';
  return OPENING_BALANCES[tab]
    ? `an order book or PO list already in flight comes in with \`import --opening\`, which carries the opening balances of ${what}`
    : `\`import --opening\` carries the opening balances of ${what}; ${tab} has none: import it without --opening`;
}

/** The InvoiceNo of an opening shipment: it was invoiced before the workbook, if at all. */
export const OPENING_INVOICE = 'Opening';

/** What opening needs of an import plan (shared/bulk/import.ts's ImportPlan, made with `opening`). */
interface ImportPlan<C extends Columns> {
  readonly changes: TabChanges<RecordOf<C>>;
  readonly rowOf: ReadonlyMap<string, number>;
  readonly opening: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

export interface OpeningPlan {
  /** The import's own changes with statuses derived from the balances, plus the opening shipments. */
  readonly changes: WorkbookChanges;
  /** Appended to the import's summary (and its Log entry); empty when nothing opened. */
  readonly summary: string;
  readonly newIds: readonly string[];
}

const workedOn = (l: OrderLine): boolean =>
  l.qtyShipped + l.qtyAllocated + l.qtyBackordered + l.qtyCancelled + l.qtyMoved > 0;

function refuse(source: string, problems: string[]): never {
  throw new DeskError('BAD_CELL', `${source}: nothing imported; fix these rows and import again:`, problems);
}

function openOrders(wb: Workbook, plan: ImportPlan<typeof OrdersTab.columns>, source: string): OpeningPlan {
  const before = new Map(wb.orders.map((l) => [keyOf(OrdersTab, l), l]));
  const problems: string[] = [];
  const shipments: Shipment[] = [];
  const ids = new Map<string, { id: string; next: number }>();
  let n = highestId(
    'SH',
    wb.shipments.map((s) => s.shipmentId),
  );
  const firstWarehouse = new Map<string, string>();
  for (const i of [...wb.inventory].sort((a, b) => (a.warehouse < b.warehouse ? -1 : 1)))
    if (!firstWarehouse.has(i.sku)) firstWarehouse.set(i.sku, i.warehouse);
  let units = 0;
  const fix = (records: OrderLine[]) =>
    records.map((r) => {
      const key = keyOf(OrdersTab, r);
      const was = before.get(key);
      const row = `${source} row ${plan.rowOf.get(key)}`;
      if (r.qtyShipped === (was?.qtyShipped ?? 0)) return r;
      if (was && workedOn(was)) {
        problems.push(
          `${row}: ${r.orderId} line ${r.line} already has ${was.qtyShipped} shipped, ${was.qtyAllocated} allocated, ${was.qtyBackordered} backordered, ${was.qtyCancelled} cancelled in the workbook; an opening balance goes on a line the engine has not worked on (the file says QtyShipped ${r.qtyShipped})`,
        );
        return r;
      }
      if (r.qtyShipped > r.qty) {
        problems.push(
          `${row}: QtyShipped ${r.qtyShipped} is more than Qty ${r.qty} of ${r.orderId} line ${r.line}`,
        );
        return r;
      }
      const shipDate = (plan.opening.get(key)?.shipDate ?? null) as IsoDate | null;
      const warehouse = r.warehouse || firstWarehouse.get(r.sku) || '';
      const group = `${r.orderId}|${shipDate ?? ''}|${warehouse}`;
      let s = ids.get(group);
      if (!s) {
        s = { id: formatId('SH', ++n), next: 1 };
        ids.set(group, s);
      }
      shipments.push({
        shipmentId: s.id,
        line: s.next++,
        orderId: r.orderId,
        orderLine: r.line,
        backorderId: '',
        sku: r.sku,
        qty: r.qtyShipped,
        warehouse,
        shipDate,
        carrier: '',
        tracking: '',
        deliveredAt: null,
        status: 'Shipped',
        invoiceNo: OPENING_INVOICE,
      });
      units += r.qtyShipped;
      return { ...r, status: deriveLineStatus(r, false) };
    });
  const updated = fix(plan.changes.updated);
  const added = fix(plan.changes.added);
  if (problems.length > 0) refuse(source, problems);
  const newIds = [...new Set(shipments.map((s) => s.shipmentId))];
  const undated = shipments.filter((s) => s.shipDate === null).length;
  return {
    changes: {
      orders: { updated, added },
      ...(shipments.length > 0 ? { shipments: { updated: [], added: shipments } } : {}),
    },
    summary:
      shipments.length === 0
        ? ''
        : `; opening balances: ${units} units shipped on ${shipments.length} line(s), as ${newIds.length === 1 ? `opening shipment ${newIds[0]}` : `${newIds.length} opening shipments ${newIds[0]}…${newIds[newIds.length - 1]}`} (InvoiceNo ${OPENING_INVOICE}: not invoiced again${undated > 0 ? `; ${undated} without a ShipDate, left blank` : ''})`,
    newIds,
  };
}

function openPos(
  wb: Workbook,
  plan: ImportPlan<typeof PurchaseOrdersTab.columns>,
  source: string,
): OpeningPlan {
  const before = new Map(wb.pos.map((p) => [keyOf(PurchaseOrdersTab, p), p]));
  const problems: string[] = [];
  let lines = 0;
  let units = 0;
  const fix = (records: PoLine[]) =>
    records.map((r) => {
      const key = keyOf(PurchaseOrdersTab, r);
      const was = before.get(key);
      if (r.qtyReceived === (was?.qtyReceived ?? 0)) return r;
      if (was && was.qtyReceived > 0) {
        problems.push(
          `${source} row ${plan.rowOf.get(key)}: ${r.po} line ${r.line} already has ${was.qtyReceived} received in the workbook; an opening balance goes on a line nothing was received on (the file says QtyReceived ${r.qtyReceived})`,
        );
        return r;
      }
      lines++;
      units += r.qtyReceived;
      return { ...r, status: derivePoStatus(r) };
    });
  const updated = fix(plan.changes.updated);
  const added = fix(plan.changes.added);
  if (problems.length > 0) refuse(source, problems);
  return {
    changes: { pos: { updated, added } },
    summary:
      lines === 0
        ? ''
        : `; opening balances: ${units} units received on ${lines} PO line(s) (already in OnHand, so stock is not moved)`,
    newIds: [],
  };
}

/** The opening balances of an Orders or POs import plan; `plan` came from planImport with `opening`. */
export function planOpening(
  wb: Workbook,
  tab: string,
  plan: ImportPlan<Columns>,
  source: string,
): OpeningPlan {
  if (tab === 'Orders')
    return openOrders(wb, plan as unknown as ImportPlan<typeof OrdersTab.columns>, source);
  if (tab === 'POs')
    return openPos(wb, plan as unknown as ImportPlan<typeof PurchaseOrdersTab.columns>, source);
  throw new DeskError('BAD_INPUT', `Cannot import ${source} into ${tab}: ${openingHint(tab)}`);
}
