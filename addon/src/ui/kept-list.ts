/**
 * The Lists tab's last list, kept while a rep works down it. Going back to the tab shows it at once,
 * with no call: a list reads the whole Backorders tab (3.75 s central at 50,000 lines in the cost
 * model), and a rep goes back to it after every entry. An entry the rep acted on since the list was
 * read says what was done ("✓ done here: log-call") and shows the row's status the action's reply
 * gave, so the rep sees where they are. "Show", or other filters, read the list again.
 */
import type { ListRow } from '../../../shared/sidebar/rpc';

export interface KeptEntry {
  readonly row: ListRow;
  /** What this sidebar did to the entry's row since the list was read, newest last. */
  readonly done: readonly string[];
}

export class KeptList {
  private entries: KeptEntry[] = [];
  private filter: string | undefined;
  private at = '';

  /** A list just read for `filter` (its form values, as one text) at `at` ("14:05"). */
  set(filter: string, rows: readonly ListRow[], at: string): void {
    this.filter = filter;
    this.at = at;
    this.entries = rows.map((row) => ({ row, done: [] }));
  }

  /** The list kept for `filter`, or undefined when it has to be read. */
  get(filter: string): { entries: readonly KeptEntry[]; at: string } | undefined {
    return filter === this.filter ? { entries: this.entries, at: this.at } : undefined;
  }

  /**
   * An action on the entry `id` succeeded: the entry says so, and shows `status` when the reply was
   * that row's view. True when the list holds the entry.
   */
  acted(id: string, what: string, status?: string): boolean {
    const i = this.entries.findIndex((e) => e.row.id === id);
    const entry = this.entries[i];
    if (!entry) return false;
    this.entries[i] = {
      row: status === undefined ? entry.row : { ...entry.row, status },
      done: [...entry.done, what],
    };
    return true;
  }
}
