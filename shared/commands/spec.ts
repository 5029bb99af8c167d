/**
 * What each action is, beside its logic, in the action's own file (shared/commands/catalog.ts lists
 * them): how it runs on the desk, the entities it names (where a single-entity action's read starts:
 * shared/io/scope-keys.ts), the flags `backorder-desk do ACTION` fills it from (docs/cli.md) and the
 * sidebar's forms a rep fills it from (form.ts). Its schema is in schema.ts, with every other
 * action's, so an edge validates without the logic.
 */
import type { Desk } from '../desk';
import type { FlagField } from './flags';
import type { SidebarForm } from './form';
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

/** A tab an action may decide from beyond those every action reads (shared/io/read-plan.ts `BASE`). */
export type ExtraTab = 'shipments' | 'invoices' | 'calls' | 'notifications' | 'etaHistory';

/** A property of an action's commands: of every one (true), of none (absent), or as each command says. */
export type ForCommand<A extends Action> = true | ((command: CommandOf<A>) => boolean);

export interface ActionSpec<A extends Action> {
  /** Decides the command on the desk. */
  readonly run: (desk: Desk, command: CommandOf<A>) => void;
  /** The entities it names; null, or absent, for a batch, which reads the tabs it decides from whole. */
  readonly names?: (command: CommandOf<A>) => Entities | null;
  /** How `do ACTION` fills it from its flags; absent: it is not started from the command line. */
  readonly flags?: readonly FlagField[];
  /**
   * The tabs it decides from beyond Orders, Inventory, Backorders, POs, the Log and Settings: the
   * Shipments and Invoices it adds to or a closed backorder's delivery needs, the Calls it adds to,
   * the customer notices, the ETA history. A single-entity command reads only these of them, row by
   * row (shared/io/read-plan.ts `scopedCommandTabs`); a whole read leaves out ETA History and
   * Notifications unless they are named.
   */
  readonly reads?: readonly ExtraTab[];
  /**
   * It frees stock or changes who waits: after it, the free stock of every SKU it touched goes to
   * whoever waits for it (shared/queue.ts `settleQueues`), and a single-entity command reads the
   * waiting lines of those SKUs (shared/io/command-scope.ts). The others (a call, a date, Allocate
   * all, which serves every queue itself) leave a settled queue settled.
   */
  readonly settles?: ForCommand<A>;
  /**
   * It moves no other backorder's counters (a call, a new date; fulfilling one named backorder from
   * its own reservation and free stock): the other backorders of its SKUs are read as a view reads
   * them, without their order lines. The row-scope oracle (test/shared/row-scope.test.ts) plans
   * each alike from that read and from whole tabs.
   */
  readonly leavesOthers?: ForCommand<A>;
  /**
   * It moves no unit of stock (a hold only marks the order's lines; a call, a new date record): of
   * Inventory and the PO lines by SKU it reads the shown row's alone, for its reply's view, while
   * the queues it may renumber are read as ever (test/shared/line-scope.test.ts).
   */
  readonly leavesStock?: true;
  /**
   * The sidebar's forms for it (form.ts), each with the row it is on and the rule that says when
   * that row's state allows it: absent, a rep does not start it from a row.
   */
  readonly forms?: readonly SidebarForm<A>[];
}

/** Whether `command` has the property its action's spec gives as `flag`. */
export function specSays<A extends Action>(flag: ForCommand<A> | undefined, command: CommandOf<A>): boolean {
  return flag === true || (typeof flag === 'function' && flag(command));
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
