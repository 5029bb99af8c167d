/**
 * The sidebar's server functions. The sidebar is untrusted (any script in the page can call
 * google.script.run), so every argument is parsed with the shared RPC contract before use; replies are
 * plain JSON (dates as text). Reading a view takes no lock; an action runs under the document lock and
 * is refused when the rows it was built on changed since the sidebar showed them.
 */
import * as z from 'zod/mini';
import type { CommandResult } from '../../shared/commands/run';
import { listScope, viewScope } from '../../shared/io/command-scope';
import { commandTabs } from '../../shared/io/read-plan';
import { commandKeys } from '../../shared/io/scope-keys';
import { type SearchMemory, SearchMemorySchema } from '../../shared/io/search-memory';
import { planAction } from '../../shared/plans';
import { sheetRef } from '../../shared/sheet/a1';
import { listBackorders, listItems } from '../../shared/sidebar/backorder-list';
import { LIST_PARTS, type ListPart } from '../../shared/sidebar/list-parts';
import { describeRow } from '../../shared/sidebar/row-view';
import {
  type ActionReply,
  ActionRequestSchema,
  type FollowReply,
  FollowSchema,
  ListFilterSchema,
  type ListRow,
  PrepareSchema,
  type RowRef,
  RowRefSchema,
  type RowView,
  type SidebarStatus,
} from '../../shared/sidebar/rpc';
import { PART_SEARCHES, VIEW_PARTS, type ViewPart, viewPart } from '../../shared/sidebar/view-parts';
import { TABS } from '../../shared/workbook';
import { progressFor, readProgress } from './progress';
import { commandScope, readDecideWrite, readOnly } from './server';
import { BY_A1 } from './tab-handle';
import { lastDailyFailure } from './triggers';
import { actor, today } from './who-when';

