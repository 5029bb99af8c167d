/**
 * `measureSpeed`, run by hand from the Apps Script editor on a real spreadsheet (it is on no menu):
 * times the calls the twin's cost model prices (twin/apps-script/cost-model.ts; docs/twin.md "Cost
 * model") so that its inferred parameters can be replaced by measured ones. Nothing here can reach
 * Google, so the model's figures come from published measurements; this is how the first real Sheet
 * corrects them. It reads the Orders tab (else the first sheet) and writes only to a temporary sheet,
 * deleted before it returns, so no person's data is touched and no Log row is due. The report, and
 * the parameter set it implies, is logged as JSON (View → Executions) and returned.
 */

import type { CostParameters } from '../../shared/io/cost-parameters';
import {
  foundKey,
  INDEXED_SEARCHES,
  indexedPattern,
  searchColumn,
  valuesColumn,
} from '../../shared/io/index-searches';
import { UNIQUE_KEY_TABS } from '../../shared/io/index-unique';
import { sheetRef } from '../../shared/sheet/a1';
import { keyColumnIn } from '../../shared/sheet/codec';
import { median } from '../../shared/sidebar/probe';
import { TABS, tabSpec } from '../../shared/workbook';
import { type IndexRead, readIndexTab } from './index-tab';
import { sessionCallTimes } from './measure-session';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Each timed call is repeated this many times and the median kept (one slow call says little). */
export const REPEAT = 15;
const BLOCK_ROWS = 200;

export interface SpeedReport {
  readonly sheet: string;
  /** Median milliseconds of one call of each kind, and of one read and write of a block. */
  readonly ms: Readonly<Record<string, number>>;
  readonly blockCells: number;
  /**
   * The tabs whose index-tab row this Sheet trusts (addon/src/index-tab.ts): all of them once Set up
   * ran, unless Google gives back the formulas in another spelling than written (docs/fidelity.md A45).
   */
  readonly indexTrusted: readonly string[];
  /** The index's id rows trusted, with the highest number each shows (`Log LG-: 1234`; fidelity A47). */
  readonly idsTrusted: readonly string[];
  /** Whether the measured tab's index row gives its grid as getMaxRows/getMaxColumns do (null: no row). */
  readonly indexAgrees: boolean | null;
  /**
   * Per indexed search (`Orders hold`), whether the rows the index gives are those the TextFinder
   * search finds (fidelity A52); null when the index gives no answer (then the search is made).
   */
  readonly searchesAgree: Readonly<Record<string, boolean | null>>;
  /**
   * Per tab with a repeated-keys row (`Backorders`), whether the index's "no id stands twice" is what
   * the key column's cells, compared case and all, say (fidelity A53); null when the row is not trusted.
   */
  readonly uniqueAgrees: Readonly<Record<string, boolean | null>>;
  /**
   * The cost model's parameters as measured (seconds), to compare with `COST.central`. The round
   * trip is not measurable from the server side: time a `google.script.run` from the sidebar.
   */
  readonly parameters: Omit<CostParameters, 'roundTrip'> & {
    /** A one-cell read in a run of reads: the look-ahead cache the model does not count on. */
    readonly cachedRead: number;
  };
}

/** Milliseconds of each of `n` runs of `fn(i)`. */
function times(n: number, fn: (i: number) => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = Date.now();
    fn(i);
    out.push(Date.now() - t);
  }
  return out;
}

const timed = (n: number, fn: (i: number) => unknown) => median(times(n, fn));
const seconds = (ms: number) => Math.round(ms * 1000) / 1e6;

