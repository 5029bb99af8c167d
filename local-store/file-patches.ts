/**
 * A workbook file's copy changed by what a command writes: new tabs (with their conditional formats,
 * charts and number formats), patches applied cell by cell, and the history tabs' part of the
 * patches as segment lines (history-segment.ts) for a save that appends. The file holds Sheets API
 * values, so a Date reaching it is a bug in the codec and refused.
 */
import { chartOn } from '../shared/reports/aging-charts';
import { columnLetter } from '../shared/sheet/a1';
import type { Cell } from '../shared/sheet/cells';
import { applyPatch, type NumberFormats, type RawTab, type TabPatch } from '../shared/sheet/codec';
import { appendRecord, HISTORY_TAB_NAMES, writeRecord } from './history-segment';
import { chartsOn, newSheet, type Sheet, sheetByTitle, type WorkbookFile } from './workbook-file';

/** Adds `tabs` to the file, each with its rules, charts and number formats. */
export function addTabs(file: WorkbookFile, tabs: readonly RawTab[]): void {
  for (const tab of tabs) {
    if (sheetByTitle(file, tab.name)) throw new Error(`tab ${tab.name} already exists`);
    const sheet = newSheet(file, tab.name, []);
    sheet.values = tab.values.map((r) => r.map(fileCell));
    if (tab.formats?.length)
      sheet.metadata.conditionalFormats = tab.formats.map((f) => chartOn(f, sheet.properties.sheetId));
    if (tab.charts?.length) sheet.metadata.charts = chartsOn(tab.charts, sheet.properties.sheetId);
    if (tab.numberFormats) sheet.metadata.cellFormats = cellFormatsOf(tab.numberFormats);
  }
}

/** Applies one patch to its tab of the file (`where` names the file in the error for a missing tab). */
export function patchTab(file: WorkbookFile, patch: TabPatch, where: string): void {
  const sheet: Sheet | undefined = sheetByTitle(file, patch.tab);
  if (!sheet) throw new Error(`no tab ${patch.tab} in ${where}`);
  if (patch.charts) sheet.metadata.charts = chartsOn(patch.charts, sheet.properties.sheetId);
  // A tab written whole takes its formats whole: none of the old report's outlive it.
  if (patch.replace && patch.numberFormats) sheet.metadata.cellFormats = cellFormatsOf(patch.numberFormats);
  applyPatch(sheet.values as Cell[][], {
    ...patch,
    writes: patch.writes.map((w) => ({ ...w, value: fileCell(w.value) })),
    appends: patch.appends.map((r) => r.map(fileCell)),
  });
}

/**
 * The history tabs' part of `patches` as segment lines, in the order the patch applies them (cells
 * written, then rows added); `false` when a patch removes or replaces history rows, which only a
 * segment written whole can hold.
 */
export function historyRecords(patches: readonly TabPatch[]): string | false {
  let out = '';
  for (const patch of patches) {
    if (!HISTORY_TAB_NAMES.has(patch.tab)) continue;
    if (patch.replace || patch.deletes?.length) return false;
    for (const w of patch.writes) out += writeRecord(patch.tab, w.row, w.col, fileCell(w.value));
    for (const row of patch.appends) out += appendRecord(patch.tab, row.map(fileCell));
  }
  return out;
}

/** A built tab's number formats as the file keeps them: each cell's own pattern, by A1 (as the twin reads them). */
function cellFormatsOf(formats: NumberFormats): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of formats)
    for (const r of f.ranges)
      for (let row = r.firstRow; row <= r.lastRow; row++)
        out[`${columnLetter(r.column - 1)}${row}`] = f.pattern;
  return out;
}

/** The file holds Sheets API values: no Date objects (the codec writes serials for this face). */
function fileCell(cell: Cell): string | number | boolean | null {
  if (cell instanceof Date)
    throw new Error('a Date reached the workbook file; the codec should have written a serial');
  return cell;
}
