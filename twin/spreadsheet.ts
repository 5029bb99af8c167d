/**
 * One spreadsheet of the twin: the workbook file's model with the Sheets API's value semantics
 * (ranges, render and input options, trimming, append, clear) and the structural requests setup and
 * aging need, applied all or nothing. Both faces of the twin (the HTTP Sheets API and the Apps
 * Script services) work on this one model; a request Google would refuse throws a TwinError.
 */

import { FormulaEngine } from '../local-store/formulas';
import { newSheet, type Sheet, type WorkbookFile } from '../local-store/workbook-file';
import { instantToSerial } from '../shared/primitives/dates';
import { columnLetters, formatA1, type GridRange, parseA1, RangeError_ } from './a1';
import { formatOf } from './cell-formats';
import { describeSpreadsheet } from './describe';
import { TwinError } from './errors';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, gridOf, OVERLONG, overlongCell, pastGrid, resize } from './grid';
import { formatted, raw, type Stored, trimGrid, userEntered } from './values';

export type RenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';

export interface ReadOptions {
  readonly valueRenderOption?: RenderOption;
  readonly dateTimeRenderOption?: 'SERIAL_NUMBER' | 'FORMATTED_STRING';
  readonly majorDimension?: 'ROWS' | 'COLUMNS';
}

const a1Of = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;

export class TwinSpreadsheet {
  readonly formulas: FormulaEngine;

  constructor(
    public file: WorkbookFile,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.formulas = new FormulaEngine({
      cell: (sheet, row, col) => {
        const s = this.sheetNamed(sheet);
        const formula = s.formulas[a1Of(row, col)];
        return { value: (s.values[row]?.[col] ?? null) as Stored, ...(formula ? { formula } : {}) };
      },
      today: () => Math.floor(instantToSerial(this.clock(), this.file.properties.timeZone)),
      grid: (name) => gridOf(this.sheetNamed(name)),
    });
  }

  get id(): string {
    return this.file.properties.spreadsheetId;
  }

  sheetNamed(name: string | undefined): Sheet {
    const sheet =
      name === undefined ? this.file.sheets[0] : this.file.sheets.find((s) => s.properties.title === name);
    if (!sheet) throw new TwinError(400, 'INVALID_ARGUMENT', `Unable to parse range: ${name ?? ''}`);
    return sheet;
  }

  private resolve(range: string): { sheet: Sheet; grid: GridRange } {
    // A bare name of an existing sheet is that sheet, even when it could read as cells ("Log", "POs").
    const whole = this.file.sheets.find((s) => s.properties.title === range.trim());
    if (whole)
      return {
        sheet: whole,
        grid: {
          sheet: whole.properties.title,
          startRow: 0,
          startCol: 0,
          endRow: undefined,
          endCol: undefined,
        },
      };
    let grid: GridRange;
    try {
      grid = parseA1(range);
    } catch (e) {
      if (e instanceof RangeError_) throw new TwinError(400, 'INVALID_ARGUMENT', e.message);
      throw e;
    }
    const sheet = this.sheetNamed(grid.sheet);
    if (grid.sheet === undefined && range.includes('!'))
      throw new TwinError(400, 'INVALID_ARGUMENT', `Unable to parse range: ${range}`);
    return { sheet, grid };
  }

  private width(sheet: Sheet): number {
    return sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
  }

