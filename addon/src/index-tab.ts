/**
 * The index tab in the spreadsheet (shared/io/index-tab.ts decides what it holds and which rows to
 * trust): read at the start of every scoped read in one call (its values: each row signs its own formulas) instead of a header read, a last-row and two grid-size calls per tab; rewritten by Set
 * up, mended by the daily run, hidden from people. A missing or untrusted row only means that tab is
 * asked directly.
 */

import { FOUND_ROW, INDEXED_SEARCHES } from '../../shared/io/index-searches';
import {
  INDEX_ROWS,
  INDEX_TAB,
  INDEXED_TABS,
  type IndexedShape,
  indexGrid,
  readIndex,
} from '../../shared/io/index-tab';
import { indexTimeZone, TIME_ZONE_CHECK_COL, TIME_ZONE_CHECKS } from '../../shared/io/index-time-zone';
import { UNIQUE_KEY_TABS, UNIQUE_ROW } from '../../shared/io/index-unique';
import { sheetRef } from '../../shared/sheet/a1';
import type { Cell } from '../../shared/sheet/cells';
import { DEFAULT_SETTINGS } from '../../shared/tabs/settings';
import { TABS, type TabKey } from '../../shared/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The trusted rows of the index by tab name, the time zone when the index vouches for it, and how
 * many search rows and repeated-keys rows it has (an index written before them has none).
 */
export type IndexRead = Map<string, IndexedShape> & {
  timeZone?: string;
  searchRows?: number;
  uniqueRows?: number;
};

/** The trusted rows of the index, by tab name; empty when the workbook has no index yet. */
export function readIndexTab(ss: Spreadsheet): IndexRead {
  const out: IndexRead = new Map<string, IndexedShape>();
  // Its rows are the indexed tabs, at most; whole rows, so no call asks how wide the tab is. By A1
  // with the tab's name (fidelity A46): no sheet object is asked for.
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = ss.getRange(`${sheetRef(INDEX_TAB)}!1:${INDEX_ROWS}`);
  } catch {
    return out; // no index yet ("Range not found")
  }
  const values = range.getValues() as Cell[][];
  for (const [tab, shape] of readIndex(values)) out.set(TABS[tab].name, shape);
  const timeZone = indexTimeZone(values);
  if (timeZone) out.timeZone = timeZone;
  out.searchRows = values.filter((r) => r[0] === FOUND_ROW).length;
  out.uniqueRows = values.filter((r) => r[0] === UNIQUE_ROW).length;
  return out;
}

/**
 * Rewrites the index unless every indexed tab has a trusted row, it has a row for every indexed
 * search and every repeated-keys count, and the time zone checks out (the daily run: three calls
 * when it does). A search row it has but cannot trust (a Status cell holding no status, a list too
 * long for a cell), or a count of ids that do repeat, is left: writing it again would not change
 * what it shows.
 */
export function mendIndexTab(ss: Spreadsheet): void {
  const index = readIndexTab(ss);
  const searches = (index.searchRows ?? 0) >= INDEXED_SEARCHES.length;
  const unique = (index.uniqueRows ?? 0) >= UNIQUE_KEY_TABS.length;
  if (index.size < INDEXED_TABS.length || !index.timeZone || !searches || !unique) writeIndexTab(ss);
}

/**
 * Writes the index from the tabs as they stand (a header read and a grid width per tab), creating
 * the hidden tab when missing. Called under the document lock by Set up and the daily run.
 */
export function writeIndexTab(ss: Spreadsheet): void {
  const tabs = new Map<TabKey, { header: Cell[]; gridCols: number }>();
  for (const tab of INDEXED_TABS) {
    const sheet = ss.getSheetByName(TABS[tab].name);
    if (!sheet) continue;
    const header = [...((sheet.getRange('1:1').getValues()[0] ?? []) as Cell[])];
    while (header.length > 0 && (header[header.length - 1] === '' || header[header.length - 1] === null))
      header.pop();
    tabs.set(tab, { header, gridCols: sheet.getMaxColumns() });
  }
  const settings = (ss.getSheetByName(TABS.settings.name)?.getDataRange().getValues() ?? []) as Cell[][];
  const grid = indexGrid(tabs, invoicePrefix(settings), settings.length, ss.getSpreadsheetTimeZone());
  const sheet = ss.getSheetByName(INDEX_TAB) ?? ss.insertSheet(INDEX_TAB);
  const width = grid[0]?.length ?? 0;
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getDataRange().clearContent();
  if (grid.length > 0) sheet.getRange(1, 1, grid.length, width).setValues(grid);
  // The time zone's check dates read as Dates (midnights in the zone Sheets computes them in).
  const zoneRow = grid.findIndex((r) => r[TIME_ZONE_CHECK_COL] === TIME_ZONE_CHECKS[0]);
  if (zoneRow >= 0)
    sheet
      .getRange(zoneRow + 1, TIME_ZONE_CHECK_COL + 1, 1, TIME_ZONE_CHECKS.length)
      .setNumberFormat('yyyy-mm-dd');
  if (!sheet.isSheetHidden()) sheet.hideSheet();
}

/** The InvoicePrefix setting in Settings' cells (its default when the row is missing). */
function invoicePrefix(values: readonly (readonly Cell[])[]): string {
  const row = values.find((r) => String(r[0] ?? '').trim() === 'InvoicePrefix');
  return row ? String(row[1] ?? '') : DEFAULT_SETTINGS.InvoicePrefix;
}
