/**
 * What a command leaves in its Log row's Detail cell for undo: the before-image of every row it
 * changed or removed, the version (a fingerprint) of every row as it left it, and the keys of the
 * rows it added. run.ts writes it; undo.ts reads it back and checks the versions.
 */
import { keyOf } from '../sheet/columns';
import type { LogEntry } from '../tabs/log';
import { type TabKey, tabSpec, type Workbook, type WorkbookChanges } from '../workbook';

/** A short fingerprint of a record's values (FNV-1a); the sidebar sends it back as `expected`. */
export function rowVersion(record: object): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(Object.values(record));
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Detail JSON stays well under a Sheets cell's 50,000 characters. */
const DETAIL_LIMIT = 45_000;

/** Past this many changed rows the images could not fit a cell anyway; only the count is kept. */
const DETAIL_ROWS = 300;

/**
 * What undo needs, as JSON for the Log's Detail cell: the before-image of every changed or removed
 * row, the version of every row as the command left it, and the keys of the rows it added.
 */
export interface ActionDetail {
  readonly before: Record<string, unknown[]>;
  readonly after: Record<string, Record<string, string>>;
  readonly added: Record<string, string[]>;
  readonly undoes?: string;
}

/**
 * The Log rows whose Detail falls out of undo's window, with their before-images dropped: every
 * row older than the newest `keep` actions that are not undos (an undo restores rows, it is never
 * undone itself). An expired Detail keeps `undoes`, so undo still knows what was undone. Rows
 * already expired or truncated are left as they are. Only what was read can expire, and a row is
 * expired only when the rows read show `keep` newer actions, so a partial read never expires a row
 * inside the window: a command that reads the whole Log (undo, fulfil ready, reorder and refresh)
 * expires every row past the window; the CLI's other commands and a sync run, which read the Log's
 * last 300 rows, those among them; a click in the add-on, which reads its last 3 rows, none.
 */
export function expiredDetails(log: readonly LogEntry[], keep: number): LogEntry[] {
  const number = (l: LogEntry) => Number(/(\d+)$/.exec(l.logId)?.[1] ?? 0);
  const newestFirst = [...log].sort((a, b) => number(b) - number(a));
  let kept = 0;
  const out: LogEntry[] = [];
  for (const l of newestFirst) {
    if (kept < keep) {
      if (l.action !== 'undo') kept++;
      continue;
    }
    if (l.detail.startsWith('{"expired"') || l.detail.includes('"truncated":true')) continue;
    const undoes = /"undoes":"([^"]+)"/.exec(l.detail)?.[1];
    out.push({ ...l, detail: JSON.stringify({ expired: true, ...(undoes ? { undoes } : {}) }) });
  }
  return out;
}

export function detailOf(wb: Workbook, changes: WorkbookChanges, undoes: string | undefined): string {
  const rows = Object.values(changes).reduce(
    (n, c) => n + (c ? c.updated.length + c.added.length + (c.deleted?.length ?? 0) : 0),
    0,
  );
  if (rows > DETAIL_ROWS) return JSON.stringify({ truncated: true, rows, undoes });
  const detail: ActionDetail = { before: {}, after: {}, added: {}, ...(undoes ? { undoes } : {}) };
  for (const [tab, c] of Object.entries(changes)) {
    if (!c) continue;
    const spec = tabSpec(tab as TabKey);
    const touched = new Set([...c.updated, ...(c.deleted ?? [])].map((r) => keyOf(spec, r as never)));
    const before = (wb[tab as TabKey] as never[]).filter((r) => touched.has(keyOf(spec, r)));
    if (before.length > 0) detail.before[spec.name] = before;
    const after: Record<string, string> = {};
    for (const r of [...c.updated, ...c.added]) after[keyOf(spec, r as never)] = rowVersion(r as object);
    if (Object.keys(after).length > 0) detail.after[spec.name] = after;
    if (c.added.length > 0) detail.added[spec.name] = c.added.map((r) => keyOf(spec, r as never));
  }
  const text = JSON.stringify(detail);
  return text.length <= DETAIL_LIMIT ? text : JSON.stringify({ truncated: true, rows, undoes });
}
