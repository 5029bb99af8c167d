/**
 * "Due today" for a rep (001 "Recording customer communication", "Send weekly status for long
 * backorders", "Follow up after fulfillment"): every backorder someone should contact today, with
 * why. Each item is done by logging a call (which moves NextFollowUp and LastContact) or by a notice
 * sent (which sets LastContact): nothing else has to be ticked off. Pure, from Backorders and
 * Settings. A notice that failed or is unconfirmed sets its backorder's NextFollowUp to that day, so
 * it is on the list wherever the list is read; where Notifications are read too (the CLI) the item
 * says which e-mail and why.
 */
import { addDays, daysBetween, type IsoDate } from './primitives/dates';
import { type Backorder, isOpenBackorder } from './tabs/backorders';
import type { Notice, NoticeStatus } from './tabs/notifications';
import type { Workbook } from './workbook';

/**
 * Notice statuses that make a due follow-up a call about the e-mail (it failed, or may not have
 * gone): what a reader of the notices looks for (shared/io/command-scope.ts `listScope`).
 */
export const UNSURE_NOTICES = ['Failed', 'Unconfirmed'] as const satisfies readonly NoticeStatus[];

export type FollowUpReason = 'overdue' | 'follow-up' | 'status' | 'delivered' | 'notice';

export interface FollowUp {
  readonly rep: string;
  readonly backorderId: string;
  readonly orderId: string;
  readonly customer: string;
  readonly reason: FollowUpReason;
  readonly why: string;
}

/** A follow-up on a closed backorder left undone this long is history, not today's work. */
const DELIVERED_HORIZON_DAYS = 7;

/** The list's order within a rep: what a customer is waiting on first. */
export const URGENCY: Readonly<Record<FollowUpReason, number>> = {
  notice: 0,
  overdue: 1,
  'follow-up': 2,
  status: 3,
  delivered: 4,
};

function itemFor(
  b: Backorder,
  wb: Pick<Workbook, 'config'>,
  today: IsoDate,
): Omit<FollowUp, 'rep' | 'backorderId' | 'orderId' | 'customer'> | undefined {
  const due = b.nextFollowUp !== null && b.nextFollowUp <= today;
  if (!isOpenBackorder(b)) {
    if (
      b.status === 'Cancelled' ||
      !due ||
      daysBetween(b.nextFollowUp as IsoDate, today) > DELIVERED_HORIZON_DAYS
    )
      return undefined;
    return { reason: 'delivered', why: `shipped complete: ask how it arrived (due ${b.nextFollowUp})` };
  }
  if (b.expectedDate !== null && b.expectedDate < today && (due || b.nextFollowUp === null))
    return { reason: 'overdue', why: `overdue since ${b.expectedDate}: give the customer a new date` };
  if (due)
    return {
      reason: 'follow-up',
      why: `follow-up due ${b.nextFollowUp}${b.customerChoice ? ` (chose ${b.customerChoice})` : ''}`,
    };
  const since = b.lastContact ?? b.createdAt;
  if (since && addDays(since, wb.config.StatusEveryDays) <= today)
    return { reason: 'status', why: `status due: no contact since ${since}` };
  return undefined;
}

const sameRep = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Everything due today, by rep then backorder; `rep` keeps one rep's. */
export function followUpsDue(
  wb: Pick<Workbook, 'backorders' | 'notifications' | 'config'>,
  today: IsoDate,
  rep?: string,
): FollowUp[] {
  // The latest notice of each backorder: one that did not surely arrive says why the call is due.
  const latest = new Map<string, Notice>();
  for (const n of wb.notifications) {
    const seen = latest.get(n.backorderId);
    if (!seen || n.noticeId > seen.noticeId) latest.set(n.backorderId, n);
  }
  const out: FollowUp[] = [];
  for (const b of wb.backorders) {
    if (rep !== undefined && !sameRep(b.salesRep, rep)) continue;
    const n = latest.get(b.backorderId);
    const about = { rep: b.salesRep, backorderId: b.backorderId, orderId: b.orderId, customer: b.customer };
    const due =
      b.nextFollowUp !== null &&
      b.nextFollowUp <= today &&
      daysBetween(b.nextFollowUp, today) <= DELIVERED_HORIZON_DAYS;
    if (due && n?.status === 'Failed')
      out.push({
        ...about,
        reason: 'notice',
        why: `e-mail "${n.subject}" to ${n.to} failed (${n.detail}): call the customer`,
      });
    else if (due && n?.status === 'Unconfirmed')
      out.push({
        ...about,
        reason: 'notice',
        why: `e-mail "${n.subject}" to ${n.to} may not have gone: check the sent mail or call`,
      });
    else {
      const item = itemFor(b, wb, today);
      if (item) out.push({ ...about, ...item });
    }
  }
  return out.sort(
    (a, b) =>
      a.rep.localeCompare(b.rep) ||
      URGENCY[a.reason] - URGENCY[b.reason] ||
      (a.backorderId < b.backorderId ? -1 : 1),
  );
}
