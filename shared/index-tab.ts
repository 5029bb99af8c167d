/**
 * The index tab: a hidden tab of formulas that tells the add-on, in one read, what it would otherwise
 * ask each tab in turn (docs/addon.md, "Index tab"): per typed tab its grid size (`ROWS`, `COLUMNS`),
 * how many cells of its key column hold something (`COUNTA`) and its header row, cell by cell. Google
 * computes the formulas when they are read, so nothing in it can be stale. What can go wrong is the
 * formulas themselves: Sheets rewrites a reference when a person inserts, deletes or moves rows or
 * columns of the tab it points at (or renames or deletes the tab), and a person may type over a cell.
 * So the formulas are read with the values, and a tab's row is trusted only when every formula is
 * exactly what this file writes for the header it shows; any other row is ignored and that tab is
 * asked directly, as without an index. Id rows below give the highest number after each id prefix
 * of a tab's key column, so new ids need no tail rows and no search. Pure: the add-on writes and reads the cells (addon/src).
 */
import type { Cell } from './cells';
import { columnLetter, indexColumns, sheetRef } from './codec';
import type { Columns, TabSpec } from './columns';
import { TABS, type TabKey } from './workbook';

export const INDEX_TAB = 'Desk Index';

/** Every typed tab: those read row by row, and Settings and ETA History, read whole in one call when small. */
export const INDEXED_TABS: readonly TabKey[] = Object.keys(TABS) as TabKey[];

/** Columns before a tab's header cells: name, grid rows, grid columns, key cells. */
const LEAD = 4;

/**
 * The id prefixes (with their dash) of the rows each tab gets (shared/ids.ts; the commands name
 * them): the index gives the highest number after each, so a click needs no tail rows and no search
 * to know its new ids are new. Invoices take the InvoicePrefix setting, given when the index is written.
 */
const ID_PREFIXES: Partial<Record<TabKey, readonly string[]>> = {
  backorders: ['BO-'],
  shipments: ['SH-'],
  calls: ['CL-'],
  log: ['LG-'],
  pos: ['PO-', 'DS-'],
  notifications: ['NT-'],
  etaHistory: ['EH-'],
};

/** Marks an id row of the index: marker, tab name, prefix, highest number. */
const ID_ROW = 'Highest id';

/** Rows the index can hold: a row per tab, and an id row per tab and prefix (invoices' included). */
export const INDEX_ROWS =
  INDEXED_TABS.length + Object.values(ID_PREFIXES).reduce((n, p) => n + p.length, 0) + 1;

/** What one trusted row of the index says about its tab. */
export interface IndexedShape {
  /** Row 1 of the tab, trailing blanks trimmed. */
  readonly header: readonly Cell[];
  readonly gridRows: number;
  readonly gridCols: number;
  /** Non-empty cells of the key column, the header's included: the last row with content is at least this. */
  readonly keyCells: number;
  /** Per id prefix (`LG-`), the highest number after it in the key column (0 when none). */
  readonly highest: ReadonlyMap<string, number>;
}

function specOf(tab: TabKey): TabSpec<Columns> {
  return TABS[tab] as unknown as TabSpec<Columns>;
}

/**
 * The formulas of one tab's index row after its name: grid rows, grid columns, key cells, then one
 * header cell per grid column (`""&` so a blank header cell reads as "", never 0).
 */
export function indexFormulas(tab: TabKey, width: number, keyCol: number): string[] {
  const name = sheetRef(TABS[tab].name);
  const key = columnLetter(keyCol);
  return [
    `=ROWS(${name}!A:A)`,
    `=COLUMNS(${name}!1:1)`,
    `=COUNTA(${name}!${key}:${key})`,
    ...Array.from({ length: width }, (_, c) => `=""&${name}!${columnLetter(c)}1`),
  ];
}

/**
 * The highest number after `prefix` in a key column, as Sheets computes it over the whole column
 * (docs/fidelity.md A47): each cell as text, the digits after the prefix, 0 where there are none.
 */
export function idFormula(tab: TabKey, prefix: string, keyCol: number): string {
  const key = columnLetter(keyCol);
  const pattern = `^${prefix.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(\\d+)$`;
  return `=ARRAYFORMULA(MAX(IFERROR(VALUE(REGEXEXTRACT(TO_TEXT(${sheetRef(TABS[tab].name)}!${key}2:${key}),"${pattern.replace(/"/g, '""')}")),0)))`;
}

const prefixesOf = (tab: TabKey, invoicePrefix: string): readonly string[] =>
  tab === 'invoices' ? (invoicePrefix === '' ? [] : [invoicePrefix]) : (ID_PREFIXES[tab] ?? []);

/**
 * The index as Set up writes it, one row per indexed tab present: `headers` gives each tab's header
 * and grid width as they are now; then an id row per tab and id prefix (`invoicePrefix`: the
 * setting's). A tab without its key column is left out (it is asked directly).
 */
