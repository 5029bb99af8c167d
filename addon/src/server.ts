/**
 * The server half of every add-on action: who and when (the spreadsheet's time zone, the signed-in
 * user), the document lock around read–decide–write (never the script lock: every installation of an
 * add-on shares it), one read of every tab under the lock, the core's plan, one write per tab, and a
 * toast when the action took longer than a second. Refusals surface as errors whose message is the
 * core's reason, which google.script.run hands to the sidebar's failure handler.
 */

import type { CommandContext } from '../../shared/desk';
import { type Scope, searchedOften } from '../../shared/io/command-scope';
import type { IndexedShape } from '../../shared/io/index-tab';
import { newKeysTaken } from '../../shared/io/new-keys';
import { withUnreadAsEmpty } from '../../shared/io/read-plan';
import { readScoped } from '../../shared/io/row-scope';
import {
  MemoryMiss,
  memoryAfter,
  memoryRecorder,
  type Recall,
  recallFrom,
  type SearchMemory,
  stampOf,
} from '../../shared/io/search-memory';
import { ALL_TAB_NAMES, decodeLoaded, type Loaded, tabsAfter, type WritePlan } from '../../shared/plans';
import { DeskError } from '../../shared/primitives/errors';
import type { RawTab } from '../../shared/sheet/codec';
import { BUSY_MESSAGE } from './busy';
import { placeAgingCharts } from './charts';
import { readIndexTab } from './index-tab';
import { NO_PROGRESS, type Progress } from './progress';
import { sheetRowSource } from './row-source';
import { type ReadResult, readTabs, writeTabs } from './sheet-io';
import { contextFor } from './who-when';

const LOCK_WAIT_MS = 10_000;

/**
 * A core refusal as the person should read it: the reason, then each detail on its own line (a
 * DeskError's message already holds its details, so they are not added again).
 */
export function reason(e: unknown): Error {
  if (e instanceof DeskError) return new Error(e.message);
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
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly timeZone: string;
  /**
   * A scope with `record`: what its searches found, as the write left it, for a next action on the
   * same row (shared/io/search-memory.ts `memoryAfter`); undefined when that cannot be told.
   */
  readonly memory: () => SearchMemory | undefined;
}

export { agingScope, batchScope, commandScope, dailyScope, type Scope } from '../../shared/io/command-scope';

/**
 * Reads the rows a scope names (TextFinder by key, then the rows), every other typed tab as empty. A
 * scope with the memory of the view it came from reads the rows that view found without searching,
 * when the index shows nothing changed since (shared/io/search-memory.ts); a remembered row that no
 * longer holds its key makes the read start again with searches. A view's scope (`record`) gives
 * back its own searches as memory.
 */
export function readScopedTabs(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  scope: Scope,
  requestId?: string,
  /** The spreadsheet's time zone when the caller knows it; else the index's, else asked. */
  knownTimeZone?: string,
  progress: Progress = NO_PROGRESS,
  /** One plan and one write follow: last rows are asked only of the tabs that get rows. */
  deferLastRow = false,
): ReadResult & {
  source: ReturnType<typeof sheetRowSource>;
  memory?: SearchMemory;
  index: ReadonlyMap<string, IndexedShape>;
} {
  const index = readIndexTab(ss);
  // The index vouches for the zone (shared/io/index-tab.ts `indexTimeZone`): no call asks for it.
  const timeZone = knownTimeZone ?? index.timeZone ?? ss.getSpreadsheetTimeZone();
  const source = sheetRowSource(ss, index, progress, deferLastRow, new Set(searchedOften(scope)));
  const stamp = stampOf(index);
  // Each try records its own searches (a try that met a moved row is set aside whole).
  const read = (recall?: Recall) => {
    const recorder = scope.record && stamp !== '' ? memoryRecorder() : undefined;
    const scoped = readScoped(source, scope.keys, {
      ...scope,
      requestId,
      recall,
      remember: recorder?.record,
    });
    return { scoped, found: recorder?.found };
  };
  const recall = recallFrom(scope.memory, stamp, Date.now());
  let done: ReturnType<typeof read>;
  // Rows recalled keep the time they were first found: memory passed on never outlives its minutes.
  let since = Date.now();
  try {
    done = read(recall);
    if (recall && scope.memory) since = Math.min(since, scope.memory.at);
  } catch (e) {
    if (!(e instanceof MemoryMiss) || !recall) throw e;
    done = read();
  }
  const { tabs, sparse } = done.scoped;
  return {
    ...(done.found ? { memory: { stamp, at: since, found: done.found } } : {}),
    index,
    tabs,
    timeZone,
    sheets: source.sheets,
    sparse,
    source,
    grids: source.grids,
    rowRead: source.readRow,
    deferred: source.deferred,
    lastRow: source.lastRow,
    roomBelow: source.roomBelow,
  };
}

/**
 * Reads `tabs` (every tab unless told; shared/io/read-plan.ts) under the document lock, or with a
 * `scope` only the rows it names, lets `decide` plan the writes, writes them, and toasts
 * `toast(plan)` when the whole took longer than a second. A typed tab not read decodes as empty, and
 * a write to it is refused before anything is written. A scoped plan whose new ids turn out taken
 * (people sorted a tab, so its last rows were not its highest ids) is planned again from whole tabs
 * before anything is written.
 */
