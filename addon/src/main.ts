/**
 * The add-on's public surface: only triggers, menu callbacks and RPC handlers are exported here; the
 * build turns each export into a top-level function that Apps Script can call (labnol's stub pattern).
 * All logic lives in the modules it imports.
 */
import { TAB_KEYS, TABS } from '../../shared/workbook';
import { buildMenu } from './menu';
import { ADDON_NAME } from './menu-items';

export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Apps Script runs onInstall (not onOpen) when the add-on is installed from inside a file. */
export function onInstall(): void {
  onOpen();
}

export function showAbout(): void {
  const tabs = TAB_KEYS.map((k) => TABS[k].name).join(', ');
  SpreadsheetApp.getUi().alert(
    ADDON_NAME,
    `Backorders and partial shipments, run from this spreadsheet.\n\nTabs it manages: ${tabs}, Aging.`,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}
