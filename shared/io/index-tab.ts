/**
 * The index tab: a hidden tab of formulas that tells the add-on, in one read, what it would otherwise
 * ask each tab in turn (docs/addon.md, "Index tab"): per typed tab its grid size (`ROWS`, `COLUMNS`),
 * how many cells of its key column hold something (`COUNTA`) and its header row, cell by cell. Google
 * computes the formulas when they are read, so nothing in it can be stale. What can go wrong is the
 * formulas themselves: Sheets rewrites a reference when a person inserts, deletes or moves rows or
 * columns of the tab it points at (or renames or deletes the tab), and a person may type over a cell.
 * So each row signs its formulas (a FORMULATEXT of each, in one cell), and a tab's row is trusted
 * only when that signature shows exactly the formulas this file writes for the header it shows; the
 * index is read in one call, values only. Any other row is ignored and that tab is
 * asked directly, as without an index. Id rows below give the highest number after each id prefix
 * of a tab's key column, so new ids need no tail rows and no search. Search rows answer a search a
 * command makes with the same words every time (who is on hold) with the rows it would find;
 * repeated-keys rows say a tab's ids each stand once (index-unique.ts). Pure:
 * the add-on writes and reads the cells (addon/src).
 */

import { columnLetter, sheetRef } from '../sheet/a1';
import type { Cell } from '../sheet/cells';
import { keyColumnIn } from '../sheet/codec';
import { TABS, type TabKey, tabSpec } from '../workbook';
import { ID_PREFIXES, ID_ROW, idFormula, prefixesOf } from './index-ids';
import {
  FOUND_FIRST_COL,
  FOUND_ROW,
  foundAnswer,
  foundFormulas,
  INDEXED_SEARCHES,
  type IndexedSearch,
  searchColumn,
  valuesColumn,
} from './index-searches';
import { TIME_ZONE_CHECK_COL, TIME_ZONE_CHECKS, TIME_ZONE_ROW } from './index-time-zone';
import { repeatedFormula, UNIQUE_KEY_TABS, UNIQUE_ROW, uniqueKeyTabs } from './index-unique';

export const INDEX_TAB = 'Desk Index';

/** Every typed tab: those read row by row, and Settings and ETA History, read whole in one call when small. */
export const INDEXED_TABS: readonly TabKey[] = Object.keys(TABS) as TabKey[];

/** Columns before a tab's header cells: name, signature, grid rows, grid columns, key cells. */
const LEAD = 5;
/** The signature's column: what the row's formulas are, as text (`signature`). */
const SIGNED = 1;

/** Marks the row of Settings' cells: marker, signature, rows covered, then the cells row by row. */
const SETTINGS_ROW = 'Settings cells';
/** Rows below the last setting the Settings row also covers, so a setting a person adds is in it. */
export const SETTINGS_SPARE_ROWS = 5;

/**
 * Rows the index can hold: a row per tab, an id row per tab and prefix (invoices' included), the
 * time zone's row, the row of Settings' cells, a row per indexed search and a repeated-keys row per
 * tab whose ids a command may take as unique.
 */
export const INDEX_ROWS =
  INDEXED_TABS.length +
  Object.values(ID_PREFIXES).reduce((n, p) => n + p.length, 0) +
  1 +
  1 +
  1 +
  INDEXED_SEARCHES.length +
  UNIQUE_KEY_TABS.length;

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
  /** Settings only: its cells as text, row by row from its header, when the index covers them all. */
  readonly cells?: readonly (readonly Cell[])[];
  /** Indexed searches answered (index-searches.ts): by `foundKey`, the rows (1-based) a search would find. */
  readonly found?: ReadonlyMap<string, readonly number[]>;
  /** Of an answered search that lists values, those rows' values (`found`'s order), by `foundKey`. */
  readonly foundValues?: ReadonlyMap<string, readonly string[]>;
  /** No id of its key column stands twice (index-unique.ts): a row read holding an id is its only row. */
  readonly uniqueKeys?: boolean;
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
 * The signature of an index row (1-based `row`): one formula showing, as text, the formulas of the
 * row's cells `cols` (0-based) joined by "|", so the row's values alone say whether Sheets rewrote a
 * reference or a person typed over a formula (docs/fidelity.md A48), and the index is read in one call.
 */
