/**
 * The views the sidebar showed last, by row, so a row visited again shows at once while its fresh
 * view is read, so a revisit answers in well under a second. A cached view is only ever shown, never acted
 * on unconfirmed: the sidebar keeps its buttons disabled until the fresh view arrives, and an action
 * built on a view carries its row versions, so the server refuses one built on rows since changed.
 */
import type { RowRef, RowView } from '../../../shared/sidebar/rpc';

export const VIEW_CACHE_SIZE = 20;

export class ViewCache {
  private readonly views = new Map<string, RowView>();

  constructor(private readonly size = VIEW_CACHE_SIZE) {}

  private static key(ref: RowRef): string {
    return `${ref.sheet}!${ref.row}`;
  }

  /** The rows kept ("Orders!7"), for the poll to say which views the sidebar can show at once. */
  keys(): string[] {
    return [...this.views.keys()];
  }

  get(ref: RowRef | null): RowView | undefined {
    return ref ? this.views.get(ViewCache.key(ref)) : undefined;
  }

  /** Keeps `view` as the latest of its row; the least recently kept row goes past `size`. */
  put(view: RowView): void {
    if (!view.ref || view.kind === 'none') return;
    const key = ViewCache.key(view.ref);
    this.views.delete(key);
    this.views.set(key, view);
    while (this.views.size > this.size) {
      const oldest = this.views.keys().next().value;
      if (oldest === undefined) break;
      this.views.delete(oldest);
    }
  }
}
