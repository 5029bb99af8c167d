/**
 * The Notifications tab's two steps around each customer e-mail, so a message is never sent twice:
 * `notify-begin` records the due notices as Pending (subject and text fixed here, by the core) before
 * anything leaves; the sender sends exactly those rows; `notify-settle` records each outcome: Sent
 * (with a Calls row, Method Email, Summary the subject, so the backorder's history shows it), Failed
 * or Retry. A Pending row found by the next begin was left by a sender that stopped between the two
 * steps: it becomes Unconfirmed and is never sent again by itself (a rep checks the sent mail and the
 * follow-up list shows it). `record-notice` is the add-on's path: the rep sent it from their own mail.
 */
import { addCall } from '../calls';
import type { Desk } from '../desk';
import { renderNotice, templateProblems } from '../notices';
import { contactOf, type DueNotice, dueNotices, noticeFor, refuseBadTemplates } from '../notify';
import { DeskError, refuseUnless } from '../primitives/errors';
import type { Notice, NoticeKind } from '../tabs/notifications';
import type { Workbook } from '../workbook';
import { type ActionSpec, aBackorder } from './spec';

const workbookOf = (desk: Desk): Workbook => ({ ...desk.uow.before, config: desk.config });

function addNotice(desk: Desk, d: DueNotice, status: 'Pending' | 'Sent'): Notice {
  const wb = workbookOf(desk);
  const rendered = renderNotice(wb, d.backorder, d.kind, desk.ctx.today, {
    qty: d.qty,
    previous: d.previous,
  });
  const notice: Notice = {
    noticeId: desk.uow.nextId('NT', () => desk.uow.all('notifications').map((n) => n.noticeId)),
    when: desk.ctx.now,
    kind: d.kind,
    backorderId: d.backorder.backorderId,
    orderId: d.backorder.orderId,
    customer: d.backorder.customer,
    to: d.to,
    subject: rendered.subject,
    body: rendered.text,
    expected: d.expected,
    qtyTold: d.qtyTold,
    status,
    sentAt: status === 'Sent' ? desk.ctx.now : '',
    detail: '',
  };
  desk.uow.add('notifications', notice);
  desk.newIds.push(notice.noticeId);
  if (status === 'Sent') recordCall(desk, notice);
  return notice;
}

/**
 * A sent notice is a contact: a Calls row (Method Email, Summary the subject) and the backorder's
 * LastContact; the follow-up after delivery, once sent, is done.
 */
function recordCall(desk: Desk, n: Notice): void {
  const b = desk.uow.get('backorders', n.backorderId);
  addCall(
    desk,
    { customer: n.customer, orderId: n.orderId, backorderId: n.backorderId, rep: b?.salesRep ?? '' },
    { method: 'Email', summary: n.subject, choice: '', nextFollowUp: null, source: `notice ${n.noticeId}` },
  );
  if (b)
    desk.putBackorder({
      ...b,
      lastContact: desk.ctx.today,
      nextFollowUp: n.kind === 'delivered' ? null : b.nextFollowUp,
    });
}

/** A notice that did not surely arrive puts the backorder on today's follow-up list: a rep calls. */
function followUpToday(desk: Desk, backorderId: string): void {
  const b = desk.uow.get('backorders', backorderId);
  if (b && b.nextFollowUp !== desk.ctx.today) desk.putBackorder({ ...b, nextFollowUp: desk.ctx.today });
}

/** Pending rows left by an earlier sender become Unconfirmed; then up to `limit` due notices become Pending. */
export function notifyBegin(desk: Desk, limit: number, skip: readonly string[]): void {
  refuseBadTemplates(templateProblems(desk.uow.before.settings, (i) => i + 2));
  desk.entity('Notifications');
  for (const n of desk.uow.all('notifications'))
    if (n.status === 'Pending') {
      desk.uow.put('notifications', {
        ...n,
        status: 'Unconfirmed',
        detail: 'the sender stopped before recording the outcome: check the sent mail',
      });
      followUpToday(desk, n.backorderId);
      desk.messages.push(`${n.noticeId} to ${n.to} is Unconfirmed: check the sent mail`);
    }
  const plan = dueNotices(workbookOf(desk), desk.ctx.today);
  desk.messages.push(...plan.problems);
  const skipped = new Set(skip);
  for (const d of plan.due.filter((x) => !skipped.has(x.backorder.backorderId)).slice(0, limit)) {
    const n = addNotice(desk, d, 'Pending');
    desk.messages.push(`${n.noticeId} ${n.kind} ${n.backorderId} → ${n.to}: ${n.subject}`);
  }
}

