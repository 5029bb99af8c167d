/**
 * Which customer is told what, and when (001 "Communicate changes immediately", "Send weekly status
 * for long backorders", "Follow up after fulfillment"). Pure: from the workbook and today, the notices
 * due now, at most one per backorder, the most important first (cancelled, shipped, ready,
 * rescheduled, created, status, delivered). A notice is due when what the customer was last told
 * (the Notifications tab: the expected date, the units shipped or cancelled) no longer holds, so a
 * second run sends nothing. Only backorders created on or after Settings NotifyFrom are in scope;
 * a blank NotifyFrom tells nobody anything.
 *
 * Who: the first CustomerEmail among the order's lines, else the address on the customer's
 * `Customer: <name>` Settings row; "No email" on that row opts the customer out. A bad address is
 * reported with its row and the order's notices wait, rather than blocking every other action.
 */
import {
  type CustomerDefault,
  customerDefaultOf,
  isEmailAddress,
  parseCustomerDefaults,
} from './customer-defaults';
import { latestShipment, renderNotice } from './notices';
import { addDays, dateInZone, daysBetween, type IsoDate } from './primitives/dates';
import { DeskError } from './primitives/errors';
import type { Backorder } from './tabs/backorders';
import type { Notice, NoticeKind } from './tabs/notifications';
import type { Workbook } from './workbook';

export interface DueNotice {
  readonly backorder: Backorder;
  readonly kind: NoticeKind;
  readonly to: string;
  /** What the notice tells: the expected date now, and the units of its kind (shipped, cancelled). */
  readonly expected: IsoDate | null;
  readonly qtyTold: number;
  /** The units this notice itself is about (shipped: newly shipped; cancelled: newly cancelled). */
  readonly qty?: number;
  /** The expected date told before (rescheduled). */
  readonly previous?: IsoDate | null;
}

export interface DuePlan {
  readonly due: DueNotice[];
  /** Addresses that are not addresses, each with its row; their orders' notices wait. */
  readonly problems: string[];
  /** Backorders whose customer has no address (a rep must call instead). */
  readonly noAddress: Backorder[];
}

/** An address list as typed ("a@x.com; b@y.com"), or undefined when one of them is not an address. */
export function addresses(text: string): string | undefined {
  const list = text
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean);
  return list.length > 0 && list.every(isEmailAddress) ? list.join(', ') : undefined;
}

export const ADDRESS_EXPECTED = 'must be an address like name@example.com (several separated by ";")';

export function customerDefaults(wb: Workbook): Map<string, CustomerDefault> {
  return parseCustomerDefaults(wb.settings, (i) => i + 2);
}

/** Where an order's notices go: its address, or why there is none. */
export function contactOf(
  wb: Workbook,
  orderId: string,
  customer: string,
  defaults: ReadonlyMap<string, CustomerDefault> = customerDefaults(wb),
): { to: string } | { optOut: true } | { problem: string } | { none: true } {
  const d = customerDefaultOf(defaults, customer);
  if (d?.optOut) return { optOut: true };
  const line = wb.orders.find((l) => l.orderId === orderId && l.customerEmail.trim() !== '');
  if (line) {
    const to = addresses(line.customerEmail);
    return to
      ? { to }
      : {
          problem: `Orders ${orderId} line ${line.line}: CustomerEmail ${ADDRESS_EXPECTED}, got "${line.customerEmail}"`,
        };
  }
  return d?.email ? { to: d.email } : { none: true };
}

/** The notices a backorder had, oldest first, but for Retry (refused for now: due again). */
function toldOf(wb: Workbook): Map<string, Notice[]> {
  const out = new Map<string, Notice[]>();
  for (const n of wb.notifications) {
    if (n.status === 'Retry') continue;
    const list = out.get(n.backorderId) ?? [];
    list.push(n);
    out.set(n.backorderId, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.noticeId < b.noticeId ? -1 : 1));
  return out;
}

const maxTold = (told: readonly Notice[], kind: NoticeKind) =>
  told.filter((n) => n.kind === kind).reduce((m, n) => Math.max(m, n.qtyTold), 0);

