/**
 * `Range` of the twin's SpreadsheetApp: values, formulas, number formats and validation
 * (range-formats.ts), protection (stored in the sheet's metadata), notes (range-notes.ts), a
 * TextFinder (text-finder.ts), with Apps Script's errors when data and range disagree.
 */

import type { Sheet } from '../../local-store/workbook-file';
import { columnLetters } from '../a1';
import { OVERLONG, overlongCell } from '../grid';
import type { TwinSpreadsheet } from '../spreadsheet';
import type { Stored } from '../values';
import { cellFormats, formatOf, fromScriptValue, toScriptValue } from './cells';
import type { CallCounter } from './counter';
import { newProtection, type Protection } from './protection';
import { clearFormats, metadataList, setFormat, setValidation, validationAt } from './range-formats';
import { a1, readNotes, writeNotes } from './range-notes';
import { TwinTextFinder } from './text-finder';
import type { WriteCache } from './write-cache';

export interface RangeHost {
  readonly twin: TwinSpreadsheet;
  readonly counter: CallCounter;
  sheetObject(sheetId: number): unknown;
  /** A Date of the script's realm. */
  makeDate(ms: number): Date;
  /** Sets the active range (SpreadsheetApp's selection). */
  activate?(sheetId: number, row: number, col: number, rows: number, cols: number): void;
  /** This execution's write cache: value writes are queued, reads commit them first. */
  readonly cache: WriteCache;
}

export class TwinRange {
  constructor(
    private readonly host: RangeHost,
    /** The sheet's id, for the twin's own bookkeeping (a chart's ranges): reading it is no call. */
    readonly sheetId: number,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
    /** Open-ended to the bottom (`F2:F`): formats apply to the whole column. */
    private readonly openEnded = false,
    /** Whole columns (`D:F`, no row numbers): Google gives their A1 notation as "D:F". */
    private readonly wholeColumns = false,
  ) {}

  private sheet(): Sheet {
    const s = this.host.twin.file.sheets.find((x) => x.properties.sheetId === this.sheetId);
    if (!s) throw new Error('Exception: The sheet of this range has been deleted.');
    return s;
  }

  /** Counts the call, and the cells it moves (the cost model's reads and writes, docs/twin.md). */
  private hit(name: string, moves?: 'read' | 'written') {
    const cells = this.rows * this.cols;
    this.host.counter.hit(
      `Range.${name}`,
      moves === 'read' ? { read: cells } : moves === 'written' ? { written: cells } : undefined,
    );
  }

  getNotes(): string[][] {
    this.hit('getNotes', 'read');
    this.host.cache.commit();
    return readNotes(this.sheet(), this);
  }

  setNotes(data: string[][]): TwinRange {
    this.hit('setNotes', 'written');
    this.checkShape(data, 'data');
    this.host.cache.defer(() => writeNotes(this.sheet(), this, (r, c) => data[r]?.[c] ?? ''));
    return this;
  }

  setNote(note: string): TwinRange {
    this.hit('setNote', 'written');
    this.host.cache.defer(() => writeNotes(this.sheet(), this, () => note));
    return this;
  }

  /** Selects the range: the twin's active range is what the sidebar's context follows. */
  activate(): TwinRange {
    this.hit('activate');
    this.host.activate?.(this.sheetId, this.row, this.col, this.rows, this.cols);
    return this;
  }

  getRow() {
    this.hit('getRow');
    return this.row + 1;
  }
  getColumn() {
    this.hit('getColumn');
    return this.col + 1;
  }
  getNumRows() {
    this.hit('getNumRows');
    return this.rows;
  }
  getNumColumns() {
    this.hit('getNumColumns');
    return this.cols;
  }
  getLastRow() {
    this.hit('getLastRow');
    return this.row + this.rows;
  }
  getSheet() {
    this.hit('getSheet');
    return this.host.sheetObject(this.sheetId);
  }

  getLastColumn() {
    this.hit('getLastColumn');
    return this.col + this.cols;
  }

  getA1Notation(): string {
    this.hit('getA1Notation');
    // A whole-column range keeps its form however the grid grows (gas-fakes test/testsheetsdeveloper.js).
    if (this.wholeColumns) return `${columnLetters(this.col)}:${columnLetters(this.col + this.cols - 1)}`;
    const end = a1(this.row + this.rows - 1, this.col + this.cols - 1);
    return this.rows === 1 && this.cols === 1 ? a1(this.row, this.col) : `${a1(this.row, this.col)}:${end}`;
  }

  /** What a cell holds: its formula's value, or the value stored in it. */
  private stored(sheet: Sheet, r: number, c: number): Stored {
    return sheet.formulas[a1(r, c)]
      ? this.host.twin.formulas.valueAt(sheet.properties.title, r, c)
      : ((sheet.values[r]?.[c] ?? null) as Stored);
  }

