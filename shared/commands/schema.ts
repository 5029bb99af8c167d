/**
 * The command contract: every action any edge can start (CLI `do`, sidebar RPC, menu, sync), as one
 * zod discriminated union. Edges parse untrusted input with it; handlers trust what it lets through.
 * `expected` carries the row versions the person saw, so a command built on stale rows is refused.
 */
import * as z from 'zod/mini';
import { type IsoDate, isIsoDate } from '../primitives/dates';
import { NOTICE_KINDS } from '../tabs/notifications';
import { CALL_METHODS, CANCEL_REASONS, CUSTOMER_CHOICES } from '../tabs/vocabulary';
import { VendorEtaSchema } from '../vendor-etas';

const id = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const count = z.number().check(z.int('must be a whole number'), z.gte(1, 'must be at least 1'));
const lineNo = z.number().check(z.int('must be a whole number'), z.gte(0, 'must be 0 or more'));
const isoDate = z.pipe(
  z.string().check(z.refine((s) => isIsoDate(s), 'must be a real date written YYYY-MM-DD')),
  z.transform((s) => s as IsoDate),
);
const versions = z.optional(z.record(z.string(), z.string()));

export const CommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('allocate'), orderId: z.optional(id), expected: versions }),
  z.object({
    action: z.literal('ship'),
    orderId: id,
    line: z.optional(lineNo),
    qty: z.optional(z.number().check(z.int(), z.gte(0))),
    carrier: z.optional(z.string()),
    tracking: z.optional(z.string()),
    expected: versions,
  }),
  z.object({
    action: z.literal('create-backorder'),
    orderId: id,
    line: lineNo,
    qty: count,
    date: z.optional(isoDate),
    reason: z.optional(z.string()),
    note: z.optional(z.string()),
    expected: versions,
  }),
  z.object({
    action: z.literal('receive'),
    po: id,
    line: z.optional(lineNo),
    /** Several lines in one action (the sidebar receives a long PO a few lines at a time). */
    lines: z.optional(z.array(lineNo).check(z.minLength(1, 'must name at least one line'))),
    qty: z.optional(count),
    expected: versions,
  }),
  z.object({
    action: z.literal('fulfill'),
    backorderId: z.optional(id),
    sku: z.optional(id),
    qty: z.optional(count),
    carrier: z.optional(z.string()),
    tracking: z.optional(z.string()),
    expected: versions,
  }),
  z.object({
    action: z.literal('cancel'),
    backorderId: id,
    reason: z.enum(CANCEL_REASONS),
    note: z.optional(z.string()),
    expected: versions,
  }),
  /** A customer cancels an order line, whole or `qty` of it, before it ships (cancel-line.ts). */
  z.object({
    action: z.literal('cancel-line'),
    orderId: id,
    line: lineNo,
    qty: z.optional(count),
    reason: z.enum(CANCEL_REASONS),
    note: z.optional(z.string()),
    expected: versions,
  }),
  /** A customer changes an order line's quantity, required date or price (change-line.ts). */
  z.object({
    action: z.literal('change-line'),
    orderId: id,
    line: lineNo,
    qty: z.optional(count),
    requiredDate: z.optional(isoDate),
    unitPrice: z.optional(z.number().check(z.gte(0, 'must be 0 or more'))),
    note: z.optional(z.string()),
    expected: versions,
  }),
  /** A person puts an order on hold (allocation and shipping skip it), or releases it (hold.ts). */
  z.object({ action: z.literal('hold'), orderId: id, note: z.optional(z.string()), expected: versions }),
  z.object({ action: z.literal('release'), orderId: id, expected: versions }),
  /** A buyer sends a Draft PO to the vendor: its Draft lines become Sent (po-lines.ts). */
  z.object({ action: z.literal('send-po'), po: id, expected: versions }),
  /** The vendor's new promised date, or a new quantity, on a PO line; its backorders follow. */
  z.object({
    action: z.literal('change-po'),
    po: id,
    line: lineNo,
    promisedDate: z.optional(isoDate),
    qty: z.optional(count),
    expected: versions,
  }),
  /** A buyer cancels what is still to arrive on a PO line; its backorders find their next source. */
  z.object({
    action: z.literal('cancel-po-line'),
    po: id,
    line: lineNo,
    note: z.optional(z.string()),
    expected: versions,
  }),
  z.object({
    action: z.literal('reschedule'),
    backorderId: id,
    date: isoDate,
    reason: z.string().check(z.trim(), z.minLength(1)),
    expected: versions,
  }),
  z.object({
    action: z.literal('substitute'),
    backorderId: id,
    sku: id,
    qty: z.optional(count),
    note: z.optional(z.string()),
    expected: versions,
  }),
  z.object({
    action: z.literal('log-call'),
    backorderId: z.optional(id),
    orderId: z.optional(id),
    method: z.enum(CALL_METHODS),
    summary: z.string().check(z.trim(), z.minLength(1)),
    choice: z.optional(z.enum(CUSTOMER_CHOICES)),
    nextFollowUp: z.optional(isoDate),
    expected: versions,
  }),
  z.object({ action: z.literal('transfer'), sku: id, qty: count, from: id, to: id, expected: versions }),
  z.object({ action: z.literal('drop-ship'), backorderId: id, expected: versions }),
  z.object({ action: z.literal('reorder'), expected: versions }),
  z.object({ action: z.literal('undo'), expected: versions }),
  /** The sync service's vendor ETAs, already validated against the workbook (vendor-etas.ts). */
  z.object({ action: z.literal('apply-etas'), etas: z.array(VendorEtaSchema), expected: versions }),
  /** Re-derives statuses and queues (check --repair); changes only what drifted. */
  z.object({ action: z.literal('refresh'), expected: versions }),
  /** Overdue open backorders get today as their next follow-up (the add-on's daily run). */
  z.object({ action: z.literal('follow-up'), expected: versions }),
  /** Records the due customer notices as Pending before they are sent (notify.ts). */
  z.object({
    action: z.literal('notify-begin'),
    limit: z.optional(count),
    /** Backorders this run already tried (a Retry is due again, but not in the same run). */
    skip: z.optional(z.array(id)),
    expected: versions,
  }),
  /** Records what became of notices the sender tried. */
  z.object({
    action: z.literal('notify-settle'),
    results: z.array(
      z.object({
        noticeId: id,
        outcome: z.enum(['sent', 'failed', 'retry', 'unconfirmed']),
        detail: z.optional(z.string()),
      }),
    ),
    expected: versions,
  }),
  /** A notice a rep sent from their own mail (the add-on's Notify customer). */
  z.object({
    action: z.literal('record-notice'),
    backorderId: id,
    kind: z.optional(z.enum(NOTICE_KINDS)),
    to: z.optional(z.string()),
    expected: versions,
  }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type Action = Command['action'];
export const ACTIONS = [
  'allocate',
  'ship',
  'create-backorder',
  'receive',
  'fulfill',
  'cancel',
  'cancel-line',
  'change-line',
  'hold',
  'release',
  'send-po',
  'change-po',
  'cancel-po-line',
  'reschedule',
  'substitute',
  'log-call',
  'transfer',
  'drop-ship',
  'reorder',
  'undo',
  'apply-etas',
  'refresh',
  'follow-up',
  'notify-begin',
  'notify-settle',
  'record-notice',
] as const satisfies readonly Action[];
