/**
 * Reading a workbook for an action: every typed tab in one batched read, decoded with the sheet's own
 * time zone (shared/plans.ts decides the rest). Shared by every use-case so none of them reads a tab twice.
 */
import { ALL_TAB_NAMES, decodeLoaded } from '../../../shared/plans';
import type { SpreadsheetPort } from '../../../shared/ports';

export { ALL_TAB_NAMES };

/** Reads and decodes every typed tab; a workbook missing one of them is refused with the way out. */
export async function loadWorkbook(port: SpreadsheetPort) {
  const { tabs, timeZone } = await port.read(ALL_TAB_NAMES);
  return decodeLoaded(tabs, timeZone, 'api');
}