  /** `values.get`: the cells of a range, rendered and trimmed as Google does. */
  read(
    range: string,
    o: ReadOptions = {},
  ): { range: string; majorDimension: 'ROWS' | 'COLUMNS'; values?: Stored[][] } {
    const { sheet, grid } = this.resolve(range);
    this.withinGrid(
      sheet,
      grid.startRow,
      grid.startCol,
      grid.endRow ?? grid.startRow + 1,
      grid.endCol ?? grid.startCol + 1,
    );
    const endRow = grid.endRow ?? sheet.values.length;
    const endCol = grid.endCol ?? Math.max(this.width(sheet), grid.startCol + 1);
    const render = o.valueRenderOption ?? 'FORMATTED_VALUE';
    const rows: Stored[][] = [];
    for (let r = grid.startRow; r < endRow; r++) {
      const row: Stored[] = [];
      for (let c = grid.startCol; c < endCol; c++) {
        const formula = sheet.formulas[a1Of(r, c)];
        if (render === 'FORMULA' && formula) row.push(formula);
        else {
          const v = formula
            ? this.formulas.valueAt(sheet.properties.title, r, c)
            : ((sheet.values[r]?.[c] ?? null) as Stored);
          row.push(render === 'FORMATTED_VALUE' ? formatted(v, formatOf(sheet, r, c)) : v);
        }
      }
      rows.push(row);
    }
    const trimmed = trimGrid(rows);
    const values = o.majorDimension === 'COLUMNS' ? transpose(trimmed) : trimmed;
    const a1 = formatA1(sheet.properties.title, {
      startRow: grid.startRow,
      startCol: grid.startCol,
      endRow: Math.max(endRow, grid.startRow + 1),
      endCol,
    });
    return {
      range: a1,
      majorDimension: o.majorDimension ?? 'ROWS',
      ...(values.length > 0 ? { values } : {}),
    };
  }

  /** Refuses a range past the sheet's grid with Google's 400 (grid.ts; fidelity S6–S7). */
  withinGrid(sheet: Sheet, startRow: number, startCol: number, endRow: number, endCol: number): void {
    const refused = pastGrid(sheet, startRow, startCol, endRow, endCol);
    if (refused) throw new TwinError(400, 'INVALID_ARGUMENT', refused);
  }

  /** Refuses input with a cell over Google's 50,000 characters (fidelity S17). */
  private checkCellSize(values: unknown[][]): void {
    if (overlongCell(values)) throw new TwinError(400, 'INVALID_ARGUMENT', OVERLONG);
  }

  private put(sheet: Sheet, r: number, c: number, input: unknown, option: 'RAW' | 'USER_ENTERED'): void {
    const entered = option === 'RAW' ? raw(input) : userEntered(input);
    while (sheet.values.length <= r) sheet.values.push([]);
    const row = sheet.values[r] as Stored[];
    while (row.length <= c) row.push(null);
    row[c] = entered.value;
    const key = a1Of(r, c);
    if (entered.formula) sheet.formulas[key] = entered.formula;
    else delete sheet.formulas[key];
  }

  /** `values.update`: writes a block at the range's top-left corner. */
  write(range: string, values: unknown[][], option: 'RAW' | 'USER_ENTERED') {
    const { sheet, grid } = this.resolve(range);
    if (!grid.anchor && grid.endRow !== undefined && values.length > grid.endRow - grid.startRow)
      throw new TwinError(
        400,
        'INVALID_ARGUMENT',
        `Requested writing within range [${range}], but tried writing to row [${grid.startRow + values.length}]`,
      );
    this.checkCellSize(values);
    const widest = values.reduce((m, r) => Math.max(m, r.length), 0);
    if (values.length > 0 && widest > 0)
      this.withinGrid(
        sheet,
        grid.startRow,
        grid.startCol,
        grid.startRow + values.length,
        grid.startCol + widest,
      );
    let cols = 0;
    values.forEach((row, i) => {
      if (!grid.anchor && grid.endCol !== undefined && row.length > grid.endCol - grid.startCol)
        throw new TwinError(
          400,
          'INVALID_ARGUMENT',
          `Requested writing within range [${range}], but tried writing to column [${columnLetters(grid.startCol + row.length - 1)}]`,
        );
      row.forEach((v, j) => {
        this.put(sheet, grid.startRow + i, grid.startCol + j, v, option);
      });
      cols = Math.max(cols, row.length);
    });
    return {
      spreadsheetId: this.id,
      updatedRange: formatA1(sheet.properties.title, {
        startRow: grid.startRow,
        startCol: grid.startCol,
        endRow: grid.startRow + Math.max(values.length, 1),
        endCol: grid.startCol + Math.max(cols, 1),
      }),
      updatedRows: values.length,
      updatedColumns: cols,
      updatedCells: values.reduce((n, r) => n + r.length, 0),
    };
  }

