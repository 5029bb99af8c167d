/**
 * Which tabs an add-on execution reads (docs/addon.md, "Read plan"). A sidebar view reads the tabs
 * it shows and nothing else: not the Log, Shipments, Invoices or ETA History, which grow with every
 * action and every day, nor the built Aging tab. A command reads every typed tab but ETA History
 * (only the sync's apply-etas and undo change it) and never the Aging tab (Rebuild aging replaces
 * it whole); setup, check and the exports read every tab. Allocate all, the daily follow-up, Rebuild
 * aging and a sync run read the tabs they decide from whole and the tabs they only add to by their last rows
 * (`BatchTabs`). A tab left unread decodes as empty, and a write to a tab that was not read is
 * refused before anything is written (addon/src/sheet-io.ts), so an unread tab can never be
 * overwritten.
 */

import { ACTION_SPECS } from '../commands/catalog';
import type { Command } from '../commands/schema';
import type { RawTab } from '../sheet/codec';
import { HOLD_STATES } from '../tabs/vocabulary';
import { emptyRawTab, TAB_KEYS, TABS, type TabKey } from '../workbook';
import { LOG_TAIL_ROWS, TAIL_ROWS, type ValueSearch } from './scope-contract';

const names = (keys: readonly TabKey[]) => keys.map((k) => TABS[k].name);

/** What a view of an order line, a backorder or a PO line shows. */
export const VIEW_TAB_KEYS: readonly TabKey[] = [
  'orders',
  'inventory',
  'backorders',
  'pos',
  'calls',
  'notifications',
  'settings',
];

/**
 * What the view of a row of `sheet` reads: a backorder everything a view shows (its order line's
 * terms, stock, POs for a drop-ship, calls, notices); an order line its order, stock and the SKU's
 * backorders, no POs, calls or notices; a PO line its PO, stock and the backorders it fills; a row
 * of any other tab only Settings.
 */
export function viewTabKeys(sheet: string | undefined): readonly TabKey[] {
  if (sheet === TABS.orders.name) return ['orders', 'inventory', 'backorders', 'settings'];
  if (sheet === TABS.pos.name) return ['pos', 'inventory', 'backorders', 'settings'];
  if (sheet === TABS.backorders.name) return VIEW_TAB_KEYS;
  // Any other tab's row has no view (the sidebar says which tabs have one): nothing but Settings.
  return ['settings'];
}

/** The typed tabs a command decides from when it reads whole tabs: all but ETA History and Notifications. */
export const COMMAND_TAB_KEYS: readonly TabKey[] = TAB_KEYS.filter(
  (k) => k !== 'etaHistory' && k !== 'notifications',
);

const BASE: readonly TabKey[] = ['orders', 'inventory', 'backorders', 'pos', 'log', 'settings'];
/**
 * The typed tabs a single-entity command reads row by row (shared/io/row-scope.ts): the base tabs, and
 * Shipments, Invoices and Calls only where the action adds rows to them or a closed backorder's
 * delivery decides its status; each tab read costs its own calls (a lookup, a header, searches).
 */
export function scopedCommandTabs(command: Command): TabKey[] {
  return [...BASE, ...extraTabs(command).filter((k) => k !== 'etaHistory')];
}

/** The tabs beyond the base the command's spec says it decides from (shared/commands/spec.ts `reads`). */
const extraTabs = (command: Command): readonly TabKey[] => ACTION_SPECS[command.action].reads ?? [];

/**
 * What a batch reads (docs/addon.md, "Read plan"): the tabs it decides from, whole, and the tabs it
 * only adds rows to, read for their last rows (the next id) and this RequestID's Log row. Reading
 * the Log, Shipments and Invoices whole would make a batch slower every day the workbook is used.
 */
export interface BatchTabs {
  readonly whole: readonly TabKey[];
  readonly tails: readonly TabKey[];
  /** Rows found by value in tabs not read whole (shared/io/row-scope.ts `ValueSearch`). */
  readonly searches?: readonly ValueSearch[];
}

/**
 * Allocate all decides from every open line, the stock, the backorder queues and the open POs, and
 * adds backorders (read whole) and one Log row. It reads no Shipments, so deliveries people typed
 * settle in the daily run and in the actions that read them, not here.
 */
