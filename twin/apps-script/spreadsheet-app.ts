/**
 * The twin's `SpreadsheetApp`, the subset the add-on uses, over the same model the HTTP face serves:
 * the active spreadsheet, sheets by name, insert and delete, `getRange` in A1 and row/column forms,
 * `getDataRange`, `getLastRow`, `appendRow`, frozen rows, data-validation and conditional-format
 * builders, the active sheet and range (the sidebar's context), `toast` and `getUi()`.
 */

import type { Sheet } from '../../local-store/workbook-file';
import { parseA1, RangeError_ } from '../a1';
import { gridOf } from '../grid';
import type { TwinSpreadsheet } from '../spreadsheet';
import { trimGrid } from '../values';
import { conditionalRule, valueBuilder } from './builders';
import type { CallCounter } from './counter';
import { namedRanges } from './named-ranges';
import { listProtections } from './protection';
import { TwinRange } from './range';
import { sheetCharts } from './sheet-charts';
import { OUTSIDE, sheetGrid } from './sheet-grid';
import { makeUi, type UiRecorder } from './ui';
import type { WriteCache } from './write-cache';

export interface SpreadsheetAppEnv {
  readonly twin: TwinSpreadsheet;
  readonly counter: CallCounter;
  readonly ui: UiRecorder;
  active: { sheetId: number; row: number; col: number; rows: number; cols: number } | undefined;
  readonly toasts: string[];
  /** A Date of the script's realm (set by the runtime for each execution). */
  makeDate: (ms: number) => Date;
}

