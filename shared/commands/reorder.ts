/**
 * Reorder (003: "Generate PO" from the reorder report; "one purchase order from many sales orders";
 * several vendors when the SKUs differ): every suggestion of the reorder report becomes a Draft PO
 * line, one PO per vendor, promised after the vendor's lead time. The report counts every unit owed,
 * a parked ship-complete order's and a remainder order's too. Each waiting backorder of those SKUs
 * that has no PO yet is linked to the new PO while it has room, first in the queue first, and takes
 * its date (a Manual date is kept).
 */
import { demandOrder } from '../backorder';
import type { Desk } from '../desk';
import type { IsoDate } from '../primitives/dates';
import { refuseUnless } from '../primitives/errors';
import { refreshOnOrder } from '../purchasing';
import { reorderReport } from '../reorder';
import type { PoLine } from '../tabs/purchase-orders';
import type { ActionSpec } from './spec';

export function reorder(desk: Desk): void {
  desk.stock.flush(); // the report reads Inventory records: give it the levels of this command
  const report = reorderReport(
    desk.uow.all('inventory'),
    desk.uow.all('backorders'),
    desk.uow.all('pos'),
    desk.uow.all('orders'),
  );
  const wanted = report.filter((r) => r.suggested > 0);
  refuseUnless(
    wanted.length > 0,
    'Nothing to reorder: every SKU holds its reorder point with what is on hand and on order',
  );
  const noVendor = wanted.filter((r) => r.vendor.trim() === '');
  for (const r of noVendor)
    desk.messages.push(`skipped ${r.sku} at ${r.warehouse}: Inventory names no Vendor`);
  const byVendor = new Map<string, typeof wanted>();
  for (const r of wanted) {
    if (r.vendor.trim() === '') continue;
    const list = byVendor.get(r.vendor) ?? [];
    list.push(r);
    byVendor.set(r.vendor, list);
  }
  refuseUnless(byVendor.size > 0, 'Nothing to reorder: the SKUs that need stock name no Vendor in Inventory');
  desk.entity('Reorder');
  const linked = new Map<string, { po: string; date: IsoDate | null; room: number }>();
  for (const [vendor, lines] of [...byVendor].sort(([a], [b]) => a.localeCompare(b))) {
    const po = desk.uow.nextId('PO', () => desk.uow.all('pos').map((p) => p.po), 5);
    lines.forEach((r, i) => {
      const item = desk.stock.item(r.sku, r.warehouse);
      const lead = item?.leadTimeDays ?? 0;
      const promised = lead > 0 ? desk.inDays(lead) : null;
      const line: PoLine = {
        po,
        line: i + 1,
        vendor,
        sku: r.sku,
        qty: r.suggested,
        qtyReceived: 0,
        receivedAt: null,
        unitCost: item?.unitCost ?? (0 as PoLine['unitCost']),
        orderDate: desk.ctx.today,
        promisedDate: promised,
        warehouse: r.warehouse,
        dropShipFor: '',
        status: 'Draft',
        vendorEta: null,
        etaSource: '',
        etaUpdatedAt: '',
        predictedEta: null,
        notes: `Reorder: ${r.backorderDemand} owed on backorders, ${r.onHand - r.allocated} free, ${r.onOrder} on order, reorder point ${r.reorderPoint}`,
      };
      desk.uow.add('pos', line);
      refreshOnOrder(desk, r.sku, r.warehouse);
      if (!linked.has(r.sku)) linked.set(r.sku, { po, date: promised, room: r.suggested });
    });
    desk.newIds.push(po);
    desk.messages.push(
      `${po} to ${vendor}: ${lines.length} line(s), ${lines.reduce((n, l) => n + l.suggested, 0)} units`,
    );
  }
  // Waiting backorders with no PO yet take the new PO's room, first in the queue first.
  const unlinked = desk.uow
    .all('backorders')
    .filter((b) => b.qtyRemaining > b.qtyAllocated && b.po === '')
    .sort((a, b) => demandOrder(a, b) || (a.backorderId < b.backorderId ? -1 : 1));
  for (const b of unlinked) {
    const target = linked.get(b.sku);
    const need = b.qtyRemaining - b.qtyAllocated;
    if (!target || target.room < need) continue;
    target.room -= need;
    const keep = b.expectedSource === 'Manual' || target.date === null;
    desk.putBackorder({
      ...b,
      po: target.po,
      expectedDate: keep ? b.expectedDate : target.date,
      expectedSource: keep ? b.expectedSource : 'PO',
    });
  }
}

export const REORDER: ActionSpec<'reorder'> = { run: reorder, flags: [], settles: true };
