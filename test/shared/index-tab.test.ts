/**
 * The index tab's rows are trusted only when their signatures show exactly the formulas Set up
 * writes for the header they show: a reference Sheets rewrote (a column inserted or moved, a tab renamed), a cell
 * typed over, or a grid grown past the header cells leaves that tab to be asked directly. Its id rows
 * count only for a trusted tab, with the formula written for that tab's key column.
 */
import { describe, expect, it } from 'vitest';
import { idsKnown, vouches } from '../../shared/io/index-ids';
import {
  foundFormulas,
  foundKey,
  INDEXED_SEARCHES,
  type IndexedSearch,
  indexedPattern,
  valuesColumn,
} from '../../shared/io/index-searches';
import { indexGrid, lastRowIn, readIndex, signature } from '../../shared/io/index-tab';
import { indexTimeZone, TIME_ZONE_CHECKS } from '../../shared/io/index-time-zone';
import { type IsoDate, zonedInstant } from '../../shared/primitives/dates';
import type { Cell } from '../../shared/sheet/cells';
import { InvoicesTab } from '../../shared/tabs/invoices';
import { LogTab } from '../../shared/tabs/log';
import { OrdersTab } from '../../shared/tabs/orders';
import { HOLD_STATES } from '../../shared/tabs/vocabulary';
import type { TabKey } from '../../shared/workbook';

const header = Object.values(LogTab.columns).map((c) => c.header) as Cell[];

/**
 * The values Google would compute for `grid`, with the Log's grid rows, columns and key cells given;
 * `showing` is the formulas as Sheets holds them now (a rewritten reference, a cell typed over),
 * which each row's signature shows.
 */
function computed(
  grid: string[][],
  shown: readonly Cell[],
  rows: number,
  cols: number,
  keys: number,
  showing: string[][] = grid,
): Cell[][] {
  return grid.map((r, i) => {
    const now = showing[i] ?? r;
    // A tab row signs every cell from its third on; an id row its third alone.
    const signed = r[0] === 'Highest id' ? now.slice(2, 3) : now.slice(2);
    const sig = signed.some((f) => !f.startsWith('=')) ? '#N/A' : signed.join('|');
    return r[0] === 'Highest id'
      ? [r[0], sig, HIGHEST, r[3] as string, r[4] as string]
      : [r[0] as string, sig, rows, cols, keys, ...shown, ...new Array(r.length - 5 - shown.length).fill('')];
  });
}

/** What the id row's formula shows: the highest LG- number. */
const HIGHEST = 42;

