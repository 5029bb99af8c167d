/**
 * Which tabs an add-on execution reads (docs/addon.md, "Read plan"). A sidebar view reads the tabs
 * it shows and nothing else: not the Log, Shipments, Invoices or ETA History, which grow with every
 * action and every day, nor the built Aging tab. A command reads every typed tab but ETA History
 * (only the sync's apply-etas and undo change it) and never the Aging tab (Rebuild aging replaces
 * it whole); Rebuild aging, setup, check and the exports read every tab. A tab left unread decodes as empty, and a write to a tab that was not read is refused
 * before anything is written (addon/src/sheet-io.ts), so an unread tab can never be overwritten.
 */
import type { RawTab } from './codec';
import type { Command } from './commands/schema';
import { emptyRawTab, TAB_KEYS, TABS, type TabKey } from './workbook';

const names = (keys: readonly TabKey[]) => keys.map((k) => TABS[k].name);

/** What a view of an order line, a backorder or a PO line, and the backorder list, show. */
export const VIEW_TABS: readonly string[] = names([
  'orders',
  'inventory',
  'backorders',
  'pos',
  'calls',
  'settings',
]);

/** The tabs a command decides from. */
export function commandTabs(command: Command): string[] {
  const needsEtaHistory = command.action === 'apply-etas' || command.action === 'undo';
  return names(TAB_KEYS.filter((k) => k !== 'etaHistory' || needsEtaHistory));
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