export const ALLOCATE_ALL_TABS: BatchTabs = {
  whole: ['orders', 'inventory', 'backorders', 'pos'],
  tails: ['log'],
};

/**
 * Rebuild aging reports from the backorders, stock, POs, Shipments (days to fulfil a backorder) and
 * ETA History (how often a vendor moved a date), and adds one Log row; it never needs Orders.
 */
export const AGING_TABS: BatchTabs = {
  whole: ['backorders', 'inventory', 'pos', 'shipments', 'etaHistory'],
  tails: ['log'],
};

/**
 * A vendor sync run (the sync service's apply-etas, then the Aging it pushes): the POs and the
 * backorders waiting on them, with the order lines (a Held order's backorders leave the queue it
 * renumbers) and stock, the ETA History it appends to and reports on, Shipments for Aging's days to
 * fulfil, and the Calls and Log it adds rows to. It never reads Invoices.
 */
export const SYNC_TABS: BatchTabs = {
  whole: ['orders', 'inventory', 'backorders', 'pos', 'shipments', 'etaHistory'],
  tails: ['calls', 'log'],
};

/**
 * The tab names a batch reads on the Node side, where the Sheets API has no server-side search:
 * every tab it names is read whole in the one batchGet (the tails too), with Settings and `extra`.
 */
export function batchTabNames(batch: BatchTabs, extra: readonly string[] = []): string[] {
  return [...names(batchTabKeys(batch)), ...extra];
}

/**
 * The daily follow-up: overdue backorders get a follow-up date, and the deliveries people typed
 * settle (Shipments, and Complete on the backorders they fill, whose SKU queues skip the orders on
 * hold: of Orders only the Held lines are read); OnOrder is kept current from the POs, as by every
 * command. It adds one Log row.
 */
export const FOLLOW_UP_TABS: BatchTabs = {
  whole: ['inventory', 'backorders', 'pos', 'shipments'],
  tails: ['log'],
  searches: [{ tab: 'orders', field: 'hold', values: HOLD_STATES }],
};

/** The daily run, one execution: the follow-ups, then Aging from the workbook they leave (one read). */
export const DAILY_TABS: BatchTabs = {
  whole: [...new Set([...FOLLOW_UP_TABS.whole, ...AGING_TABS.whole])],
  tails: ['log'],
  searches: FOLLOW_UP_TABS.searches,
};

/** The batch read of a command that has one (allocate all, follow-up); other batches read whole tabs. */
export function batchTabs(command: Command): BatchTabs | undefined {
  if (command.action === 'allocate' && !command.orderId) return ALLOCATE_ALL_TABS;
  if (command.action === 'follow-up') return FOLLOW_UP_TABS;
  return undefined;
}

/**
 * The tabs a batch reads by their last rows, by name, with how many (a port may read them whole):
 * the Log's last LOG_TAIL_ROWS, the others' last TAIL_ROWS.
 */
export function batchTails(batch: BatchTabs): Record<string, number> {
  return Object.fromEntries(batch.tails.map((k) => [TABS[k].name, k === 'log' ? LOG_TAIL_ROWS : TAIL_ROWS]));
}

/** Every typed tab a batch names, with Settings (which every read decodes). */
export function batchTabKeys(batch: BatchTabs): TabKey[] {
  const searched = (batch.searches ?? []).map((s) => s.tab);
  return [...new Set<TabKey>([...batch.whole, ...batch.tails, ...searched, 'settings'])];
}

/** The tabs a command decides from. */
export function commandTabs(command: Command): string[] {
  const extra = extraTabs(command);
  return names(TAB_KEYS.filter((k) => (k !== 'etaHistory' && k !== 'notifications') || extra.includes(k)));
}

/** The tabs as read, with every typed tab that was not read standing in as its empty header row. */
export function withUnreadAsEmpty(tabs: Record<string, RawTab>): Record<string, RawTab> {
  const out = { ...tabs };
  for (const key of TAB_KEYS) {
    const name = TABS[key].name;
    if (!out[name]) out[name] = emptyRawTab(TABS[key] as never);
  }
  return out;
}
