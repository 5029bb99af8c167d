/**
 * The patterns a scoped read searches with and the cell tests it filters by: a literal, an
 * alternation of literals, a vocabulary word as the codec matches it, rows matched in the script as
 * TextFinder matches them (for a search that found too many cells to ask each its row), and whether
 * a Status cell may name a waiting line. RE2 (TextFinder) and JavaScript read these patterns alike.
 */
import type { Cell } from '../sheet/cells';
import { matchVocabulary, ORDER_STATUSES } from '../tabs/vocabulary';
import { WAITING_LINE_STATUSES } from './scope-growth';

/** Regular-expression source for a literal (RE2 and JavaScript agree on these escapes). */
export const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The rows (1-based, `values[0]` being row 2) with a cell whose text matches `pattern` whole, case
 * and all, as the TextFinder search it stands in for (fidelity A38: a cell matched by its text).
 */
export function matchRows(values: readonly (readonly Cell[])[], pattern: string): number[] {
  const re = new RegExp(`^${pattern}$`);
  const out: number[] = [];
  values.forEach((row, i) => {
    if (row.some((v) => v !== '' && v !== null && re.test(String(v)))) out.push(i + 2);
  });
  return out;
}

export const anyOf = (values: Iterable<string>) => [...values].map(literal).join('|');

/** One search pattern for several patterns of one column: what a TextFinder is given, `^…$` aside. */
export const alternation = (patterns: readonly string[]) => `(?:${patterns.join('|')})`;

/**
 * Regular-expression source for a word of a vocabulary as the codec matches it
 * (shared/tabs/vocabulary.ts `matchVocabulary`): any case, spaces, `_` and `-` anywhere. Character
 * classes, not a flag, so RE2 (TextFinder) and JavaScript read it alike.
 */
export const vocabularyWord = (word: string) =>
  [...word.replace(/[\s_-]+/g, '')]
    .map((c) => {
      const lower = c.toLowerCase();
      const upper = c.toUpperCase();
      return lower === upper ? literal(c) : `[${lower}${upper}]`;
    })
    .reduce((re, c) => `${re}${c}[\\s_-]*`, '[\\s_-]*');

/**
 * Whether a line must be read whole for its Status cell: a waiting status, or text that is no status
 * at all (the codec then names the cell). Blank is a new line's; other statuses do not wait.
 */
export function mayWait(cell: Cell | undefined): boolean {
  const text = String(cell ?? '').trim();
  if (text === '') return false;
  const status = matchVocabulary(ORDER_STATUSES, text);
  return status === undefined || WAITING_LINE_STATUSES.includes(status);
}
