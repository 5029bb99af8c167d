/**
 * A Sheet's grid methods in the twin's SpreadsheetApp: its size (`getMaxRows`, `getMaxColumns`) and
 * the calls that change it (`insertRowsAfter`, `insertColumnsAfter`, `appendRow` growing it when the
 * data fills it, `deleteRow` shrinking it), each committing the execution's queued writes first, as
 * a structural change does. Outside the grid, Apps Script's own error (docs/fidelity.md A12–A14).
 */

import type { Sheet, WorkbookFile } from '../../local-store/workbook-file';
import { gridOf, resize } from '../grid';
import { shiftRows } from '../row-shift';
import { type RangeHost, TwinRange } from './range';
import type { WriteCache } from './write-cache';

export const OUTSIDE = 'Exception: The coordinates of the range are outside the dimensions of the sheet.';

export interface SheetGridContext {
  readonly id: number;
  readonly raw: () => Sheet;
  readonly cache: WriteCache;
  readonly hit: (kind: string) => void;
  readonly lastRow: () => number;
  readonly file: () => WorkbookFile;
  readonly host: RangeHost;
  readonly self: () => unknown;
}

export function sheetGrid(o: SheetGridContext) {
  const regrid = (rows: number, cols: number) => {
    const refused = resize(o.file(), o.raw(), rows, cols);
    if (refused) throw new Error(`Exception: ${refused}`);
  };
  return {
    getMaxRows: () => (o.hit('Sheet.getMaxRows'), gridOf(o.raw()).rows),
    getMaxColumns: () => (o.hit('Sheet.getMaxColumns'), gridOf(o.raw()).cols),
    /** Adds rows to the grid after the given row (1-based); rows below move down. */
    insertRowsAfter(after: number, howMany: number): unknown {
      o.hit('Sheet.insertRowsAfter');
      o.cache.commit();
      const g = gridOf(o.raw());
      if (after < 0 || after > g.rows || howMany < 1) throw new Error(OUTSIDE);
      regrid(g.rows + howMany, g.cols);
      const values = o.raw().values;
      if (after < values.length) values.splice(after, 0, ...Array.from({ length: howMany }, () => []));
      shiftRows(o.raw(), after, howMany);
      return o.self();
    },
    /** Adds columns to the grid after the given column (1-based). */
    insertColumnsAfter(after: number, howMany: number): unknown {
      o.hit('Sheet.insertColumnsAfter');
      o.cache.commit();
      const g = gridOf(o.raw());
      if (after < 0 || after > g.cols || howMany < 1) throw new Error(OUTSIDE);
      regrid(g.rows, g.cols + howMany);
      for (const row of o.raw().values)
        if (after < row.length) row.splice(after, 0, ...new Array(howMany).fill(null));
      return o.self();
    },
    /** Appends below the last row of data, growing the grid when the data fills it (fidelity A14). */
    appendRow(values: unknown[]): unknown {
      // One call, moving the row's cells (not a setValues besides).
      o.host.counter.hit('Sheet.appendRow', { written: values.length });
      const at = o.lastRow();
      const g = gridOf(o.raw());
      if (at + 1 > g.rows || values.length > g.cols)
        regrid(Math.max(g.rows, at + 1), Math.max(g.cols, values.length));
      new TwinRange(o.host, o.id, at, 0, 1, values.length).appendValues([values]);
      o.cache.commit();
      return o.self();
    },
    deleteRow(row: number): unknown {
      o.hit('Sheet.deleteRow');
      o.cache.commit();
      const g = gridOf(o.raw());
      if (row < 1 || row > g.rows) throw new Error(OUTSIDE);
      o.raw().values.splice(row - 1, 1);
      shiftRows(o.raw(), row - 1, -1);
      regrid(g.rows - 1, g.cols);
      return o.self();
    },
  };
}
