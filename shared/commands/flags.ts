/**
 * How `backorder-desk do ACTION` fills each action's command from its flags (docs/cli.md): for every
 * field, the flag it comes from and how the flag's text is read (as written, a whole number, an
 * amount, or a word of a vocabulary). One table for the CLI's parser and its messages (a missing
 * `orderId` is reported as `--order`), beside the schema that has the last word
 * (shared/commands/schema.ts). An action absent here is not started from the command line.
 */
import { CALL_METHODS, CANCEL_REASONS, CUSTOMER_CHOICES } from '../tabs/vocabulary';
import type { Action } from './schema';

/** How a flag's text becomes a field's value. */
export type FlagRead = 'text' | 'whole' | 'amount' | { readonly vocabulary: readonly string[] };

/** A field, the flag it comes from, how it is read, and its value when the flag is absent. */
export type FlagField = readonly [field: string, flag: string, read?: FlagRead, absent?: string];

const order: FlagField = ['orderId', 'order'];
const backorder: FlagField = ['backorderId', 'backorder'];
const po: FlagField = ['po', 'po'];
const line: FlagField = ['line', 'line', 'whole'];
const qty: FlagField = ['qty', 'qty', 'whole'];
const note: FlagField = ['note', 'note'];
const cancelReason: FlagField = ['reason', 'reason', { vocabulary: CANCEL_REASONS }];
const shipping: readonly FlagField[] = [
  ['carrier', 'carrier'],
  ['tracking', 'tracking'],
];

export const COMMAND_FLAGS: Partial<Record<Action, readonly FlagField[]>> = {
  allocate: [order],
  ship: [order, line, qty, ...shipping],
  'create-backorder': [order, line, qty, ['date', 'date'], ['reason', 'reason'], note],
  receive: [po, line, qty],
  fulfill: [backorder, ['sku', 'sku'], qty, ...shipping],
  cancel: [backorder, cancelReason, note],
  'cancel-line': [order, line, qty, cancelReason, note],
  'change-line': [order, line, qty, ['requiredDate', 'date'], ['unitPrice', 'price', 'amount'], note],
  hold: [order, note],
  release: [order],
  'send-po': [po],
  'change-po': [po, line, ['promisedDate', 'date'], qty],
  'cancel-po-line': [po, line, note],
  reschedule: [backorder, ['date', 'date'], ['reason', 'reason']],
  substitute: [backorder, ['sku', 'sku'], qty, note],
  'log-call': [
    backorder,
    order,
    ['method', 'method', { vocabulary: CALL_METHODS }, 'Phone'],
    ['summary', 'note'],
    ['choice', 'choice', { vocabulary: CUSTOMER_CHOICES }],
    ['nextFollowUp', 'date'],
  ],
  transfer: [['sku', 'sku'], qty, ['from', 'warehouse'], ['to', 'to']],
  'drop-ship': [backorder],
  reorder: [],
  undo: [],
};
