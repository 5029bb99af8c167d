/**
 * The add-on menu's items: label → name of the top-level function the build exposes for it. Kept apart
 * from the Apps Script calls so tests and tools can read it without Apps Script's types.
 */

export const ADDON_NAME = 'Backorder Desk';

export const MENU_ITEMS: readonly (readonly [string, string])[] = [
  ['Set up workbook', 'menuSetUpWorkbook'],
  ['Open sidebar', 'menuOpenSidebar'],
  ['Allocate all', 'menuAllocateAll'],
  ['Fulfill ready backorders', 'menuFulfillReady'],
  ['Receive PO…', 'menuReceivePo'],
  ['Reorder…', 'menuReorder'],
  ['Rebuild aging', 'menuRebuildAging'],
  ['Export invoices for QuickBooks…', 'menuExportQuickBooks'],
  ['Export invoices for Xero…', 'menuExportXero'],
  ['Check workbook', 'menuCheckWorkbook'],
  ['Undo last action', 'menuUndoLast'],
  ['Settings', 'menuSettings'],
];

/** The sidebar's server functions (google.script.run names), checked against the built Code.js. */
export const RPC_NAMES = [
  'sidebarSelection',
  'sidebarFollow',
  'sidebarView',
  'sidebarViewPart',
  'sidebarList',
  'sidebarListPart',
  'sidebarAction',
  'sidebarJump',
  'sidebarPrepare',
  'sidebarGo',
  'sidebarStatus',
  'sidebarProgress',
  'exportInvoicesCsv',
] as const;