export function measureSpeed(): SpeedReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet: Sheet = ss.getSheetByName('Orders') ?? (ss.getSheets()[0] as Sheet);
  const name = sheet.getName();
  const lastRow = Math.max(1, sheet.getLastRow());
  const width = Math.max(1, sheet.getLastColumn());
  // Rows spread over the tab, so no read is of a row just read.
  const row = (i: number) => 1 + ((i * 7919) % lastRow);
  // A TextFinder needs a non-empty text; an empty tab is searched for a text it does not hold.
  const key = String(sheet.getRange(Math.min(2, lastRow), 1).getValues()[0]?.[0] ?? '') || 'Backorder Desk';
  const keyColumn = sheet.getRange(1, 1, lastRow, 1);
  const blockRows = Math.min(BLOCK_ROWS, lastRow);
  const read = {
    getLastRow: timed(REPEAT, () => sheet.getLastRow()),
    getSheetByName: timed(REPEAT, () => ss.getSheetByName(name)),
    // What the index's time-zone row saves a click (shared/io/index-tab.ts `indexTimeZone`).
    getSpreadsheetTimeZone: timed(REPEAT, () => ss.getSpreadsheetTimeZone()),
    // Whether one getSheets and a getName per sheet could stand in for a getSheetByName per tab
    // (a click makes nine): if getName is answered without a trip, they could.
    getSheets: timed(REPEAT, () => ss.getSheets()),
    getNameOfEachSheet: timed(3, () => {
      for (const s of ss.getSheets()) s.getName();
    }),
    getRange: timed(REPEAT, (i) => sheet.getRange(row(i), 1)),
    // The spreadsheet's getRange by A1 with the tab's name (tab-handle.ts, fidelity A46): if this
    // costs what getSheetByName costs rather than what getRange costs, BY_A1 should go false.
    rangeByA1: timed(REPEAT, (i) => ss.getRange(`${sheetRef(name)}!A${row(i)}`)),
    // A sheet object from such a range (tab-handle.ts, for appendRow): if this costs what
    // getSheetByName costs, taking the sheet so gains nothing and loses nothing.
    sheetOfRangeByA1: timed(REPEAT, (i) => ss.getRange(`${sheetRef(name)}!A${row(i)}`).getSheet()),
    readOneCell: timed(REPEAT, (i) => sheet.getRange(row(i), 1).getValues()),
    findAll: timed(REPEAT, () => keyColumn.createTextFinder(key).matchEntireCell(true).findAll()),
    findAllTab: timed(3, () =>
      sheet.getRange(1, 1, lastRow, width).createTextFinder(key).matchEntireCell(true).findAll(),
    ),
    readBlock: timed(3, () => sheet.getRange(1, 1, blockRows, width).getValues()),
    readIndexTab: timed(3, () => readIndexTab(ss)),
  };
  // The five calls every action makes about its execution (measure-session.ts).
  const session = sessionCallTimes(REPEAT, median);
  const index = readIndexTab(ss);
  const indexTrusted = [...index.keys()];
  const idsTrusted = [...index].flatMap(([tab, shape]) =>
    [...shape.highest].map(([prefix, n]) => `${tab} ${prefix}: ${n}`),
  );
  const shown = index.get(name);
  // The index's formulas against the calls they stand in for (docs/fidelity.md A43–A44).
  const indexAgrees = shown
    ? shown.gridRows === sheet.getMaxRows() &&
      shown.gridCols === sheet.getMaxColumns() &&
      shown.keyCells <= lastRow
    : null;
  // A new sheet is 1,000 × 26: the block written fits below the single cells, at most 26 wide.
  const writeWidth = Math.min(width, 26);
  const probe = ss.insertSheet(`Backorder Desk speed probe ${Date.now()}`);
  let write: Record<'writeOneCell' | 'writeOneCellAndFlush' | 'writeThenReadOneCell' | 'writeBlock', number>;
  try {
    const writeOneCell = timed(REPEAT, (i) => probe.getRange(i + 1, 1).setValues([[i]]));
    const writeOneCellAndFlush = timed(REPEAT, (i) => {
      probe.getRange(i + 1, 2).setValues([[i]]);
      SpreadsheetApp.flush();
    });
    // A read right after a write cannot be served by the look-ahead cache.
    const writeThenReadOneCell = timed(REPEAT, (i) => {
      probe.getRange(i + 1, 3).setValues([[i]]);
      sheet.getRange(row(i), 1).getValues();
    });
    const grid = Array.from({ length: blockRows }, (_, r) =>
      Array.from({ length: writeWidth }, (_, c) => r * c),
    );
    const top = REPEAT + 2;
    const writeBlock = timed(3, () => probe.getRange(top, 1, blockRows, writeWidth).setValues(grid));
    write = { writeOneCell, writeOneCellAndFlush, writeThenReadOneCell, writeBlock };
  } finally {
    ss.deleteSheet(probe);
  }
  const blockCells = blockRows * width;
  const writeCells = blockRows * writeWidth;
  const perCellReadMs = Math.max(0, (read.readBlock - read.readOneCell) / Math.max(1, blockCells - 1));
  const perCellWrittenMs = Math.max(0, (write.writeBlock - write.writeOneCell) / Math.max(1, writeCells - 1));
  const uncachedRead = Math.max(0, write.writeThenReadOneCell - write.writeOneCell);
  const report: SpeedReport = {
    sheet: name,
    ms: { ...read, ...session, ...write },
    blockCells,
    indexTrusted,
    idsTrusted,
    indexAgrees,
    searchesAgree: searchesAgree(ss, index),
    uniqueAgrees: uniqueAgrees(ss, index),
    parameters: {
      perDataCall: seconds(median([read.getLastRow, read.findAll, uncachedRead])),
      perMetaCall: seconds(read.getSheetByName),
      perSessionCall: seconds(median(Object.values(session))),
      perWriteCall: seconds(write.writeOneCell),
      perLocalCall: seconds(read.getRange),
      perCellRead: seconds(perCellReadMs),
      perCellWritten: seconds(perCellWrittenMs),
      commit: seconds(Math.max(0, write.writeOneCellAndFlush - write.writeOneCell)),
      cachedRead: seconds(read.readOneCell),
      // One more cell a TextFinder search covers: the whole tab's search less the key column's.
      perScannedCell: seconds(
        Math.max(0, read.findAllTab - read.findAll) / Math.max(1, lastRow * width - lastRow),
      ),
    },
  };
  console.log(JSON.stringify(report));
  return report;
}

