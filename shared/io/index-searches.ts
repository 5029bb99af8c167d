/**
 * The index tab's search rows (shared/io/index-tab.ts writes and reads them with its other rows): a
 * search a command makes with the same words every time (who is on hold) answered by two formulas
 * Sheets computes when the index is read: the rows whose cell matches, listed, and how many there
 * are. A row is trusted when it signs exactly the formulas for the column its tab's header shows and
 * its list agrees with its count; otherwise the search is made. Pure.
 */
import type { Cell } from '../sheet/cells';
import { columnLetter, indexColumns, sheetRef } from '../sheet/codec';
import { HOLD_STATES } from '../tabs/vocabulary';
import { TABS, type TabKey, tabSpec } from '../workbook';
import { alternation, vocabularyWord } from './row-patterns';

/**
 * Searches the index answers: a column searched with the same words by every command that makes it
 * (shared/io/row-scope.ts: the Hold column, once other orders' backorders are read), so the rows it
 * would find come with the index read, as Sheets computes them then, and the search is not made.
 */
export const INDEXED_SEARCHES: readonly {
  readonly tab: TabKey;
  readonly field: string;
  readonly words: readonly string[];
}[] = [{ tab: 'orders', field: 'hold', words: HOLD_STATES }];

/** The pattern a scoped read searches an indexed search's column with (row-scope.ts builds it alike). */
export const indexedPattern = (words: readonly string[]) => alternation(words.map(vocabularyWord));

/** Marks a search row: marker, signature, the rows found, how many, tab name, column (0-based). */
export const FOUND_ROW = 'Rows matching';

/** The key of an indexed search's answer: the column (0-based) and the pattern a search is given. */
export const foundKey = (col: number, pattern: string) => `${col}|${pattern}`;

/**
 * The two formulas of a search row: the rows (1-based) whose cell in column `col` of `tab`, as text,
 * matches `pattern` whole, joined by commas ("" when none), and how many there are. Both test each
 * cell with REGEXMATCH, the RE2 a TextFinder's regular expression uses (fidelity A52); the count is
 * computed apart from the list, so a list that came out wrong (or too long for a cell) does not
 * agree with it and is not trusted.
 */
export function foundFormulas(tab: TabKey, col: number, pattern: string): [rows: string, count: string] {
  const c = columnLetter(col);
  const ref = `${sheetRef(TABS[tab].name)}!${c}2:${c}`;
  const test = `--REGEXMATCH(TO_TEXT(${ref}),"^${pattern.replace(/"/g, '""')}$")`;
  return [`=ARRAYFORMULA(TEXTJOIN(",",TRUE,REPT(ROW(${ref}),${test})))`, `=SUMPRODUCT(${test})`];
}

/** The literal cells after a search row's formulas: its tab's name and column. */
export const foundRowTail = (tab: TabKey, col: number) => [TABS[tab].name, String(col)];

/**
 * A search row's answer, when it can be trusted: its tab is trusted (`header` gives the header the
 * index shows for it), its column is the one an indexed search names in that header, its signature
 * shows exactly the formulas for it, and its list of rows agrees with its count.
 */
export function foundAnswer(
  row: readonly Cell[],
  header: (tab: TabKey) => readonly Cell[] | undefined,
): { tab: TabKey; key: string; rows: readonly number[] } | undefined {
  const col = Number(row[5]);
  for (const search of INDEXED_SEARCHES) {
    const shown = TABS[search.tab].name === row[4] ? header(search.tab) : undefined;
    if (!shown || indexColumns(tabSpec(search.tab), shown)[search.field] !== col) continue;
    const pattern = indexedPattern(search.words);
    if (row[1] !== foundFormulas(search.tab, col, pattern).join('|')) continue;
    const rows = rowList(row[2]);
    if (!rows || rows.length !== row[3]) continue;
    return { tab: search.tab, key: foundKey(col, pattern), rows };
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