export function indexGrid(
  tabs: ReadonlyMap<TabKey, { readonly header: readonly Cell[]; readonly gridCols: number }>,
  invoicePrefix = '',
): string[][] {
  const rows: string[][] = [];
  const ids: string[][] = [];
  for (const tab of INDEXED_TABS) {
    const t = tabs.get(tab);
    if (!t) continue;
    const keyCol = indexColumns(specOf(tab), t.header)[specOf(tab).key[0] as string] ?? -1;
    if (keyCol < 0) continue;
    rows.push([TABS[tab].name, ...indexFormulas(tab, Math.max(t.gridCols, t.header.length), keyCol)]);
    for (const prefix of prefixesOf(tab, invoicePrefix))
      ids.push([ID_ROW, TABS[tab].name, prefix, idFormula(tab, prefix, keyCol)]);
  }
  rows.push(...ids);
  const width = rows.reduce((m, r) => Math.max(m, r.length), LEAD);
  return rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
}

const count = (v: Cell | undefined): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;

/**
 * The tabs whose index row can be trusted, from the index's values and formulas (the same cells).
 * A row is trusted when its formulas are exactly those `indexFormulas` gives for the header it
 * shows, its numbers are counts, and its header cells cover the whole grid (a column added past
 * them would otherwise go unseen).
 */
export function readIndex(
  values: readonly (readonly Cell[])[],
  formulas: readonly (readonly string[])[],
): Map<TabKey, IndexedShape> {
  const out = new Map<TabKey, IndexedShape & { keyCol: number }>();
  values.forEach((row, i) => {
    const tab = INDEXED_TABS.find((k) => TABS[k].name === row[0]);
    const f = formulas[i] ?? [];
    if (!tab || out.has(tab)) return;
    let width = 0;
    while (f[LEAD + width]) width++;
    const shown = row.slice(LEAD, LEAD + width).map((v) => (v === null ? '' : v));
    const header = [...shown];
    while (header.length > 0 && header[header.length - 1] === '') header.pop();
    const keyCol = indexColumns(specOf(tab), header)[specOf(tab).key[0] as string] ?? -1;
    const gridRows = count(row[1]);
    const gridCols = count(row[2]);
    const keyCells = count(row[3]);
    if (keyCol < 0 || gridRows === undefined || gridCols === undefined || keyCells === undefined) return;
    if (gridCols > width) return;
    const expected = indexFormulas(tab, width, keyCol);
    if (expected.some((e, c) => f[c + 1] !== e)) return;
    out.set(tab, { header, gridRows, gridCols, keyCells, highest: new Map(), keyCol });
  });
  // Id rows count for a trusted tab whose key column they search, as idFormula writes it.
  values.forEach((row, i) => {
    if (row[0] !== ID_ROW) return;
    const tab = INDEXED_TABS.find((k) => TABS[k].name === row[1]);
    const shape = tab ? out.get(tab) : undefined;
    const prefix = row[2];
    const n = count(row[3]);
    if (!tab || !shape || typeof prefix !== 'string' || prefix === '' || n === undefined) return;
    if ((formulas[i] ?? [])[3] !== idFormula(tab, prefix, shape.keyCol)) return;
    (shape.highest as Map<string, number>).set(prefix, n);
  });
  return new Map([...out].map(([tab, { keyCol: _, ...shape }]) => [tab, shape]));
}

/**
 * The last row with content (1-based) from a read of every row from `first` to the end of the grid
 * (`rows[0]` is row `first`), which holds it whenever `first` ≤ the tab's key cells: the key column
 * alone has that many rows with content. `first - 1` when the read is all blank.
 */
export function lastRowIn(first: number, rows: readonly (readonly Cell[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--)
    if ((rows[i] ?? []).some((v) => v !== '' && v !== null)) return first + i;
  return first - 1;
}

/**
 * Whether a tab's new ids need no tail rows: the index gives the highest number after each of its
 * id prefixes (a tab without ids, Orders, needs none; Invoices needs its prefix's row, checked
 * against each new number by `vouches`).
 */
export function idsKnown(tab: TabKey, shape: IndexedShape): boolean {
  if (tab === 'invoices') return shape.highest.size > 0;
  return (ID_PREFIXES[tab] ?? []).every((p) => shape.highest.has(p));
}

/** Whether `id` is a new id by the index alone: an id prefix of the tab, digits above its highest. */
export function vouches(shape: IndexedShape, id: string): boolean {
  for (const [prefix, highest] of shape.highest) {
    const rest = id.startsWith(prefix) ? id.slice(prefix.length) : '';
    if (/^\d+$/.test(rest) && Number(rest) > highest) return true;
  }
  return false;
}
