/**
 * Searches a view made, carried by the sidebar to the action the rep takes next (and to its next
 * view), so they read those rows by number instead of searching again (docs/addon.md, "Searches
 * remembered"). A read records, per search word (tab, column, word), the rows it found, with a stamp
 * of the workbook's shape as the index tab gave it: every tab's grid, key-cell count and header, and
 * the highest id of every prefix, the Log's among them (every action of the engine, the sync's and
 * the CLI's included, adds a Log row). A later read uses the memory only when the index gives the
 * same stamp and its rows were first searched at most `MEMORY_SECONDS` ago; every row it reads from
 * memory must still hold its word in that column, or the read starts again with searches
 * (`MemoryMiss`). So no action can act on a wrong row. What memory cannot see is a key typed over
 * another key in a row the view did not find, within those minutes: the action then misses that row,
 * as a search made just before the retype would have; the next search (any action without memory,
 * every batch, the daily run) sees it. The sidebar is untrusted (shared/sidebar/rpc.ts): a memory it
 * forges can leave rows out, as a person with edit access could by editing, never put a wrong row
 * in. Pure.
 */
import * as z from 'zod/mini';
import { rowVersion } from '../commands/action-detail';
import type { Cell } from '../sheet/cells';
import { keyColumnIn, type RawTab, type TabPatch } from '../sheet/codec';
import { TABS, tabKeyOf, tabSpec } from '../workbook';
import type { IndexedShape } from './index-tab';

/** One search word and the rows (1-based) whose cell in that column matched it whole. */
export type Found = readonly [tab: string, col: number, word: string, rows: readonly number[]];

export interface SearchMemory {
  /** The workbook's shape when the view read it (`stampOf`). */
  readonly stamp: string;
  /** When the view read, as milliseconds since the epoch on the server's clock. */
  readonly at: number;
  readonly found: readonly Found[];
}

/** How long a view's searches stand in for an action's (s): past this the action searches. */
export const MEMORY_SECONDS = 300;
/**
 * Words a memory holds at most, and rows per word: a view past these records nothing of that word. A
 * 40-line PO's receipt, prepared from a line's row, searches about 130 words at 1,000 lines and
 * 240 at 50,000 (each SKU in Backorders, Inventory and POs, the orders waiting for them): 4 to 9 KB
 * of memory the sidebar then sends with each call (`npm run bench`'s workbooks).
 */
export const MEMORY_WORDS = 400;
export const MEMORY_ROWS = 500;

const row = z.number().check(z.int(), z.gte(2));
export const SearchMemorySchema = z.object({
  stamp: z.string().check(z.maxLength(40)),
  at: z.number(),
  found: z
    .array(
      z.tuple([
        z.string().check(z.maxLength(200)),
        z.number().check(z.int(), z.gte(0)),
        z.string().check(z.maxLength(2000)),
        z.array(row).check(z.maxLength(MEMORY_ROWS)),
      ]),
    )
    .check(z.maxLength(MEMORY_WORDS)),
});

/**
 * The index's shape of the workbook as one short text, or "" when the index does not cover the Log's
 * ids (no action could then be seen to have run, and nothing is remembered).
 */
export function stampOf(index: ReadonlyMap<string, IndexedShape>): string {
  const log = index.get(TABS.log.name);
  if (!log?.highest.has('LG-')) return '';
  const parts = [...index]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, s]) => [name, s.gridRows, s.gridCols, s.keyCells, s.header, [...s.highest]]);
  return `${index.size}-${rowVersion(parts)}`;
}

/** Where a read finds the rows a search word found before (shared/io/row-scope.ts). */
export interface Recall {
  rows(tab: string, col: number, word: string): readonly number[] | undefined;
}

/** The memory's rows, when its stamp is the workbook's now and it is recent enough; else undefined. */
export function recallFrom(
  memory: SearchMemory | undefined,
  stamp: string,
  nowMs: number,
): Recall | undefined {
  if (!memory || stamp === '' || memory.stamp !== stamp) return undefined;
  const age = nowMs - memory.at;
  if (age < 0 || age > MEMORY_SECONDS * 1000) return undefined;
  const byWord = new Map(memory.found.map(([tab, col, word, rows]) => [`${tab}|${col}|${word}`, rows]));
  return { rows: (tab, col, word) => byWord.get(`${tab}|${col}|${word}`) };
}