describe('index tab', () => {
  const tabs = new Map<TabKey, { header: Cell[]; gridCols: number }>([['log', { header, gridCols: 26 }]]);
  const grid = indexGrid(tabs);
  /** The formulas with `edit` applied to each (what Sheets would hold after a person's change). */
  const rewritten = (edit: (f: string, row: number, col: number) => string) =>
    grid.map((r, i) => r.map((f, c) => edit(f, i, c)));

  it('writes one row per tab: its signature, grid size, key cells and a formula per grid column; then its id rows', () => {
    expect(grid).toHaveLength(2);
    expect(grid[0]?.slice(0, 6)).toEqual([
      'Log',
      signature(
        1,
        Array.from({ length: 3 + 26 }, (_, i) => 2 + i),
      ),
      '=ROWS(Log!A:A)',
      '=COLUMNS(Log!1:1)',
      '=COUNTA(Log!A:A)',
      '=""&Log!A1',
    ]);
    expect(grid[0]?.[1]).toMatch(/^=FORMULATEXT\(C1\)&"\|"&FORMULATEXT\(D1\)&/);
    expect(grid[0]).toHaveLength(5 + 26);
    expect(grid[1]?.slice(0, 5)).toEqual([
      'Highest id',
      '=FORMULATEXT(C2)',
      '=ARRAYFORMULA(MAX(IFERROR(VALUE(REGEXEXTRACT(TO_TEXT(Log!A2:A),"^LG\\-(\\d+)$")),0)))',
      'Log',
      'LG-',
    ]);
    // Invoices take the setting's prefix.
    const invoices = indexGrid(
      new Map<TabKey, { header: Cell[]; gridCols: number }>([
        [
          'invoices',
          { header: Object.values(InvoicesTab.columns).map((c) => c.header) as Cell[], gridCols: 17 },
        ],
      ]),
      'B-',
    );
    expect(invoices[1]?.slice(3, 5)).toEqual(['Invoices', 'B-']);
  });

  it('trusts a row whose signature shows its formulas as written, and reads its header and counts', () => {
    const read = readIndex(computed(grid, header, 1500, 26, 1001));
    expect(read.get('log')).toEqual({
      header,
      gridRows: 1500,
      gridCols: 26,
      keyCells: 1001,
      highest: new Map([['LG-', HIGHEST]]),
    });
    const log = read.get('log');
    if (!log) throw new Error('no Log row');
    expect(idsKnown('log', log)).toBe(true);
    expect([vouches(log, 'LG-000043'), vouches(log, 'LG-000042'), vouches(log, 'BO-000099')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("ignores an id row whose formula is not the one for its tab's key column", () => {
    const moved = rewritten((f, row) => (row === 1 ? f.replace('Log!A2:A', 'Log!B2:B') : f));
    const read = readIndex(computed(grid, header, 1500, 26, 1001, moved)).get('log');
    expect(read?.highest.size).toBe(0);
    expect(read && idsKnown('log', read)).toBe(false);
  });

  it('ignores a row Sheets rewrote, a cell typed over, a grid wider than the header cells', () => {
    const moved = rewritten((f) => f.replace('Log!C1', 'Log!D1'));
    expect(readIndex(computed(grid, header, 1500, 26, 1001, moved)).has('log')).toBe(false);
    const renamed = rewritten((f) => f.replaceAll('Log!', "'Log 2024'!"));
    expect(readIndex(computed(grid, header, 1500, 26, 1001, renamed)).has('log')).toBe(false);
    const typed = rewritten((f, row, c) => (row === 0 && c === 8 ? 'Qty' : f));
    expect(readIndex(computed(grid, header, 1500, 26, 1001, typed)).has('log')).toBe(false);
    expect(readIndex(computed(grid, header, 1500, 27, 1001)).has('log')).toBe(false);
    // A header whose key column moved away from the counted column.
    const swapped = [header[1], header[0], ...header.slice(2)] as Cell[];
    expect(readIndex(computed(grid, swapped, 1500, 26, 1001)).has('log')).toBe(false);
    // An error where a count belongs.
    const broken = computed(grid, header, 1500, 26, 1001).map((r) =>
      r.map((v, c) => (c === 2 ? '#REF!' : v)),
    );
    expect(readIndex(broken).has('log')).toBe(false);
  });

  describe('search rows', () => {
    const orders = Object.values(OrdersTab.columns).map((c) => c.header) as Cell[];
    const written = indexGrid(new Map([['orders', { header: orders, gridCols: orders.length }]]));
    const [holdSearch, statusSearch] = INDEXED_SEARCHES as [IndexedSearch, IndexedSearch];
    const colOf = (s: IndexedSearch) => orders.indexOf(s.field === 'hold' ? 'Hold' : 'Status');
    const sig = (s: IndexedSearch, col = colOf(s)) =>
      foundFormulas('orders', col, s, valuesColumn(s, orders)).join('|');
    // The Orders row as Sheets computes it, then a search row with its formulas' values.
    const tabRow = written[0] as string[];
    const values = (s: IndexedSearch, computed: Cell[], signed = sig(s)) => [
      [tabRow[0], tabRow.slice(2).join('|'), 50_001, orders.length, 50_001, ...orders] as Cell[],
      ['Rows matching', signed, 'Orders', String(colOf(s)), ...computed] as Cell[],
    ];
    const answer = (s: IndexedSearch, v: Cell[][]) =>
      readIndex(v)
        .get('orders')
        ?.found?.get(foundKey(colOf(s), indexedPattern(s.words)));

    it('are written one per indexed search, signing their formulas', () => {
      const rows = written.filter((r) => r[0] === 'Rows matching');
      expect(rows.map((r) => r.slice(2, 4))).toEqual([
        ['Orders', String(colOf(holdSearch))],
        ['Orders', String(colOf(statusSearch))],
      ]);
      expect(rows[1]?.slice(4, 8)).toEqual(
        foundFormulas('orders', colOf(statusSearch), statusSearch, orders.indexOf('SKU')),
      );
      expect(indexedPattern(holdSearch.words)).toBe(indexedPattern(HOLD_STATES));
    });

    it('answer when the list of rows agrees with the count, and only then', () => {
      expect(answer(holdSearch, values(holdSearch, ['12,40007', 2]))).toEqual([12, 40007]);
      expect(answer(holdSearch, values(holdSearch, ['', 0]))).toEqual([]);
      expect(answer(holdSearch, values(holdSearch, [9, 1]))).toEqual([9]);
      // A list that disagrees with its count (cut short, or an error where the list belongs).
      expect(answer(holdSearch, values(holdSearch, ['12', 2]))).toBeUndefined();
      expect(answer(holdSearch, values(holdSearch, ['#VALUE!', 2]))).toBeUndefined();
      expect(answer(holdSearch, values(holdSearch, ['', '#N/A']))).toBeUndefined();
      // Formulas Sheets rewrote (a column moved): the row is for another column.
      const moved = sig(holdSearch, colOf(holdSearch) + 1);
      expect(answer(holdSearch, values(holdSearch, ['12', 1], moved))).toBeUndefined();
    });

    it('answer for a column with a vocabulary only while no cell holds text outside it', () => {
      expect(answer(statusSearch, values(statusSearch, ['7,19', 2, 0]))).toEqual([7, 19]);
      // A Status cell typed as "Shiped": the codec would name it, so the cells are read.
      expect(answer(statusSearch, values(statusSearch, ['7,19', 2, 1]))).toBeUndefined();
      expect(answer(statusSearch, values(statusSearch, ['7,19', 2, '#REF!']))).toBeUndefined();
    });

    it('list the SKUs of the waiting lines only when as many as the lines', () => {
      const skus = (v: Cell[][]) =>
        readIndex(v)
          .get('orders')
          ?.foundValues?.get(foundKey(colOf(statusSearch), indexedPattern(statusSearch.words)));
      expect(skus(values(statusSearch, ['7,19', 2, 0, 'TILE-9\nGROUT-1']))).toEqual(['TILE-9', 'GROUT-1']);
      expect(skus(values(statusSearch, ['', 0, 0, '']))).toEqual([]);
      // One line's SKU left out (a blank cell), or an error: the rows stand, their SKUs are not used.
      const short = values(statusSearch, ['7,19', 2, 0, 'TILE-9']);
      expect(answer(statusSearch, short)).toEqual([7, 19]);
      expect(skus(short)).toBeUndefined();
      expect(skus(values(statusSearch, ['7,19', 2, 0, '#VALUE!']))).toBeUndefined();
    });
  });

  it('vouches for the time zone Set up wrote while Sheets computes its check dates as midnights there', () => {
    const zone = 'America/New_York';
    const grid = indexGrid(new Map([['log', { header, gridCols: 26 }]]), '', 0, zone);
    const row = grid.find((r) => r[0] === 'Time zone') as string[];
    expect(row.slice(2, 6)).toEqual([zone, ...TIME_ZONE_CHECKS]);
    const today = '2026-12-06' as IsoDate;
    /** The row's values as Apps Script reads them from a spreadsheet set to `actual`. */
    const read = (actual: string, signed = TIME_ZONE_CHECKS.join('|'), name = zone): Cell[][] => [
      [
        'Time zone',
        signed,
        name,
        ...(['2000-01-01', '2000-07-01', today] as IsoDate[]).map(
          (d) => zonedInstant(d, actual) as unknown as Cell,
        ),
      ],
    ];
    expect(indexTimeZone(read(zone))).toBe(zone);
    // The spreadsheet moved to another zone since (File ▸ Settings): its midnights are other instants.
    expect(indexTimeZone(read('Europe/London'))).toBeUndefined();
    // Phoenix keeps Denver's offset in January but not in July (no daylight saving time).
    expect(indexTimeZone(read('America/Denver', undefined, 'America/Denver'))).toBe('America/Denver');
    expect(indexTimeZone(read('America/Phoenix', undefined, 'America/Denver'))).toBeUndefined();
    // A check typed over, a name typed over with a zone nobody knows, no row at all.
    expect(indexTimeZone(read(zone, '=DATE(2000,1,1)|2000-07-01|=TODAY()'))).toBeUndefined();
    expect(indexTimeZone(read(zone, undefined, 'Mars/Olympus'))).toBeUndefined();
    expect(indexTimeZone([])).toBeUndefined();
    // Text in place of a Date (the cells lost their date format) is not a midnight.
    expect(
      indexTimeZone([['Time zone', TIME_ZONE_CHECKS.join('|'), zone, '2000-01-01', '2000-07-01', today]]),
    ).toBeUndefined();
  });

  it('finds the last row with content in a read that runs to the end of the grid', () => {
    expect(lastRowIn(8, [['a'], [''], ['', 'note'], [null, ''], ['']])).toBe(10);
    expect(lastRowIn(2, [[''], [null]])).toBe(1);
  });
});
