/**
 * The sidebar's backorder lists (its Lists tab): the backorders a filter asks for, in their order,
 * each with the key it sorts by, so a list read in parts sent at once (one band of the tab's rows
 * each, addon/src/ui/list-reader.ts) is merged into exactly the list one read gives: each part keeps
 * its first `limit` entries, and the merge sorts them all and keeps the first `limit`. Pure.
 */
import { type FollowUp, followUpsDue, URGENCY } from '../follow-ups';
import { addDays, type IsoDate } from '../primitives/dates';
import type { Backorder } from '../tabs/backorders';
import type { DecodedTabs, Workbook } from '../workbook';
import { backorderRow, OPEN } from './row-view';
import type { ListFilter, ListRow } from './rpc';

/**
 * The Backorders fields a list uses (here and shared/follow-ups.ts): a list reads only their
 * columns (shared/io/command-scope.ts `listScope`), and every other field of its records is null.
 */
export const LIST_FIELDS = [
  'backorderId',
  'orderId',
  'customer',
  'salesRep',
  'sku',
  'qtyRemaining',
  'createdAt',
  'expectedDate',
  'status',
  'lastContact',
  'nextFollowUp',
  'customerChoice',
] as const satisfies readonly (keyof Backorder)[];

/**
 * A list's entry and what it sorts by: for "Due today" its rep, its urgency and its backorder
 * (shared/follow-ups.ts), for the others its expected date (none last) and its backorder.
 */
export interface ListItem {
  readonly row: ListRow;
  readonly key: readonly [string, number, string];
}

/** The order of a list's entries: the one `followUpsDue` gives "Due today", else expected first. */
export function listOrder(filter: ListFilter): (a: ListItem, b: ListItem) => number {
  return filter.when === 'due today'
    ? (a, b) => a.key[0].localeCompare(b.key[0]) || a.key[1] - b.key[1] || (a.key[2] < b.key[2] ? -1 : 1)
    : (a, b) => a.key[0].localeCompare(b.key[0]) || a.key[2].localeCompare(b.key[2]);
}

/** How many entries a list keeps. */
export const listLimit = (filter: ListFilter): number => filter.limit ?? 100;

/** The entries of the list `filter` asks for, with their keys, in order; open ones unless a status is asked. */
export function listItems(wb: Workbook, tabs: DecodedTabs, filter: ListFilter, today: IsoDate): ListItem[] {
  const has = (value: string, wanted: string | undefined) =>
    !wanted || value.toLowerCase().includes(wanted.trim().toLowerCase());
  const weekEnd = addDays(today, 7);
  const items: ListItem[] = [];
  if (filter.when === 'due today') {
    const index = new Map(wb.backorders.map((b, i) => [b.backorderId, i]));
    for (const f of followUpsDue(wb, today, filter.rep) as FollowUp[]) {
      if (!has(f.customer, filter.customer)) continue;
      const i = index.get(f.backorderId) as number;
      // Everyone's list says whose each item is; one rep's list needs no name on every line.
      const why = filter.rep ? f.why : `${f.rep || 'no rep'}: ${f.why}`;
      const row = { ...backorderRow(tabs, i, wb.backorders[i] as Backorder, today), why };
      if (has(row.sku, filter.sku)) items.push({ row, key: [f.rep, URGENCY[f.reason], f.backorderId] });
    }
  } else
    wb.backorders.forEach((b, i) => {
      if (filter.status ? !has(b.status, filter.status) : !OPEN(b)) return;
      if (!has(b.customer, filter.customer) || !has(b.sku, filter.sku) || !has(b.salesRep, filter.rep))
        return;
      const when = filter.when ?? 'any';
      const e = b.expectedDate;
      if (when === 'overdue' && !(e !== null && e < today)) return;
      if (when === 'this week' && !(e !== null && e >= today && e < weekEnd)) return;
      if (when === 'later' && !(e === null || e >= weekEnd)) return;
      const row = backorderRow(tabs, i, b, today);
      items.push({ row, key: [row.expected || '9999', 0, row.id] });
    });
  return items.sort(listOrder(filter)).slice(0, listLimit(filter));
}

/** Backorders matching the filter, in the list's order (`listItems` without their keys). */
export function listBackorders(
  wb: Workbook,
  tabs: DecodedTabs,
  filter: ListFilter,
  today: IsoDate,
): ListRow[] {
  return listItems(wb, tabs, filter, today).map((i) => i.row);
}
