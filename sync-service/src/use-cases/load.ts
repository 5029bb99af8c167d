/**
 * Reading a workbook for an action: every typed tab (or the tabs a batch decides from:
 * shared/io/read-plan.ts) in one batched read, decoded with the sheet's own time zone (shared/plans.ts
 * decides the rest). Shared by every use-case so none of them reads a tab twice.
 */

import { ALL_TAB_NAMES, decodeLoaded } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';
import type { RawTab } from '../../../shared/sheet/codec';
import { emptyRawTab, TAB_KEYS, TABS } from '../../../shared/workbook';

export { ALL_TAB_NAMES };

/**
 * Reads and decodes `names` (every tab unless told); a workbook missing one of them is refused with
 * the way out. A typed tab not asked for decodes as empty: the plan must not need it, and a write to
 * it would be a write to a tab never read (the tests of shared/io/read-plan.ts's lists prove neither
 * happens).
 */
export async function loadWorkbook(port: SpreadsheetPort, names: readonly string[] = ALL_TAB_NAMES) {
  const { tabs, timeZone } = await port.read(names);
  return decodeNamed(tabs, names, timeZone);
}

/** Decodes `names` of tabs already read; the other typed tabs decode as empty (as loadWorkbook's). */
export function decodeNamed(tabs: Record<string, RawTab>, names: readonly string[], timeZone: string) {
  const all: Record<string, RawTab> = {};
  for (const name of names) if (tabs[name]) all[name] = tabs[name];
  for (const key of TAB_KEYS) {
    const name = TABS[key].name;
    if (!names.includes(name) && !all[name]) all[name] = emptyRawTab(TABS[key] as never);
  }
  return decodeLoaded(all, timeZone, 'api');
}