export interface SettleResult {
  readonly noticeId: string;
  /** unconfirmed: the connection broke after the message may have been accepted. */
  readonly outcome: 'sent' | 'failed' | 'retry' | 'unconfirmed';
  readonly detail?: string;
}

export function notifySettle(desk: Desk, results: readonly SettleResult[]): void {
  desk.entity('Notifications');
  for (const r of results) {
    const n = desk.uow.get('notifications', r.noticeId);
    if (!n) throw new DeskError('NOT_FOUND', `Notifications: notice ${r.noticeId} not found`);
    refuseUnless(
      n.status === 'Pending' || n.status === 'Unconfirmed',
      `Notifications: ${r.noticeId} is ${n.status}, not waiting for its outcome`,
    );
    const status = ({ sent: 'Sent', failed: 'Failed', retry: 'Retry', unconfirmed: 'Unconfirmed' } as const)[
      r.outcome
    ];
    const settled: Notice = {
      ...n,
      status,
      sentAt: status === 'Sent' ? desk.ctx.now : '',
      detail: r.detail ?? '',
    };
    desk.uow.put('notifications', settled);
    if (status === 'Sent') recordCall(desk, settled);
    else if (status !== 'Retry') followUpToday(desk, n.backorderId);
    desk.messages.push(`${n.noticeId} ${status}${r.detail ? `: ${r.detail}` : ''}`);
  }
}

/**
 * A notice a rep sent from their own mail (the add-on's Notify customer): recorded Sent at once.
 * `kind` defaults to the one due; a kind nothing calls for is still recorded, as the rep chose it.
 */
export function recordNotice(
  desk: Desk,
  backorderId: string,
  kind: NoticeKind | undefined,
  to: string,
): void {
  refuseBadTemplates(templateProblems(desk.uow.before.settings, (i) => i + 2));
  const b = desk.backorder(backorderId);
  const wb = workbookOf(desk);
  const told = wb.notifications.filter((n) => n.backorderId === b.backorderId && n.status !== 'Retry');
  const due = noticeFor(wb, b, told, desk.ctx.today);
  const chosen = kind ?? due?.kind ?? 'status';
  const contact = contactOf(wb, b.orderId, b.customer);
  const address = to.trim() || ('to' in contact ? contact.to : '');
  const base =
    due && due.kind === chosen ? due : { backorder: b, kind: chosen, expected: b.expectedDate, qtyTold: 0 };
  const n = addNotice(desk, { ...base, to: address }, 'Sent');
  desk.entity(`Backorder ${b.backorderId}`);
  desk.messages.push(`${n.noticeId} ${n.kind} recorded as sent to ${n.to || 'the customer'}: ${n.subject}`);
}

/** A notice decides from the backorder's calls, shipments and earlier notices (the latest one counts). */
const NOTICE_TABS = ['calls', 'shipments', 'notifications'] as const;

export const NOTIFY_BEGIN: ActionSpec<'notify-begin'> = {
  run: (d, c) => notifyBegin(d, c.limit ?? 10, c.skip ?? []),
  reads: NOTICE_TABS,
};
export const NOTIFY_SETTLE: ActionSpec<'notify-settle'> = {
  run: (d, c) => notifySettle(d, c.results),
  reads: NOTICE_TABS,
};
export const RECORD_NOTICE: ActionSpec<'record-notice'> = {
  run: (d, c) => recordNotice(d, c.backorderId, c.kind, c.to ?? ''),
  names: aBackorder,
  reads: NOTICE_TABS,
};
