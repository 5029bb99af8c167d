/**
 * Every action's spec (spec.ts), from its own file: the one list run.ts dispatches from, the read
 * starts from (shared/io/scope-keys.ts), the CLI fills `do ACTION` from and the sidebar renders its
 * forms from. Adding an action is its schema (schema.ts), its file with its spec (how it runs, what it
 * names, its flags, its sidebar forms and the rows that offer them, whether the queues settle after
 * it, what it leaves unmoved) and a line here.
 */
import { ALLOCATE } from './allocate';
import { APPLY_ETAS } from './apply-etas';
import { CANCEL } from './cancel';
import { CANCEL_LINE } from './cancel-line';
import { CHANGE_LINE } from './change-line';
import { CREATE_BACKORDER } from './create-backorder';
import { DROP_SHIP } from './drop-ship';
import type { FlagField } from './flags';
import { FOLLOW_UP } from './follow-up';
import { FULFILL } from './fulfill';
import { HOLD, RELEASE } from './hold';
import { LOG_CALL } from './log-call';
import { NOTIFY_BEGIN, NOTIFY_SETTLE, RECORD_NOTICE } from './notify';
import { CANCEL_PO_LINE, CHANGE_PO, SEND_PO } from './po-lines';
import { RECEIVE } from './receive';
import { REFRESH } from './refresh';
import { REORDER } from './reorder';
import { RESCHEDULE } from './reschedule';
import type { Action, Command } from './schema';
import { SHIP } from './ship';
import { type ActionSpec, type CommandOf, specSays } from './spec';
import { SUBSTITUTE } from './substitute';
import { TRANSFER } from './transfer';
import { UNDO } from './undo';

/** In the order the sidebar shows a row's actions (shared/sidebar/applicable.ts). */
export const ACTION_SPECS: { readonly [A in Action]: ActionSpec<A> } = {
  allocate: ALLOCATE,
  ship: SHIP,
  'create-backorder': CREATE_BACKORDER,
  'change-line': CHANGE_LINE,
  hold: HOLD,
  release: RELEASE,
  'cancel-line': CANCEL_LINE,
  fulfill: FULFILL,
  'log-call': LOG_CALL,
  reschedule: RESCHEDULE,
  cancel: CANCEL,
  substitute: SUBSTITUTE,
  transfer: TRANSFER,
  'drop-ship': DROP_SHIP,
  receive: RECEIVE,
  'send-po': SEND_PO,
  'change-po': CHANGE_PO,
  'cancel-po-line': CANCEL_PO_LINE,
  reorder: REORDER,
  undo: UNDO,
  'apply-etas': APPLY_ETAS,
  refresh: REFRESH,
  'follow-up': FOLLOW_UP,
  'notify-begin': NOTIFY_BEGIN,
  'notify-settle': NOTIFY_SETTLE,
  'record-notice': RECORD_NOTICE,
};

/** The actions `backorder-desk do` starts, and the flags of each (docs/cli.md). */
export const COMMAND_FLAGS: Partial<Record<Action, readonly FlagField[]>> = Object.fromEntries(
  Object.entries(ACTION_SPECS).flatMap(([action, spec]) => (spec.flags ? [[action, spec.flags]] : [])),
);

/** The spec's property `key` for this command (spec.ts): its flags say it of the action, or of this command. */
function says(key: 'settles' | 'leavesOthers', command: Command): boolean {
  const spec = ACTION_SPECS[command.action] as ActionSpec<Action>;
  return specSays(spec[key], command as CommandOf<Action>);
}

/** Whether the standing rule runs after `command` (spec.ts `settles`). */
export const settlesAfter = (command: Command): boolean => says('settles', command);

/** Whether `command` may move other backorders' counters (spec.ts `leavesOthers`). */
export const movesOthers = (command: Command): boolean => !says('leavesOthers', command);

/** Whether `command` may move stock (spec.ts `leavesStock`). */
export const movesStock = (command: Command): boolean => ACTION_SPECS[command.action].leavesStock !== true;
