/**
 * `export`: one tab, every column (people's own included), as CSV or JSON text.
 */
import { stringify } from 'csv-stringify/sync';
import type { Columns, TabSpec } from '../../../shared/columns';
import { DeskError } from '../../../shared/errors';
import { exportRecords, exportRows } from '../../../shared/export';
import type { SpreadsheetPort } from '../../../shared/ports';
import { DEFAULT_SETTINGS } from '../../../shared/tabs/settings';
import { TAB_KEYS, TABS, tabKeyByName } from '../../../shared/workbook';

export async function exportTab(
  port: SpreadsheetPort,
  tabName: string,
  format: 'csv' | 'json',
): Promise<string> {
  const key = tabKeyByName(tabName);
  if (!key)
    throw new DeskError(
      'BAD_INPUT',
      `No tab called ${tabName}; tabs: ${TAB_KEYS.map((k) => TABS[k].name).join(', ')}`,
    );
  const spec = TABS[key] as TabSpec<Columns>;
  const { tabs, timeZone } = await port.read([spec.name]);
  const raw = tabs[spec.name];
  if (!raw)
    throw new DeskError('NOT_FOUND', `The workbook has no ${spec.name} tab; run \`backorder-desk init\``);
  const ctx = { face: 'api' as const, timeZone, currencyDigits: DEFAULT_SETTINGS.CurrencyDigits };
  if (format === 'json') return `${JSON.stringify(exportRecords(spec, raw, ctx), null, 2)}\n`;
  return stringify(exportRows(spec, raw, ctx), { record_delimiter: '\r\n' });
}
