/**
 * The index tab's repeated-keys rows (shared/io/index-tab.ts writes and reads them with its other
 * rows): for a tab whose key is one id column, how many of its key cells repeat another, as Sheets
 * computes it when the index is read. None repeats: a row read that holds an id is the only row
 * holding it, so a command that has read it need not search the column for it (shared/io/row-scope.ts);
 * a search is there to find every row of an id, a second one among them, which the command then
 * refuses. Where Sheets counts otherwise than a search matches (a case it folds, a formula showing
 * ""), it counts fewer distinct values, so the count says "repeated" and the search is made: slower,
 * never wrong (docs/fidelity.md A53). Pure.
 */

import { columnLetter, sheetRef } from '../sheet/a1';
import type { Cell } from '../sheet/cells';
import { TABS, type TabKey } from '../workbook';

/** Tabs whose key column's ids a command may take as unique: the backorders it acts on. */
export const UNIQUE_KEY_TABS: readonly TabKey[] = ['backorders'];

/** Marks a repeated-keys row: marker, signature, how many key cells repeat, tab name. */
export const UNIQUE_ROW = 'Repeated keys';

/**
 * Key cells below the header that repeat another's value: every value counted (COUNTA) less the
 * distinct ones (COUNTUNIQUE), so 0 when no id stands twice.
 */
export function repeatedFormula(tab: TabKey, keyCol: number): string {
  const key = columnLetter(keyCol);
  const ref = `${sheetRef(TABS[tab].name)}!${key}2:${key}`;
  return `=COUNTA(${ref})-COUNTUNIQUE(${ref})`;
}

/**
 * The tabs whose ids the index shows unique: a repeated-keys row for a tab whose key column is
 * `keyCol(tab)` (undefined: the tab's own row is not trusted), signing exactly its formula, with 0.
 */
export function uniqueKeyTabs(
  values: readonly (readonly Cell[])[],
  keyCol: (tab: TabKey) => number | undefined,
): Set<TabKey> {
  const out = new Set<TabKey>();
  for (const row of values) {
    if (row[0] !== UNIQUE_ROW) continue;
    const tab = UNIQUE_KEY_TABS.find((k) => TABS[k].name === row[3]);
    const col = tab ? keyCol(tab) : undefined;
    if (!tab || col === undefined || row[1] !== repeatedFormula(tab, col)) continue;
    if (row[2] === 0) out.add(tab);
  }
  return out;
}
