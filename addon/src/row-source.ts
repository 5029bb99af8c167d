/**
 * The add-on's RowSource (shared/io/row-scope.ts): rows found by key with Apps Script's TextFinder on
 * the key column (a server-side search: the column is never read into the script; the
 * `spreadsheets.currentonly` scope is enough, fidelity A38), then read in as few getValues as
 * contiguity allows: runs of rows, joined across a gap while re-reading the gap costs less than
 * another call. Sheets are looked up by name as they are needed, never all of them, and not at
 * all for a tab the index vouches for (addon/src/tab-handle.ts). With the index
 * tab (shared/io/index-tab.ts) a tab's header and grid come from it, and a tab that may get rows has its
 * last row found by reading from its last key rows to the end of its grid when that is cheaper than
 * asking `getLastRow` (the same read holds the rows that give the next id), and a search the index
 * answers is not made.
 */

import { idsKnown, vouches } from '../../shared/io/index-ids';
import { foundKey } from '../../shared/io/index-searches';
import { type IndexedShape, lastRowIn } from '../../shared/io/index-tab';
import { matchRows } from '../../shared/io/row-patterns';
import { bandRows, type RowSource, TAIL_ROWS } from '../../shared/io/scope-contract';
import { grouped } from '../../shared/primitives/quantity';
import { columnLetter } from '../../shared/sheet/a1';
import type { Cell } from '../../shared/sheet/cells';
import type { RawTab } from '../../shared/sheet/codec';
import { TABS, tabKeyOf } from '../../shared/workbook';
import { NO_PROGRESS, type Progress } from './progress';
import { clusters, columnsOf, LOCAL_CALL_CELLS, READ_JOIN_CELLS, SMALL_TAB_CELLS } from './read-costs';
import { tabHandle } from './tab-handle';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SheetRowSource extends RowSource {
  /** Every sheet looked up so far, by name (the writer's map). */
  readonly sheets: Map<string, Sheet>;
  /** A row (1-based) as read in this execution, wanted or read between wanted rows. */
  readRow(tab: string, row: number): readonly Cell[] | undefined;
  /** Grid sizes the index gave, by tab name (the writer's grid plan asks only the others). */
  readonly grids: ReadonlyMap<string, { readonly rows: number; readonly cols: number }>;
  /**
   * Tabs that may get rows whose last row was left for the writer to ask (`deferLastRow`): their
   * new ids come from the index, so only a write of new rows needs to know where the data ends.
   */
  readonly deferred: ReadonlySet<string>;
  /** The last row with content of a tab (1-based), asked when the writer needs it. */
  lastRow(tab: string): number;
  /** Empty grid rows below a tab's key cells, by the index (0 when not indexed). */
  roomBelow(tab: string): number;
  /** The highest number after each id prefix, over every trusted id row of the index. */
  readonly highestIds: Readonly<Record<string, number>>;
}