  /**
   * `values.append`: after the last row of data of the sheet. Either insert option grows the grid
   * when the rows land past its end ("adding data to the end of the sheet will still insert new rows
   * or columns so the data can be written", fidelity S8).
   */
  append(range: string, values: unknown[][], option: 'RAW' | 'USER_ENTERED') {
    const { sheet, grid } = this.resolve(range);
    const last = trimGrid(sheet.values.map((r) => [...r] as Stored[])).length;
    this.checkCellSize(values);
    const g = gridOf(sheet);
    const widest = values.reduce((m, r) => Math.max(m, r.length), 0);
    const rows = Math.max(g.rows, last + values.length);
    const cols = Math.max(g.cols, grid.startCol + widest);
    if (rows !== g.rows || cols !== g.cols) {
      const refused = resize(this.file, sheet, rows, cols);
      if (refused) throw new TwinError(400, 'INVALID_ARGUMENT', refused);
    }
    const start = formatA1(sheet.properties.title, {
      startRow: last,
      startCol: grid.startCol,
      endRow: last + 1,
      endCol: grid.startCol + 1,
    }).split(':')[0] as string;
    const updates = this.write(start, values, option);
    return {
      spreadsheetId: this.id,
      tableRange:
        last > 0
          ? formatA1(sheet.properties.title, {
              startRow: 0,
              startCol: 0,
              endRow: last,
              endCol: Math.max(this.width(sheet), 1),
            })
          : undefined,
      updates,
    };
  }

  clear(range: string) {
    const { sheet, grid } = this.resolve(range);
    const endRow = Math.min(grid.endRow ?? sheet.values.length, sheet.values.length);
    for (let r = grid.startRow; r < endRow; r++) {
      const row = sheet.values[r] as Stored[];
      const endCol = Math.min(grid.endCol ?? row.length, row.length);
      for (let c = grid.startCol; c < endCol; c++) {
        row[c] = null;
        delete sheet.formulas[a1Of(r, c)];
      }
    }
    return { spreadsheetId: this.id, clearedRange: range };
  }

  /** `spreadsheets.get`, cut to a `fields` mask (describe.ts). */
  describe(fields?: string) {
    return describeSpreadsheet(this.id, this.file, fields);
  }

  /** A new sheet, 1,000 × 26 unless told otherwise, as Google makes one (fidelity S9). */
  addSheet(title: string, frozenRowCount = 0, rows = DEFAULT_ROWS, cols = DEFAULT_COLUMNS): Sheet {
    if (this.file.sheets.some((s) => s.properties.title === title))
      throw new TwinError(
        400,
        'INVALID_ARGUMENT',
        `Invalid requests[0].addSheet: A sheet with the name "${title}" already exists. Please enter another name.`,
      );
    const sheet = newSheet(this.file, title, []);
    sheet.values = [];
    sheet.properties.gridProperties.frozenRowCount = frozenRowCount;
    sheet.properties.gridProperties.rowCount = 0;
    sheet.properties.gridProperties.columnCount = 0;
    const refused = resize(this.file, sheet, rows, cols);
    if (refused) {
      this.file.sheets.splice(this.file.sheets.indexOf(sheet), 1);
      throw new TwinError(400, 'INVALID_ARGUMENT', refused);
    }
    return sheet;
  }
}

function transpose(rows: Stored[][]): Stored[][] {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return Array.from({ length: width }, (_, c) => trimGrid([rows.map((r) => r[c] ?? '')])[0] ?? []);
}
