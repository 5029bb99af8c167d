/**
 * Folds a command's changes into a workbook in memory: what an adapter's write followed by a fresh
 * read would give. Used by tests, benchmarks and edges that run several commands in a row.
 * `thenChanges` folds a second set of changes, made on top of the first, into one write.
 */
import { keyOf } from './sheet/columns';
import { type TabKey, tabSpec, type Workbook, type WorkbookChanges } from './workbook';

export function applyChanges(wb: Workbook, changes: WorkbookChanges): Workbook {
  const next: Record<string, unknown> = { ...wb };
  for (const tab of Object.keys(changes) as TabKey[]) {
    const c = changes[tab];
    if (!c) continue;
    const spec = tabSpec(tab);
    const updated = new Map(c.updated.map((r) => [keyOf(spec, r as never), r]));
    const deleted = new Set((c.deleted ?? []).map((r) => keyOf(spec, r as never)));
    const rows = (wb[tab] as never[])
      .filter((r) => !deleted.has(keyOf(spec, r)))
      .map((r) => (updated.get(keyOf(spec, r)) as never) ?? r);
    next[tab] = [...rows, ...c.added];
  }
  return next as unknown as Workbook;
}

/**
 * The changes of `first` followed by `then` (computed on applyChanges(wb, first)), as one set against
 * the original workbook: a record `then` updates replaces `first`'s version, in its added rows when
 * `first` added it. `then` may not delete (no caller needs it, and it would hide rows `first` added).
 */
export function thenChanges(first: WorkbookChanges, then: WorkbookChanges): WorkbookChanges {
  const out: Record<string, unknown> = { ...first };
  for (const tab of Object.keys(then) as TabKey[]) {
    const c = then[tab];
    if ((c?.deleted ?? []).length > 0) throw new Error(`thenChanges: ${tab} deletes rows`);
    if (!c || (c.updated.length === 0 && c.added.length === 0)) continue;
    const spec = tabSpec(tab);
    const key = (r: unknown) => keyOf(spec, r as never);
    const laterOf = new Map(c.updated.map((r) => [key(r), r]));
    const was = first[tab] ?? { updated: [], added: [] };
    const wasAdded = new Set(was.added.map(key));
    const wasUpdated = new Set(was.updated.map(key));
    const pick = (r: unknown) => laterOf.get(key(r)) ?? r;
    out[tab] = {
      ...was,
      updated: [
        ...was.updated.map(pick),
        ...c.updated.filter((r) => !wasAdded.has(key(r)) && !wasUpdated.has(key(r))),
      ],
      added: [...was.added.map(pick), ...c.added],
    };
  }
  return out as WorkbookChanges;
}
