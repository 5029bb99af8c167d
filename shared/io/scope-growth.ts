/**
 * How a scoped read grows (shared/io/row-scope.ts): the keys it has found so far, and the rule by which
 * the rows just read bring more keys: the command's own orders, backorders and POs bring their SKUs,
 * its own backorders bring their order's lines, an open backorder its shipments when a command may
 * move it, another order's open backorder the question whether that order is held (one search of the
 * Hold column answers it for all), and a ship-complete waiting line (Parked, Partially allocated) of
 * an involved SKU brings its order, whose other SKUs bring only their stock and PO lines: whether a
 * waiting order can take its units whole depends on that stock, not on who else waits for it, so the
 * scope does not spread from order to order; a waiting line that ships partial asks only the Hold
 * question. Pure.
 */
import type { Cell } from '../sheet/cells';
import { decodeTab } from '../sheet/codec';
import { TABS, type TabKey, tabSpec } from '../workbook';

export type Sets = Record<
  | 'orders'
  | 'lineOrders'
  | 'waitOrders'
  | 'heldFor'
  | 'backorders'
  | 'skus'
  | 'stockSkus'
  | 'shownSkus'
  | 'pos'
  | 'shipFor',
  Set<string>
> & {
  /** Waiting lines read (found by Status), by order: their SKUs. */
  readonly waiting: Map<string, Set<string>>;
  /** The lines of the named POs whose SKUs the action is about (undefined: every line; empty: a view, the shown line). */
  readonly poLines?: ReadonlySet<number>;
  /** The lines of the named order whose quantities the action moves (undefined: every line). */
  readonly orderLines?: ReadonlySet<number>;
};

/**
 * Line statuses of demand that waits for stock with no backorder to find it by (shared/queue.ts):
 * a command reads the lines in them, and a line of an involved SKU brings its order.
 */
export const WAITING_LINE_STATUSES: readonly string[] = ['Parked', 'Partially allocated'];

const CTX = { face: 'api' as const, timeZone: 'UTC', currencyDigits: 2 };

/** An unread row: empty, so the codec skips it as it skips a blank row. */
export const EMPTY_ROW: readonly Cell[] = Object.freeze([]) as readonly Cell[];

/**
 * A waiting line of an involved SKU brings its order, and the order all its waiting lines' SKUs (a
 * ship-complete order takes its stock only whole). True when a key was added.
 */
export function promoteWaiting(sets: Sets): boolean {
  let grew = false;
  for (const [orderId, skus] of sets.waiting) {
    if (sets.orders.has(orderId) || sets.waitOrders.has(orderId)) continue;
    if (![...skus].some((s) => sets.skus.has(s))) continue;
    sets.waitOrders.add(orderId);
    grew = true;
  }
  return grew;
}

/**
 * Grows the keys from rows just read: the command's own orders, backorders and POs bring their SKUs
 * (whose queues decide), an open backorder brings its order's lines (its counters move with it) and
 * its shipments (delivery decides Complete), the shown row brings its own entity.
 */
export function grow(
  tab: TabKey,
  rows: ReadonlySet<number>,
  grid: { values: (readonly Cell[])[]; header: readonly Cell[] },
  sets: Sets,
  shownRow: number | undefined,
  /** A command (which may move other backorders' counters), not a view (which only shows them). */
  acts: boolean,
): void {
  const only = {
    name: TABS[tab].name,
    values: [grid.header, ...[...rows].map((r) => grid.values[r - 1] ?? EMPTY_ROW)],
  };
  const decoded = decodeTab(tabSpec(tab), only, CTX);
  const rowList = [...rows];
  decoded.records.forEach((rec, i) => {
    const row = rowList[(decoded.rowNumbers[i] as number) - 2];
    const r = rec as Record<string, unknown>;
    const shown = row === shownRow;
    if (shown && typeof r.sku === 'string' && r.sku !== '') sets.shownSkus.add(r.sku);
    // A waiting line takes its units alone unless it ships complete (shared/queue.ts): only then does
    // its order decide with it; otherwise the order is only asked whether it is held.
    if (tab === 'orders' && WAITING_LINE_STATUSES.includes(r.status as string)) {
      if (r.shipPolicy === 'Ship complete') {
        const skus = sets.waiting.get(r.orderId as string) ?? new Set<string>();
        skus.add(r.sku as string);
        sets.waiting.set(r.orderId as string, skus);
      } else if (acts) sets.heldFor.add(r.orderId as string);
    }
    // Of the named order, the lines the action moves bring their SKUs, and its ship-complete lines
    // (the order is served whole); its other lines are read, their stock and queues are not.
    const moved = (line: unknown) => shown || !sets.orderLines || sets.orderLines.has(line as number);
    if (tab === 'orders' && (sets.orders.has(r.orderId as string) || shown)) {
      sets.orders.add(r.orderId as string);
      if (moved(r.line) || r.shipPolicy === 'Ship complete') sets.skus.add(r.sku as string);
    } else if (tab === 'orders' && sets.waitOrders.has(r.orderId as string)) {
      // A waiting order of an involved SKU: whether it can take its units whole depends on the stock
      // of its other lines' SKUs, not on who else waits for them.
      sets.stockSkus.add(r.sku as string);
    } else if (tab === 'backorders') {
      const named = sets.backorders.has(r.backorderId as string);
      const own = named || sets.orders.has(r.orderId as string) || shown;
      if (own) {
        sets.backorders.add(r.backorderId as string);
        if (named || moved(r.line)) sets.skus.add(r.sku as string);
      }
      const open = (r.qtyRemaining as number) > 0 || r.status === 'Fulfilled';
      // Its own backorder's order lines move with it; another's order is only asked whether it is
      // held, which one search of the Hold column answers for all of them (row-scope.ts).
      if (own) sets.lineOrders.add(r.orderId as string);
      else if (open && acts) sets.heldFor.add(r.orderId as string);
      // Only a backorder that shipped something has shipments to read (QtyFulfilled counts them).
      if ((own || (open && acts)) && (r.qtyFulfilled as number) > 0)
        sets.shipFor.add(r.backorderId as string);
    } else if (tab === 'pos' && (sets.pos.has(r.po as string) || shown)) {
      sets.pos.add(r.po as string);
      // A PO's other lines are read (its status), but only the lines acted on bring their SKU.
      if (shown || !sets.poLines || sets.poLines.has(r.line as number)) sets.skus.add(r.sku as string);
    } else if (tab === 'inventory' && shown) sets.skus.add(r.sku as string);
    // A notice brings its backorder's other notices (the latest decides what the customer was told).
    else if (tab === 'notifications' && r.backorderId) sets.backorders.add(r.backorderId as string);
  });
}
