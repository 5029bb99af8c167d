/**
 * The server half of every add-on action: who and when (the spreadsheet's time zone, the signed-in
 * user), the document lock around read–decide–write (never the script lock: every installation of an
 * add-on shares it), one read of every tab under the lock, the core's plan, one write per tab, and a
 * toast when the action took longer than a second. Refusals surface as errors whose message is the
 * core's reason, which google.script.run hands to the sidebar's failure handler.
 */
import { applyPatch, type RawTab } from '../../shared/codec';
import type { CommandContext } from '../../shared/desk';
import { DeskError } from '../../shared/errors';
import { ALL_TAB_NAMES, decodeLoaded, type Loaded, type WritePlan } from '../../shared/plans';
import { withUnreadAsEmpty } from '../../shared/read-plan';
import { BUSY_MESSAGE } from './busy';
import { insertAgingChart } from './charts';
import { type ReadResult, readTabs, writeTabs } from './sheet-io';

const LOCK_WAIT_MS = 10_000;

export function today(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/**
 * Who acts, for the Log. Both Session users need the userinfo.email scope (the manifest asks for it)
 * and may still be blank where Google withholds the address (fidelity A19); a missing scope throws,
 * so each is tried on its own, then the anonymous per-user key, so an action never fails over who.
 */
export function actor(): string {
  const tries = [
    () => Session.getActiveUser().getEmail(),
    () => Session.getEffectiveUser().getEmail(),
    () => `user ${Session.getTemporaryActiveUserKey().slice(0, 12)}`,
  ];
  for (const who of tries) {
    try {
      const name = who();
      if (name && name !== 'user ') return name;
    } catch {
      // No scope or no identity in this context: the next source says who.
    }
  }
  return 'unknown user';
}

export function contextFor(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, requestId: string): CommandContext {
  return {
    today: today(ss) as CommandContext['today'],
    now: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
    actor: actor(),
    requestId,
  };
}

/** A core refusal as the person should read it: the reason, then each detail on its own line. */
export function reason(e: unknown): Error {
  if (e instanceof DeskError) return new Error([e.message, ...e.details].join('\n'));
  return e instanceof Error ? e : new Error(String(e));
}

export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  // Null outside a document (fidelity A28): never the script lock, which every installation shares.
  if (!lock) throw new Error('Backorder Desk can only change a spreadsheet it is open in');
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(`${BUSY_MESSAGE}; try again in a few seconds`);
  try {
    return fn();
  } finally {
    // Apps Script commits writes lazily; without a flush the next execution can take the lock and
    // read rows this one has not committed yet (the LockService reference; fidelity A3).
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}

export interface Applied<P> {
  readonly plan: P;
  /** The workbook as it stands after the write, decoded from the read plus the patches (no second read). */
  readonly after: () => Loaded;
}

/**
 * Reads `tabs` (every tab unless told; shared/read-plan.ts) under the document lock, lets `decide`
 * plan the writes, writes them, and toasts `toast(plan)` when the whole took longer than a second.
 * A typed tab not read decodes as empty, and a write to it is refused before anything is written.
 */
export function readDecideWrite<P extends WritePlan>(
  decide: (loaded: Loaded, ctx: CommandContext, read: ReadResult) => P,
  requestId: string,
  toast?: (plan: P) => string,
  tabs: readonly string[] = ALL_TAB_NAMES,
): Applied<P> {
  const started = Date.now();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const { plan, read } = withDocumentLock(() => {
      const read = readTabs(ss, tabs);
      const plan = decide(
        decodeLoaded(withUnreadAsEmpty(read.tabs), read.timeZone, 'apps-script'),
        contextFor(ss, requestId),
        read,
      );
      writeTabs(ss, read, plan.patches, plan.newTabs, insertAgingChart);
      return { plan, read };
    });
    if (toast && Date.now() - started > 1000) ss.toast(toast(plan), 'Backorder Desk', 5);
    return { plan, after: () => afterWrite(read, plan) };
  } catch (e) {
    throw reason(e);
  }
}

/** The tabs as the write left them: what was read, with the plan's patches and new tabs applied. */
export function patchedTabs(read: ReadResult, plan: WritePlan): Record<string, RawTab> {
  const tabs: Record<string, RawTab> = {};
  for (const [name, tab] of Object.entries(read.tabs))
    tabs[name] = { name, values: tab.values.map((r) => [...r]) };
  for (const t of plan.newTabs) tabs[t.name] = t;
  for (const p of plan.patches) {
    const tab = tabs[p.tab];
    if (tab) applyPatch(tab.values as never, p);
  }
  return tabs;
}

function afterWrite(read: ReadResult, plan: WritePlan): Loaded {
  return decodeLoaded(withUnreadAsEmpty(patchedTabs(read, plan)), read.timeZone, 'apps-script');
}

/** Reads `tabs` without the lock (views and lists never write); the typed tabs not read decode as empty. */
export function readOnly(tabs: readonly string[]): {
  loaded: Loaded;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
} {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    const read = readTabs(ss, tabs);
    return { loaded: decodeLoaded(withUnreadAsEmpty(read.tabs), read.timeZone, 'apps-script'), ss };
  } catch (e) {
    throw reason(e);
  }
}
