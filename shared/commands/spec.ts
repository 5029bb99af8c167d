/**
 * What each action is, beside its logic, in the action's own file (shared/commands/catalog.ts lists
 * them): how it runs on the desk, the entities it names (where a single-entity action's read starts:
 * shared/io/scope-keys.ts), and the flags `backorder-desk do ACTION` fills it from (docs/cli.md). Its
 * schema is in schema.ts, with every other action's, so an edge validates without the logic.
 */
import type { Desk } from '../desk';
import type { FlagField } from './flags';
import type { Action, Command } from './schema';

export type CommandOf<A extends Action> = Extract<Command, { action: A }>;

/** The entities a command names: the orders, backorders, SKUs and POs it is about. */
export interface Entities {
  readonly orders: readonly string[];
  readonly backorders: readonly string[];
  readonly skus: readonly string[];
  readonly pos: readonly string[];
  /**
   * The lines of the named POs the action changes (a receipt of some lines): only their SKUs'
   * stock and queues are read. Absent: every line of the PO.
   */
  readonly poLines?: readonly number[];
  /**
   * The lines of the named order whose quantities the action moves (a line's cancellation, a change
   * of its date or price): only their SKUs' stock and queues are read, with those of the order's
   * ship-complete lines (such an order is served whole). Absent: every line of the order.
   */
  readonly orderLines?: readonly number[];
}

export const NO_ENTITIES: Entities = { orders: [], backorders: [], skus: [], pos: [] };

export interface ActionSpec<A extends Action> {
  /** Decides the command on the desk. */
  readonly run: (desk: Desk, command: CommandOf<A>) => void;
  /** The entities it names; null, or absent, for a batch, which reads the tabs it decides from whole. */
  readonly names?: (command: CommandOf<A>) => Entities | null;
  /** How `do ACTION` fills it from its flags; absent: it is not started from the command line. */
  readonly flags?: readonly FlagField[];
}

/** The entities of a command naming one order (most order-line actions). */
export const anOrder = (c: { readonly orderId: string }): Entities => ({
  ...NO_ENTITIES,
  orders: [c.orderId],
});

/** The entities of a command on one line of one order, whose quantities move on that line alone. */
export const anOrderLine = (c: { readonly orderId: string; readonly line: number }): Entities => ({
  ...anOrder(c),
  orderLines: [c.line],
});

/** The entities of a command naming one backorder. */
export const aBackorder = (c: { readonly backorderId: string }): Entities => ({
  ...NO_ENTITIES,
  backorders: [c.backorderId],
});
