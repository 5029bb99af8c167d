/**
 * Notifications tab: the outbox of customer messages (001 "Backorder notification sent", "Send weekly
 * status for long backorders", "Follow up after fulfillment"). One row per message, written Pending
 * before the message leaves and settled after: Sent, Failed (the mail server refused it for good),
 * Retry (refused for now: it is due again) or Unconfirmed (the sender stopped between the two writes,
 * so nobody knows; it is never sent again by itself and a rep confirms it). Expected and QtyTold hold
 * what the customer was told, so the next message is due only when that changes. Nobody edits it.
 */
import { date, defineTab, id, oneOf, qty, type RecordOf, text, timestamp } from '../sheet/columns';

export const NOTICE_KINDS = [
  'created',
  'rescheduled',
  'ready',
  'shipped',
  'cancelled',
  'status',
  'delivered',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_STATUSES = ['Pending', 'Sent', 'Failed', 'Retry', 'Unconfirmed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NotificationsTab = defineTab(
  'Notifications',
  {
    noticeId: id('NoticeID', 'engine', { required: true }),
    when: timestamp('When', 'engine'),
    kind: oneOf('Kind', 'engine', NOTICE_KINDS),
    backorderId: id('BackorderID', 'engine'),
    orderId: id('OrderID', 'engine'),
    customer: text('Customer', 'engine'),
    to: text('To', 'engine'),
    subject: text('Subject', 'engine'),
    body: text('Body', 'engine'),
    expected: date('Expected', 'engine'),
    qtyTold: qty('QtyTold', 'engine'),
    status: oneOf('Status', 'engine', NOTICE_STATUSES, 'Pending'),
    sentAt: timestamp('SentAt', 'engine'),
    detail: text('Detail', 'engine'),
  },
  ['noticeId'],
);
export type Notice = RecordOf<typeof NotificationsTab.columns>;