/** The index's answer to each indexed search against the search itself (one TextFinder each). */
function searchesAgree(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, index: IndexRead) {
  const out: Record<string, boolean | null> = {};
  for (const search of INDEXED_SEARCHES) {
    const name = TABS[search.tab].name;
    const shape = index.get(name);
    const col = shape ? searchColumn(search, shape.header) : -1;
    const pattern = indexedPattern(search.words);
    const answer = shape?.found?.get(foundKey(col, pattern));
    const sheet = ss.getSheetByName(name);
    if (!answer || !sheet || col < 0) {
      out[`${name} ${search.field}`] = null;
      continue;
    }
    const found = sheet
      .getRange(2, col + 1, Math.max(1, sheet.getMaxRows() - 1), 1)
      .createTextFinder(`^${pattern}$`)
      .useRegularExpression(true)
      .matchCase(true)
      .findAll()
      .map((r) => r.getRow());
    out[`${name} ${search.field}`] = found.join(',') === answer.join(',');
    // The values the answer lists (a waiting line's SKU) against the cells of the rows found.
    const values = shape?.foundValues?.get(foundKey(col, pattern));
    const at = shape ? valuesColumn(search, shape.header) : -1;
    if (!search.values) continue;
    if (!values || at < 0) {
      out[`${name} ${search.values}`] = null;
      continue;
    }
    const cells = sheet.getRange(2, at + 1, Math.max(1, sheet.getMaxRows() - 1), 1).getValues();
    out[`${name} ${search.values}`] =
      found.map((r) => String(cells[r - 2]?.[0] ?? '')).join('\n') === values.join('\n');
  }
  return out;
}

/**
 * The index's word on repeated ids against the key column read (one read each): unique by the index
 * when, and only when, no value of the column stands twice, as a case-matching search sees them.
 */
function uniqueAgrees(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, index: IndexRead) {
  const out: Record<string, boolean | null> = {};
  for (const tab of UNIQUE_KEY_TABS) {
    const name = TABS[tab].name;
    const shape = index.get(name);
    const col = shape ? keyColumnIn(tabSpec(tab), shape.header) : -1;
    const sheet = ss.getSheetByName(name);
    if (!shape || !sheet || col < 0 || shape.gridRows < 2) {
      out[name] = null;
      continue;
    }
    const ids = sheet
      .getRange(2, col + 1, shape.gridRows - 1, 1)
      .getValues()
      .map((r) => String(r[0] ?? ''))
      .filter((v) => v !== '');
    out[name] = (shape.uniqueKeys === true) === (new Set(ids).size === ids.length);
  }
  return out;
}
