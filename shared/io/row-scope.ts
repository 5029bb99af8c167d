/**
 * Which rows a single-entity action decides from (docs/addon.md, "Read plan"): the rows of the
 * entities it names, found by key, and everything that decides the queue of the SKUs involved (their
 * Inventory rows, backorders and PO lines), grown to a fixed point by the rules of
 * shared/io/scope-growth.ts, each round's searches run together (shared/io/round-searches.ts); the
 * Log row of this RequestID on a repeated try (idempotency); and the last rows of every tab that may
 * get new rows (the next id), which bring nothing more unless a search also finds them. Nothing else: not the rest of Orders, and never the history (Log, Shipments,
 * Invoices, Calls) beyond those rows. A batch reads the tabs it decides from whole
 * (`options.whole`) and the others it names for their last rows only. Pure: the rows come from a
 * RowSource (Apps Script's TextFinder in the add-on, an in-memory one in tests), and the result is a
 * RawTab per tab whose unread rows are empty, so every row keeps its sheet row number and the codec
 * skips the rest as it skips blank rows.
 */
import type { Cell } from '../sheet/cells';
import { indexColumns, type RawTab } from '../sheet/codec';
import { DEFAULT_SETTINGS, rawSetting } from '../tabs/settings';
import { HOLD_STATES } from '../tabs/vocabulary';
import { TABS, type TabKey, tabKeyOf, tabSpec } from '../workbook';
import { roundSearches } from './round-searches';
import { literal, vocabularyWord } from './row-patterns';
import {
  ORDER_NEIGHBOURS,
  type RowSource,
  type ScopedRead,
  type ScopeOptions,
  TAIL_ROWS,
} from './scope-contract';
import { EMPTY_ROW, grow, promoteWaiting, type Sets } from './scope-growth';
import type { ScopeKeys } from './scope-keys';
import { holds } from './search-memory';
import { waitingLines } from './waiting-lines';

/** Tabs whose new rows take the next id above the tab's own (shared/primitives/ids.ts, invoicing.ts). */
const ID_TABS: readonly TabKey[] = [
  'backorders',
  'shipments',
  'invoices',
  'calls',
  'log',
  'pos',
  'notifications',
];

/** Tabs a command may add rows to (ship moves a remainder to a new order): their last row is asked. */
const APPEND_TABS: ReadonlySet<TabKey> = new Set([...ID_TABS, 'orders']);

