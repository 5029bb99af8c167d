/**
 * Runs one command against a workbook: the single entry point of the core for every edge. It refuses a
 * command built on stale rows, returns the earlier outcome for a RequestID already applied
 * (idempotency), settles recorded deliveries, runs the action (its spec: catalog.ts), hands the stock it freed or
 * brought to whoever waits next and keeps every backorder's PO link live (shared/queue.ts), invoices
 * the shipments it made, keeps OnOrder and the backorder queues current, and writes exactly one Log row holding who,
 * what, when, a before/after summary and what undo needs (before-images, after-versions, new keys).
 * Pure: (workbook, command, context) → { changes, log entry, result }.
 */
import { recomputeQueues } from '../backorder';
import { settleDeliveries } from '../deliveries';
import { type CommandContext, Desk, type Shortfall } from '../desk';
import { relinkExpected } from '../expected-links';
import { invoiceShipments } from '../invoicing';
import { DeskError } from '../primitives/errors';
import { syncOnOrder } from '../purchasing';
import { settleQueues } from '../queue';
import { keyOf } from '../sheet/columns';
import type { LogEntry } from '../tabs/log';
import { UnitOfWork } from '../unit-of-work';
import { TABS, type TabKey, tabKeyOf, tabSpec, type Workbook, type WorkbookChanges } from '../workbook';
import { detailOf, expiredDetails, rowVersion } from './action-detail';
import { ACTION_SPECS, settlesAfter } from './catalog';
import type { Action, Command } from './schema';

export interface CommandResult {
  readonly action: Action;
  readonly applied: boolean;
  /** LogID of this command, or of the earlier one with the same RequestID. */
  readonly logId: string;
  readonly entity: string;
  readonly messages: readonly string[];
  readonly newIds: readonly string[];
  readonly shortfalls: readonly Shortfall[];
  /** Rows changed and added per tab. */
  readonly changed: Readonly<Record<string, { updated: number; added: number }>>;
}

export interface CommandOutcome {
  readonly changes: WorkbookChanges;
  readonly log: LogEntry | null;
  readonly result: CommandResult;
}

/** `Orders:SO-1#2` → the record, for version checks. */
function findByRef(wb: Workbook, ref: string): { tab: TabKey; record: object } | undefined {
  const at = ref.indexOf(':');
  const name = ref.slice(0, at);
  const key = ref.slice(at + 1);
  const tab = tabKeyOf(name);
  if (!tab) return undefined;
  const spec = tabSpec(tab);
  const record = (wb[tab] as never[]).find((r) => keyOf(spec, r) === key);
  return record ? { tab, record } : undefined;
}

function checkVersions(wb: Workbook, expected: Record<string, string> | undefined): void {
  for (const [ref, version] of Object.entries(expected ?? {})) {
    const found = findByRef(wb, ref);
    if (!found)
      throw new DeskError('STALE', `${ref.replace(':', ' ')} no longer exists; reload and try again`);
    if (rowVersion(found.record) !== version)
      throw new DeskError('STALE', `${ref.replace(':', ' ')} changed since you looked; reload and try again`);
  }
}

function summarize(changes: WorkbookChanges): Record<string, { updated: number; added: number }> {
  const out: Record<string, { updated: number; added: number }> = {};
  for (const [tab, c] of Object.entries(changes))
    if (c) out[TABS[tab as TabKey].name] = { updated: c.updated.length, added: c.added.length };
  return out;
}

export function runCommand(wb: Workbook, command: Command, ctx: CommandContext): CommandOutcome {
  const earlier = ctx.requestId ? wb.log.find((l) => l.requestId === ctx.requestId) : undefined;
  if (earlier)
    return {
      changes: {},
      log: null,
      result: {
        action: command.action,
        applied: false,
        logId: earlier.logId,
        entity: earlier.entity,
        messages: [`already applied as ${earlier.logId} (RequestID ${ctx.requestId}); nothing changed`],
        newIds: [],
        shortfalls: [],
        changed: {},
      },
    };
  checkVersions(wb, command.expected);
  const uow = new UnitOfWork(wb, ctx.highestIds);
  const desk = new Desk(uow, wb.config, ctx);
  settleDeliveries(desk);
  (ACTION_SPECS[command.action].run as (d: Desk, c: Command) => void)(desk, command);
  // The queue as a standing rule (shared/queue.ts).
  if (settlesAfter(command)) {
    settleQueues(desk, [...desk.touchedSkus]);
    relinkExpected(desk, desk.touchedSkus);
  }
  invoiceShipments(desk);
  syncOnOrder(desk);
  recomputeQueues(desk);
  desk.stock.flush();
  const changed = uow.changes();
  const logId = uow.nextId('LG', () => wb.log.map((l) => l.logId));
  const counts = summarize(changed);
  const entity = desk.entitySummary();
  const summary = [
    Object.entries(counts)
      .map(([t, n]) => `${t} ${n.updated} updated, ${n.added} added`)
      .join('; '),
    ...desk.messages.slice(0, 20),
    desk.messages.length > 20 ? `(+${desk.messages.length - 20} more)` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const log: LogEntry = {
    logId,
    when: ctx.now,
    actor: ctx.actor,
    action: command.action,
    entity,
    summary,
    requestId: ctx.requestId,
    detail: detailOf(wb, changed, desk.undoes),
  };
  // The Log rows that fall out of undo's window lose their before-images (Settings UndoKeep).
  const expired = expiredDetails([...wb.log, log], wb.config.UndoKeep);
  const changes: WorkbookChanges = { ...changed, log: { updated: expired, added: [log] } };
  return {
    changes,
    log,
    result: {
      action: command.action,
      applied: true,
      logId,
      entity,
      messages: desk.messages,
      newIds: desk.newIds,
      shortfalls: desk.shortfalls,
      changed: counts,
    },
  };
}