export function signature(row: number, cols: readonly number[]): string {
  return `=${cols.map((c) => `FORMULATEXT(${columnLetter(c)}${row})`).join('&"|"&')}`;
}

/** A row as written: its literal cells, the signature, then the formulas it signs. */
function signed(row: number, before: readonly string[], formulas: readonly string[]): string[] {
  const first = before.length + 1;
  const cols = formulas.map((_, i) => first + i);
  return [...before, signature(row, cols), ...formulas];
}

/**
 * Settings' cells `rows` × `cols` from A1, row by row, each as text (`""&`: a blank reads "", never
 * 0; Settings' values are text to the codec, which parses them).
 */
export function settingsFormulas(rows: number, cols: number): string[] {
  const name = sheetRef(TABS.settings.name);
  return Array.from(
    { length: rows * cols },
    (_, i) => `=""&${name}!${columnLetter(i % cols)}${Math.floor(i / cols) + 1}`,
  );
}

/**
 * The index as Set up writes it, one row per indexed tab present: `headers` gives each tab's header
 * and grid width as they are now; then an id row per tab and id prefix (`invoicePrefix`: the
 * setting's); then Settings' cells down to `settingsRows` (its last row now) and a few spare rows,
 * so a click reads Settings with the index. A tab without its key column is left out (it is asked
 * directly).
 */
export function indexGrid(
  tabs: ReadonlyMap<TabKey, { readonly header: readonly Cell[]; readonly gridCols: number }>,
  invoicePrefix = '',
  settingsRows = 0,
  /** The spreadsheet's time zone as Set up finds it: a click then need not ask for it (`indexTimeZone`). */
  timeZone = '',
): string[][] {
  const rows: string[][] = [];
  const ids: [TabKey, string, number][] = [];
  const unique: [TabKey, number][] = [];
  const searched: [TabKey, number, IndexedSearch, number][] = [];
  for (const tab of INDEXED_TABS) {
    const t = tabs.get(tab);
    if (!t) continue;
    const keyCol = keyColumnIn(tabSpec(tab), t.header);
    if (keyCol < 0) continue;
    const formulas = indexFormulas(tab, Math.max(t.gridCols, t.header.length), keyCol);
    rows.push(signed(rows.length + 1, [TABS[tab].name], formulas));
    for (const prefix of prefixesOf(tab, invoicePrefix)) ids.push([tab, prefix, keyCol]);
    if (UNIQUE_KEY_TABS.includes(tab)) unique.push([tab, keyCol]);
    for (const search of INDEXED_SEARCHES.filter((s) => s.tab === tab)) {
      const col = searchColumn(search, t.header);
      if (col >= 0) searched.push([tab, col, search, valuesColumn(search, t.header)]);
    }
  }
  for (const [tab, prefix, keyCol] of ids)
    rows.push(
      signed(rows.length + 1, [ID_ROW], [idFormula(tab, prefix, keyCol)]).concat(TABS[tab].name, prefix),
    );
  for (const [tab, keyCol] of unique)
    rows.push(signed(rows.length + 1, [UNIQUE_ROW], [repeatedFormula(tab, keyCol)]).concat(TABS[tab].name));
  for (const [tab, col, search, valuesCol] of searched) {
    const formulas = foundFormulas(tab, col, search, valuesCol);
    const cols = formulas.map((_, i) => FOUND_FIRST_COL + i);
    rows.push([FOUND_ROW, signature(rows.length + 1, cols), TABS[tab].name, String(col), ...formulas]);
  }
  if (timeZone !== '') {
    const cols = TIME_ZONE_CHECKS.map((_, i) => TIME_ZONE_CHECK_COL + i);
    rows.push([TIME_ZONE_ROW, signature(rows.length + 1, cols), timeZone, ...TIME_ZONE_CHECKS]);
  }
  const settings = tabs.get('settings');
  if (settings && settingsRows > 0 && settings.header.length > 0) {
    const covered = settingsRows + SETTINGS_SPARE_ROWS;
    const formulas = settingsFormulas(covered, settings.header.length);
    const row = rows.length + 1;
    rows.push([
      SETTINGS_ROW,
      signature(
        row,
        formulas.map((_, i) => 3 + i),
      ),
      String(covered),
      ...formulas,
    ]);
  }
  const width = rows.reduce((m, r) => Math.max(m, r.length), LEAD);
  return rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
}