/** Reads the rows `keys` and options call for from `source`, growing the keys to a fixed point. */
export function readScoped(source: RowSource, keys: ScopeKeys, options: ScopeOptions): ScopedRead {
  const tabs: Record<string, RawTab> = {};
  const sparse = new Set<string>();
  const grids = new Map<
    TabKey,
    { values: (readonly Cell[])[]; read: Set<number>; header: readonly Cell[]; bounded: boolean }
  >();
  for (const key of options.tabs) {
    const name = TABS[key].name;
    if (key === 'settings' || key === 'etaHistory' || options.whole?.includes(key)) {
      const fields = options.project?.[key];
      const cols = fields ? projected(source, key, fields) : undefined;
      const raw = source.whole(name, cols, fields ? options.band : undefined);
      if (raw) tabs[name] = cols ? { ...raw, fields: fields as readonly string[] } : raw;
      continue;
    }
    const adds = options.appends === true && APPEND_TABS.has(key) && !options.viewOnly?.includes(key);
    const shape = source.shape(name, adds);
    if (!shape) continue;
    // Without a last row (a view: nothing is added) the grid grows to the last row read.
    const values: (readonly Cell[])[] = new Array(Math.max(1, shape.lastRow ?? 1)).fill(EMPTY_ROW);
    values[0] = shape.header;
    grids.set(key, { values, read: new Set(), header: shape.header, bounded: shape.lastRow !== undefined });
    sparse.add(name);
  }
  for (const name of options.alsoWhole ?? []) {
    const raw = source.whole(name);
    if (raw) tabs[name] = raw;
  }
  // A ship numbers a remainder order only in "New order for the remainder" mode (shared/commands/ship.ts):
  // in the default mode the search for `<order>-R<n>` would find nothing the plan uses.
  const mode =
    rawSetting(tabs[TABS.settings.name]?.values ?? [], 'BackorderMode') ?? DEFAULT_SETTINGS.BackorderMode;
  const remainders = options.remainderIds === true && mode !== DEFAULT_SETTINGS.BackorderMode;
  const sets: Sets = {
    orders: new Set(keys.orders),
    lineOrders: new Set(),
    heldFor: new Set(),
    waitOrders: new Set(),
    backorders: new Set(keys.backorders),
    skus: new Set(keys.skus),
    stockSkus: new Set(),
    // The shown row's SKU (scope-growth.ts), and those the command's versions name.
    shownSkus: new Set(keys.skus),
    pos: new Set(keys.pos),
    // A backorder's shipments are searched once its row shows it shipped something (scope-growth.ts).
    shipFor: new Set(),
    waiting: new Map(),
    ...(keys.orderLines ? { orderLines: new Set(keys.orderLines) } : {}),
    // A view of a PO line shows what that line will fill: the PO's other lines bring no SKU.
    ...(keys.poLines
      ? { poLines: new Set(keys.poLines) }
      : options.appends === true
        ? {}
        : { poLines: new Set() }),
  };
  const asked = new Set<string>();
  const wanted = new Map<TabKey, Set<number>>();
  // Rows read only as a tab's last rows (for the next id): decoded, but they bring nothing more
  // unless a search or the shown row asks for them too (then they grow as any row read).
  const tailOnly = new Map<TabKey, Set<number>>();
  const promoted = new Map<TabKey, Set<number>>();
  const want = (tab: TabKey, rows: Iterable<number>, tail = false) => {
    const grid = grids.get(tab);
    if (!grid) return;
    const list = wanted.get(tab) ?? new Set<number>();
    const tails = tailOnly.get(tab) ?? new Set<number>();
    for (const r of rows) {
      if (r < 2 || (grid.bounded && r > grid.values.length)) continue;
      if (tail) {
        if (!grid.read.has(r) && !list.has(r)) tails.add(r);
      } else if (tails.delete(r) && grid.read.has(r)) {
        promoted.set(tab, (promoted.get(tab) ?? new Set<number>()).add(r));
      }
      if (!grid.read.has(r)) list.add(r);
    }
    wanted.set(tab, list);
    tailOnly.set(tab, tails);
  };
  const keyColumn = (tab: TabKey, field: string) =>
    indexColumns(tabSpec(tab), grids.get(tab)?.header ?? [])[field] ?? -1;
  const find = (tab: TabKey, field: string, values: Iterable<string>, suffix = '', word = literal) => {
    const grid = grids.get(tab);
    if (!grid) return;
    const col = keyColumn(tab, field);
    if (col < 0 || (options.onlySearches && !options.onlySearches.includes(`${tab}.${field}`))) return;
    const fresh = [...values].filter(
      (v) => v !== '' && !asked.has(`${tab}|${field}|${suffix}|${v}`) && !readAlready(tab, field, col, v),
    );
    if (fresh.length === 0) return;
    for (const v of fresh) asked.add(`${tab}|${field}|${suffix}|${v}`);
    // Waiting lines of these SKUs the index lists with their SKUs: found without a search.
    const listed = filtered && tab === 'orders' && col === skuCol ? waiting.listed(fresh) : undefined;
    if (listed) return want(tab, listed);
    searches.queue(
      tab,
      col,
      fresh.map((v) => `${word(v)}${suffix}`),
    );
  };
  // An id whose tab the index shows without a repeated id (shared/io/index-unique.ts) is not searched
  // once a row read holds it: that row is its only one. While the shown row waits for its read, its
  // tab's ids wait too: the shown row is the one that most often holds them.
  const unique = new Set(ID_TABS.filter((t) => grids.has(t) && source.unique?.(TABS[t].name) === true));
  const readAlready = (tab: TabKey, field: string, col: number, v: string): boolean => {
    if (!unique.has(tab) || field !== tabSpec(tab).key[0]) return false;
    const grid = grids.get(tab);
    if (!grid) return false;
    const word = literal(v);
    for (const r of grid.read)
      if (holds(grid.values[r - 1]?.[col], word)) {
        asked.add(`${tab}|${field}||${v}`);
        return true;
      }
    const ref = options.ref;
    return !!ref && tabKeyOf(ref.sheet) === tab && wanted.get(tab)?.has(ref.row) === true;
  };
  // Order lines found by SKU only to learn which of them wait (Parked, Partially allocated): with a
  // source that reads one column, their Status cells are read first and only waiting lines whole.
  const orderCols = grids.get('orders')
    ? indexColumns(tabSpec('orders'), grids.get('orders')?.header ?? [])
    : {};
  const skuCol = orderCols.sku ?? -1;
  const statusCol = orderCols.status ?? -1;
  const filtered =
    options.waiting === true && (source.column !== undefined || source.known !== undefined) && statusCol >= 0;
  const waiting = waitingLines(
    source,
    statusCol,
    (r) => grids.get('orders')?.read.has(r) === true || wanted.get('orders')?.has(r) === true,
  );
  const searches = roundSearches({
    source,
    grids,
    want,
    ...(options.recall ? { recall: options.recall } : {}),
    ...(options.remember ? { remember: options.remember } : {}),
    // Order lines found by SKU, kept by their Status cells, are not all read.
    filterOf: (tab, col, cols) =>
      filtered && tab === 'orders' && col === skuCol && cols === 1 ? waiting.keep : undefined,
  });

  // The tail of every tab that may get rows (the next id), the Log row of this RequestID, the shown row.
  for (const tab of ID_TABS) {
    const grid = grids.get(tab);
    const n = Math.max(TAIL_ROWS, options.tails?.[tab] ?? 0);
    if (grid?.bounded) want(tab, range(grid.values.length - n + 1, grid.values.length), true);
  }
  if (options.requestId) find('log', 'requestId', [options.requestId]);
  for (const s of options.searches ?? []) find(s.tab, s.field, s.values, '', vocabularyWord);
  searches.run();
  const refTab = options.ref ? tabKeyOf(options.ref?.sheet) : undefined;
  if (refTab && options.ref) want(refTab, [options.ref.row]);

  // The shown backorder's id, once its row is read: what a tab read only for the reply's view is
  // searched for (`viewOnly`); nothing before (the round after its read searches it).
  const shownBackorder = (): string[] => {
    const grid = grids.get('backorders');
    const ref = options.ref;
    if (!ref || refTab !== 'backorders' || !grid?.read.has(ref.row)) return [];
    const v = String(grid.values[ref.row - 1]?.[keyColumn('backorders', 'backorderId')] ?? '');
    return v === '' ? [] : [v];
  };
  // A view shows its own entity's rows; a command also reads what it may move (shared/queue.ts).
  const acts = options.appends === true;
  // Whether other backorders' counters may move (and so their order lines are read).
  const moves = acts && options.annotates !== true;
  for (let round = 0; round < 8; round++) {
    promoteWaiting(sets);
    // Who is on hold decides whom freed stock passes by (shared/holds.ts: an order with any line
    // Held). Once other orders' backorders are read, one search of the Hold column finds every held
    // line, where each of those orders would be read whole to say it.
    if (sets.heldFor.size > 0) find('orders', 'hold', HOLD_STATES, '', vocabularyWord);
    find('orders', 'orderId', [...sets.orders, ...sets.lineOrders, ...sets.waitOrders]);
    if (remainders) find('orders', 'orderId', sets.orders, '-R\\d+');
    find('backorders', 'backorderId', sets.backorders);
    find('backorders', 'orderId', sets.orders);
    find('backorders', 'sku', sets.skus);
    // A command hands freed stock to whoever waits (shared/queue.ts), a Parked line among them: the
    // order lines of the involved SKUs are read, and their waiting ones bring their orders. Searched
    // by SKU, not by status: a status search reads every waiting line of the tab (thousands at
    // 50,000 lines) to keep the few of these SKUs.
    if (options.waiting) find('orders', 'sku', sets.skus);
    // A command that moves no stock reads only the stock its reply's view shows and its versions name.
    const stockOf = options.stockStill ? [...sets.shownSkus] : [...sets.skus, ...sets.stockSkus];
    find('inventory', 'sku', stockOf);
    find('pos', 'po', sets.pos);
    // A stock row read brings its SKU's PO lines too: every command keeps OnOrder current from them.
    find('pos', 'sku', stockOf);
    find('shipments', 'backorderId', sets.shipFor);
    // A tab read only for the reply's view: what a view of the shown backorder finds there.
    const forView = (tab: TabKey, set: Set<string>) =>
      options.viewOnly?.includes(tab) ? shownBackorder() : set;
    find('calls', 'backorderId', forView('calls', sets.backorders));
    if (!options.viewOnly?.includes('calls')) find('calls', 'orderId', sets.orders);
    find('notifications', 'backorderId', forView('notifications', sets.backorders));
    searches.run();
    const more = (m: Map<TabKey, Set<number>>) => [...m.values()].some((s) => s.size > 0);
    if (!more(wanted) && !more(promoted) && !promoteWaiting(sets)) break;
    for (const [tab, rows] of wanted) {
      if (rows.size === 0) continue;
      const grid = grids.get(tab);
      if (!grid) continue;
      const got = source.rows(
        TABS[tab].name,
        [...rows].sort((a, b) => a - b),
        grid.header.length,
        tab === 'orders' && options.waiting === true ? ORDER_NEIGHBOURS : 0,
      );
      for (const r of rows) {
        grid.read.add(r);
        while (grid.values.length < r) grid.values.push(EMPTY_ROW);
        grid.values[r - 1] = got.get(r) ?? EMPTY_ROW;
      }
      const tails = tailOnly.get(tab);
      const growing = new Set([...rows].filter((r) => !tails?.has(r)));
      grow(tab, growing, grid, sets, round === 0 && tab === refTab ? options.ref?.row : undefined, moves);
      // A view of a backorder has read its row: its id is not searched for (an action's search would
      // find a duplicate of it and refuse; a view only shows the row it stands on).
      if (!acts && round === 0 && tab === 'backorders')
        for (const id of shownBackorder()) asked.add(`backorders|backorderId||${id}`);
      rows.clear();
    }
    for (const [tab, rows] of promoted) {
      const grid = grids.get(tab);
      if (grid && rows.size > 0) grow(tab, new Set(rows), grid, sets, undefined, moves);
      rows.clear();
    }
    searches.settle();
  }
  searches.settle();
  for (const [tab, grid] of grids) tabs[TABS[tab].name] = { name: TABS[tab].name, values: grid.values };
  return { tabs, sparse };
}

/**
 * The columns (0-based, ascending) of `fields` in a tab's header, or undefined when one is missing
 * (the tab is then read whole, and the codec names the missing column).
 */
function projected(source: RowSource, tab: TabKey, fields: readonly string[]): number[] | undefined {
  const header = source.shape(TABS[tab].name, false)?.header;
  if (!header) return undefined;
  const at = indexColumns(tabSpec(tab), header);
  const cols = fields.map((f) => at[f] ?? -1);
  return cols.every((c) => c >= 0) ? [...new Set(cols)].sort((a, b) => a - b) : undefined;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = Math.max(2, from); r <= to; r++) out.push(r);
  return out;
}
