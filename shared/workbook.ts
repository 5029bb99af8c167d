/**
 * The workbook as the core sees it: every typed tab decoded into records, plus the settings. Adapters
 * read grids (one read per tab) and call `decodeWorkbook`; the core never sees a cell again until
 * `planWrites` turns its changes back into cell writes.
 */

import { applyCustomerDefaults, parseCustomerDefaults } from './customer-defaults';
import { DeskError } from './primitives/errors';
import type { CellContext } from './sheet/cells';
import {
  type DecodedTab,
  decodeTab,
  encodeChanges,
  type RawTab,
  type TabChanges,
  type TabPatch,
} from './sheet/codec';
import type { Columns, RecordOf, TabSpec } from './sheet/columns';
import { type Backorder, BackordersTab } from './tabs/backorders';
import { type Call, CallsTab } from './tabs/calls';
import { type EtaChange, EtaHistoryTab } from './tabs/eta-history';
import { type InventoryItem, InventoryTab } from './tabs/inventory';
import { type InvoiceLine, InvoicesTab } from './tabs/invoices';
import { type LogEntry, LogTab } from './tabs/log';
import { type Notice, NotificationsTab } from './tabs/notifications';
import { type OrderLine, OrdersTab } from './tabs/orders';
import { type PoLine, PurchaseOrdersTab } from './tabs/purchase-orders';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  type SettingRow,
  type Settings,
  SettingsTab,
} from './tabs/settings';
import { type Shipment, ShipmentsTab } from './tabs/shipments';

/** The typed tabs, in the order setup creates them (Aging is built, not typed). */
export const TABS = {
  orders: OrdersTab,
  inventory: InventoryTab,
  backorders: BackordersTab,
  pos: PurchaseOrdersTab,
  shipments: ShipmentsTab,
  calls: CallsTab,
  invoices: InvoicesTab,
  log: LogTab,
  settings: SettingsTab,
  etaHistory: EtaHistoryTab,
  notifications: NotificationsTab,
} as const;
export type TabKey = keyof typeof TABS;

/** A tab's spec as the codec's generic functions take it (each tab's own column types set aside). */
export function tabSpec(key: TabKey): TabSpec<Columns> {
  return TABS[key] as unknown as TabSpec<Columns>;
}
export const TAB_KEYS = Object.keys(TABS) as TabKey[];
/** The key of the typed tab named `name` (a sheet's title), if it is one. */
export const tabKeyOf = (name: string | undefined): TabKey | undefined =>
  TAB_KEYS.find((k) => TABS[k].name === name);
export const AGING_TAB = 'Aging';

export interface Records {
  orders: OrderLine[];
  inventory: InventoryItem[];
  backorders: Backorder[];
  pos: PoLine[];
  shipments: Shipment[];
  calls: Call[];
  invoices: InvoiceLine[];
  log: LogEntry[];
  settings: SettingRow[];
  etaHistory: EtaChange[];
  notifications: Notice[];
}

export interface Workbook extends Readonly<Records> {
  readonly config: Settings;
}

export type DecodedTabs = { [K in TabKey]: DecodedTab<(typeof TABS)[K]['columns']> };

export type WorkbookChanges = { [K in TabKey]?: TabChanges<Records[K][number]> };

/** Finds a tab key by a tab name typed by a person ("backorders", "POs"). */
export function tabKeyByName(name: string): TabKey | undefined {
  const n = name.trim().toLowerCase();
  return TAB_KEYS.find((k) => TABS[k].name.toLowerCase() === n || k === n);
}

export function emptyRawTab(spec: TabSpec<Columns>): RawTab {
  return { name: spec.name, values: [Object.values(spec.columns).map((c) => c.header)] };
}

/**
 * Decodes every typed tab; a missing tab reads as empty. Throws one BAD_CELL error listing every bad
 * cell of every tab, so nothing runs on a workbook the engine cannot read in full.
 */
export function decodeWorkbook(
  raw: Partial<Record<string, RawTab>>,
  cellContext: Omit<CellContext, 'timeZone' | 'currencyDigits'> & Partial<CellContext>,
): { workbook: Workbook; tabs: DecodedTabs; context: CellContext } {
  const base: CellContext = {
    face: cellContext.face,
    timeZone: cellContext.timeZone ?? DEFAULT_SETTINGS.TimeZone,
    currencyDigits: cellContext.currencyDigits ?? DEFAULT_SETTINGS.CurrencyDigits,
  };
  const settingsTab = decodeTab(SettingsTab, raw.Settings ?? emptyRawTab(SettingsTab), base);
  if (settingsTab.errors.length > 0)
    throw new DeskError('BAD_CELL', 'The workbook has cells the engine cannot read:', settingsTab.errors);
  const config = parseSettings(settingsTab.records, (i) => settingsTab.rowNumbers[i] as number);
  const context: CellContext = {
    face: base.face,
    timeZone: cellContext.timeZone ?? config.TimeZone,
    currencyDigits: config.CurrencyDigits,
  };
  const tabs = {} as Record<TabKey, DecodedTab<Columns>>;
  const errors: string[] = [];
  for (const key of TAB_KEYS) {
    const spec = TABS[key] as TabSpec<Columns>;
    const decoded =
      key === 'settings' ? settingsTab : decodeTab(spec, raw[spec.name] ?? emptyRawTab(spec), context);
    tabs[key] = decoded as DecodedTab<Columns>;
    errors.push(...decoded.errors);
  }
  if (errors.length > 0)
    throw new DeskError('BAD_CELL', 'The workbook has cells the engine cannot read:', errors);
  const orders = tabs.orders as unknown as DecodedTab<typeof OrdersTab.columns>;
  applyCustomerDefaults(
    orders.records,
    orders.rowNumbers,
    orders.columnIndex,
    raw[OrdersTab.name],
    parseCustomerDefaults(settingsTab.records, (i) => settingsTab.rowNumbers[i] as number),
  );
  const records = Object.fromEntries(TAB_KEYS.map((k) => [k, tabs[k].records])) as unknown as Records;
  return { workbook: { ...records, config }, tabs: tabs as unknown as DecodedTabs, context };
}

/** Cell writes for every changed tab, as `writer`; tabs without changes get no patch. */
export function planWrites(
  tabs: DecodedTabs,
  changes: WorkbookChanges,
  writer: 'engine' | 'sync' | 'user' | readonly ('engine' | 'sync' | 'user')[],
  ctx: CellContext,
): TabPatch[] {
  const patches: TabPatch[] = [];
  for (const key of TAB_KEYS) {
    const change = changes[key];
    if (
      !change ||
      (change.updated.length === 0 && change.added.length === 0 && (change.deleted ?? []).length === 0)
    )
      continue;
    const tab = tabs[key] as unknown as DecodedTab<Columns>;
    patches.push(encodeChanges(tab, change as TabChanges<RecordOf<Columns>>, writer, ctx));
  }
  return patches;
}
