/**
 * Where a backorder's units are expected from: open PO lines per SKU, earliest expected first, with
 * the room each has left after what the backorders already linked to it still wait for. The desk builds one per command;
 * backorder.ts claims room from it as it creates backorders.
 */
import { addDays, type IsoDate } from './primitives/dates';
import { openPoQty } from './tabs/purchase-orders';
import type { UnitOfWork } from './unit-of-work';

/** The date a PO line is expected: the vendor's ETA, else its promised date, else order date + lead time. */
export function poExpectedDate(
  po: { vendorEta: IsoDate | null; promisedDate: IsoDate | null; orderDate: IsoDate | null },
  leadTimeDays: number,
): IsoDate | null {
  if (po.vendorEta) return po.vendorEta;
  if (po.promisedDate) return po.promisedDate;
  return po.orderDate && leadTimeDays > 0 ? addDays(po.orderDate, leadTimeDays) : null;
}

interface PoRoom {
  readonly po: string;
  readonly date: IsoDate;
  free: number;
}

/**
 * Open POs per SKU, earliest expected first, with the room each has left after the backorders already
 * linked to it. Built once per command (one pass over POs and backorders), then consumed as new
 * backorders are linked, so creating thousands of backorders stays linear.
 */
export class PoPlanner {
  private bySku: Map<string, PoRoom[]> | undefined;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly leadTimeDays: (sku: string, warehouse: string) => number,
  ) {}

  private build(): Map<string, PoRoom[]> {
    const uow = this.uow;
    const claimed = new Map<string, number>();
    // A backorder claims what it still waits for: the units reserved for it need no PO.
    for (const b of uow.all('backorders'))
      if (b.po && b.qtyRemaining > b.qtyAllocated)
        claimed.set(
          `${b.po}#${b.sku}`,
          (claimed.get(`${b.po}#${b.sku}`) ?? 0) + b.qtyRemaining - b.qtyAllocated,
        );
    const rooms = new Map<string, Map<string, PoRoom>>();
    for (const p of uow.all('pos')) {
      if (p.dropShipFor !== '' || openPoQty(p) === 0) continue;
      const date = poExpectedDate(p, this.leadTimeDays(p.sku, p.warehouse));
      if (!date) continue;
      const perSku = rooms.get(p.sku) ?? new Map<string, PoRoom>();
      rooms.set(p.sku, perSku);
      const room = perSku.get(p.po);
      if (room) {
        room.free += openPoQty(p);
        if (date < room.date) (room as { date: IsoDate }).date = date;
      } else perSku.set(p.po, { po: p.po, date, free: openPoQty(p) });
    }
    const out = new Map<string, PoRoom[]>();
    for (const [sku, perSku] of rooms) {
      const list = [...perSku.values()].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : a.po.localeCompare(b.po),
      );
      for (const r of list) r.free -= claimed.get(`${r.po}#${sku}`) ?? 0;
      out.set(sku, list);
    }
    return out;
  }

  /** The first PO with room for `qty` more of a SKU, claiming that room; undefined when none has. */
  claim(sku: string, qty: number): PoRoom | undefined {
    this.bySku ??= this.build();
    const room = this.bySku.get(sku)?.find((r) => r.free >= qty);
    if (room) room.free -= qty;
    return room;
  }
}