/** `cache` is the execution's write cache: reads and structural changes commit it first. */
export function createSpreadsheetApp(env: SpreadsheetAppEnv, cache: WriteCache, container = true) {
  const { twin, counter } = env;
  const hit = (k: string) => counter.hit(k);
  /** Wraps a service method so every call is counted under its Apps Script name. */
  const counted =
    <A extends unknown[], R>(kind: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      hit(kind);
      return fn(...args);
    };
  const sheetObjects = new Map<number, ReturnType<typeof sheetObject>>();
  const host = {
    twin,
    counter,
    cache,
    sheetObject: (id: number) => sheetOf(id),
    makeDate: (ms: number) => env.makeDate(ms),
    activate: (sheetId: number, row: number, col: number, rows: number, cols: number) => {
      env.active = { sheetId, row, col, rows, cols };
    },
  };

  function sheetOf(id: number) {
    let s = sheetObjects.get(id);
    if (!s) {
      s = sheetObject(id);
      sheetObjects.set(id, s);
    }
    return s;
  }

  function raw(id: number): Sheet {
    const s = twin.file.sheets.find((x) => x.properties.sheetId === id);
    if (!s) throw new Error('Exception: The sheet has been deleted.');
    return s;
  }

  /** Refuses a range past the sheet's grid, as Apps Script does (fidelity A12). */
  function inGrid(id: number, row: number, col: number, rows: number, cols: number): void {
    const g = gridOf(raw(id));
    if (row + rows > g.rows || col + cols > g.cols) throw new Error(OUTSIDE);
  }

  function lastRow(s: Sheet): number {
    cache.commit();
    let last = trimGrid(s.values.map((r) => [...r])).length;
    for (const key of Object.keys(s.formulas)) last = Math.max(last, Number(/\d+$/.exec(key)?.[0] ?? 0));
    return last;
  }

  function lastColumn(s: Sheet): number {
    cache.commit();
    return s.values.reduce((m, r) => Math.max(m, trimGrid([[...r]])[0]?.length ?? 0), 0);
  }

  /** A range of sheet `id`, by A1 (`F2:F`, `2:2` run to the grid's end) or row/column numbers. */
  function rangeOn(id: number, a: string | number, col?: number, rows = 1, cols = 1): TwinRange {
    if (typeof a === 'number') {
      if (a < 1 || (col ?? 0) < 1 || rows < 1 || cols < 1) throw new Error(OUTSIDE);
      inGrid(id, a - 1, (col as number) - 1, rows, cols);
      return new TwinRange(host, id, a - 1, (col as number) - 1, rows, cols);
    }
    let g: ReturnType<typeof parseA1>;
    try {
      g = parseA1(a.includes('!') ? a : `'x'!${a}`);
    } catch (e) {
      if (e instanceof RangeError_) throw new Error(`Exception: Range not found`);
      throw e;
    }
    // Open-ended ranges (F2:F, 2:2) run to the grid's last row or column.
    const grid = gridOf(raw(id));
    const endRow = g.endRow ?? grid.rows;
    const endCol = g.endCol ?? grid.cols;
    inGrid(id, g.startRow, g.startCol, endRow - g.startRow, endCol - g.startCol);
    return new TwinRange(
      host,
      id,
      g.startRow,
      g.startCol,
      endRow - g.startRow,
      endCol - g.startCol,
      g.endRow === undefined,
      /^(?:.*!)?\$?[A-Z]+:\$?[A-Z]+$/i.test(a.trim()),
    );
  }

  function sheetObject(id: number) {
    // The grid methods return the sheet itself; bound once the sheet object exists.
    let me: unknown;
    const self = {
      getName: counted('Sheet.getName', () => raw(id).properties.title),
      getSheetId: counted('Sheet.getSheetId', () => id),
      setName(name: string): unknown {
        hit('Sheet.setName');
        raw(id).properties.title = name;
        return self;
      },
      getRange(a: string | number, col?: number, rows = 1, cols = 1): TwinRange {
        hit('Sheet.getRange');
        return rangeOn(id, a, col, rows, cols);
      },
      // RangeList: ranges of this sheet by A1, formatted in one call.
      getRangeList(a1s: string[]) {
        const ranges = a1s.map((a) => rangeOn(id, a));
        return {
          getRanges: () => ranges,
          setNumberFormat(pattern: string) {
            hit('RangeList.setNumberFormat');
            for (const r of ranges) r.applyNumberFormat(pattern);
            return this;
          },
        };
      },
      getDataRange: () => (
        hit('Sheet.getDataRange'),
        new TwinRange(host, id, 0, 0, Math.max(1, lastRow(raw(id))), Math.max(1, lastColumn(raw(id))))
      ),
      getLastRow: counted('Sheet.getLastRow', () => lastRow(raw(id))),
      getLastColumn: counted('Sheet.getLastColumn', () => lastColumn(raw(id))),
      ...sheetGrid({
        id,
        raw: () => raw(id),
        cache,
        hit,
        lastRow: () => lastRow(raw(id)),
        file: () => twin.file,
        host,
        self: () => me,
      }),
      setFrozenRows: (n: number) => (
        (raw(id).properties.gridProperties.frozenRowCount = n), hit('Sheet.setFrozenRows'), undefined
      ),
      hideSheet(): unknown {
        hit('Sheet.hideSheet');
        raw(id).properties.hidden = true;
        return self;
      },
      isSheetHidden: () => (hit('Sheet.isSheetHidden'), raw(id).properties.hidden === true),
      getFrozenRows: () => (
        hit('Sheet.getFrozenRows'), raw(id).properties.gridProperties.frozenRowCount ?? 0
      ),
      setConditionalFormatRules(rules: { state?: Record<string, unknown> }[]) {
        hit('Sheet.setConditionalFormatRules');
        // Stored as plain data (the JSON file and the page read it); methods come back on read.
        raw(id).metadata.conditionalFormats = rules.map((r) => r.state ?? r);
      },
      getConditionalFormatRules: () => (
        hit('Sheet.getConditionalFormatRules'),
        ((raw(id).metadata.conditionalFormats as Record<string, unknown>[]) ?? []).map(conditionalRule)
      ),
      /** Protections made through Apps Script (`Range.protect`): their range, description, remove(). */
      getProtections: (_type?: string) => {
        hit('Sheet.getProtections');
        return listProtections(
          raw(id).metadata,
          (a1) => (me as { getRange(a: string): TwinRange }).getRange(a1),
          hit,
        );
      },
      ...sheetCharts(id, { sheet: raw, hit, rangeOn }),
      activate(): unknown {
        hit('Sheet.activate');
        env.active = { sheetId: id, row: 0, col: 0, rows: 1, cols: 1 };
        return self;
      },
    };
    me = self;
    return self;
  }

  const spreadsheet = {
    getId: counted('Spreadsheet.getId', () => twin.id),
    getName: counted('Spreadsheet.getName', () => twin.file.properties.title),
    getSpreadsheetTimeZone: counted(
      'Spreadsheet.getSpreadsheetTimeZone',
      () => twin.file.properties.timeZone,
    ),
    getSheets: () => (
      hit('Spreadsheet.getSheets'), twin.file.sheets.map((s) => sheetOf(s.properties.sheetId))
    ),
    getSheetByName(name: string) {
      hit('Spreadsheet.getSheetByName');
      const s = twin.file.sheets.find((x) => x.properties.title === name);
      return s ? sheetOf(s.properties.sheetId) : null;
    },
    /** A new sheet is 1,000 rows × 26 columns (fidelity A13). */
    insertSheet(name: string) {
      hit('Spreadsheet.insertSheet');
      cache.commit();
      if (twin.file.sheets.some((s) => s.properties.title === name))
        throw new Error(
          `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
        );
      try {
        return sheetOf(twin.addSheet(name).properties.sheetId);
      } catch (e) {
        throw new Error(`Exception: ${(e as Error).message}`);
      }
    },
    deleteSheet(sheet: { getSheetId(): number }) {
      hit('Spreadsheet.deleteSheet');
      cache.commit();
      const id = sheet.getSheetId();
      twin.file.sheets = twin.file.sheets.filter((s) => s.properties.sheetId !== id);
    },
    /**
     * A range by A1 with its sheet's name (`'Orders'!A2:C9`), without a sheet object (fidelity A46);
     * without a name, on the active sheet. An unknown sheet or bad notation is "Range not found".
     */
    getRange(a1: string): TwinRange {
      hit('Spreadsheet.getRange');
      let name: string | undefined;
      try {
        name = parseA1(a1).sheet;
      } catch (e) {
        if (e instanceof RangeError_) throw new Error('Exception: Range not found');
        throw e;
      }
      const id =
        name === undefined
          ? (env.active?.sheetId ?? twin.file.sheets[0]?.properties.sheetId)
          : twin.file.sheets.find((s) => s.properties.title === name)?.properties.sheetId;
      if (id === undefined) throw new Error('Exception: Range not found');
      return rangeOn(id, a1);
    },
    getActiveSheet() {
      hit('Spreadsheet.getActiveSheet');
      return sheetOf(env.active?.sheetId ?? twin.file.sheets[0]?.properties.sheetId ?? 0);
    },
    getActiveRange() {
      hit('Spreadsheet.getActiveRange');
      const a = env.active;
      return a ? new TwinRange(host, a.sheetId, a.row, a.col, a.rows, a.cols) : null;
    },
    ...namedRanges(twin, host, hit),
    toast(message: string, title = '', _seconds?: number) {
      hit('Spreadsheet.toast');
      env.toasts.push(title ? `${title}: ${message}` : message);
    },
  };

  const builder = (kind: string) => valueBuilder(kind, (sheetId) => raw(sheetId).properties.title);

  return {
    // No container (a time-driven run with no active document): no active spreadsheet, no Ui.
    getActiveSpreadsheet: counted('SpreadsheetApp.getActiveSpreadsheet', () =>
      container ? spreadsheet : null,
    ),
    getActive: counted('SpreadsheetApp.getActive', () => (container ? spreadsheet : null)),
    /** Needs the full spreadsheets scope, even for this very spreadsheet (fidelity A20). */
    openById: counted('SpreadsheetApp.openById', (id: string) => {
      if (id !== twin.id)
        throw new Error(
          'Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.',
        );
      return spreadsheet;
    }),
    getUi: counted('SpreadsheetApp.getUi', () => {
      if (!container) throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
      return makeUi(env.ui, counter);
    }),
    newDataValidation: counted('SpreadsheetApp.newDataValidation', () => builder('dataValidation')),
    newConditionalFormatRule: () => (
      hit('SpreadsheetApp.newConditionalFormatRule'), builder('conditionalFormat')
    ),
    /** Commits this execution's queued writes (fidelity A1). */
    flush: () => {
      hit('SpreadsheetApp.flush');
      cache.commit();
    },
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
  };
}
