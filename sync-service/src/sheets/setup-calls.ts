/**
 * Set up's side of a Google spreadsheet through the Sheets API, for the port (sheets-spreadsheet.ts):
 * its rules on every typed tab in one `spreadsheets.get` and one `spreadsheets.batchUpdate`, the
 * formulas of whole columns (what a check compares), and our own formulas written USER_ENTERED.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { FormulaCell } from '../../../shared/setup/formula-check';
import { sheetRules } from '../../../shared/setup/sheet-rules';
import { dressRequests, type SheetState, skuLetter } from '../../../shared/setup/sheets-api-rules';
import { columnLetter } from '../../../shared/sheet/a1';
import type { RawTab } from '../../../shared/sheet/codec';
import { TABS } from '../../../shared/workbook';
import { quoted } from './a1';

/** What the port lends Set up's calls: its client, its counts, and its retried, error-mapped request. */
export interface SheetsCalls {
  readonly api: sheets_v4.Sheets;
  readonly spreadsheetId: string;
  readonly calls: { get: number; batchGet: number; batchUpdate: number; valuesBatchUpdate: number };
  call<T>(what: string, fn: () => Promise<{ data: T }>): Promise<T>;
}

/**
 * Set up's rules on every typed tab (shared/setup/sheets-api-rules.ts): one `spreadsheets.get` of what the
 * sheets hold now (protections and conditional formats, which a person may have changed) and one
 * `spreadsheets.batchUpdate`, whatever the number of tabs.
 */
export async function dressSheets(s: SheetsCalls, tabs: Record<string, RawTab>): Promise<string[]> {
  s.calls.get += 1;
  const meta = await s.call('spreadsheets.get', () =>
    s.api.spreadsheets.get({
      spreadsheetId: s.spreadsheetId,
      fields: 'sheets.properties,sheets.protectedRanges,sheets.conditionalFormats',
    }),
  );
  const sku = skuLetter(tabs[TABS.inventory.name]?.values[0] ?? []);
  const requests: sheets_v4.Schema$Request[] = [];
  const done: string[] = [];
  for (const sheet of meta.sheets ?? []) {
    const title = sheet.properties?.title ?? '';
    const rules = sheetRules(title, tabs[title]?.values[0] ?? []);
    if (!rules || !tabs[title]) continue;
    requests.push(
      ...(dressRequests(
        rules,
        { ...(sheet as SheetState), sheetId: sheet.properties?.sheetId ?? 0 },
        sku,
      ) as sheets_v4.Schema$Request[]),
    );
    done.push(
      `${title}: ${rules.formats.length} number format(s), ${rules.validations.length} validation(s), ${rules.protections.length} protected range(s), ${rules.highlights.length} highlight(s)`,
    );
  }
  if (requests.length > 0) {
    s.calls.batchUpdate += 1;
    await s.call('spreadsheets.batchUpdate', () =>
      s.api.spreadsheets.batchUpdate({ spreadsheetId: s.spreadsheetId, requestBody: { requests } }),
    );
  }
  return done;
}

/** The formulas of whole columns, by row (1-based): `FORMULA` rendering, one `values.batchGet`. */
export async function readFormulas(
  s: SheetsCalls,
  columns: readonly { tab: string; col: number }[],
): Promise<ReadonlyMap<number, string>[]> {
  if (columns.length === 0) return [];
  s.calls.batchGet += 1;
  const res = await s.call('values.batchGet', () =>
    s.api.spreadsheets.values.batchGet({
      spreadsheetId: s.spreadsheetId,
      ranges: columns.map((c) => `${quoted(c.tab)}!${columnLetter(c.col)}:${columnLetter(c.col)}`),
      valueRenderOption: 'FORMULA',
      majorDimension: 'COLUMNS',
    }),
  );
  return columns.map((_, i) => {
    const cells = (res.valueRanges?.[i]?.values?.[0] ?? []) as unknown[];
    const held = new Map<number, string>();
    cells.forEach((v, r) => {
      if (typeof v === 'string' && v.startsWith('=')) held.set(r + 1, v);
    });
    return held;
  });
}

/**
 * Our own formulas only (never a value from a feed or a person), so USER_ENTERED, cell by cell, in
 * one `values.batchUpdate`; the port writes its patches (RAW) after.
 */
export async function writeOwnFormulas(s: SheetsCalls, cells: readonly FormulaCell[]): Promise<void> {
  if (cells.length === 0) return;
  s.calls.valuesBatchUpdate += 1;
  await s.call('values.batchUpdate', () =>
    s.api.spreadsheets.values.batchUpdate({
      spreadsheetId: s.spreadsheetId,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: cells.map((c) => ({
          range: `${quoted(c.tab)}!${columnLetter(c.col)}${c.row}`,
          values: [[c.formula]],
        })),
      },
    }),
  );
}
