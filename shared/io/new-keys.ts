/**
 * After a scoped plan, whether its new rows take ids that already exist in rows it did not read
 * (shared/io/row-scope.ts reads only some rows): a search per tab for the new ids the source cannot
 * vouch for. Pure: the search is the RowSource's.
 */
import { keyColumnIn, type RawTab, type TabPatch } from '../sheet/codec';
import { tabKeyOf, tabSpec } from '../workbook';
import { anyOf } from './row-patterns';
import type { RowSource } from './scope-contract';

/**
 * Whether a scoped plan's new rows take ids that already exist below rows it did not read: the next
 * id came from a tab's last rows, which are its highest unless people sorted it. One TextFinder per
 * tab that gets rows, for the ids the source cannot vouch for; true sends the action back to whole
 * tabs (addon/src/server.ts).
 */
export function newKeysTaken(
  source: RowSource,
  tabs: Record<string, RawTab>,
  sparse: ReadonlySet<string>,
  patches: readonly TabPatch[],
): boolean {
  for (const patch of patches) {
    if (!sparse.has(patch.tab) || patch.appends.length === 0) continue;
    const key = tabKeyOf(patch.tab);
    if (!key) continue;
    const spec = tabSpec(key);
    const col = keyColumnIn(spec, tabs[patch.tab]?.values[0] ?? []);
    if (col < 0) continue;
    const ids = new Set(
      patch.appends
        .map((r) => String(r[col] ?? ''))
        .filter((v) => v !== '' && source.vouches?.(patch.tab, v) !== true),
    );
    if (ids.size > 0 && source.find(patch.tab, col, `(?:${anyOf(ids)})`).length > 0) return true;
  }
  return false;
}