/** A remembered row no longer holds its word: the read starts again, searching. */
export class MemoryMiss extends Error {
  constructor(tab: string, row: number) {
    super(`${tab} row ${row} no longer holds what the view found there`);
    this.name = 'MemoryMiss';
  }
}

/** Whether a cell's text is `word` (a regular-expression source) whole, as TextFinder matches it. */
export const holds = (cell: Cell | undefined, word: string): boolean =>
  cell !== undefined && cell !== null && cell !== '' && new RegExp(`^(?:${word})$`).test(String(cell));

/**
 * The memory an action's reply carries, so a second action on the same row needs no search either:
 * the action's own words (searched or recalled), their rows as its writes leave them, and the stamp
 * the index will show once those writes land (key cells counted, highest ids raised). Undefined when
 * that cannot be told: rows removed, a tab replaced, a key cell written, a grid grown. A word of a tab
 * whose new rows Google placed (`appendRow`) is dropped: their row numbers are not known. A wrong
 * guess costs only a search: a stamp that does not match is set aside.
 */
export function memoryAfter(
  own: SearchMemory,
  index: ReadonlyMap<string, IndexedShape>,
  patches: readonly TabPatch[],
  after: Readonly<Record<string, RawTab>>,
  appendedByRow: ReadonlySet<string>,
  nowMs: number,
): SearchMemory | undefined {
  if (own.stamp === '') return undefined;
  const shapes = new Map(index);
  const changed = new Map<string, Set<number>>();
  for (const p of patches) {
    if (p.replace || (p.deletes?.length ?? 0) > 0) return undefined;
    const rows = new Set(p.writes.map((w) => w.row + 1));
    const tab = after[p.tab];
    const first = (tab?.values.length ?? 0) - p.appends.length + 1;
    if (!appendedByRow.has(p.tab)) for (let k = 0; k < p.appends.length; k++) rows.add(first + k);
    changed.set(p.tab, rows);
    const shape = shapes.get(p.tab);
    const key = tabKeyOf(p.tab);
    if (!shape || !key) continue;
    const keyCol = keyColumnIn(tabSpec(key), shape.header);
    if (keyCol < 0 || p.writes.some((w) => w.col === keyCol)) return undefined;
    if (!appendedByRow.has(p.tab) && first - 1 + p.appends.length > shape.gridRows) return undefined;
    const highest = new Map(shape.highest);
    let keyCells = shape.keyCells;
    for (const row of p.appends) {
      const id = String(row[keyCol] ?? '');
      if (id === '') continue;
      keyCells++;
      for (const [prefix, n] of highest) {
        const m = id.startsWith(prefix) ? /^\d+$/.exec(id.slice(prefix.length)) : null;
        if (m) highest.set(prefix, Math.max(n, Number(m[0])));
      }
    }
    shapes.set(p.tab, { ...shape, keyCells, highest });
  }
  const found: Found[] = [];
  for (const [tab, col, word, rows] of own.found) {
    if (appendedByRow.has(tab)) continue;
    const touched = changed.get(tab);
    const values = after[tab]?.values;
    const candidates = touched ? [...new Set([...rows, ...touched])].sort((a, b) => a - b) : rows;
    const now = touched ? candidates.filter((r) => holds(values?.[r - 1]?.[col], word)) : rows;
    if (now.length <= MEMORY_ROWS) found.push([tab, col, word, now]);
  }
  // The rows' searches are as old as the action's read: their time carries on.
  return { stamp: stampOf(shapes), at: Math.min(own.at, nowMs), found };
}

/** Collects a read's searches, word by word, up to the memory's bounds. */
export function memoryRecorder(): { readonly found: Found[]; record(found: Found): void } {
  const found: Found[] = [];
  return {
    found,
    record(f) {
      if (found.length < MEMORY_WORDS && f[3].length <= MEMORY_ROWS) found.push(f);
    },
  };
}
