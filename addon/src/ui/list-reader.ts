/**
 * How the sidebar reads a backorder list (docs/addon.md, "Lists in parts"): as LIST_PARTS
 * google.script.run calls sent at once, one band of the Backorders rows each
 * (shared/sidebar/list-parts.ts), merged here, where Google runs a user's calls side by side; as one
 * call (`sidebarList`) where it does not (the parts' own clocks say so, or the views' did first:
 * view-reader.ts), and whenever the parts' bands do not tile the tab or a part failed, so a list is
 * never shorter, longer or in another order than one read gives.
 */
import { LIST_PARTS, type ListPart, mergeListParts } from '../../../shared/sidebar/list-parts';
import type { ListFilter, ListRow } from '../../../shared/sidebar/rpc';
import { overlapped } from '../../../shared/sidebar/view-parts';
import type { Call } from './view-reader';

/** The list for `filter`, read in parts while they pay. */
export function listReader(call: Call, views: { readonly inParts: boolean | undefined }) {
  let inParts: boolean | undefined;
  return async (filter: ListFilter): Promise<ListRow[]> => {
    if (inParts === false || views.inParts === false) return call<ListRow[]>('sidebarList', filter);
    const parts = Array.from({ length: LIST_PARTS }, (_, i) => call<ListPart>('sidebarListPart', filter, i));
    const got = await Promise.all(parts).catch(() => undefined);
    if (got) inParts = overlapped(got);
    return (got && mergeListParts(got, filter)) ?? call<ListRow[]>('sidebarList', filter);
  };
}
