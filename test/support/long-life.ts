/**
 * The long-life tests' size: a Log taken past the 1,000 rows of its first grid. The suite starts
 * from `HISTORY` rows a year of actions left (copies of a real action's Log row) and takes `ACTIONS`
 * actions across the grid's end, in seconds; `npm run test:long` (LONG_LIFE_ACTIONS=2000) takes every
 * action from an empty Log, as a year of clicks would.
 */
import type { TwinSpreadsheet } from '../../twin/spreadsheet';

const FULL = process.env.LONG_LIFE_ACTIONS ? Number(process.env.LONG_LIFE_ACTIONS) : undefined;

export const LONG_LIFE = {
  ACTIONS: FULL ?? 60,
  HISTORY: FULL === undefined ? 960 : 0,
  timeout: FULL === undefined ? 60_000 : 900_000,
} as const;

/**
 * Appends `rows` Log rows below the last one, each a copy of it with the next LogID and a RequestID of
 * its own, as the engine would have written them.
 */
export function prefillLog(twin: TwinSpreadsheet, rows: number): void {
  if (rows === 0) return;
  const values = twin.read('Log', { valueRenderOption: 'UNFORMATTED_VALUE' }).values ?? [];
  const header = (values[0] ?? []).map(String);
  const last = values.at(-1) ?? [];
  const idAt = header.indexOf('LogID');
  const requestAt = header.indexOf('RequestID');
  const id = /^(\D*)(\d+)$/.exec(String(last[idAt] ?? ''));
  if (!id || requestAt < 0) throw new Error(`the Log's last row has no LogID to follow: ${last[idAt]}`);
  const [, prefix = '', digits = ''] = id;
  const copies = Array.from({ length: rows }, (_, i) => {
    const row = [...last];
    row[idAt] = `${prefix}${String(Number(digits) + i + 1).padStart(digits.length, '0')}`;
    row[requestAt] = `history-${i}`;
    return row;
  });
  twin.append('Log!A1', copies, 'RAW');
}
