/**
 * A demo workbook with a past: starting from a seeded catalog, it plays N days of a distributor's
 * life through the real core (orders arrive, allocate, ship, short picks, POs sent and received late
 * by unreliable vendors, backorders fulfilled, some cancelled, calls logged), so every aging bucket,
 * overdue backorders, partial fulfilments and cancellations exist, and the Log tells how. The last
 * day's orders are left New for the person trying the demo to allocate.
 */
import { applyChanges } from '../apply-changes';
import { runCommand } from '../commands/run';
import type { Command } from '../commands/schema';
import { addDays, daysBetween, type IsoDate } from '../primitives/dates';
import { DeskError } from '../primitives/errors';
import { openPoQty } from '../tabs/purchase-orders';
import { DEFAULT_SETTINGS } from '../tabs/settings';
import type { Workbook } from '../workbook';
import { VENDORS } from './catalog';
import { generateInventory, generateOrders, purchaseOrder } from './generate';
import { Random } from './random';

export interface DemoOptions {
  readonly seed?: number;
  readonly today: IsoDate;
  readonly days?: number;
  readonly skus?: number;
  readonly ordersPerDay?: number;
}

export function emptyWorkbook(): Workbook {
  return {
    orders: [],
    inventory: [],
    backorders: [],
    pos: [],
    shipments: [],
    calls: [],
    invoices: [],
    etaHistory: [],
    notifications: [],
    log: [],
    settings: [],
    config: DEFAULT_SETTINGS,
  };
}

class Simulation {
  wb: Workbook;
  private n = 0;

  constructor(
    wb: Workbook,
    private readonly random: Random,
  ) {
    this.wb = wb;
  }

  /** Runs a command on a day; a refusal is part of life (nothing to ship yet) and changes nothing. */
  run(day: IsoDate, command: Command, actor: string): boolean {
    this.n += 1;
    try {
      const out = runCommand(this.wb, command, {
        today: day,
        now: `${day}T${String(14 + (this.n % 4)).padStart(2, '0')}:${String(this.n % 60).padStart(2, '0')}:00.000Z`,
        actor,
        requestId: `demo-${this.n}`,
      });
      this.wb = applyChanges(this.wb, out.changes);
      return true;
    } catch (e) {
      if (e instanceof DeskError) return false;
      throw e;
    }
  }

  purchase(day: IsoDate, poNumber: number): number {
    const stock = new Map<
      string,
      {
        available: number;
        onOrder: number;
        point: number;
        qty: number;
        cost: number;
        warehouse: string;
        vendor: string;
      }
    >();
    for (const i of this.wb.inventory)
      if (i.warehouse === 'MAIN')
        stock.set(i.sku, {
          available: i.onHand - i.allocated,
          onOrder: i.onOrder,
          point: i.reorderPoint,
          qty: i.reorderQty,
          cost: i.unitCost,
          warehouse: i.warehouse,
          vendor: i.vendor,
        });
    const waiting = new Map<string, number>();
    for (const b of this.wb.backorders)
      if (b.qtyRemaining > 0) waiting.set(b.sku, (waiting.get(b.sku) ?? 0) + b.qtyRemaining);
    for (const p of this.wb.pos) {
      const s = stock.get(p.sku);
      if (s) s.onOrder += openPoQty(p);
    }
    let next = poNumber;
    for (const vendor of VENDORS) {
      const wanted = [...stock]
        .filter(
          ([sku, s]) =>
            s.vendor === vendor.name && s.available + s.onOrder - (waiting.get(sku) ?? 0) < s.point,
        )
        .map(([sku, s]) => ({ sku, qty: s.qty, warehouse: s.warehouse, cost: s.cost }));
      if (wanted.length === 0) continue;
      this.wb = {
        ...this.wb,
        pos: [...this.wb.pos, ...purchaseOrder(`PO-${next++}`, vendor, day, wanted.slice(0, 8))],
      };
    }
    return next;
  }

  receiveDue(day: IsoDate): void {
    const slip = new Map(VENDORS.map((v) => [v.name, v.slipDays]));
    const due = new Map<string, number>();
    for (const p of this.wb.pos)
      if (
        openPoQty(p) > 0 &&
        p.promisedDate &&
        daysBetween(addDays(p.promisedDate, slip.get(p.vendor) ?? 0), day) >= 0
      )
        due.set(`${p.po}#${p.line}`, openPoQty(p));
    for (const [key, open] of due) {
      const [po, line] = key.split('#');
      const partial = this.random.chance(0.2) && open > 1;
      this.run(
        day,
        {
          action: 'receive',
          po: po as string,
          line: Number(line),
          qty: partial ? Math.ceil(open / 2) : open,
        },
        'warehouse@demo',
      );
    }
  }
}

export function simulateDemo(options: DemoOptions): Workbook {
  const random = new Random(options.seed ?? 20261123);
  const days = options.days ?? 60;
  const skus = options.skus ?? 300;
  const inventory = generateInventory(random, { skus });
  const cost = new Map(inventory.map((i) => [i.sku, i.unitCost as number]));
  const sim = new Simulation({ ...emptyWorkbook(), inventory }, random);
  let orderNo = 10001;
  let poNo = 5001;
  const start = addDays(options.today, -days);
  for (let d = 0; d <= days; d++) {
    const day = addDays(start, d);
    const orders = generateOrders(random, {
      firstOrder: orderNo,
      count: random.int(2, options.ordersPerDay ?? 7),
      date: day,
      skus,
      costOf: (sku) => cost.get(sku) ?? 1000,
    });
    orderNo += new Set(orders.map((o) => o.orderId)).size + 1;
    sim.wb = { ...sim.wb, orders: [...sim.wb.orders, ...orders] };
    if (day === options.today) break;
    if (d % 9 === 0) poNo = sim.purchase(day, poNo);
    sim.receiveDue(day);
    sim.run(day, { action: 'allocate' }, 'dana@demo');
    for (const id of new Set(orders.map((o) => o.orderId))) {
      const first = sim.wb.orders.find((o) => o.orderId === id && o.qtyAllocated > 0);
      if (first && random.chance(0.06) && first.qtyAllocated > 1)
        sim.run(
          day,
          { action: 'ship', orderId: id, line: first.line, qty: first.qtyAllocated - 1 },
          'warehouse@demo',
        );
      sim.run(day, { action: 'ship', orderId: id }, 'warehouse@demo');
    }
    if (random.chance(0.7)) sim.run(day, { action: 'fulfill' }, 'warehouse@demo');
    for (const b of sim.wb.backorders) {
      if (b.qtyRemaining === 0 || !b.createdAt) continue;
      const age = daysBetween(b.createdAt, day);
      if (age > 25 && random.chance(0.04))
        sim.run(
          day,
          {
            action: 'cancel',
            backorderId: b.backorderId,
            reason: 'Excessive Delay',
            note: 'Customer sourced elsewhere',
          },
          b.salesRep,
        );
      else if (age === 3 && random.chance(0.5))
        sim.run(
          day,
          {
            action: 'log-call',
            backorderId: b.backorderId,
            method: 'Phone',
            summary: 'Customer agrees to wait for restock',
            choice: 'Wait',
          },
          b.salesRep,
        );
    }
  }
  // Delivered: carriers confirmed most shipments older than three days.
  const delivered = sim.wb.shipments.map((s) =>
    s.shipDate && daysBetween(s.shipDate, options.today) > 3 && random.chance(0.85)
      ? { ...s, deliveredAt: addDays(s.shipDate, 2) }
      : s,
  );
  return { ...sim.wb, shipments: delivered };
}
