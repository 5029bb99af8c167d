/**
 * Tables to records and back. A tab arrives as a grid (row 1 the header); columns are found by header
 * name, so people may reorder them and add their own. Decoding yields typed records plus, for each,
 * the sheet row it came from; every bad cell is reported as `Orders!F12: Qty must be a whole number
 * ≥ 0, got "ten"`. Encoding turns changed records into the smallest set of cell writes, touching only
 * columns the writer owns, and appends new rows with unknown columns left empty: a person's own
 * columns and typed values are never overwritten.
 */

import { DeskError } from '../primitives/errors';
import { type ColumnRun, columnLetter } from './a1';
import {
  type Cell,
  type CellContext,
  decodeValue,
  encodeCell,
  isEmptyCell,
  isRefused,
  refusal,
} from './cells';
import { type Columns, keyOf, normalizeHeader, type Owner, type RecordOf, type TabSpec } from './columns';
import { recordBuilder } from './record-builder';

/** A tab as a grid of cells; `values[0]` is the header row (sheet row 1). */
export interface RawTab {
  readonly name: string;
  readonly values: readonly (readonly Cell[])[];
  /**
   * Only these fields' columns were read (a list reads a few columns of a long tab): the others
   * are not decoded nor checked, and their records hold `null` there, which nothing may use.
   */
  readonly fields?: readonly string[];
  /** Only these sheet rows (first, last) were read: a band of a list read in parts, the others blank. */
  readonly rows?: readonly [number, number];
  /** For a tab being created: charts to embed in it (the Sheets API's EmbeddedChart, on sheet 0). */
  readonly charts?: readonly object[];
  /** For a tab being created: conditional format rules (the Sheets API's, on sheet 0). */
  readonly formats?: readonly object[];
  /** For a tab being created: number formats of its cells (NumberFormats). */
  readonly numberFormats?: NumberFormats;
}

/**
 * The number formats of a built tab's cells (Aging): each pattern over its runs of cells
 * (`"$"#,##0.00` over D14:D17, …). A tab written whole with them shows every other cell of the
 * written area in no format of ours, so a format a cell had before the rewrite never outlives the
 * value it was for.
 */
export type NumberFormats = readonly { readonly pattern: string; readonly ranges: readonly ColumnRun[] }[];

export interface DecodedTab<C extends Columns> {
  readonly spec: TabSpec<C>;
  readonly records: RecordOf<C>[];
  /** Sheet row number (1-based) of each record. */
  readonly rowNumbers: number[];
  /** Column index (0-based) of each field, -1 when the tab lacks the column. */
  readonly columnIndex: Record<keyof C & string, number>;
  readonly headerWidth: number;
  readonly errors: string[];
  /** Key → index into `records`. */
  readonly byKey: Map<string, number>;
}

function showCell(cell: Cell | undefined): string {
  if (cell instanceof Date) return cell.toISOString();
  return JSON.stringify(cell ?? '');
}

/** The column (0-based) of a tab's first key field in `header`, or -1 when the header lacks it. */
export function keyColumnIn<C extends Columns>(spec: TabSpec<C>, header: readonly Cell[]): number {
  return indexColumns(spec, header)[spec.key[0] as string] ?? -1;
}

/** Maps each field to its column by header name. */
export function indexColumns<C extends Columns>(
  spec: TabSpec<C>,
  header: readonly Cell[],
): Record<string, number> {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n !== '' && !positions.has(n)) positions.set(n, i);
  });
  const index: Record<string, number> = {};
  for (const [field, column] of Object.entries(spec.columns))
    index[field] = positions.get(normalizeHeader(column.header)) ?? -1;
  return index;
}

function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isEmptyCell(row[i])) return false;
  return true;
}

/**
 * Decodes a tab. Blank rows are skipped (people leave gaps); missing required columns and bad cells
 * are collected, not thrown, so a caller can report every problem at once.
 */
export function decodeTab<C extends Columns>(spec: TabSpec<C>, raw: RawTab, ctx: CellContext): DecodedTab<C> {
  const header = raw.values[0] ?? [];
  const columnIndex = indexColumns(spec, header) as Record<keyof C & string, number>;
  const errors: string[] = [];
  const fields = Object.entries(spec.columns);
  const read = raw.fields ? new Set(raw.fields) : undefined;
  for (const [field, column] of fields)
    if (column.required && columnIndex[field as keyof C & string] === -1 && (!read || read.has(field)))
      errors.push(`${spec.name}: column ${column.header} is missing`);
  const records: RecordOf<C>[] = [];
  const rowNumbers: number[] = [];
  const byKey = new Map<string, number>();
  // Formula columns are the sheet's business; the engine never reads them back (they decode as 0).
  // Parallel arrays and an indexed loop: this is the hot loop of every load (a million cells at
  // 50,000 order lines).
  const names = fields.map(([field]) => field);
  const columns = fields.map(([, column]) => column);
  const at = names.map((field) => columnIndex[field as keyof C & string]);
  const formula = columns.map((column) => column.owner === 'formula');
  const unread = names.map((field) => read !== undefined && !read.has(field));
  const build = recordBuilder(names);
  const values: unknown[] = new Array(names.length);
  if (errors.length === 0) {
    for (let r = 1; r < raw.values.length; r++) {
      const row = raw.values[r] ?? [];
      if (isBlankRow(row)) continue;
      let bad = false;
      for (let f = 0; f < names.length; f++) {
        if (unread[f]) {
          values[f] = null;
          continue;
        }
        const ci = at[f] as number;
        const column = columns[f] as C[keyof C];
        const cell = ci >= 0 ? row[ci] : '';
        const value = formula[f] ? 0 : decodeValue(column, cell, ctx);
        if (!isRefused(value)) values[f] = value;
        else {
          bad = true;
          errors.push(
            `${spec.name}!${columnLetter(ci)}${r + 1}: ${column.header} ${refusal(column, value)}, got ${showCell(cell)}`,
          );
        }
      }
      if (bad) continue;
      const rec = build(values) as RecordOf<C>;
      const key = keyOf(spec, rec);
      const seen = byKey.get(key);
      if (seen !== undefined) {
        errors.push(`${spec.name}!A${r + 1}: duplicate key ${key} (also on row ${rowNumbers[seen]})`);
        continue;
      }
      byKey.set(key, records.length);
      records.push(rec);
      rowNumbers.push(r + 1);
    }
  }
  return { spec, records, rowNumbers, columnIndex, headerWidth: header.length, errors, byKey };
}