/** The one notice a backorder needs now, if any. */
export function noticeFor(
  wb: Workbook,
  b: Backorder,
  told: readonly Notice[],
  today: IsoDate,
): Omit<DueNotice, 'to'> | undefined {
  const open = b.qtyRemaining > 0 && b.status !== 'Cancelled';
  const base = { backorder: b, expected: b.expectedDate };
  const cancelledTold = maxTold(told, 'cancelled');
  if (b.qtyCancelled > cancelledTold)
    return { ...base, kind: 'cancelled', qtyTold: b.qtyCancelled, qty: b.qtyCancelled - cancelledTold };
  const shippedTold = maxTold(told, 'shipped');
  if (b.qtyFulfilled > shippedTold) {
    const latest = latestShipment(wb.shipments, b.backorderId);
    const qty = Math.min(latest?.qty ?? b.qtyFulfilled, b.qtyFulfilled - shippedTold);
    return { ...base, kind: 'shipped', qtyTold: b.qtyFulfilled, qty };
  }
  if (open && b.qtyAllocated > 0 && !told.some((n) => n.kind === 'ready' && n.qtyTold === b.qtyFulfilled))
    return { ...base, kind: 'ready', qtyTold: b.qtyFulfilled, qty: b.qtyAllocated };
  const dated = told.filter((n) => n.kind === 'created' || n.kind === 'rescheduled' || n.kind === 'status');
  const lastDate = dated[dated.length - 1];
  if (open && lastDate && lastDate.expected !== b.expectedDate)
    return { ...base, kind: 'rescheduled', qtyTold: 0, previous: lastDate.expected };
  if (open && told.length === 0) return { ...base, kind: 'created', qtyTold: 0 };
  const last = told[told.length - 1];
  if (
    open &&
    last &&
    daysBetween(dateInZone(new Date(last.when), wb.config.TimeZone), today) >= wb.config.StatusEveryDays
  )
    return { ...base, kind: 'status', qtyTold: 0 };
  if (!open && b.qtyFulfilled > 0 && shippedTold > 0 && !told.some((n) => n.kind === 'delivered')) {
    const rows = latestShipment(wb.shipments, b.backorderId)?.rows ?? [];
    const delivered = rows.some((s) => s.deliveredAt !== null && s.deliveredAt <= today);
    const shipDate = rows[0]?.shipDate;
    if (delivered || (shipDate && addDays(shipDate, wb.config.DeliveredFollowUpDays) <= today))
      return { ...base, kind: 'delivered', qtyTold: 0 };
  }
  return undefined;
}

/** Every notice due today, in backorder order. */
export function dueNotices(wb: Workbook, today: IsoDate): DuePlan {
  const from = wb.config.NotifyFrom;
  const plan: DuePlan = { due: [], problems: [], noAddress: [] };
  if (!from) return plan;
  const defaults = customerDefaults(wb);
  const told = toldOf(wb);
  const reported = new Set<string>();
  for (const b of wb.backorders) {
    if (!b.createdAt || b.createdAt < from) continue;
    const need = noticeFor(wb, b, told.get(b.backorderId) ?? [], today);
    if (!need) continue;
    const contact = contactOf(wb, b.orderId, b.customer, defaults);
    if ('to' in contact) plan.due.push({ ...need, to: contact.to });
    else if ('problem' in contact) {
      if (!reported.has(contact.problem)) plan.problems.push(contact.problem);
      reported.add(contact.problem);
    } else if ('none' in contact) plan.noAddress.push(b);
  }
  return plan;
}

export interface NoticePreview {
  readonly kind: NoticeKind;
  /** The notice the backorder calls for now (otherwise the kind its state suggests). */
  readonly due: boolean;
  /** The address, or '' with `toNote` saying why there is none. */
  readonly to: string;
  readonly toNote: string;
  readonly subject: string;
  readonly text: string;
  /** A prefilled compose window in the rep's own mail: they review and send (no mail scope). */
  readonly gmail: string;
  readonly mailto: string;
}

/** The kind a backorder's state suggests when no notice is due (a rep may always say something). */
function stateKind(b: Backorder): NoticeKind {
  if (b.status === 'Cancelled') return 'cancelled';
  if (b.qtyRemaining === 0) return b.qtyFulfilled > 0 ? 'shipped' : 'cancelled';
  if (b.qtyAllocated > 0) return 'ready';
  return b.qtyFulfilled > 0 ? 'shipped' : 'status';
}

/**
 * What the sidebar offers to send for a backorder: the notice due (or the one its state suggests),
 * rendered, with its address and compose links. `fromShipments` false where Shipments were not read.
 */
export function noticePreview(
  wb: Workbook,
  b: Backorder,
  today: IsoDate,
  fromShipments = true,
): NoticePreview {
  const told = wb.notifications
    .filter((n) => n.backorderId === b.backorderId && n.status !== 'Retry')
    .sort((x, y) => (x.noticeId < y.noticeId ? -1 : 1));
  const due = noticeFor(wb, b, told, today);
  const kind = due?.kind ?? stateKind(b);
  const rendered = renderNotice(wb, b, kind, today, {
    qty: due?.qty,
    previous: due?.previous,
    fromShipments,
  });
  const contact = contactOf(wb, b.orderId, b.customer);
  const to = 'to' in contact ? contact.to : '';
  const toNote =
    'to' in contact
      ? ''
      : 'optOut' in contact
        ? `${b.customer} asked for no e-mail (Settings): call instead`
        : 'problem' in contact
          ? contact.problem
          : `no e-mail address: add CustomerEmail on order ${b.orderId} or "Customer: ${b.customer}" in Settings`;
  const q = (k: string, v: string) => `${k}=${encodeURIComponent(v)}`;
  return {
    kind,
    due: due !== undefined,
    to,
    toNote,
    subject: rendered.subject,
    text: rendered.text,
    gmail: `https://mail.google.com/mail/?view=cm&fs=1&${[q('to', to), q('su', rendered.subject), q('body', rendered.text)].join('&')}`,
    mailto: `mailto:${encodeURIComponent(to)}?${[q('subject', rendered.subject), q('body', rendered.text)].join('&')}`,
  };
}

/** Refuses, naming the cells, when a template has a placeholder no notice fills. */
export function refuseBadTemplates(problems: readonly string[]): void {
  if (problems.length > 0)
    throw new DeskError('BAD_CELL', 'Settings has templates that would leave a hole in a message:', [
      ...problems,
    ]);
}
