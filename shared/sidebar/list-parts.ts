/**
 * A backorder list read in parts sent at once (docs/addon.md, "Lists in parts"): each part reads one
 * band of the Backorders rows (shared/io/scope-contract.ts `bandRows`) and keeps its first entries
 * with their keys (backorder-list.ts); the merge gives the list one read gives. It is trusted only
 * when the bands tile the tab, every row in exactly one part: parts that read an unbanded tab, or
 * cut the rows differently (a grid grown between their reads), give no merge, and the sidebar asks
 * in one call. Pure.
 */
import { type ListItem, listLimit, listOrder } from './backorder-list';
import type { ListFilter, ListRow } from './rpc';

/**
 * Parts a list is read in. Each pays the round trip, the index and one read of its band as wide as
 * the tab (`bandRows`); five bands of the 9,000 backorders of 50,000 lines are about 1,800 rows each,
 * 58,000 cells, 0.58 s central: about 1.45 s a part against 2.61 s in one call.
 */
export const LIST_PARTS = 5;

export interface ListPart {
  readonly items: readonly ListItem[];
  /** The rows (first, last) its band covered, or null when the tab was read unbanded. */
  readonly rows: readonly [number, number] | null;
  /** When its execution began and ended, on Google's clock (ms since the epoch). */
  readonly ran: readonly [number, number];
}

/** The list the parts make together, or undefined when their bands do not tile the tab. */
export function mergeListParts(parts: readonly ListPart[], filter: ListFilter): ListRow[] | undefined {
  if (parts.length !== LIST_PARTS) return undefined;
  let next = 2;
  for (const p of parts) {
    if (!p.rows || p.rows[0] !== next) return undefined;
    const [first, last] = p.rows;
    if (p.items.some((i) => i.row.ref.row < first || i.row.ref.row > last)) return undefined;
    next = last + 1;
  }
  return parts
    .flatMap((p) => p.items)
    .sort(listOrder(filter))
    .slice(0, listLimit(filter))
    .map((i) => i.row);
}