  getValues(): unknown[][] {
    this.hit('getValues', 'read');
    this.host.cache.commit();
    const sheet = this.sheet();
    const tz = this.host.twin.file.properties.timeZone;
    const out: unknown[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < this.cols; c++) {
        const rr = this.row + r;
        const cc = this.col + c;
        row.push(toScriptValue(this.stored(sheet, rr, cc), formatOf(sheet, rr, cc), tz, this.host.makeDate));
      }
      out.push(row);
    }
    return out;
  }

  getValue = () => this.getValues()[0]?.[0];

  /** A TextFinder over this range (text-finder.ts): where a key is, without reading the column. */
  createTextFinder(text: string): TwinTextFinder {
    this.hit('createTextFinder');
    const sheet = this.sheet();
    const shown = (r: number, c: number): string => {
      const v = this.stored(sheet, r, c);
      if (v === null || v === undefined) return '';
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      return String(v);
    };
    return new TwinTextFinder(
      {
        row: this.row,
        col: this.col,
        rows: this.rows,
        cols: this.cols,
        shown,
        cell: (r, c) => new TwinRange(this.host, this.sheetId, r, c, 1, 1),
        counter: this.host.counter,
        cache: this.host.cache,
      },
      String(text),
    );
  }

  private checkShape(data: unknown[][], what: string): void {
    if (!Array.isArray(data) || data.length !== this.rows)
      throw new Error(
        `Exception: The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${Array.isArray(data) ? data.length : 0} but the range has ${this.rows}.`,
      );
    for (const row of data)
      if (!Array.isArray(row) || row.length !== this.cols)
        throw new Error(
          `Exception: The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${Array.isArray(row) ? row.length : 0} but the range has ${this.cols}.`,
        );
  }

  setValues(data: unknown[][]): TwinRange {
    this.hit('setValues', 'written');
    return this.queueValues(data);
  }

  /** The values `Sheet.appendRow` writes: that call is counted, with these cells, by the sheet. */
  appendValues(data: unknown[][]): TwinRange {
    return this.queueValues(data);
  }

  /** Checks and queues a block of values (setValues, setFormulas) for the execution's commit. */
  private queueValues(data: unknown[][]): TwinRange {
    this.checkShape(data, 'data');
    if (overlongCell(data)) throw new Error(`Exception: ${OVERLONG}`);
    // The values are taken now (the script may change its arrays afterwards), written at the commit.
    const copy = data.map((row) => [...row]);
    this.host.cache.defer(() => this.writeValues(copy));
    return this;
  }

  private writeValues(data: unknown[][]): void {
    const sheet = this.sheet();
    const tz = this.host.twin.file.properties.timeZone;
    data.forEach((row, r) => {
      row.forEach((input, c) => {
        const rr = this.row + r;
        const cc = this.col + c;
        const e = fromScriptValue(input, tz);
        while (sheet.values.length <= rr) sheet.values.push([]);
        const cells = sheet.values[rr] as Stored[];
        while (cells.length <= cc) cells.push(null);
        cells[cc] = e.value;
        if (e.formula) sheet.formulas[a1(rr, cc)] = e.formula;
        else delete sheet.formulas[a1(rr, cc)];
        if (e.dated && !formatOf(sheet, rr, cc)) cellFormats(sheet)[a1(rr, cc)] = 'yyyy-mm-dd';
      });
    });
  }

  setValue = (v: unknown) => this.setValues([[v]]);

  getFormulas(): string[][] {
    this.hit('getFormulas', 'read');
    this.host.cache.commit();
    const sheet = this.sheet();
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => sheet.formulas[a1(this.row + r, this.col + c)] ?? ''),
    );
  }

  getFormula = () => this.getFormulas()[0]?.[0] ?? '';

  setFormulas(formulas: string[][]): TwinRange {
    this.hit('setFormulas', 'written');
    this.checkShape(formulas, 'data');
    return this.queueValues(
      formulas.map((row) => row.map((f) => (f === '' ? '' : f.startsWith('=') ? f : `=${f}`))),
    );
  }

  setFormula = (f: string) => this.setFormulas([[f]]);

  setNumberFormat(pattern: string): TwinRange {
    this.hit('setNumberFormat');
    return this.applyNumberFormat(pattern);
  }

  /** The format itself, uncounted: setNumberFormat, and a RangeList's (one call for all its ranges). */
  applyNumberFormat(pattern: string): TwinRange {
    setFormat(this.sheet(), this, pattern, this.openEnded);
    return this;
  }

  /** Clears the cells' own number formats (their column's stay, as a column format is the sheet's). */
  clearFormat(): TwinRange {
    this.hit('clearFormat');
    clearFormats(this.sheet(), this);
    return this;
  }

  getNumberFormat(): string {
    this.hit('getNumberFormat');
    this.host.cache.commit();
    return formatOf(this.sheet(), this.row, this.col) ?? 'General';
  }

  clearContent(): TwinRange {
    this.hit('clearContent', 'written');
    this.host.cache.defer(() => {
      const sheet = this.sheet();
      for (let r = this.row; r < this.row + this.rows; r++)
        for (let c = this.col; c < this.col + this.cols; c++) {
          const cells = sheet.values[r];
          if (cells && c < cells.length) cells[c] = null;
          delete sheet.formulas[a1(r, c)];
        }
    });
    return this;
  }

  setDataValidation(rule: unknown): TwinRange {
    this.hit('setDataValidation');
    setValidation(this.sheet(), this.getA1Notation(), rule);
    return this;
  }

  getDataValidation(): unknown {
    this.hit('getDataValidation');
    this.host.cache.commit();
    return validationAt(this.sheet(), a1(this.row, this.col));
  }

  protect(): Protection<TwinRange> {
    this.hit('protect');
    return newProtection(metadataList(this.sheet(), 'protectedRanges'), this.getA1Notation(), this);
  }
}
