/**
 * The searches of one round of a scoped read (shared/io/row-scope.ts), queued per tab and column and
 * then run together: the words of one column, or of adjacent columns, are one TextFinder over them
 * (an alternation of every word), so a round costs a search per run of key columns, not one per
 * key. A word a view's memory names (shared/io/search-memory.ts) is not searched: its rows are read,
 * and once read each must still hold it (else `MemoryMiss`); every word searched is told to
 * `remember` with the rows that hold it. Pure: the rows come from the RowSource.
 */
import type { Cell } from '../sheet/cells';
import { TABS, type TabKey } from '../workbook';
import { alternation } from './row-patterns';
import type { RowSource } from './scope-contract';
import { type Found, holds, MemoryMiss, type Recall } from './search-memory';

/** A tab's rows as the read holds them: `values[r - 1]` is row r; `bounded` when its last row is known. */
export interface SearchedGrid {
  readonly values: readonly (readonly Cell[])[];
  readonly bounded: boolean;
}

export interface RoundSearches {
  /** Queues words (patterns) to find in column `col` (0-based) of `tab`. */
  queue(tab: TabKey, col: number, words: readonly string[]): void;
  /** Runs the queued searches, handing each one's rows (and the rows remembered) to `want`. */
  run(): void;
  /** Once the rows wanted are read: checks what memory gave, and records what was searched. */
  settle(): void;
}

export function roundSearches(deps: {
  readonly source: RowSource;
  readonly grids: ReadonlyMap<TabKey, SearchedGrid>;
  readonly want: (tab: TabKey, rows: readonly number[]) => void;
  readonly recall?: Recall;
  readonly remember?: (found: Found) => void;
  /**
   * The filter of a search whose rows are not all read (order lines kept by their Status cells):
   * such a search is neither recalled nor recorded. Undefined: its rows are read as found.
   */
  readonly filterOf?: (tab: TabKey, col: number, cols: number) => ((rows: number[]) => number[]) | undefined;
}): RoundSearches {
  const { source, grids, want, recall, remember } = deps;
  const queued = new Map<TabKey, Map<number, string[]>>();
  const recalled: { tab: TabKey; col: number; word: string; rows: readonly number[] }[] = [];
  const searched: { tab: TabKey; byCol: Map<number, string[]>; rows: readonly number[] }[] = [];
  return {
    queue(tab, col, words) {
      const byCol = queued.get(tab) ?? new Map<number, string[]>();
      byCol.set(col, [...(byCol.get(col) ?? []), ...words]);
      queued.set(tab, byCol);
    },
    run() {
      for (const [tab, byCol] of queued) {
        const cols = [...byCol.keys()].sort((a, b) => a - b);
        for (let i = 0; i < cols.length; ) {
          let j = i;
          while (j + 1 < cols.length && (cols[j + 1] as number) === (cols[j] as number) + 1) j++;
          const first = cols[i] as number;
          const filter = deps.filterOf?.(tab, first, j - i + 1);
          const remembered: number[] = [];
          const left = new Map<number, string[]>();
          for (const c of cols.slice(i, j + 1))
            for (const word of byCol.get(c) ?? []) {
              const rows = filter ? undefined : recall?.rows(TABS[tab].name, c, word);
              if (rows) {
                recalled.push({ tab, col: c, word, rows });
                remembered.push(...rows);
              } else left.set(c, [...(left.get(c) ?? []), word]);
            }
          const alternatives = [...left.values()].flat();
          const found =
            alternatives.length === 0
              ? []
              : source.find(TABS[tab].name, first, alternation(alternatives), j - i + 1);
          if (remember && !filter && alternatives.length > 0)
            searched.push({ tab, byCol: left, rows: found });
          want(tab, filter ? filter(found) : [...found, ...remembered]);
          i = j + 1;
        }
      }
      queued.clear();
    },
    settle() {
      for (const { tab, col, word, rows } of recalled.splice(0)) {
        const grid = grids.get(tab);
        for (const r of rows)
          if (!grid || (grid.bounded && r > grid.values.length) || !holds(grid.values[r - 1]?.[col], word))
            throw new MemoryMiss(TABS[tab].name, r);
        remember?.([TABS[tab].name, col, word, rows]);
      }
      for (const { tab, byCol, rows } of searched.splice(0)) {
        const grid = grids.get(tab);
        for (const [col, words] of byCol)
          for (const word of words)
            remember?.([
              TABS[tab].name,
              col,
              word,
              rows.filter((r) => holds(grid?.values[r - 1]?.[col], word)),
            ]);
      }
    },
  };
}
