/**
 * How the sidebar reads a row's view (docs/addon.md, "Views in parts"): as three google.script.run
 * calls sent at once, the row with its own entity, with its SKU's queue, and with the SKU's stock
 * (shared/sidebar/view-parts.ts), merged here, when Google runs a user's calls side by side; as one
 * call (`sidebarView`) when it does not. Which it is, the parts' own clocks say: each reports when its
 * execution began and ended, and executions no two of which overlapped ran one after another. After
 * the first such view the sidebar asks in one call for the rest of its session, so a Google that
 * queues a user's calls costs one slow view, and one that runs them side by side saves on every view.
 * A merge the parts do not agree on (a write landed between their reads), or a part that failed, is
 * asked again in one call, whose failure, if it fails too, is the one shown.
 */
import type { SearchMemory } from '../../../shared/io/search-memory';
import type { FollowReply, RowRef, RowView } from '../../../shared/sidebar/rpc';
import {
  hasParts,
  mergeViewParts,
  overlapped,
  VIEW_PARTS,
  type ViewPart,
} from '../../../shared/sidebar/view-parts';

export type Call = <T>(fn: string, ...args: unknown[]) => Promise<T>;

export interface ViewReader {
  /** The row's fresh view. */
  view(ref: RowRef | null, memory: SearchMemory | undefined): Promise<RowView>;
  /** The selection moved to the row (a list entry's Go) and the row's fresh view. */
  go(ref: RowRef, memory: SearchMemory | undefined): Promise<FollowReply>;
  /** Whether views are read in parts (undefined: not known yet, parts are tried). */
  readonly inParts: boolean | undefined;
}

export function viewReader(call: Call): ViewReader {
  let inParts: boolean | undefined;
  const parts = async (ref: RowRef, memory: SearchMemory | undefined): Promise<RowView> => {
    const got = await Promise.all(
      VIEW_PARTS.map((p) => call<ViewPart>('sidebarViewPart', ref, p, memory ?? null)),
    ).catch(() => undefined);
    if (got) inParts = overlapped(got);
    return (got && mergeViewParts(got)) ?? call<RowView>('sidebarView', ref, memory ?? null);
  };
  return {
    get inParts() {
      return inParts;
    },
    view(ref, memory) {
      if (inParts === false || !hasParts(ref)) return call<RowView>('sidebarView', ref, memory ?? null);
      return parts(ref, memory);
    },
    async go(ref, memory) {
      if (inParts === false || !hasParts(ref)) return call<FollowReply>('sidebarGo', ref, memory ?? null);
      const [at, view] = await Promise.all([call<RowRef>('sidebarJump', ref), parts(ref, memory)]);
      return { ref: at, view };
    },
  };
}
