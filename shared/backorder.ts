/**
 * Creating backorders and keeping their queue. A backorder copies its line's customer, price and
 * discount (locked, 001), and gets an expected date from the first open PO with room for it, else
 * from the item's lead time, else none (PRODUCT.md: PO, then Manual, then Lead time). The queue
 * position tells, per SKU, who gets the next unit: priority first (VIP, High, Normal), then the
 * oldest order (001 "Fulfill oldest backorders first").
 */
import { addDays, type IsoDate } from './dates';
import type { Desk } from './desk';
import type { Cents } from './money';
import { formatReservation } from './reservations';
import type { Backorder } from './tabs/backorders';
import type { OrderLine } from './tabs/orders';
import { openPoQty } from './tabs/purchase-orders';
import { type ExpectedSource, PRIORITY_RANK } from './tabs/vocabulary';

export interface Expected {
  readonly date: IsoDate | null;
  readonly source: ExpectedSource | '';
  readonly po: string;
}

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

  constructor(private readonly desk: Desk) {}

  private build(): Map<string, PoRoom[]> {
    const desk = this.desk;
    const claimed = new Map<string, number>();
    for (const b of desk.uow.all('backorders'))
      if (b.po && b.qtyRemaining > 0)
        claimed.set(`${b.po}#${b.sku}`, (claimed.get(`${b.po}#${b.sku}`) ?? 0) + b.qtyRemaining);
    const rooms = new Map<string, Map<string, PoRoom>>();
    for (const p of desk.uow.all('pos')) {
      if (p.dropShipFor !== '' || openPoQty(p) === 0) continue;
      const date = poExpectedDate(p, desk.stock.leadTimeDays(p.sku, p.warehouse));
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

/** Expected availability for `qty` more of a SKU waiting at a warehouse: PO, else lead time, else none. */
export function expectedFor(desk: Desk, sku: string, warehouse: string, qty: number): Expected {
  const room = desk.poPlanner.claim(sku, qty);
  if (room) return { date: room.date, source: 'PO', po: room.po };
  const lead = desk.stock.leadTimeDays(sku, warehouse);
  if (lead > 0) return { date: desk.inDays(lead), source: 'Lead time', po: '' };
  return { date: null, source: '', po: '' };
}

export interface OpenBackorderOptions {
  readonly source: 'Auto' | 'Manual';
  readonly reason: string;
  readonly expectedDate?: IsoDate | null;
  readonly note?: string;
  /** The caller counts the quantity on the line itself (allocate does, in the same update). */
  readonly lineCountedByCaller?: boolean;
}

/** Puts `qty` of a line on a new backorder and counts it on the line. */
export function openBackorder(
  desk: Desk,
  line: OrderLine,
  qty: number,
  options: OpenBackorderOptions,
): Backorder {
  const id = desk.uow.nextId('BO', () => desk.uow.all('backorders').map((b) => b.backorderId));
  const warehouse = line.warehouse || desk.stock.warehouses(line.sku, '')[0] || '';
  const expected: Expected = options.expectedDate
    ? { date: options.expectedDate, source: 'Manual', po: '' }
    : expectedFor(desk, line.sku, warehouse, qty);
  const backorder = desk.putBackorder({
    backorderId: id,
    orderId: line.orderId,
    line: line.line,
    orderDate: line.orderDate,
    customer: line.customer,
    salesRep: line.salesRep,
    sku: line.sku,
    warehouse,
    qty,
    qtyFulfilled: 0,
    qtyCancelled: 0,
    qtyRemaining: qty,
    qtyAllocated: 0,
    allocatedFrom: formatReservation(new Map()),
    unitPrice: line.unitPrice as Cents,
    discount: line.discount,
    createdAt: desk.ctx.today,
    source: options.source,
    reason: options.reason,
    expectedDate: expected.date,
    expectedSource: expected.source,
    po: expected.po,
    priority: line.priority,
    queuePosition: 0,
    status: 'Open',
    cancelReason: '',
    cancelNote: '',
    lastContact: null,
    nextFollowUp: null,
    customerChoice: '',
    age: 0,
    notes: options.note ?? '',
  });
  if (!options.lineCountedByCaller) desk.adjustLine(line.orderId, line.line, { qtyBackordered: qty });
  desk.newIds.push(id);
  if (options.source === 'Manual') desk.entity(`Backorder ${id}`);
  return backorder;
}

/** Sort key of demand for a SKU: priority, then order date, then order and line. */
export function demandOrder(
  a: { priority: keyof typeof PRIORITY_RANK; orderDate: IsoDate | null; orderId: string; line: number },
  b: { priority: keyof typeof PRIORITY_RANK; orderDate: IsoDate | null; orderId: string; line: number },
): number {
  const p = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (p !== 0) return p;
  const da = a.orderDate ?? '9999-12-31';
  const db = b.orderDate ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  if (a.orderId !== b.orderId) return a.orderId < b.orderId ? -1 : 1;
  return a.line - b.line;
}

/** Renumbers QueuePosition for every SKU the command touched (1 = next in line; 0 = not waiting). */
export function recomputeQueues(desk: Desk): void {
  if (desk.touchedSkus.size === 0) return;
  const bySku = new Map<string, Backorder[]>();
  for (const b of desk.uow.all('backorders')) {
    if (!desk.touchedSkus.has(b.sku)) continue;
    if (b.qtyRemaining === 0) {
      if (b.queuePosition !== 0) desk.uow.put('backorders', { ...b, queuePosition: 0 });
      continue;
    }
    const list = bySku.get(b.sku) ?? [];
    list.push(b);
    bySku.set(b.sku, list);
  }
  for (const list of bySku.values()) {
    list.sort((a, b) => demandOrder(a, b) || (a.backorderId < b.backorderId ? -1 : 1));
    list.forEach((b, i) => {
      if (b.queuePosition !== i + 1) desk.uow.put('backorders', { ...b, queuePosition: i + 1 });
    });
  }
}
