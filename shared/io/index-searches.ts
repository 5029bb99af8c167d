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
import type { Cell } from '../sheet/cells';
import { columnLetter, indexColumns, sheetRef } from '../sheet/codec';
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
}

/**
 * Searches the index answers (shared/io/row-scope.ts makes them): the Hold column, once other
 * orders' backorders are read; the Status column of the order lines a SKU search found, to keep
 * those that may wait; the notices that failed or are unconfirmed, for "Due today". The rows come with the index read, as Sheets computes them then.
 */
export const INDEXED_SEARCHES: readonly IndexedSearch[] = [
  { tab: 'orders', field: 'hold', words: HOLD_STATES },
  { tab: 'orders', field: 'status', words: WAITING_LINE_STATUSES, vocabulary: ORDER_STATUSES },
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

/** The key of an indexed search's answer: the column (0-based) and the pattern a search is given. */
export const foundKey = (col: number, pattern: string) => `${col}|${pattern}`;

/**
 * The formulas of a search row for column `col` of `tab`: the rows (1-based) whose cell, as text,
 * matches the search's words whole, joined by commas ("" when none); how many there are; and, with a
 * vocabulary, how many cells hold text that is none of its words. Each tests the cells with
 * REGEXMATCH, the RE2 a TextFinder's regular expression uses (fidelity A52); the count is computed
 * apart from the list, so a list that came out wrong (or too long for a cell) does not agree with it.
 */
export function foundFormulas(tab: TabKey, col: number, search: IndexedSearch): string[] {
  const c = columnLetter(col);
  const ref = `${sheetRef(TABS[tab].name)}!${c}2:${c}`;
  const test = (pattern: string) => `--REGEXMATCH(TO_TEXT(${ref}),"${pattern.replace(/"/g, '""')}")`;
  const words = test(`^${indexedPattern(search.words)}$`);
  const out = [`=ARRAYFORMULA(TEXTJOIN(",",TRUE,REPT(ROW(${ref}),${words})))`, `=SUMPRODUCT(${words})`];
  if (search.vocabulary)
    out.push(`=SUMPRODUCT(${test('\\S')})-SUMPRODUCT(${test(`^${indexedPattern(search.vocabulary)}$`)})`);
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
): { tab: TabKey; key: string; rows: readonly number[] } | undefined {
  const col = Number(row[3]);
  for (const search of INDEXED_SEARCHES) {
    const shown = TABS[search.tab].name === row[2] ? header(search.tab) : undefined;
    if (!shown || searchColumn(search, shown) !== col) continue;
    if (row[1] !== foundFormulas(search.tab, col, search).join('|')) continue;
    const [list, count, outside] = row.slice(FOUND_FIRST_COL);
    const rows = rowList(list);
    if (!rows || rows.length !== count || (search.vocabulary && outside !== 0)) continue;
    return { tab: search.tab, key: foundKey(col, indexedPattern(search.words)), rows };
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
