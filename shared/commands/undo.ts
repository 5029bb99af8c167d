/**
 * Undo the last action (PRODUCT.md section 3.12): the latest action not undone yet is reversed from
 * its Log entry, provided nothing has happened since that depends on it: every row it changed or
 * added must still be exactly as it left them (a later action, or a person's edit, refuses the undo
 * with the row named). Changed rows get their before-images back; rows it created are removed. Only
 * actions started with `do` can be undone; setup, imports and exports cannot, and neither can a
 * cancellation (permanent, 001).
 */

import type { Desk } from '../desk';
import { DeskError, refuseUnless } from '../primitives/errors';
import { keyOf } from '../sheet/columns';
import { TABS, tabKeyOf, tabSpec } from '../workbook';
import { type ActionDetail, rowVersion } from './action-detail';
import { ACTIONS } from './schema';
import type { ActionSpec } from './spec';

const UNDOABLE = new Set<string>(
  ACTIONS.filter((a) => a !== 'undo' && a !== 'refresh' && a !== 'apply-etas'),
);
/**
 * Notices record what was said to a customer: nothing can unsay it, so undo passes over them and
 * reaches the action before (which then refuses only if a notice changed a row it left).
 */
const RECORDS_OUTSIDE = new Set<string>(['notify-begin', 'notify-settle', 'record-notice']);
/**
 * Cancelling is permanent (001): a cancelled backorder is never reactivated, not even by undo, and
 * neither is a cancelled order line (its freed stock may already be someone else's) or PO line.
 */
const PERMANENT = new Set<string>(['cancel', 'cancel-line', 'cancel-po-line', 'substitute']);

function parseDetail(text: string, logId: string, keep: number): ActionDetail {
  try {
    const d = JSON.parse(text) as ActionDetail & { truncated?: boolean; rows?: number; expired?: boolean };
    if (d.expired)
      throw new DeskError(
        'REFUSED',
        `${logId} is older than the last ${keep} actions, the ones undo can reach (Settings UndoKeep); undo refused`,
      );
    if (d.truncated)
      throw new DeskError(
        'REFUSED',
        `${logId} changed ${d.rows} rows, too many to keep for undo; undo refused`,
      );
    return d;
  } catch (e) {
    if (e instanceof DeskError) throw e;
    throw new DeskError('REFUSED', `${logId} has no readable Detail; undo refused`);
  }
}

export function undo(desk: Desk): void {
  const log = desk.uow.before.log;
  const undone = new Set<string>();
  for (const l of log)
    if (l.action === 'undo') {
      const u = /"undoes":"([^"]+)"/.exec(l.detail);
      if (u?.[1]) undone.add(u[1]);
    }
  const target = [...log]
    .reverse()
    .find((l) => l.action !== 'undo' && !RECORDS_OUTSIDE.has(l.action) && !undone.has(l.logId));
  refuseUnless(target, 'Nothing to undo: the Log holds no action that has not been undone');
  refuseUnless(
    UNDOABLE.has(target.action),
    `The last action, ${target.action} (${target.logId}), cannot be undone: only actions started with \`do\` can`,
  );
  refuseUnless(
    !PERMANENT.has(target.action),
    `The last action, ${target.action} (${target.logId}), cancelled a backorder, an order line or a PO line: cancelling is permanent; place a new order instead`,
  );
  const detail = parseDetail(target.detail, target.logId, desk.config.UndoKeep);
  for (const [name, versions] of Object.entries(detail.after)) {
    const key = tabKeyOf(name);
    if (!key) continue;
    for (const [recordKey, version] of Object.entries(versions)) {
      const current = desk.uow.get(key, recordKey);
      if (!current || rowVersion(current) !== version)
        throw new DeskError(
          'REFUSED',
          `${name} ${recordKey} has changed since ${target.action} (${target.logId}), by a later action or by hand; undo refused`,
        );
    }
  }
  for (const [name, keys] of Object.entries(detail.added)) {
    const key = tabKeyOf(name);
    if (key) for (const k of keys) desk.uow.remove(key, k);
  }
  // A backorder the action closed as Cancelled stays so (001), whichever action it was (change-line
  // can take every unit of a backorder off the order).
  for (const r of (detail.before[TABS.backorders.name] ?? []) as { backorderId: string; status: string }[])
    refuseUnless(
      r.status === 'Cancelled' || desk.uow.get('backorders', r.backorderId)?.status !== 'Cancelled',
      `${target.action} (${target.logId}) cancelled backorder ${r.backorderId}: cancelling is permanent; undo refused`,
    );
  desk.stock.flush(); // levels moved earlier in this command (deliveries) reach the records first
  for (const [name, records] of Object.entries(detail.before)) {
    const key = tabKeyOf(name);
    if (!key) continue;
    const spec = tabSpec(key);
    for (const r of records) {
      const k = keyOf(spec, r as never);
      if (desk.uow.get(key, k)) desk.uow.put(key, r as never);
      else desk.uow.add(key, r as never);
    }
  }
  desk.stock.reload();
  desk.undoes = target.logId;
  desk.entity(`${target.action} ${target.logId}`);
  desk.messages.push(`undid ${target.action} ${target.logId} (${target.entity}) by ${target.actor}`);
}

export const UNDO: ActionSpec<'undo'> = {
  run: undo,
  flags: [],
  // An undone vendor date takes its ETA History row back too.
  reads: ['etaHistory'],
  settles: true,
};
