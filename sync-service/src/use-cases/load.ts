/**
 * Reading a workbook for an action: every typed tab in one batched read, decoded with the sheet's own
 * time zone. Shared by every use-case so none of them reads a tab twice.
 */
import type { RawTab } from '../../../shared/codec';
import { DeskError } from '../../../shared/errors';
import type { SpreadsheetPort } from '../../../shared/ports';
import { AGING_TAB, decodeWorkbook, TAB_KEYS, TABS } from '../../../shared/workbook';

export const ALL_TAB_NAMES = [...TAB_KEYS.map((k) => TABS[k].name), AGING_TAB];

/** Reads and decodes every typed tab; a workbook missing one of them is refused with the way out. */
export async function loadWorkbook(port: SpreadsheetPort) {
  const { tabs, timeZone } = await port.read(ALL_TAB_NAMES);
  const missing = TAB_KEYS.map((k) => TABS[k].name).filter((name) => !tabs[name]);
  if (missing.length > 0)
    throw new DeskError(
      'MISSING_COLUMN',
      `The workbook has no ${missing.join(', ')} tab${missing.length > 1 ? 's' : ''}: run \`backorder-desk init\` (or Set up workbook) to add ${missing.length > 1 ? 'them' : 'it'}`,
    );
  const decoded = decodeWorkbook(tabs, { face: 'api', timeZone });
  return { raw: tabs as Record<string, RawTab>, ...decoded };
}
