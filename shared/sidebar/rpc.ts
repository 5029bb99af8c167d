/**
 * The one RPC contract between the sidebar (untrusted: any page script can call google.script.run)
 * and the add-on's server functions. The server parses every argument with these schemas; the client
 * imports only the types. Payloads are plain JSON (no Date objects: dates travel as YYYY-MM-DD, instants
 * as ISO strings), as google.script.run requires.
 */

import * as z from 'zod/mini';
import type { FormRow } from '../commands/form';
import { CommandSchema } from '../commands/schema';
import { type SearchMemory, SearchMemorySchema } from '../io/search-memory';
import type { NoticePreview } from '../notify';

const text = z.string().check(z.maxLength(200));

/** A row of a tab, 1-based as Sheets numbers rows; the header is row 1. */
export const RowRefSchema = z.object({
  sheet: text,
  row: z.number().check(z.int('must be a whole number'), z.gte(2, 'must be a data row (2 or more)')),
});
export type RowRef = z.infer<typeof RowRefSchema>;

/**
 * What the sidebar's poll sends (`sidebarFollow`): the row it shows ("Orders!7", "" for none) and the
 * rows whose views it keeps, so the server reads a view in the same call only when the selection
 * moved to a row the sidebar cannot show at once.
 */
export const FollowSchema = z.object({
  shown: text,
  cached: z.array(text).check(z.maxLength(50)),
  /** The searches of the last view the sidebar got: a new view reads rows they found without searching. */
  memory: z.optional(SearchMemorySchema),
});

/** The selected row, and its view when the selection moved to a row the sidebar had no view of. */
export interface FollowReply {
  readonly ref: RowRef | null;
  readonly view?: RowView;
}

export const ActionRequestSchema = z.object({
  command: CommandSchema,
  /** One per click, so a retried call is applied once (the core's RequestID idempotency). */
  requestId: z.string().check(z.minLength(8), z.maxLength(80)),
  /** Which try of this RequestID (1 the first): only a later try can find an earlier one applied. */
  attempt: z.optional(z.number().check(z.int(), z.gte(1), z.lte(10))),
  /** The searches of the view the action was taken from: its rows are read without searching again. */
  memory: z.optional(SearchMemorySchema),
});
export type ActionRequest = z.input<typeof ActionRequestSchema>;

/**
 * What the sidebar sends when a rep opens an action's form (`sidebarPrepare`): the command as the form
 * stands, whose rows are found while the rep fills it in, and the last view's searches.
 */
export const PrepareSchema = z.object({
  command: CommandSchema,
  memory: z.optional(SearchMemorySchema),
});
export type PrepareRequest = z.input<typeof PrepareSchema>;

/** `due today`: the follow-ups due (shared/follow-ups.ts), each with why. */
export const WHEN_FILTERS = ['any', 'overdue', 'this week', 'later', 'due today'] as const;

export const ListFilterSchema = z.object({
  customer: z.optional(text),
  sku: z.optional(text),
  rep: z.optional(text),
  status: z.optional(text),
  when: z.optional(z.enum(WHEN_FILTERS)),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500))),
});
export type ListFilter = z.infer<typeof ListFilterSchema>;

export type Fact = readonly [label: string, value: string];

export interface ListRow {
  readonly ref: RowRef;
  readonly id: string;
  readonly customer: string;
  readonly sku: string;
  readonly qty: number;
  readonly expected: string;
  readonly status: string;
  readonly overdue: boolean;
  /** Why it is on the "Due today" list. */
  readonly why?: string;
}

/**
 * What the sidebar shows for the selected row, and what its forms read of it (FormRow: the row's
 * ids, open and free quantities, whether its order ships whole, its warehouses and substitutes).
 * Every string is data: the client renders it as text.
 */
export interface RowView extends FormRow {
  readonly kind: 'order-line' | 'backorder' | 'po-line' | 'none';
  readonly ref: RowRef | null;
  readonly title: string;
  readonly status: string;
  /** An order line whose order is on hold (the sidebar offers Release instead of Hold). */
  readonly hold?: boolean;
  /** The actions that apply to the row in its state (shared/sidebar/applicable.ts): the sidebar offers only these. */
  readonly offered: readonly string[];
  readonly facts: readonly Fact[];
  /** Row versions the person saw: sent back as `expected` so a stale action is refused. */
  readonly expected: Readonly<Record<string, string>>;
  /** The same plus the stock rows the numbers came from (allocate and ship decide on stock). */
  readonly expectedWithStock: Readonly<Record<string, string>>;
  readonly related: { readonly title: string; readonly rows: readonly ListRow[] }[];
  readonly calls: readonly Fact[];
  /** A backorder's customer notice, previewed (shared/notify.ts); null on other rows. */
  readonly notice: NoticePreview | null;
  /** What the view's searches found, sent back with the action taken from it (shared/io/search-memory.ts). */
  readonly memory?: SearchMemory;
}

export interface SidebarStatus {
  readonly user: string;
  readonly today: string;
  /** The daily run's last failure ("" when it last succeeded): add-ons get no failure e-mails. */
  readonly lastTriggerFailure: string;
}

export interface ActionReply {
  readonly messages: readonly string[];
  readonly logId: string;
  /** Ids of rows the action created (backorders, shipments, POs, calls). */
  readonly newIds: readonly string[];
  readonly view: RowView;
}
