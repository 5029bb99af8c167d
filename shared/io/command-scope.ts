/**
 * What a sidebar or menu action reads, as the add-on plans it (shared/io/row-scope.ts reads it): a
 * single-entity command's keys, the tabs to find them in and how far its rows grow; a batch's
 * deciding tabs whole and the tabs it adds to by their last rows. One place, for the add-on and the
 * row-scope oracle (test/shared/row-scope.test.ts) alike.
 */
import { movesOthers, movesStock, settlesAfter } from '../commands/catalog';
import type { Command } from '../commands/schema';
import { UNSURE_NOTICES } from '../follow-ups';
import { LIST_FIELDS } from '../sidebar/backorder-list';
import type { ListFilter, RowRef } from '../sidebar/rpc';
import { AGING_TAB, TABS } from '../workbook';
import {
  AGING_TABS,
  type BatchTabs,
  batchTabKeys,
  batchTabs,
  DAILY_TABS,
  scopedCommandTabs,
  viewTabKeys,
} from './read-plan';
import type { RowBand, ScopeOptions } from './scope-contract';
import { commandKeys, NO_KEYS, type ScopeKeys } from './scope-keys';
import type { SearchMemory } from './search-memory';

/** A single-entity action's rows (shared/io/row-scope.ts): its keys, and which tabs to read them from. */
export interface Scope extends Omit<ScopeOptions, 'requestId' | 'recall' | 'remember'> {
  readonly keys: ScopeKeys;
  /** The searches of the view the action was taken from (shared/io/search-memory.ts). */
  readonly memory?: SearchMemory;
  /** A view's read: its searches are recorded for the action that may follow. */
  readonly record?: boolean;
}

/** A batch's read: its deciding tabs whole, the tabs it adds to by their last rows (shared/io/read-plan.ts). */
export function batchScope(batch: BatchTabs, alsoWhole?: readonly string[]): Scope {
  return {
    keys: NO_KEYS,
    tabs: batchTabKeys(batch),
    whole: batch.whole,
    searches: batch.searches,
    appends: true,
    alsoWhole,
  };
}

/** What Rebuild aging reads: its deciding tabs whole, the Log's last rows, and the Aging tab it replaces. */
export const agingScope = (): Scope => batchScope(AGING_TABS, [AGING_TAB]);

/** What the daily run reads once for its follow-ups and its Aging. */
export const dailyScope = (): Scope => batchScope(DAILY_TABS, [AGING_TAB]);

/**
 * What the sidebar's backorder list reads: Backorders whole, and Settings, through the index tab
 * (its time zone and Settings' cells come with it), nothing added to; for "Due today", the notices
 * that say why a call is due too.
 */
export const listScope = (filter?: ListFilter, band?: RowBand): Scope => ({
  keys: NO_KEYS,
  whole: ['backorders'],
  // Of Backorders, only the columns a list shows and decides by (12 of 32); in a part, its band.
  project: { backorders: LIST_FIELDS },
  ...(band ? { band } : {}),
  ...(filter?.when === 'due today'
    ? {
        tabs: ['backorders', 'settings', 'notifications'],
        // "Due today" says when a customer's e-mail did not surely arrive (shared/follow-ups.ts):
        // the notices that failed or are unconfirmed are found, then every notice of their
        // backorders (the latest of a backorder decides), and no other notice is read.
        searches: [{ tab: 'notifications', field: 'status', values: UNSURE_NOTICES }],
      }
    : { tabs: ['backorders', 'settings'] }),
});

/**
 * What a view of the row at `at` reads (shared/io/row-scope.ts): the shown row, then by key its
 * entity's rows and its SKU's queue, its searches recorded; with `recent` (the sidebar's last view's
 * searches), rows found for the same keys are read without searching again; with `only`, one part
 * of a view read in parts (shared/sidebar/view-parts.ts) makes only those searches.
 */
export const viewScope = (
  at: RowRef | null,
  recent?: SearchMemory,
  only?: ScopeOptions['onlySearches'],
): Scope => ({
  keys: NO_KEYS,
  tabs: viewTabKeys(at?.sheet),
  ref: at,
  record: true,
  ...(recent ? { memory: recent } : {}),
  ...(only ? { onlySearches: only } : {}),
});

/**
 * The tabs (by name) a scoped read will search more than once: a read that names a PO (a PO line's
 * view or action) finds the PO's lines by PO and its SKUs' lines by SKU, then reads them, so a
 * source that pays per call may read the POs tab whole when it is small (addon/src/row-source.ts).
 */
export function searchedOften(scope: Pick<Scope, 'keys' | 'ref'>): string[] {
  return scope.keys.pos.length > 0 || scope.ref?.sheet === TABS.pos.name ? [TABS.pos.name] : [];
}

/** The rows a command decides from, or undefined for a batch that reads whole tabs. */
export function commandScope(command: Command, ref?: RowRef | null): Scope | undefined {
  const batch = batchTabs(command);
  if (batch) return batchScope(batch);
  const keys = commandKeys(command);
  if (!keys) return undefined;
  const tabs = scopedCommandTabs(command);
  // The view the reply carries of a backorder shows its calls and previews its notice: a command that
  // does not decide from those tabs reads them for the shown backorder alone.
  const viewOnly =
    ref?.sheet === TABS.backorders.name
      ? (['calls', 'notifications'] as const).filter((t) => !tabs.includes(t))
      : [];
  tabs.push(...viewOnly);
  return {
    keys,
    tabs,
    ref,
    ...(viewOnly.length > 0 ? { viewOnly } : {}),
    remainderIds: command.action === 'ship',
    appends: true,
    annotates: !movesOthers(command),
    stockStill: !movesStock(command),
    waiting: settlesAfter(command),
  };
}
