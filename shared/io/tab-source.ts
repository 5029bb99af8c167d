/**
 * A RowSource over tabs already in memory (shared/io/row-scope.ts): a workbook file, whose tabs a
 * command still decodes only as far as its scope reaches, and the row-scope oracle's whole tabs. A
 * search is the same anchored, case-sensitive match TextFinder makes, over the key columns asked.
 * `counted`, when given, counts what it hands out.
 */
import type { Cell } from '../sheet/cells';
import type { RawTab } from '../sheet/codec';
import { bandRows, type RowSource } from './scope-contract';

export interface SourceCounts {
  rows: number;
  finds: number;
  cells: number;
}

/** Whether a cell of `row` in columns `col` … `col + cols - 1` matches `re` (a search's test). */
export function matchesIn(row: readonly Cell[], col: number, cols: number, re: RegExp): boolean {
  for (let c = col; c < col + cols; c++) {
    const cell = row[c];
    if (cell !== null && cell !== undefined && re.test(String(cell))) return true;
  }
  return false;
}

export function tabSource(tabs: Readonly<Record<string, RawTab>>, counted?: SourceCounts): RowSource {
  return {
    shape: (tab, lastRow) =>
      tabs[tab]
        ? { header: tabs[tab].values[0] ?? [], ...(lastRow ? { lastRow: tabs[tab].values.length } : {}) }
        : undefined,
    find(tab, col, pattern, cols = 1) {
      if (counted) counted.finds++;
      const re = new RegExp(`^${pattern}$`);
      const out: number[] = [];
      const values = tabs[tab]?.values ?? [];
      for (let i = 1; i < values.length; i++) if (matchesIn(values[i] ?? [], col, cols, re)) out.push(i + 1);
      return out;
    },
    rows(tab, rows, width) {
      if (counted) counted.rows += rows.length;
      const out = new Map<number, readonly Cell[]>();
      for (const r of rows) out.set(r, (tabs[tab]?.values[r - 1] ?? []).slice(0, width));
      return out;
    },
    whole(tab, _cols, band) {
      const raw = tabs[tab];
      if (!raw || !band) return raw;
      const [first, last] = bandRows(band, raw.values.length);
      const values = raw.values.map((row, i) => (i === 0 || (i + 1 >= first && i + 1 <= last) ? row : []));
      return { ...raw, values, rows: [first, last] };
    },
    column(tab, rows, col) {
      if (counted) counted.cells += rows.length;
      return new Map(rows.map((r) => [r, tabs[tab]?.values[r - 1]?.[col] ?? ''] as const));
    },
  };
}
