/**
 * Folds a command's changes into a workbook in memory: what an adapter's write followed by a fresh
 * read would give. Used by tests, benchmarks and edges that run several commands in a row.
 */
import { type Columns, keyOf, type TabSpec } from './columns';
import { TABS, type TabKey, type Workbook, type WorkbookChanges } from './workbook';

export function applyChanges(wb: Workbook, changes: WorkbookChanges): Workbook {
  const next: Record<string, unknown> = { ...wb };
  for (const tab of Object.keys(changes) as TabKey[]) {
    const c = changes[tab];
    if (!c) continue;
    const spec = TABS[tab] as unknown as TabSpec<Columns>;
    const updated = new Map(c.updated.map((r) => [keyOf(spec, r as never), r]));
    const deleted = new Set((c.deleted ?? []).map((r) => keyOf(spec, r as never)));
    const rows = (wb[tab] as never[])
      .filter((r) => !deleted.has(keyOf(spec, r)))
      .map((r) => (updated.get(keyOf(spec, r)) as never) ?? r);
    next[tab] = [...rows, ...c.added];
  }
  return next as unknown as Workbook;
}