const count = (v: Cell | undefined): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;

/**
 * The tabs whose index row can be trusted, from the index's values alone. A row is trusted when its
 * signature shows exactly the formulas `indexFormulas` gives for the grid width and header it shows
 * (so the header cells cover the whole grid, and no reference was rewritten or typed over), and its
 * numbers are counts. An id row counts for a trusted tab whose key column it searches.
 */
export function readIndex(values: readonly (readonly Cell[])[]): Map<TabKey, IndexedShape> {
  const out = new Map<TabKey, IndexedShape & { keyCol: number }>();
  for (const row of values) {
    const tab = INDEXED_TABS.find((k) => TABS[k].name === row[0]);
    if (!tab || out.has(tab)) continue;
    const gridRows = count(row[2]);
    const gridCols = count(row[3]);
    const keyCells = count(row[4]);
    if (gridRows === undefined || gridCols === undefined || keyCells === undefined) continue;
    const header = row.slice(LEAD, LEAD + gridCols).map((v) => (v === null ? '' : v));
    while (header.length > 0 && header[header.length - 1] === '') header.pop();
    const keyCol = keyColumnIn(tabSpec(tab), header);
    if (keyCol < 0 || row[SIGNED] !== indexFormulas(tab, gridCols, keyCol).join('|')) continue;
    out.set(tab, { header, gridRows, gridCols, keyCells, highest: new Map(), keyCol });
  }
  for (const row of values) {
    if (row[0] !== ID_ROW) continue;
    const tab = INDEXED_TABS.find((k) => TABS[k].name === row[3]);
    const shape = tab ? out.get(tab) : undefined;
    const n = count(row[2]);
    const prefix = row[4];
    if (!tab || !shape || typeof prefix !== 'string' || prefix === '' || n === undefined) continue;
    if (row[SIGNED] !== idFormula(tab, prefix, shape.keyCol)) continue;
    (shape.highest as Map<string, number>).set(prefix, n);
  }
  // A repeated-keys row counts for a trusted tab whose key column it counts (index-unique.ts).
  for (const tab of uniqueKeyTabs(values, (k) => out.get(k)?.keyCol)) {
    const shape = out.get(tab);
    if (shape) out.set(tab, { ...shape, uniqueKeys: true });
  }
  // A search row counts for a trusted tab (shared/io/index-searches.ts `foundAnswer`).
  for (const row of values) {
    const answer = row[0] === FOUND_ROW ? foundAnswer(row, (tab) => out.get(tab)?.header) : undefined;
    const shape = answer ? out.get(answer.tab) : undefined;
    if (!answer || !shape) continue;
    const answers = new Map(shape.found ?? []);
    answers.set(answer.key, answer.rows);
    const values = new Map(shape.foundValues ?? []);
    if (answer.values) values.set(answer.key, answer.values);
    out.set(answer.tab, { ...shape, found: answers, ...(values.size > 0 ? { foundValues: values } : {}) });
  }
  // Settings' cells count when they cover every key Settings holds, as wide as its header.
  const settings = out.get('settings');
  for (const row of values) {
    if (row[0] !== SETTINGS_ROW || !settings) continue;
    const width = settings.header.length;
    const covered = count(row[2]);
    if (!covered || row[SIGNED] !== settingsFormulas(covered, width).join('|')) continue;
    const cells = Array.from({ length: covered }, (_, r) =>
      row.slice(3 + r * width, 3 + (r + 1) * width).map((v) => (v === null ? '' : v)),
    );
    // Every key Settings holds is among them (a setting added below would be missed).
    const keys = cells.filter((r) => String(r[settings.keyCol] ?? '') !== '').length;
    if (keys === settings.keyCells) out.set('settings', { ...settings, cells });
  }
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
