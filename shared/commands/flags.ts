/**
 * How `backorder-desk do ACTION` fills an action's command from its flags (docs/cli.md): for every
 * field, the flag it comes from and how the flag's text is read (as written, a whole number, an
 * amount, or a word of a vocabulary), and the fields several actions share. Each action lists its
 * own in its file (spec.ts `flags`; catalog.ts gathers them for the CLI's parser and its messages: a
 * missing `orderId` is reported as `--order`); the schema has the last word (schema.ts).
 */
import { CANCEL_REASONS } from '../tabs/vocabulary';

/** How a flag's text becomes a field's value. */
export type FlagRead = 'text' | 'whole' | 'amount' | { readonly vocabulary: readonly string[] };

/** A field, the flag it comes from, how it is read, and its value when the flag is absent. */
export type FlagField = readonly [field: string, flag: string, read?: FlagRead, absent?: string];

export const order: FlagField = ['orderId', 'order'];
export const backorder: FlagField = ['backorderId', 'backorder'];
export const po: FlagField = ['po', 'po'];
export const line: FlagField = ['line', 'line', 'whole'];
export const qty: FlagField = ['qty', 'qty', 'whole'];
export const sku: FlagField = ['sku', 'sku'];
export const note: FlagField = ['note', 'note'];
export const cancelReason: FlagField = ['reason', 'reason', { vocabulary: CANCEL_REASONS }];
export const shipping: readonly FlagField[] = [
  ['carrier', 'carrier'],
  ['tracking', 'tracking'],
];
