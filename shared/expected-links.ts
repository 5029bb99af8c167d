/**
 * A waiting backorder's link to the PO it expects its units from, kept live after every command
 * (shared/commands/run.ts, after the queue settles: shared/queue.ts): a link to a PO line that is
 * cancelled, or that has no room left for it in queue order, is planned again (shared/backorder.ts
 * `expectedFor`: the next PO with room, else lead time), and its rep follows up today when the date
 * moves later. A date set by hand (Manual) stays.
 */
import { demandOrder, type Expected, expectedFor } from './backorder';
import type { Desk } from './desk';
import { dropShipped } from './queue';
import type { Backorder } from './tabs/backorders';
import { openPoQty } from './tabs/purchase-orders';

/**
 * Every waiting backorder of `skus` keeps a live link: one that names a PO with no open line for its
 * SKU (cancelled, received) or with no room left for it in queue order is planned again, and one
 * with all it waits for reserved names no cancelled PO. A date set by hand (Manual) stays.
 */
export function relinkExpected(desk: Desk, skus: Iterable<string>): void {
  const wanted = new Set(skus);
  if (wanted.size === 0) return;
  const open = new Map<string, number>();
  const cancelled = new Set<string>();
  for (const p of desk.uow.all('pos')) {
    if (!wanted.has(p.sku) || p.dropShipFor !== '') continue;
    const k = `${p.po}#${p.sku}`;
    open.set(k, (open.get(k) ?? 0) + openPoQty(p));
    if (p.status === 'Cancelled') cancelled.add(k);
  }
  const vendorShips = dropShipped(desk);
  const linked = desk.uow
    .all('backorders')
    .filter((b) => wanted.has(b.sku) && b.qtyRemaining > 0 && b.po !== '' && !vendorShips.has(b.backorderId))
    .sort((a, b) => demandOrder(a, b) || (a.backorderId < b.backorderId ? -1 : 1));
  const room = new Map(open);
  const stale: Backorder[] = [];
  for (const b of linked) {
    const k = `${b.po}#${b.sku}`;
    const need = b.qtyRemaining - b.qtyAllocated;
    if (need === 0) {
      if ((open.get(k) ?? 0) === 0 && cancelled.has(k)) desk.putBackorder({ ...b, po: '' });
      continue;
    }
    const left = room.get(k) ?? 0;
    if (left >= need) room.set(k, left - need);
    else if (b.expectedSource === 'Manual') desk.putBackorder({ ...b, po: '' });
    else stale.push(b);
  }
  planAgain(desk, stale, (found, plan, later) =>
    desk.messages.push(
      `${found.backorderId} (${found.customer}): ${found.po} has no room left for it; now expected ${describeExpected(plan)}${later ? '; follow up today' : ''}`,
    ),
  );
}

/** Where a backorder is now expected from, as the result says it. */
export function describeExpected(next: { date: string | null; source: string; po: string }): string {
  if (next.source === 'PO') return `from ${next.po} on ${next.date}`;
  if (next.source === 'Lead time') return `from lead time, ${next.date}`;
  if (next.source === 'Manual') return `from the date set by hand, ${next.date ?? 'none'}`;
  return 'from no date known';
}

/**
 * Plans the expected date of each backorder in `stale` again (next PO with room, else lead time),
 * in the order given; a date that moves later gets a follow-up today. `said` reports each one.
 */
export function planAgain(
  desk: Desk,
  stale: readonly Backorder[],
  said: (found: Backorder, plan: Expected, later: boolean) => void,
): void {
  // Unlinked first, so the planner (built on the first claim) counts only the others' claims.
  for (const b of stale) desk.putBackorder({ ...desk.backorder(b.backorderId), po: '' });
  for (const found of stale) {
    const b = desk.backorder(found.backorderId);
    const plan = expectedFor(desk, b.sku, b.warehouse, b.qtyRemaining - b.qtyAllocated);
    const later = plan.date === null || (found.expectedDate !== null && plan.date > found.expectedDate);
    desk.putBackorder({
      ...b,
      expectedDate: plan.date,
      expectedSource: plan.source,
      po: plan.po,
      ...(later && plan.date !== found.expectedDate ? { nextFollowUp: desk.ctx.today } : {}),
    });
    said(found, plan, later);
  }
}
