/**
 * `export`: one tab, every column (people's own included), as CSV or JSON text.
 */

import type { SpreadsheetPort } from '../../../shared/ports';
import type { IsoDate } from '../../../shared/primitives/dates';
import { DeskError } from '../../../shared/primitives/errors';
import { exportRecords, exportRows } from '../../../shared/reports/export';
import { type Columns, normalizeHeader, type TabSpec } from '../../../shared/sheet/columns';
import { neutraliseCell } from '../../../shared/sheet/csv-safety';
import { DEFAULT_SETTINGS } from '../../../shared/tabs/settings';
import { AGING_TAB, TAB_KEYS, TABS, tabKeyByName } from '../../../shared/workbook';
import { csvText } from './csv-text';

/** True when the engine declares the column under this header of this tab a date (for xlsx). */
export function isDateColumn(tab: string, header: string): boolean {
  const key = tabKeyByName(tab);
  if (!key) return false;
  const column = Object.values((TABS[key] as TabSpec<Columns>).columns).find(
    (c) => normalizeHeader(c.header) === normalizeHeader(header),
  );
  return column?.kind === 'date' || column?.kind === 'timestamp';
}

/** The tabs an xlsx export holds: one by name, or `all`. */
export async function xlsxTabs(port: SpreadsheetPort, tab: string): Promise<string[]> {
  const names = [...TAB_KEYS.map((k) => TABS[k].name), AGING_TAB];
  const { tabs } = await port.read(names);
  if (tab.toLowerCase() === 'all') return names.filter((n) => tabs[n]);
  const wanted =
    tab.trim().toLowerCase() === AGING_TAB.toLowerCase()
      ? AGING_TAB
      : tabKeyByName(tab) && TABS[tabKeyByName(tab) as keyof typeof TABS].name;
  if (!wanted || !tabs[wanted])
    throw new DeskError('BAD_INPUT', `No tab called ${tab}; tabs: ${names.join(', ')}, or all`);
  return [wanted];
}

/** The Aging tab is built, not typed: its cells go out as they are (neutralised for CSV). */
async function exportBuilt(port: SpreadsheetPort, format: 'csv' | 'json'): Promise<string> {
  const { tabs } = await port.read([AGING_TAB]);
  const raw = tabs[AGING_TAB];
  if (!raw) throw new DeskError('NOT_FOUND', 'The workbook has no Aging tab; run `backorder-desk aging`');
  const rows = raw.values.map((r) => r.map((c) => neutraliseCell(c instanceof Date ? c.toISOString() : c)));
  return format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : csvText(rows);
}

export async function exportTab(
  port: SpreadsheetPort,
  tabName: string,
  format: 'csv' | 'json',
  /** The day formula columns (a backorder's Age) are computed for, when a cell holds no result. */
  today?: IsoDate,
): Promise<string> {
  if (tabName.trim().toLowerCase() === AGING_TAB.toLowerCase()) return exportBuilt(port, format);
  const key = tabKeyByName(tabName);
  if (!key)
    throw new DeskError(
      'BAD_INPUT',
      `No tab called ${tabName}; tabs: ${[...TAB_KEYS.map((k) => TABS[k].name), AGING_TAB].join(', ')}`,
    );
  const spec = TABS[key] as TabSpec<Columns>;
  const { tabs, timeZone } = await port.read([spec.name]);
  const raw = tabs[spec.name];
  if (!raw)
    throw new DeskError('NOT_FOUND', `The workbook has no ${spec.name} tab; run \`backorder-desk init\``);
  const ctx = { face: 'api' as const, timeZone, currencyDigits: DEFAULT_SETTINGS.CurrencyDigits };
  if (format === 'json') return `${JSON.stringify(exportRecords(spec, raw, ctx, today), null, 2)}\n`;
  return csvText(exportRows(spec, raw, ctx, today));
}
