/**
 * The add-on's edge to the spreadsheet, synchronous as Apps Script is: one batched read of the tabs an
 * action needs (a getDataRange().getValues() per tab) and the core's patches written cell-sized: the
 * changed cells go out as the rectangles shared/io/write-plan.ts plans (a row's run of changed columns,
 * stacked over rows that share it, joined across a gap only while that is cheaper than another
 * call), so a change of one cell writes one cell wherever its row is, and columns the action does
 * not own (people's, formulas) are never in a written range. New rows go out in one setValues, with
 * the tab's formula columns filled in (see sheet-rules.ts).
 */

import { APPS_SCRIPT_MERGE_CELLS, EXACT_RECTANGLES, writeRectangles } from '../../shared/io/write-plan';
import { consecutiveRuns, type FormulaColumn, formulaColumns } from '../../shared/setup/sheet-rules';
import { runA1 } from '../../shared/sheet/a1';
import { type Cell, encodeText } from '../../shared/sheet/cells';
import { indexColumns, type NumberFormats, type RawTab, type TabPatch } from '../../shared/sheet/codec';
import { normalizeHeader } from '../../shared/sheet/columns';
import { type Grid, gridNeeds, widest } from '../../shared/sheet/grid-plan';
import { tabKeyOf, tabSpec } from '../../shared/workbook';
import { type Placing, placeAppends } from './appends';
import { planGrids } from './grid';
import { NO_PROGRESS, type Progress } from './progress';
import { clusters, READ_JOIN_CELLS } from './read-costs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ReadResult extends Placing {
  readonly timeZone: string;
  readonly sheets: Map<string, Sheet>;
  /** Tabs read row by row (addon/src/row-source.ts): their unread rows are empty in `tabs`. */
  readonly sparse?: ReadonlySet<string>;
  /** Grid sizes already known (from the index tab), by tab name: not asked again before a write. */
  readonly grids?: ReadonlyMap<string, Grid>;
  /**
   * A row (1-based) of a sparse tab as this execution read it, decoded or not (a joined read brings
   * the rows between those it wanted): what a write may rewrite to join two rectangles.
   */
  readonly rowRead?: (tab: string, row: number) => readonly Cell[] | undefined;
}

/** Every sheet by name (one getSheets, one getName per sheet: constant in the number of rows). */
export function sheetsByName(ss: Spreadsheet): Map<string, Sheet> {
  return new Map(ss.getSheets().map((s) => [s.getName(), s] as const));
}

export function readTabs(
  ss: Spreadsheet,
  names: readonly string[],
  timeZone = ss.getSpreadsheetTimeZone(),
): ReadResult {
  const sheets = sheetsByName(ss);
  const tabs: Record<string, RawTab> = {};
  for (const name of names) {
    const sheet = sheets.get(name);
    if (sheet) tabs[name] = { name, values: sheet.getDataRange().getValues() as RawTab['values'] };
  }
  return { tabs, timeZone, sheets };
}

const SCRIPT = { face: 'apps-script' as const, timeZone: 'UTC', currencyDigits: 2 };

/** A value read back from the sheet, made safe to write again (text that looks like a formula stays text). */
function rewritable(v: unknown): unknown {
  return typeof v === 'string' ? encodeText(v, SCRIPT) : v;
}

/**
 * `sparse`: the tab was read row by row, so a rectangle spans only rows this execution read: the
 * rows decoded, or rows a joined read brought in between them (`rowRead`, 1-based).
 */
function writeCells(
  sheet: Sheet,
  read: RawTab,
  patch: TabPatch,
  sparse: boolean,
  rowRead?: ReadResult['rowRead'],
  progress: Progress = NO_PROGRESS,
): void {
  if (patch.writes.length === 0) return;
  const byCell = new Map<string, unknown>();
  for (const w of patch.writes) byCell.set(`${w.row}:${w.col}`, w.value);
  const rowAt = (row: number) => {
    const decoded = read.values[row];
    return decoded && decoded.length > 0 ? decoded : rowRead?.(read.name, row + 1);
  };
  const known = (from: number, to: number) => {
    for (let row = from; row <= to; row++) if ((rowAt(row)?.length ?? 0) === 0) return false;
    return true;
  };
  const engine = engineColumns(read);
  // A row's write may span engine columns between its changed runs, rewriting them as just read.
  const bridge = (row: number, from: number, to: number) => {
    const was = rowAt(row);
    if (!was || was.length <= to) return false;
    for (let c = from; c <= to; c++) if (!engine.has(c)) return false;
    return true;
  };
  const rectangles = writeRectangles(
    patch.writes,
    APPS_SCRIPT_MERGE_CELLS,
    EXACT_RECTANGLES,
    sparse ? known : undefined,
    bridge,
  );
  for (const [k, r] of rectangles.entries()) {
    progress.note(`writing ${read.name}: ${k + 1} of ${rectangles.length} ranges`);
    const grid: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const cells: unknown[] = [];
      const was = rowAt(row);
      for (let c = r.left; c <= r.right; c++) {
        const key = `${row}:${c}`;
        cells.push(byCell.has(key) ? byCell.get(key) : rewritable(was?.[c] ?? ''));
      }
      grid.push(cells);
    }
    sheet.getRange(r.top + 1, r.left + 1, grid.length, r.right - r.left + 1).setValues(grid as never);
  }
}

