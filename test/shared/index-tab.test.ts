/**
 * The index tab's rows are trusted only when their formulas are exactly what Set up writes for the
 * header they show: a reference Sheets rewrote (a column inserted or moved, a tab renamed), a cell
 * typed over, or a grid grown past the header cells leaves that tab to be asked directly. Its id rows
 * count only for a trusted tab, with the formula written for that tab's key column.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/cells';
import { idsKnown, indexGrid, lastRowIn, readIndex, vouches } from '../../shared/index-tab';
import { InvoicesTab } from '../../shared/tabs/invoices';
import { LogTab } from '../../shared/tabs/log';
import type { TabKey } from '../../shared/workbook';

const header = Object.values(LogTab.columns).map((c) => c.header) as Cell[];

/** The values Google would compute for `grid`, with the Log's grid rows, columns and key cells given. */
function computed(
  grid: string[][],
  shown: readonly Cell[],
  rows: number,
  cols: number,
  keys: number,
): Cell[][] {
  return grid.map((r) =>
    r[0] === 'Highest id'
      ? [r[0], r[1] as string, r[2] as string, HIGHEST, ...new Array(r.length - 4).fill('')]
      : [r[0] as string, rows, cols, keys, ...shown, ...new Array(r.length - 4 - shown.length).fill('')],
  );
}

/** What the id row's formula shows: the highest LG- number. */
const HIGHEST = 42;

describe('index tab', () => {
  const tabs = new Map<TabKey, { header: Cell[]; gridCols: number }>([['log', { header, gridCols: 26 }]]);
  const grid = indexGrid(tabs);

  it('writes one row per tab: grid size, key cells and a formula per grid column; then its id rows', () => {
    expect(grid).toHaveLength(2);
    expect(grid[0]?.slice(0, 5)).toEqual([
      'Log',
      '=ROWS(Log!A:A)',
      '=COLUMNS(Log!1:1)',
      '=COUNTA(Log!A:A)',
      '=""&Log!A1',
    ]);
    expect(grid[0]).toHaveLength(4 + 26);
    expect(grid[1]?.slice(0, 4)).toEqual([
      'Highest id',
      'Log',
      'LG-',
      '=ARRAYFORMULA(MAX(IFERROR(VALUE(REGEXEXTRACT(TO_TEXT(Log!A2:A),"^LG\\-(\\d+)$")),0)))',
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
    expect(invoices[1]?.slice(0, 3)).toEqual(['Highest id', 'Invoices', 'B-']);
  });

  it('trusts a row whose formulas are as written, and reads its header and counts', () => {
    const values = computed(grid, header, 1500, 26, 1001);
    const read = readIndex(
      values,
      grid.map((r) => ['', ...r.slice(1)]),
    );
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
    const values = computed(grid, header, 1500, 26, 1001);
    const formulas = grid.map((r) => ['', ...r.slice(1)]);
    const rewritten = formulas.map((r, i) => (i === 1 ? r.map((f) => f.replace('Log!A2:A', 'Log!B2:B')) : r));
    const read = readIndex(values, rewritten).get('log');
    expect(read?.highest.size).toBe(0);
    expect(read && idsKnown('log', read)).toBe(false);
  });

  it('ignores a row Sheets rewrote, a cell typed over, a grid wider than the header cells', () => {
    const values = computed(grid, header, 1500, 26, 1001);
    const formulas = grid.map((r) => ['', ...r.slice(1)]);
    const moved = formulas.map((r) => r.map((f) => f.replace('Log!C1', 'Log!D1')));
    expect(readIndex(values, moved).has('log')).toBe(false);
    const typed = formulas.map((r) => r.map((f, c) => (c === 3 ? '' : f)));
    expect(readIndex(values, typed).has('log')).toBe(false);
    expect(readIndex(computed(grid, header, 1500, 27, 1001), formulas).has('log')).toBe(false);
    // A header whose key column moved away from the counted column.
    const swapped = [header[1], header[0], ...header.slice(2)] as Cell[];
    expect(readIndex(computed(grid, swapped, 1500, 26, 1001), formulas).has('log')).toBe(false);
    // An error where a count belongs.
    const broken = values.map((r) => r.map((v, c) => (c === 1 ? '#REF!' : v)));
    expect(readIndex(broken, formulas).has('log')).toBe(false);
  });

  it('finds the last row with content in a read that runs to the end of the grid', () => {
    expect(lastRowIn(8, [['a'], [''], ['', 'note'], [null, ''], ['']])).toBe(10);
    expect(lastRowIn(2, [[''], [null]])).toBe(1);
  });
});