/** One cell to write: 0-based row and column in the grid. */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
}

export interface TabPatch {
  readonly tab: string;
  readonly writes: CellWrite[];
  /** Whole new rows, as wide as the header. */
  readonly appends: Cell[][];
  /** Rows removed (0-based, as read), after the writes and before the appends: undo and archive only. */
  readonly deletes?: readonly number[];
  /** The tab's whole content instead (a built tab such as Aging); writes and appends are then empty. */
  readonly replace?: Cell[][];
  /** The charts the tab should have (on sheet 0): a port adds or updates them only where they differ. */
  readonly charts?: readonly object[];
  /** With `replace`: the number formats of the written area (NumberFormats). */
  readonly numberFormats?: NumberFormats;
}

export interface TabChanges<R> {
  readonly updated: R[];
  readonly added: R[];
  /** Records removed: only undo (rows its action created) and archive (rows moved elsewhere). */
  readonly deleted?: R[];
}

function mayWrite(writer: Owner | readonly Owner[], column: Columns[string]): boolean {
  const writers: readonly Owner[] = typeof writer === 'string' ? [writer] : writer;
  return writers.includes(column.owner) || (writers.includes('engine') && column.movedByEngine === true);
}

/**
 * Turns record changes into cell writes. Only fields that changed are written, and only in columns
 * the writer owns; a change to any other column is a bug in the caller and throws (nothing is written).
 */
export function encodeChanges<C extends Columns>(
  tab: DecodedTab<C>,
  changes: TabChanges<RecordOf<C>>,
  writer: Owner | readonly Owner[],
  ctx: CellContext,
): TabPatch {
  const { spec, columnIndex } = tab;
  const writes: CellWrite[] = [];
  const needColumn = (field: string) => {
    const ci = columnIndex[field as keyof C & string];
    if (ci === -1)
      throw new DeskError(
        'MISSING_COLUMN',
        `${spec.name} has no column ${spec.columns[field]?.header}: run \`backorder-desk init\` (or Set up workbook) to add it`,
      );
    return ci;
  };
  for (const next of changes.updated) {
    const key = keyOf(spec, next);
    const at = tab.byKey.get(key);
    if (at === undefined) throw new DeskError('NOT_FOUND', `${spec.name}: no row with key ${key} to update`);
    const before = tab.records[at] as RecordOf<C>;
    for (const [field, column] of Object.entries(spec.columns)) {
      const a = before[field as keyof C];
      const b = next[field as keyof C];
      if (a === b) continue;
      if (!mayWrite(writer, column))
        throw new DeskError(
          'INVARIANT',
          `${writer} may not write ${spec.name}.${column.header} (owned by ${column.owner}) on ${key}`,
        );
      writes.push({
        row: (tab.rowNumbers[at] as number) - 1,
        col: needColumn(field),
        value: encodeCell(column, b, ctx),
      });
    }
  }
  const appends: Cell[][] = [];
  for (const rec of changes.added) {
    const row: Cell[] = new Array(tab.headerWidth).fill('');
    for (const [field, column] of Object.entries(spec.columns)) {
      if (column.owner === 'formula') continue;
      const value = rec[field as keyof C];
      const ci = columnIndex[field as keyof C & string];
      if (ci === -1) {
        const empty = value === '' || value === null || value === 0 || value === false;
        if (!empty) needColumn(field);
        continue;
      }
      row[ci] = encodeCell(column, value, ctx);
    }
    appends.push(row);
  }
  const deletes = (changes.deleted ?? []).map((rec) => {
    const at = tab.byKey.get(keyOf(spec, rec));
    if (at === undefined)
      throw new DeskError('NOT_FOUND', `${spec.name}: no row with key ${keyOf(spec, rec)} to remove`);
    return (tab.rowNumbers[at] as number) - 1;
  });
  return deletes.length > 0
    ? { tab: spec.name, writes, appends, deletes }
    : { tab: spec.name, writes, appends };
}

/** Applies a patch to a grid in place (the local workbook file and the twin use this). */
export function applyPatch(values: Cell[][], patch: TabPatch): void {
  if (patch.replace) {
    values.splice(0, values.length, ...patch.replace.map((r) => [...r]));
    return;
  }
  for (const w of patch.writes) {
    const row = values[w.row] ?? [];
    while (row.length <= w.col) row.push('');
    row[w.col] = w.value;
    values[w.row] = row;
  }
  for (const at of [...(patch.deletes ?? [])].sort((a, b) => b - a)) values.splice(at, 1);
  for (const row of patch.appends) values.push([...row]);
}