export function readDecideWrite<P extends WritePlan>(
  decide: (loaded: Loaded, ctx: CommandContext, read: ReadResult) => P,
  requestId: string,
  toast?: (plan: P) => string,
  tabs: readonly string[] = ALL_TAB_NAMES,
  scope?: Scope,
  /**
   * The caller's first try of this RequestID (the sidebar counts its tries): no earlier try can have
   * landed, so the Log is not searched for it (the last rows read for ids still are).
   */
  firstTry = false,
  /** Where a long action notes its stage for the sidebar (addon/src/progress.ts). */
  progress: Progress = NO_PROGRESS,
): Applied<P> {
  const started = Date.now();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const planFrom = (read: ReadResult, ctx: CommandContext) =>
    decide(decodeLoaded(withUnreadAsEmpty(read.tabs), read.timeZone, 'apps-script'), ctx, read);
  try {
    const { plan, read, scoped, appended } = withDocumentLock(() => {
      let read: ReadResult;
      let plan: P;
      // The scoped read, while the plan is made from it: its searches become the reply's memory.
      let scoped: ReturnType<typeof readScopedTabs> | undefined;
      if (scope) {
        scoped = readScopedTabs(ss, scope, firstTry ? undefined : requestId, undefined, progress, true);
        read = scoped;
        const ctx = contextFor(ss, requestId, scoped.timeZone);
        plan = planFrom(read, { ...ctx, highestIds: scoped.source.highestIds });
        if (newKeysTaken(scoped.source, read.tabs, scoped.sparse ?? new Set(), plan.patches)) {
          scoped = undefined;
          read = readTabs(ss, tabs, read.timeZone);
          plan = planFrom(read, ctx);
        }
      } else {
        const timeZone = ss.getSpreadsheetTimeZone();
        read = readTabs(ss, tabs, timeZone);
        plan = planFrom(read, contextFor(ss, requestId, timeZone));
      }
      const appended = writeTabs(ss, read, plan.patches, plan.newTabs, placeAgingCharts, progress);
      return { plan, read, scoped, appended };
    });
    if (toast && Date.now() - started > 1000) ss.toast(toast(plan), 'Backorder Desk', 5);
    // The tabs as written, made once for the reply's view and its memory alike.
    let written: Record<string, RawTab> | undefined;
    const tabsAfterWrite = () => {
      written ??= patchedTabs(read, plan);
      return written;
    };
    const own = scoped?.memory;
    return {
      plan,
      after: () => decodeLoaded(withUnreadAsEmpty(tabsAfterWrite()), read.timeZone, 'apps-script'),
      ss,
      timeZone: read.timeZone,
      memory: () =>
        own && scoped
          ? memoryAfter(own, scoped.index, plan.patches, tabsAfterWrite(), appended, Date.now())
          : undefined,
    };
  } catch (e) {
    throw reason(e);
  }
}

/** One plan of a `readDecideWriteEach`, with the RequestID its Log row carries. */
export interface Step {
  readonly decide: (loaded: Loaded, ctx: CommandContext) => WritePlan;
  readonly requestId: string;
}

/**
 * Several plans in one execution under one lock and one read: each step decides from the workbook
 * as the steps before it left it (the read with their patches applied, never read again) and is
 * written before the next. The daily run: follow-ups, then Aging. Only the first step's RequestID is
 * looked up in the Log. A step whose new ids turn out taken is planned again from whole tabs, read
 * after the earlier steps' writes (a read commits them: docs/fidelity.md A1–A3).
 */
export function readDecideWriteEach(
  steps: readonly Step[],
  tabs: readonly string[],
  scope: Scope,
): WritePlan[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  try {
    return withDocumentLock(() => {
      const scoped = readScopedTabs(ss, scope, steps[0]?.requestId);
      const timeZone = scoped.timeZone;
      let read: ReadResult = scoped;
      let sorted = false;
      const plans: WritePlan[] = [];
      for (const step of steps) {
        const ctx = { ...contextFor(ss, step.requestId, timeZone), highestIds: scoped.source.highestIds };
        const planFrom = (r: ReadResult) =>
          step.decide(decodeLoaded(withUnreadAsEmpty(r.tabs), r.timeZone, 'apps-script'), ctx);
        let plan = planFrom(read);
        if (!sorted && newKeysTaken(scoped.source, read.tabs, read.sparse ?? new Set(), plan.patches)) {
          sorted = true;
          read = readTabs(ss, tabs, timeZone);
          plan = planFrom(read);
        }
        writeTabs(ss, read, plan.patches, plan.newTabs, placeAgingCharts);
        plans.push(plan);
        // The write may have grown grids: later steps ask their sizes again.
        read = { ...read, tabs: patchedTabs(read, plan), grids: undefined };
      }
      return plans;
    });
  } catch (e) {
    throw reason(e);
  }
}

/** The tabs as the write left them: what was read, with the plan's patches and new tabs applied. */
export function patchedTabs(read: ReadResult, plan: WritePlan): Record<string, RawTab> {
  return tabsAfter(read.tabs, plan);
}

/** Reads a scope's rows without the lock (views and lists never write); the typed tabs not read decode as empty. */
export function readOnly(
  scope: Scope,
  /** The spreadsheet when the caller already holds it (one getActiveSpreadsheet an execution). */
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): {
  loaded: Loaded;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  timeZone: string;
  /** A scope with `record`: what its searches found. */
  memory?: SearchMemory;
  /** A scope with `band`: the rows (first, last) of each tab read in that band. */
  bands: Readonly<Record<string, readonly [number, number]>>;
} {
  try {
    const read = readScopedTabs(ss, scope);
    const bands: Record<string, readonly [number, number]> = {};
    for (const [name, raw] of Object.entries(read.tabs)) if (raw.rows) bands[name] = raw.rows;
    return {
      loaded: decodeLoaded(withUnreadAsEmpty(read.tabs), read.timeZone, 'apps-script'),
      ss,
      timeZone: read.timeZone,
      ...(read.memory ? { memory: read.memory } : {}),
      bands,
    };
  } catch (e) {
    throw reason(e);
  }
}