export function sheetRowSource(
  ss: Spreadsheet,
  index: ReadonlyMap<string, IndexedShape> = new Map(),
  progress: Progress = NO_PROGRESS,
  /** One plan, one write (a sidebar action): a tab's last row is asked only if rows go to it. */
  deferLastRow = false,
  /** Tabs (by name) the read will search more than once: read whole when small (`SMALL_TAB_CELLS`). */
  searchedOften: ReadonlySet<string> = new Set(),
): SheetRowSource {
  const deferred = new Set<string>();
  const highestIds: Record<string, number> = {};
  for (const shape of index.values())
    for (const [prefix, n] of shape.highest) highestIds[prefix] = Math.max(highestIds[prefix] ?? 0, n);
  const sheets = new Map<string, Sheet>();
  const lastRows = new Map<string, number>();
  /** Rows read (1-based), by tab: a later ask is answered without a call; a write may rewrite them. */
  const cached = new Map<string, Map<number, readonly Cell[]>>();
  const grids = new Map([...index].map(([name, i]) => [name, { rows: i.gridRows, cols: i.gridCols }]));
  let rowsRead = 0;
  /** Keeps rows just read (`values[0]` is row `first`). */
  const remember = (tab: string, first: number, values: readonly (readonly Cell[])[]) => {
    const mine = cached.get(tab) ?? new Map<number, readonly Cell[]>();
    values.forEach((row, k) => {
      if (!mine.has(first + k)) rowsRead++;
      mine.set(first + k, row);
    });
    cached.set(tab, mine);
  };
  /**
   * A tab searched more than once, read whole in one call when its grid is small (rows 2 to the
   * grid's end, as wide as its header, which covers every cell a search of a key column covers);
   * true when its rows are all kept.
   */
  const readWhole = new Set<string>();
  const keptWhole = (tab: string, s: Sheet): boolean => {
    if (readWhole.has(tab)) return true;
    const i = index.get(tab);
    if (!searchedOften.has(tab) || !i || i.gridRows < 2 || i.header.length === 0) return false;
    if (i.gridRows * i.header.length > SMALL_TAB_CELLS) return false;
    remember(tab, 2, s.getRange(2, 1, i.gridRows - 1, i.header.length).getValues() as Cell[][]);
    readWhole.add(tab);
    return true;
  };
  const noteRead = () => progress.note(`reading: ${grouped(rowsRead)} rows of ${cached.size} tabs so far`);
  const sheet = (name: string): Sheet | undefined => {
    if (!sheets.has(name)) {
      // A tab the index vouches for is reached by A1, without a getSheetByName (tab-handle.ts).
      const s = index.has(name) ? tabHandle(ss, name) : ss.getSheetByName(name);
      if (s) sheets.set(name, s);
    }
    return sheets.get(name);
  };
  /**
   * The last row from the index: every row from the last key rows to the end of the grid, read in
   * one call when that costs less than a getLastRow (they are cached: they hold the tail). Read as
   * wide as the header: new rows are written as wide as the header, so a cell typed past it, below
   * the data, is never under a new row (getLastRow would count it; this read places new rows above
   * it, overwriting nothing).
   */
  const lastRowByIndex = (tab: string, s: Sheet, i: IndexedShape): number | undefined => {
    const first = Math.max(2, i.keyCells - TAIL_ROWS + 1);
    const rows = i.gridRows - first + 1;
    const width = i.header.length;
    if (rows <= 0 || width === 0) return undefined;
    if (rows * width > READ_JOIN_CELLS) return undefined;
    const values = s.getRange(first, 1, rows, width).getValues() as Cell[][];
    remember(tab, first, values);
    return lastRowIn(first, values);
  };
  const lastRow = (tab: string): number => {
    const known = lastRows.get(tab);
    if (known !== undefined) return known;
    const s = sheet(tab);
    const indexed = index.get(tab);
    const last = (s && indexed ? lastRowByIndex(tab, s, indexed) : undefined) ?? s?.getLastRow() ?? 1;
    lastRows.set(tab, last);
    return last;
  };
  /** Key columns read whole to match a search (by tab, column and width), for the next search of them. */
  const searchedColumns = new Map<string, Cell[][]>();
  const known = (tab: string, col: number, pattern: string) =>
    index.get(tab)?.found?.get(foundKey(col, pattern));
  const knownValues = (tab: string, col: number, pattern: string) =>
    index.get(tab)?.foundValues?.get(foundKey(col, pattern));
  return {
    sheets,
    grids,
    deferred,
    known,
    knownValues,
    highestIds,
    lastRow,
    roomBelow: (tab) => {
      const i = index.get(tab);
      return i ? Math.max(0, i.gridRows - i.keyCells) : 0;
    },
    vouches: (tab, id) => {
      const i = index.get(tab);
      return i !== undefined && vouches(i, id);
    },
    unique: (tab) => index.get(tab)?.uniqueKeys === true,
    readRow: (tab, row) => cached.get(tab)?.get(row),
    shape(tab, withLastRow) {
      const s = sheet(tab);
      if (!s) return undefined;
      const indexed = index.get(tab);
      if (indexed) {
        if (!withLastRow) return { header: indexed.header };
        const key = tabKeyOf(tab);
        if (deferLastRow && key && idsKnown(key, indexed)) {
          deferred.add(tab);
          return { header: indexed.header };
        }
        return { header: indexed.header, lastRow: lastRow(tab) };
      }
      // The header as the whole first row (one call, no getLastColumn), trailing blanks trimmed.
      const header = [...((s.getRange('1:1').getValues()[0] ?? []) as Cell[])];
      while (header.length > 0 && (header[header.length - 1] === '' || header[header.length - 1] === null))
        header.pop();
      if (!withLastRow) return { header };
      const last = s.getLastRow();
      lastRows.set(tab, last);
      return { header, lastRow: last };
    },
    find(tab, col, pattern, cols = 1) {
      const s = sheet(tab);
      if (!s) return [];
      const lastRow = lastRows.get(tab);
      if (lastRow !== undefined && lastRow < 2) return [];
      // A tab whose key column holds only its header (the index counts it) has no row to find: an
      // empty Calls or Notifications tab costs a view no search.
      if ((index.get(tab)?.keyCells ?? 2) < 2) return [];
      // A search the index answers (who is on hold) is not made: Sheets computed its rows when the
      // index was read, in this execution.
      const answered = cols === 1 ? known(tab, col, pattern) : undefined;
      if (answered) return [...answered];
      // A small tab searched more than once: its rows are read once and matched here.
      if (keptWhole(tab, s)) {
        const mine = cached.get(tab);
        const rows = (index.get(tab)?.gridRows ?? 1) - 1;
        noteRead();
        return matchRows(
          Array.from({ length: rows }, (_, k) => (mine?.get(k + 2) ?? []).slice(col, col + cols)),
          pattern,
        );
      }
      // Below the header: to the last row when known, else the open-ended column (C2:C).
      const searched = (lastRow ?? index.get(tab)?.gridRows ?? 0) - 1;
      // A column read whole for an earlier search of this execution answers this one here.
      const kept = searchedColumns.get(`${tab}|${col}|${cols}`);
      if (kept && kept.length === searched) return matchRows(kept, pattern);
      const range =
        lastRow === undefined
          ? s.getRange(`${columnLetter(col)}2:${columnLetter(col + cols - 1)}`)
          : s.getRange(2, col + 1, lastRow - 1, cols);
      const cells = range
        .createTextFinder(`^${pattern}$`)
        .useRegularExpression(true)
        .matchCase(true)
        .findAll();
      // A row number is a call per cell found (getRow): past the cost of reading the searched cells
      // (their count known from the last row or the index's grid), they are read and matched here,
      // and kept for the execution's later searches of the same column.
      let found: number[];
      if (searched > 0 && cells.length * LOCAL_CALL_CELLS > READ_JOIN_CELLS + searched * cols) {
        const column = s.getRange(2, col + 1, searched, cols).getValues() as Cell[][];
        searchedColumns.set(`${tab}|${col}|${cols}`, column);
        found = matchRows(column, pattern);
      } else found = cells.map((r) => r.getRow());
      noteRead();
      return found;
    },
    rows(tab, rows, width, near = 0) {
      const out = new Map<number, readonly Cell[]>();
      const s = sheet(tab);
      if (!s || rows.length === 0 || width === 0) return out;
      const mine = cached.get(tab);
      const unread: number[] = [];
      for (const r of rows) {
        const row = mine?.get(r);
        if (row) out.set(r, row.length > width ? row.slice(0, width) : row);
        else unread.push(r);
      }
      // Rows `near` the asked ones ride along in the same call, within the grid the index knows.
      const bottom = grids.get(tab)?.rows ?? lastRows.get(tab);
      for (const [first, last] of clusters(unread, READ_JOIN_CELLS, width)) {
        const from = Math.max(2, first - near);
        const to = bottom === undefined ? last : Math.max(last, Math.min(bottom, last + near));
        const values = s.getRange(from, 1, to - from + 1, width).getValues() as Cell[][];
        values.forEach((row, i) => {
          if (from + i >= first && from + i <= last) out.set(from + i, row);
        });
        remember(tab, from, values);
      }
      noteRead();
      return out;
    },
    column(tab, rows, col) {
      const out = new Map<number, Cell>();
      const s = sheet(tab);
      if (!s) return out;
      const mine = cached.get(tab);
      const unread: number[] = [];
      for (const r of [...rows].sort((a, b) => a - b)) {
        const row = mine?.get(r);
        if (row) out.set(r, row[col] ?? '');
        else unread.push(r);
      }
      // One cell a row: a gap of up to READ_JOIN_CELLS rows is cheaper read than another call.
      for (const [first, last] of clusters(unread, READ_JOIN_CELLS)) {
        const values = s.getRange(first, col + 1, last - first + 1, 1).getValues() as Cell[][];
        for (const r of unread) if (r >= first && r <= last) out.set(r, values[r - first]?.[0] ?? '');
      }
      noteRead();
      return out;
    },
    whole(tab, cols, band): RawTab | undefined {
      const s = sheet(tab);
      if (!s) return undefined;
      const shape = index.get(tab);
      const some = cols && shape ? columnsOf(s, shape, cols, band) : undefined;
      if (some && shape)
        return { name: tab, values: some, ...(band ? { rows: bandRows(band, shape.gridRows) } : {}) };
      // Settings, read by every click, in one read of its grid as wide as its header (a few thousand
      // cells), its trailing blank rows dropped (new rows go below its last row). Other tabs read
      // whole are a batch's: getDataRange's two calls read no blank rows.
      const i = tab === TABS.settings.name ? index.get(tab) : undefined;
      // The index holds Settings' cells (every key among them): no read at all.
      if (i?.cells) {
        const values = i.cells.map((r) => [...r]);
        values.length = Math.max(1, lastRowIn(1, values));
        return { name: tab, values };
      }
      if (i && i.header.length > 0 && i.gridRows * i.header.length <= READ_JOIN_CELLS) {
        const values = s.getRange(1, 1, i.gridRows, i.header.length).getValues() as Cell[][];
        values.length = Math.max(1, lastRowIn(1, values));
        return { name: tab, values };
      }
      return { name: tab, values: s.getDataRange().getValues() as Cell[][] };
    },
  };
}
