/**
 * A row's view read as three calls sent at once (docs/addon.md, "Views in parts"): the row and its
 * own entity (its order's lines, its calls and notices, its PO), its SKU's queue, and the SKU's stock
 * and PO lines. Each part reads the shown row and makes only its own searches
 * (shared/io/row-scope.ts `onlySearches`); it sends back the records it read, and the sidebar merges
 * them and describes the row with the same `describeRow` the server uses, so a view in parts is the
 * one-call view whenever nothing was written between the parts' reads. When something was (the
 * shown row differs between the parts, or the workbook's shape moved), `mergeViewParts` gives
 * nothing and the sidebar asks for the view in one call. Pure.
 */
import type { SearchName } from '../io/scope-contract';
import type { SearchMemory } from '../io/search-memory';
import type { IsoDate } from '../primitives/dates';
import type { Settings } from '../tabs/settings';
import { TAB_KEYS, type TabKey, tabKeyOf, type Workbook } from '../workbook';
import { describeRow } from './row-view';
import type { RowRef, RowView } from './rpc';

export const VIEW_PARTS = ['entity', 'queue', 'stock'] as const;
export type ViewPartName = (typeof VIEW_PARTS)[number];

/** The searches each part makes; together, every search a view makes (test/addon/view-parts.test.ts). */
export const PART_SEARCHES: Readonly<Record<ViewPartName, readonly SearchName[]>> = {
  entity: [
    'orders.orderId',
    'backorders.backorderId',
    'backorders.orderId',
    'pos.po',
    'calls.backorderId',
    'calls.orderId',
    'notifications.backorderId',
    'shipments.backorderId',
  ],
  queue: ['backorders.sku'],
  stock: ['inventory.sku', 'pos.sku'],
};

/** The tabs whose rows have a view, and so a view in parts. */
export function hasParts(ref: RowRef | null): ref is RowRef {
  const key = ref ? tabKeyOf(ref.sheet) : undefined;
  return key === 'orders' || key === 'backorders' || key === 'pos';
}

/** One part's reply: the records it read, by tab, with their sheet rows (plain JSON, as google.script.run carries). */
export interface ViewPart {
  readonly part: ViewPartName;
  readonly ref: RowRef;
  readonly today: string;
  readonly config: Settings;
  readonly tabs: Partial<
    Record<TabKey, { readonly rows: readonly number[]; readonly records: readonly object[] }>
  >;
  readonly memory?: SearchMemory;
  /** When the part's execution began and ended (ms since the epoch, the server's clock). */
  readonly ran: readonly [start: number, end: number];
}

type Decoded = { readonly records: readonly object[]; readonly rowNumbers: readonly number[] };

/** What a part read, as it sends it: the tabs with at least one row read. */
export function viewPart(
  part: ViewPartName,
  ref: RowRef,
  today: string,
  wb: Workbook,
  tabs: Readonly<Record<TabKey, Decoded>>,
  memory: SearchMemory | undefined,
  ran: readonly [number, number],
): ViewPart {
  const read: ViewPart['tabs'] = {};
  for (const key of TAB_KEYS) {
    const t = tabs[key];
    if (t && t.records.length > 0) read[key] = { rows: t.rowNumbers, records: t.records };
  }
  return { part, ref, today, config: wb.config, tabs: read, ...(memory ? { memory } : {}), ran };
}

/**
 * True when some two of the parts' executions ran side by side (one began before the other ended):
 * executions Google queues never do.
 */
export function overlapped(parts: readonly { readonly ran: readonly [number, number] }[]): boolean {
  return parts.some((a, i) => parts.some((b, j) => i !== j && a.ran[0] < b.ran[1] && b.ran[0] < a.ran[1]));
}

/**
 * The view the parts make together, or undefined when they do not agree (a write landed between
 * their reads): the shown row read differently, or the workbook's shape moved (their memories'
 * stamps differ).
 */
export function mergeViewParts(parts: readonly ViewPart[]): RowView | undefined {
  const first = parts[0];
  if (!first) return undefined;
  const shownKey = tabKeyOf(first.ref.sheet);
  const shown = (p: ViewPart) => {
    const t = shownKey ? p.tabs[shownKey] : undefined;
    const i = t ? t.rows.indexOf(first.ref.row) : -1;
    return i < 0 ? null : JSON.stringify(t?.records[i]);
  };
  if (
    parts.some(
      (p) => shown(p) !== shown(first) || p.ref.sheet !== first.ref.sheet || p.ref.row !== first.ref.row,
    )
  )
    return undefined;
  const memory = mergeMemory(parts);
  if (memory === null) return undefined;
  const wb: Record<string, unknown> = { config: first.config };
  const tabs: Record<string, { rowNumbers: number[] }> = {};
  for (const key of TAB_KEYS) {
    const byRow = new Map<number, object>();
    for (const p of parts) {
      const t = p.tabs[key];
      t?.rows.forEach((r, i) => {
        byRow.set(r, t.records[i] as object);
      });
    }
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    wb[key] = rows.map((r) => byRow.get(r));
    tabs[key] = { rowNumbers: rows };
  }
  const view = describeRow(wb as unknown as Workbook, tabs as never, first.ref, first.today as IsoDate);
  return memory ? { ...view, memory } : view;
}

/** The parts' searches as one memory; undefined when none kept any, null when their stamps differ. */
function mergeMemory(parts: readonly ViewPart[]): SearchMemory | undefined | null {
  const kept = parts.flatMap((p) => (p.memory ? [p.memory] : []));
  const first = kept[0];
  if (!first) return undefined;
  if (kept.length !== parts.length || kept.some((m) => m.stamp !== first.stamp)) return null;
  const found = new Map(kept.flatMap((m) => m.found.map((f) => [JSON.stringify(f.slice(0, 3)), f] as const)));
  return { stamp: first.stamp, at: Math.min(...kept.map((m) => m.at)), found: [...found.values()] };
}
