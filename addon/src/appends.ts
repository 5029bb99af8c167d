/**
 * Where a write's new rows go when the read left a tab's last row unasked (addon/src/row-source.ts
 * `deferLastRow`): a few rows of a history tab by `appendRow`, which Google puts below the last row
 * with content; any other tab's rows below its last row, asked now.
 */

import { formulaColumns } from '../../shared/setup/sheet-rules';
import type { RawTab, TabPatch } from '../../shared/sheet/codec';
import { TABS } from '../../shared/workbook';

/** What a read says about where new rows may go (addon/src/sheet-io.ts `ReadResult` has it all). */
export interface Placing {
  readonly tabs: Record<string, RawTab>;
  /**
   * Tabs whose last row was not read (addon/src/row-source.ts `deferLastRow`): new rows go out by
   * `appendRow` when that is safe and cheap, else after `lastRow` asks where the data ends.
   */
  readonly deferred?: ReadonlySet<string>;
  readonly lastRow?: (tab: string) => number;
  /** Empty grid rows below a tab's key cells (the index's count). */
  readonly roomBelow?: (tab: string) => number;
}

/**
 * Tabs of history whose rows no view places by row number and no formula column fills: a few new
 * rows go out by `appendRow`, which puts them below the last row with content (whatever column holds
 * it, so nothing a person typed is written over) without asking where that is.
 */
const APPENDED_BY_ROW: ReadonlySet<string> = new Set(
  [TABS.log, TABS.shipments, TABS.invoices, TABS.calls, TABS.notifications, TABS.etaHistory].map(
    (t) => t.name,
  ),
);
/** More new rows than this go out in one setValues after the last row is asked. */
const APPEND_ROW_MAX = 3;

function byAppendRow(read: Placing, patch: TabPatch): boolean {
  const n = patch.appends.length;
  return (
    n > 0 &&
    n <= APPEND_ROW_MAX &&
    read.deferred?.has(patch.tab) === true &&
    APPENDED_BY_ROW.has(patch.tab) &&
    formulaColumns(patch.tab).length === 0 &&
    (patch.deletes?.length ?? 0) === 0 &&
    // Room in the grid below the key cells: appendRow never has to grow it (a growth at the
    // spreadsheet's cell limit would fail after other writes landed).
    (read.roomBelow?.(patch.tab) ?? 0) >= n
  );
}

/**
 * Places a deferred tab's new rows: by appendRow (the tab's name returned), or its last row asked
 * and its rows read so far stretched to it, so they go below it as any tab's do.
 */
export function placeAppends(read: Placing, patches: readonly TabPatch[]): Set<string> {
  const appended = new Set<string>();
  for (const patch of patches) {
    const raw = read.tabs[patch.tab];
    if (patch.appends.length === 0 || !raw || read.deferred?.has(patch.tab) !== true) continue;
    if (byAppendRow(read, patch)) {
      appended.add(patch.tab);
      continue;
    }
    const last = read.lastRow?.(patch.tab) ?? raw.values.length;
    const values = raw.values as unknown[][];
    while (values.length < last) values.push([]);
  }
  return appended;
}
