/**
 * The sidebar's Lists tab: the backorder list for the form's filter, read in parts (list-reader.ts), kept while
 * the rep works down it (kept-list.ts) and shown again at once, scrolled to the entry last gone to,
 * each entry acted on marked. Its entries, and the related rows under a row's view, are list items
 * whose Go opens the row. Every value is set as text, never as HTML.
 */
import type { ListFilter, ListRow, RowRef } from '../../../shared/sidebar/rpc';
import { $, el, filled } from './dom';
import { KeptList } from './kept-list';

export interface ListPanelNeeds {
  /** The backorder list for a filter (list-reader.ts). */
  list(filter: ListFilter): Promise<ListRow[]>;
  /** A call with the buttons disabled and a failure shown (sidebar.ts `guarded`). */
  guarded<T>(work: () => Promise<T>, answer: boolean): Promise<T | undefined>;
  /** A list entry's Go: the row's view (sidebar.ts `goTo`). */
  goTo(ref: RowRef, id: string): Promise<void>;
}

export function listPanel(needs: ListPanelNeeds) {
  const kept = new KeptList();
  /** The entry the rep last went to: in view again when the rep comes back to the list. */
  let lastGone = '';

  /** A row of a list: what it is, why it is listed, what was done here, and its Go. */
  const item = (r: ListRow, done: readonly string[] = []): HTMLElement => {
    const jump = el('button', { type: 'button', 'aria-label': `Go to ${r.id}` }, 'Go');
    jump.addEventListener('click', () => {
      lastGone = r.id;
      void needs.goTo(r.ref, r.id);
    });
    const what = el(
      'span',
      { class: 'what' },
      `${r.id} · ${r.customer} · ${r.qty} × ${r.sku} · ${r.expected || 'no date'} · ${r.status}`,
    );
    if (r.why) what.append(el('br'), el('span', { class: 'why' }, r.why));
    if (done.length > 0)
      what.append(el('br'), el('span', { class: 'done' }, `✓ done here: ${done.join(', ')}`));
    return el('li', { class: r.overdue ? 'overdue' : '' }, what, jump);
  };

  /** The list form's filter, and the same as one text (what the kept list is kept for). */
  const filter = (): { values: Record<string, string | number>; key: string } => {
    const f = new FormData($<HTMLFormElement>('filters'));
    const values = filled(f, {
      customer: 'customer',
      sku: 'sku',
      rep: 'rep',
      status: 'status',
      when: 'when',
    });
    return { values, key: JSON.stringify(values) };
  };

  /** The kept list for the form's filter, with when it was read; false when there is none. */
  const render = (): boolean => {
    const list = kept.get(filter().key);
    if (!list) return false;
    $('list').replaceChildren(
      ...(list.entries.length
        ? list.entries.map((e) => item(e.row, e.done))
        : [el('li', {}, 'Nothing matches.')]),
    );
    $('list-read').textContent = `Read at ${list.at}; Show reads it again.`;
    return true;
  };

  /** Scrolls the kept list to the entry `id` (compared as text, never built into a selector). */
  const showEntry = (id: string): void => {
    for (const b of $('list').querySelectorAll('button'))
      if (b.getAttribute('aria-label') === `Go to ${id}`)
        b.closest('li')?.scrollIntoView?.({ block: 'center' });
  };

  /** Reads the list for the form's filter, keeps it and shows it. */
  const read = async (): Promise<void> => {
    const { values, key } = filter();
    const rows = await needs.guarded(() => needs.list(values), false);
    if (!rows) return;
    kept.set(key, rows, new Date().toTimeString().slice(0, 5));
    render();
  };

  return {
    item,
    read,
    /** Back on the tab: the kept list at once, at the entry last gone to; only a new filter reads it. */
    reopen(): void {
      if (render()) showEntry(lastGone);
      else void read();
    },
    /** An action on the entry `id` succeeded: the kept list says so, with the status the reply gave. */
    acted(id: string, what: string, status?: string): void {
      if (kept.acted(id, what, status)) render();
    },
  };
}