/** The columns of a typed tab only the engine writes (not people's, the sync's, or formulas). */
function engineColumns(read: RawTab): Set<number> {
  const key = tabKeyOf(read.name);
  if (!key) return new Set();
  const spec = tabSpec(key);
  const at = indexColumns(spec, read.values[0] ?? []);
  return new Set(
    Object.entries(spec.columns)
      .filter(([, c]) => c.owner === 'engine')
      .map(([field]) => at[field] ?? -1)
      .filter((c) => c >= 0),
  );
}

function appendRows(sheet: Sheet, read: RawTab, rows: readonly (readonly unknown[])[]): void {
  if (rows.length === 0) return;
  const header = (read.values[0] ?? []).map(normalizeHeader);
  const formulas = formulaColumns(read.name)
    .map((f) => ({ ...f, at: header.indexOf(normalizeHeader(f.header)) }))
    .filter((f) => f.at >= 0);
  const width = widest(rows);
  const first = read.values.length + 1;
  const grid = rows.map((r, i) => {
    const row = [...r, ...new Array(width - r.length).fill('')];
    for (const f of formulas) if (f.at < width) row[f.at] = f.formula(first + i, read.values[0] ?? []);
    return row;
  });
  sheet.getRange(first, 1, grid.length, width).setValues(grid as never);
}

/**
 * Rows people added by hand lack the formula columns (Available, Age): each run of such rows gets its
 * formulas in one setFormulas. A blank cell may also be a formula showing "" (Age of a closed
 * backorder), so the column's formulas are read (one call) before anything is written; a cell holding
 * a typed value is left for Check workbook to report.
 */
export function fillMissingFormulas(sheets: Map<string, Sheet>, tabs: Record<string, RawTab>): void {
  for (const tab of Object.values(tabs)) {
    const header = tab.values[0] ?? [];
    const sheet = sheets.get(tab.name);
    if (!sheet || tab.values.length < 2) continue;
    for (const f of formulaColumns(tab.name)) {
      const at = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(f.header));
      if (at < 0) continue;
      const blank = (v: unknown) => v === '' || v === null;
      // Rows with content whose formula cell shows blank (unread rows of a sparse read are empty).
      const suspects: number[] = [];
      for (let i = 1; i < tab.values.length; i++) {
        const row = tab.values[i] ?? [];
        if (blank(row[at]) && row.some((v, c) => c !== at && !blank(v))) suspects.push(i + 1);
      }
      if (suspects.length === 0) continue;
      // A formula may show "" and must not be rewritten: the suspects' formulas are read first, one
      // getFormulas per cluster of rows (a gap costs a cell a row, joined while cheaper than a call).
      const missing: number[] = [];
      let next = 0; // suspects are sorted and clusters cover them in order: one pass over both
      for (const [first, last] of clusters(suspects, READ_JOIN_CELLS)) {
        const formulas = sheet.getRange(first, at + 1, last - first + 1, 1).getFormulas();
        for (; next < suspects.length && (suspects[next] as number) <= last; next++) {
          const r = suspects[next] as number;
          if (!formulas[r - first]?.[0]) missing.push(r);
        }
      }
      writeFormulas(sheet, at, missing, f, header);
    }
  }
}

/** Writes a formula column's formulas into the given rows (1-based), one setFormulas per run of rows. */
export function writeFormulas(
  sheet: Sheet,
  column: number,
  rows: readonly number[],
  f: FormulaColumn,
  header: readonly unknown[],
): void {
  for (const [first, last] of consecutiveRuns(rows))
    sheet
      .getRange(first, column + 1, last - first + 1, 1)
      .setFormulas(
        Array.from({ length: last - first + 1 }, (_, k) => [f.formula(first + k, header as never)]),
      );
}