function parse<T>(schema: z.ZodMiniType<T>, input: unknown, what: string): T {
  const r = z.safeParse(schema, input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`);
  throw new Error(`The sidebar sent a bad ${what}:\n${issues.join('\n')}`);
}

/** The selected cell's sheet and row: cheap (no data read); the sidebar's poll (`sidebarFollow`) asks it. */
export function sidebarSelection(): RowRef | null {
  return selectionIn(SpreadsheetApp.getActiveSpreadsheet());
}

function selectionIn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): RowRef | null {
  const range = ss.getActiveRange();
  if (!range) return null;
  return { sheet: range.getSheet().getName(), row: range.getRow() };
}

export function sidebarView(ref: unknown, memory?: unknown): RowView {
  const at = ref === null || ref === undefined ? null : parse(RowRefSchema, ref, 'row');
  return viewOf(at, undefined, recentOf(memory));
}

/** The row's view, read as `viewScope` says (shared/io/command-scope.ts). */
function viewOf(
  at: RowRef | null,
  active?: GoogleAppsScript.Spreadsheet.Spreadsheet,
  recent?: SearchMemory,
): RowView {
  const { loaded, ss, timeZone, memory } = readOnly(viewScope(at, recent), active);
  const view = describeRow(loaded.workbook, loaded.tabs, at, today(ss, timeZone) as never);
  return memory ? { ...view, memory } : view;
}

/**
 * One part of the row's view (shared/sidebar/view-parts.ts), sent at once with the others: the shown
 * row and the part's own searches; the records it read go back for the sidebar to merge.
 */
export function sidebarViewPart(ref: unknown, part: unknown, memory?: unknown): ViewPart {
  const start = Date.now();
  const at = parse(RowRefSchema, ref, 'row');
  const name = parse(z.enum(VIEW_PARTS), part, 'view part');
  const recent = recentOf(memory);
  const read = readOnly(viewScope(at, recent, PART_SEARCHES[name]));
  const { workbook, tabs } = read.loaded;
  const day = today(read.ss, read.timeZone);
  return viewPart(name, at, day, workbook, tabs, read.memory, [start, Date.now()]);
}

/**
 * The sidebar's poll: the selected row and, when the selection moved to a data row the sidebar has
 * no view of, that row's view in the same call, so a click on a row costs the rep one round trip
 * instead of two (a row it has a view of is shown at once and confirmed by `sidebarView`).
 */
export function sidebarFollow(request: unknown): FollowReply {
  const { shown, cached, memory } = parse(FollowSchema, request, 'poll');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ref = selectionIn(ss);
  const key = ref ? `${ref.sheet}!${ref.row}` : '';
  if (!ref || key === shown || ref.row < 2 || cached.includes(key)) return { ref };
  return { ref, view: viewOf(ref, ss, memory) };
}

export function sidebarList(filter: unknown): ListRow[] {
  const f = parse(ListFilterSchema, filter ?? {}, 'filter');
  const { loaded, ss, timeZone } = readOnly(listScope(f));
  return listBackorders(loaded.workbook, loaded.tabs, f, today(ss, timeZone) as never);
}

/**
 * One part of a backorder list (shared/sidebar/list-parts.ts), sent at once with the others: the
 * list of one band of the Backorders rows, its entries with their keys, for the sidebar to merge.
 */
export function sidebarListPart(filter: unknown, part: unknown): ListPart {
  const start = Date.now();
  const f = parse(ListFilterSchema, filter ?? {}, 'filter');
  const n = parse(z.int().check(z.gte(0), z.lt(LIST_PARTS)), part, 'list part');
  const { loaded, ss, timeZone, bands } = readOnly(listScope(f, { part: n, of: LIST_PARTS }));
  const items = listItems(loaded.workbook, loaded.tabs, f, today(ss, timeZone) as never);
  return { items, rows: bands[TABS.backorders.name] ?? null, ran: [start, Date.now()] };
}

/** Runs one command; replies with the core's messages and the row's view as it now stands. */
export function sidebarAction(request: unknown, ref: unknown): ActionReply {
  const req = parse(ActionRequestSchema, request, 'action');
  const at = ref === null || ref === undefined ? null : parse(RowRefSchema, ref, 'row');
  const scoped = commandScope(req.command, at);
  // The view's memory is read from; the action's own searches go back with the reply's view.
  const scope = scoped ? { ...scoped, record: true, ...(req.memory ? { memory: req.memory } : {}) } : scoped;
  const done = readDecideWrite(
    (loaded, ctx) => planAction(loaded, req.command, ctx),
    req.requestId,
    (p) => p.result.messages[0] ?? `${req.command.action} done`,
    commandTabs(req.command),
    scope,
    req.attempt === 1,
    progressFor(req.requestId),
  );
  const result: CommandResult = done.plan.result;
  const after = done.after();
  const noticesRead = scope
    ? scope.tabs.includes('notifications')
    : commandTabs(req.command).includes(TABS.notifications.name);
  const view = describeRow(
    after.workbook,
    after.tabs,
    at,
    today(done.ss, done.timeZone) as never,
    noticesRead,
  );
  const memory = done.memory();
  return {
    messages: result.messages,
    logId: result.logId,
    newIds: result.newIds,
    view: memory ? { ...view, memory } : view,
  };
}

/**
 * The searches an action will make, made while the rep fills in its form (an order's hold, a line's
 * change or cancellation: shared/sidebar/applicable.ts offers them on the line's row): its rows are found and
 * read as the action would find them, without the lock and without deciding or writing anything, and
 * what was found goes back as memory (shared/io/search-memory.ts) for the action to read them by row.
 * The action reads every row again under the lock and searches again for any that moved.
 */
export function sidebarPrepare(request: unknown, ref: unknown): { memory?: SearchMemory } {
  const { command, memory } = parse(PrepareSchema, request, 'preparation');
  const at = ref === null || ref === undefined ? null : parse(RowRefSchema, ref, 'row');
  // Only an action on named entities: a batch reads whole tabs, which no form is worth.
  const scope = commandKeys(command) ? commandScope(command, at) : undefined;
  if (!scope) return {};
  const read = readOnly({ ...scope, record: true, ...(memory ? { memory } : {}) });
  return read.memory ? { memory: read.memory } : {};
}

/** The stage a running action of this RequestID last noted ("" before its first note). */
export function sidebarProgress(requestId: unknown): string {
  return readProgress(parse(z.string().check(z.maxLength(200)), requestId, 'request id'));
}

/** Moves the selection to a row (a list entry's "jump"), so the sidebar follows it as Sheets does. */
export function sidebarJump(ref: unknown): RowRef {
  const at = parse(RowRefSchema, ref, 'row');
  selectRow(SpreadsheetApp.getActiveSpreadsheet(), at);
  return at;
}

/**
 * A list entry's "Go": moves the selection to the row, as `sidebarJump`, and brings the row's view in
 * the same call, so the rep waits one round trip, not a jump's and then a view's.
 */
export function sidebarGo(ref: unknown, memory?: unknown): FollowReply {
  const at = parse(RowRefSchema, ref, 'row');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  selectRow(ss, at);
  return { ref: at, view: viewOf(at, ss, recentOf(memory)) };
}

/** The searches of the sidebar's last view, when it sent them (shared/io/search-memory.ts). */
function recentOf(memory: unknown): SearchMemory | undefined {
  return memory === null || memory === undefined ? undefined : parse(SearchMemorySchema, memory, 'memory');
}

/**
 * Selects the row's first cell, as a person's click would (the sheet shows that tab and row): the
 * range by A1 with the tab's name, as tab-handle.ts asks for ranges (fidelity A46), so no
 * getSheetByName; a tab that is not there answers "Range not found", said as what it means.
 */
function selectRow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, at: RowRef): void {
  let range: GoogleAppsScript.Spreadsheet.Range | null | undefined;
  try {
    range = BY_A1
      ? ss.getRange(`${sheetRef(at.sheet)}!A${at.row}`)
      : ss.getSheetByName(at.sheet)?.getRange(at.row, 1);
  } catch {
    range = undefined;
  }
  if (!range) throw new Error(`There is no tab named ${at.sheet}`);
  range.activate();
}

export function sidebarStatus(): SidebarStatus {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return {
    user: actor(),
    today: today(ss),
    lastTriggerFailure: lastDailyFailure(),
  };
}
