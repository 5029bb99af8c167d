/**
 * Reading a workbook for an action: every typed tab in one batched read, decoded with the sheet's own
 * time zone. Shared by every use-case so none of them reads a tab twice.
 */
import type { RawTab } from '../../../shared/codec';
import type { SpreadsheetPort } from '../../../shared/ports';
import { AGING_TAB, decodeWorkbook, TAB_KEYS, TABS } from '../../../shared/workbook';

export const ALL_TAB_NAMES = [...TAB_KEYS.map((k) => TABS[k].name), AGING_TAB];

export async function loadWorkbook(port: SpreadsheetPort) {
  const { tabs, timeZone } = await port.read(ALL_TAB_NAMES);
  const decoded = decodeWorkbook(tabs, { face: 'api', timeZone });
  return { raw: tabs as Record<string, RawTab>, ...decoded };
}
