/**
 * The add-on's public surface: only triggers, menu callbacks and RPC handlers are exported here; the
 * build turns each export into a top-level function that Apps Script can call (labnol's stub pattern).
 * All logic lives in the modules it imports.
 */
import { buildMenu } from './menu';
import * as menu from './menu-actions';
import { ADDON_NAME } from './menu-items';
import { ensureDailyTrigger, handleEdit, runDaily } from './triggers';

/** Run by hand from the Apps Script editor: times the calls the cost model prices (measure.ts). */
export { measureSpeed } from './measure';
/** The sidebar's speed probe (ui/probe.ts): a round trip, and whether calls run side by side. */
export { probeEcho, probeWait } from './probe';
export {
  sidebarAction,
  sidebarFollow,
  sidebarGo,
  sidebarJump,
  sidebarList,
  sidebarListPart,
  sidebarPrepare,
  sidebarProgress,
  sidebarSelection,
  sidebarStatus,
  sidebarView,
  sidebarViewPart,
} from './sidebar-rpc';

/** Builds the menu only: in AuthMode.NONE it may touch no data and no properties. */
export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Apps Script runs onInstall (not onOpen) when the add-on is installed from inside a file. */
export function onInstall(): void {
  onOpen();
}

/** Simple trigger: notes edits over engine-owned columns for Check workbook (no authorisation needed). */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

/** The installable daily trigger's handler (see triggers.ts). */
export function dailyRun(e?: { triggerUid?: string }): void {
  runDaily(e);
}

export function menuOpenSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_NAME);
  SpreadsheetApp.getUi().showSidebar(html);
}

export const menuSetUpWorkbook = () => menu.setUpWorkbook();
export const menuAllocateAll = () => menu.allocateAll();
export const menuFulfillReady = () => menu.fulfillReady();
export const menuReceivePo = () => menu.receivePo();
export const menuReorder = () => menu.reorderNow();
export const menuRebuildAging = () => menu.rebuildAgingNow();
export const menuExportQuickBooks = () => menu.exportInvoices('quickbooks');
export const menuExportXero = () => menu.exportInvoices('xero');
export const menuCheckWorkbook = () => menu.checkWorkbook();
export const menuUndoLast = () => menu.undoLast();
export const menuSettings = () => menu.openSettings();

/** The accountant's export from the sidebar: files for one importer (`again`: a batch number, or true). */
export function exportInvoicesCsv(
  format: unknown,
  again?: unknown,
): { name: string; csv: string; batch: number }[] {
  if (format !== 'quickbooks' && format !== 'xero')
    throw new Error(`Expected the format quickbooks or xero, got ${JSON.stringify(format)}`);
  if (
    again !== undefined &&
    again !== null &&
    again !== true &&
    !(Number.isInteger(again) && (again as number) > 0)
  )
    throw new Error(`Expected again to be true or a batch number, got ${JSON.stringify(again)}`);
  return menu.exportInvoicesCsv(format, (again ?? undefined) as true | number | undefined);
}

/** Installs the daily trigger (also done by Set up workbook); safe to run again. */
export function installDailyTrigger(): boolean {
  return ensureDailyTrigger();
}
