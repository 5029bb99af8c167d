/**
 * The index tab's search rows (shared/io/index-tab.ts writes and reads them with its other rows): a
 * search a command makes with the same words every time answered by formulas Sheets computes when
 * the index is read: the rows whose cell matches, listed, and how many there are. Who is on hold
 * (the Hold column), which order lines may wait for stock (the Status column: a waiting status, or
 * text that is no status at all, which the codec then names), and which notices did not surely
 * arrive (the "Due today" list). A row is trusted when it signs
 * exactly the formulas for the column its tab's header shows, its list agrees with its count, and,
 * for a column with a vocabulary, every cell that is not blank is a word of it; otherwise the search
 * (or the read of the cells) is made. Pure.
 */

import { UNSURE_NOTICES } from '../follow-ups';
import { columnLetter, sheetRef } from '../sheet/a1';
import type { Cell } from '../sheet/cells';
import { indexColumns } from '../sheet/codec';
import { HOLD_STATES, ORDER_STATUSES } from '../tabs/vocabulary';
import { TABS, type TabKey, tabSpec } from '../workbook';
import { alternation, vocabularyWord } from './row-patterns';
import { WAITING_LINE_STATUSES } from './scope-growth';

export interface IndexedSearch {
  readonly tab: TabKey;
  readonly field: string;
  readonly words: readonly string[];
  /** The column's vocabulary: the answer holds only while no cell holds other text. */
  readonly vocabulary?: readonly string[];
  /** A field whose cells in the rows found the answer lists too, one a row (the SKU of a waiting line). */
  readonly values?: string;
}

/**
 * Searches the index answers (shared/io/row-scope.ts makes them): the Hold column, once other
 * orders' backorders are read; the Status column of the order lines a SKU search found, to keep
 * those that may wait; the notices that failed or are unconfirmed, for "Due today". The rows come with the index read, as Sheets computes them then.
 */
export const INDEXED_SEARCHES: readonly IndexedSearch[] = [
  { tab: 'orders', field: 'hold', words: HOLD_STATES },
  {
    tab: 'orders',
    field: 'status',
    words: WAITING_LINE_STATUSES,
    vocabulary: ORDER_STATUSES,
    values: 'sku',
  },
  { tab: 'notifications', field: 'status', words: UNSURE_NOTICES },
];

/** The pattern a search of an indexed search's column is given (row-scope.ts builds it alike). */
export const indexedPattern = (words: readonly string[]) => alternation(words.map(vocabularyWord));

/** Marks a search row: marker, signature, tab name, column (0-based), then its formulas' values. */
export const FOUND_ROW = 'Rows matching';
/** The first formula's column (0-based) in a search row. */
export const FOUND_FIRST_COL = 4;

/** The column (0-based) an indexed search covers in a header of its tab, or -1 when it has none. */
export const searchColumn = (search: IndexedSearch, header: readonly Cell[]): number =>
  indexColumns(tabSpec(search.tab), header)[search.field] ?? -1;

/** The column (0-based) of the field an indexed search lists values of, or -1 (none, or not in the header). */
export const valuesColumn = (search: IndexedSearch, header: readonly Cell[]): number =>
  search.values ? (indexColumns(tabSpec(search.tab), header)[search.values] ?? -1) : -1;

/** Separates the values a search row lists (a line break: no SKU holds one, and one that did would break the count). */
const VALUES_SEPARATOR = '\n';

/** The key of an indexed search's answer: the column (0-based) and the pattern a search is given. */
export const foundKey = (col: number, pattern: string) => `${col}|${pattern}`;

/**
 * The formulas of a search row for column `col` of `tab`: the rows (1-based) whose cell, as text,
 * matches the search's words whole, joined by commas ("" when none); how many there are; with a
 * vocabulary, how many cells hold text that is none of its words; and, with a values field (at
 * `valuesCol`), those rows' cells of it as text, one a line. Each tests the cells with REGEXMATCH,
 * the RE2 a TextFinder's regular expression uses (fidelity A52); the count is computed apart from
 * the lists, so a list that came out wrong (or too long for a cell, or holding a blank) does not
 * agree with it.
 */
export function foundFormulas(tab: TabKey, col: number, search: IndexedSearch, valuesCol = -1): string[] {
  const range = (at: number) => `${sheetRef(TABS[tab].name)}!${columnLetter(at)}2:${columnLetter(at)}`;
  const ref = range(col);
  const test = (pattern: string) => `--REGEXMATCH(TO_TEXT(${ref}),"${pattern.replace(/"/g, '""')}")`;
  const words = test(`^${indexedPattern(search.words)}$`);
  const out = [`=ARRAYFORMULA(TEXTJOIN(",",TRUE,REPT(ROW(${ref}),${words})))`, `=SUMPRODUCT(${words})`];
  if (search.vocabulary)
    out.push(`=SUMPRODUCT(${test('\\S')})-SUMPRODUCT(${test(`^${indexedPattern(search.vocabulary)}$`)})`);
  if (valuesCol >= 0)
    out.push(`=ARRAYFORMULA(TEXTJOIN(CHAR(10),TRUE,REPT(TO_TEXT(${range(valuesCol)}),${words})))`);
  return out;
}

/**
 * A search row's answer, when it can be trusted: its tab is trusted (`header` gives the header the
 * index shows for it), its column is the one an indexed search names in that header, its signature
 * shows exactly the formulas for it, its list of rows agrees with its count, and no cell holds text
 * outside the column's vocabulary.
 */
export function foundAnswer(
  row: readonly Cell[],
  header: (tab: TabKey) => readonly Cell[] | undefined,
): { tab: TabKey; key: string; rows: readonly number[]; values?: readonly string[] } | undefined {
  const col = Number(row[3]);
  for (const search of INDEXED_SEARCHES) {
    const shown = TABS[search.tab].name === row[2] ? header(search.tab) : undefined;
    if (!shown || searchColumn(search, shown) !== col) continue;
    const valuesCol = valuesColumn(search, shown);
    if (row[1] !== foundFormulas(search.tab, col, search, valuesCol).join('|')) continue;
    const [list, count, outside] = row.slice(FOUND_FIRST_COL);
    const rows = rowList(list);
    if (!rows || rows.length !== count || (search.vocabulary && outside !== 0)) continue;
    const key = foundKey(col, indexedPattern(search.words));
    // The values, one a row found, where the row lists them and they agree with the count.
    const text = valuesCol >= 0 ? row[FOUND_FIRST_COL + (search.vocabulary ? 3 : 2)] : undefined;
    const values = typeof text === 'string' ? (text === '' ? [] : text.split(VALUES_SEPARATOR)) : undefined;
    return { tab: search.tab, key, rows, ...(values?.length === rows.length ? { values } : {}) };
  }
  return undefined;
}

/** Row numbers (each ≥ 2) as a search row lists them, or undefined when the cell holds anything else. */
function rowList(v: Cell | undefined): number[] | undefined {
  const text = typeof v === 'number' ? String(v) : v;
  if (typeof text !== 'string' || !/^(\d+(,\d+)*)?$/.test(text)) return undefined;
  const rows = text === '' ? [] : text.split(',').map(Number);
  return rows.every((r) => r >= 2) ? rows : undefined;
}