/** A built tab's number formats (shared/sheet/codec.ts NumberFormats): one RangeList call per pattern. */
function applyNumberFormats(sheet: Sheet, formats: NumberFormats | undefined): void {
  for (const f of formats ?? [])
    if (f.ranges.length > 0) sheet.getRangeList(f.ranges.map(runA1)).setNumberFormat(f.pattern);
}

/**
 * Applies the core's patches and creates new tabs. Every tab named in a patch was read by `readTabs`
 * in the same execution (under the document lock), so its rows are where the core saw them. The
 * grids are sized first, and a write that cannot fit is refused before anything is written. Returns
 * the tabs whose new rows went out by `appendRow` (Google chose their rows).
 */
export function writeTabs(
  ss: Spreadsheet,
  read: ReadResult,
  patches: readonly TabPatch[],
  newTabs: readonly RawTab[] = [],
  placeCharts?: (sheet: Sheet, charts: readonly object[]) => void,
  progress: Progress = NO_PROGRESS,
): ReadonlySet<string> {
  // Every patch is for a tab read in this execution: checked before anything is written, so a plan
  // can never land half (or over a tab it never saw: shared/io/read-plan.ts).
  for (const patch of patches)
    if (!read.sheets.has(patch.tab) || !read.tabs[patch.tab])
      throw new Error(
        // A tab a newer version added (Notifications) reads as empty until Set up adds it.
        ss.getSheetByName(patch.tab)
          ? `${patch.tab}: the tab was not read before writing`
          : `The workbook has no ${patch.tab} tab yet: run Extensions ▸ Backorder Desk ▸ Set up workbook to add it; nothing was changed`,
      );
  const appended = placeAppends(read, patches);
  const needs = gridNeeds(
    (tab) => (read.sheets.has(tab) && !appended.has(tab) ? read.tabs[tab]?.values.length : undefined),
    patches,
    newTabs,
  );
  const growGrids = planGrids(ss, read.sheets, needs, read.grids);
  const created = new Map<string, Sheet>();
  for (const tab of newTabs) created.set(tab.name, ss.insertSheet(tab.name));
  growGrids(created);
  for (const tab of newTabs) {
    const sheet = created.get(tab.name) as Sheet;
    const width = widest(tab.values);
    const grid = tab.values.map((r) => [...r.map(rewritable), ...new Array(width - r.length).fill('')]);
    sheet.getRange(1, 1, grid.length, width).setValues(grid as never);
    sheet.setFrozenRows(1);
    applyNumberFormats(sheet, tab.numberFormats);
    if (tab.charts?.length) placeCharts?.(sheet, tab.charts);
    read.sheets.set(tab.name, sheet);
  }
  fillMissingFormulas(read.sheets, read.tabs);
  for (const patch of patches) {
    const sheet = read.sheets.get(patch.tab);
    const raw = read.tabs[patch.tab];
    if (!sheet || !raw) throw new Error(`${patch.tab}: the tab was not read before writing`);
    if (patch.replace) {
      const previous = sheet.getDataRange();
      previous.clearContent();
      // A number format the old report gave a cell must not outlive the value it was for.
      if (patch.numberFormats) previous.clearFormat();
      const width = widest(patch.replace);
      const grid = patch.replace.map((r) => [...r.map(rewritable), ...new Array(width - r.length).fill('')]);
      sheet.getRange(1, 1, grid.length, width).setValues(grid as never);
      applyNumberFormats(sheet, patch.numberFormats);
      if (patch.charts?.length) placeCharts?.(sheet, patch.charts);
      continue;
    }
    writeCells(sheet, raw, patch, read.sparse?.has(patch.tab) === true, read.rowRead, progress);
    if (appended.has(patch.tab)) {
      for (const row of patch.appends) sheet.appendRow([...row]);
      continue;
    }
    // Rows removed bottom-up so earlier row numbers stay valid (undo and archive only).
    for (const r of [...(patch.deletes ?? [])].sort((a, b) => b - a)) sheet.deleteRow(r + 1);
    const remaining = {
      ...raw,
      values: raw.values.slice(0, raw.values.length - (patch.deletes?.length ?? 0)),
    };
    appendRows(sheet, remaining, patch.appends);
  }
  return appended;
}
