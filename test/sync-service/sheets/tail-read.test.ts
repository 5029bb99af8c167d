/**
 * A sync run reads the Log and Calls by their last rows through the Sheets API
 * (sync-service/src/sheets/tail-read.ts), against the twin over HTTP with the real client. Oracle:
 * the same run with every tab read whole leaves the same spreadsheet, on a Log of a year's length,
 * with a note a person typed below the data, sorted newest first, and with its key column moved;
 * and the run downloads a fraction of the Log.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile, type WorkbookFile } from '../../../local-store/workbook-file';
import { CommandSchema } from '../../../shared/commands/schema';
import type { IsoDate } from '../../../shared/primitives/dates';
import { loadSyncConfig } from '../../../sync-service/src/feeds/config';
import { sheetsClient } from '../../../sync-service/src/sheets/client';
import { DEFAULT_RETRY, Retrier } from '../../../sync-service/src/sheets/retry';
import { SheetsSpreadsheet } from '../../../sync-service/src/sheets/sheets-spreadsheet';
import { runAction } from '../../../sync-service/src/use-cases/run-action';
import { syncEtas } from '../../../sync-service/src/use-cases/sync-etas';
import { SheetsApiTwin } from '../../../twin/sheets-api';
import { TwinSpreadsheet } from '../../../twin/spreadsheet';
import { etaShop } from '../../support/shop';

const CTX = {
  today: '2026-11-23' as IsoDate,
  now: '2026-11-23T12:00:00.000Z',
  actor: 'sync',
  requestId: 'run-1',
};

/** The same port, reading every tab whole (as before the tails): the oracle. */
class WholeReads extends SheetsSpreadsheet {
  override read(tabNames: readonly string[]) {
    return super.read(tabNames);
  }
}

/** The ETA shop (test/support/shop.ts) with a Log `rows` rows long. */
async function shop(rows: number) {
  const dir = await etaShop();
  const file = (await readWorkbookFile(join(dir, 'w.json'))) as WorkbookFile;
  const log = file.sheets.find((s) => s.properties.title === 'Log')?.values as (string | number | null)[][];
  const header = log[0] as string[];
  const at = (name: string) => header.indexOf(name);
  // Old actions whose Detail is already past undo (expired, truncated): no run expires anything
  // here, so a whole read and a read of the last rows leave the same cells (docs/design.md, "Undo's
  // window": a read of the last rows expires only what it sees).
  for (const row of log.slice(1)) row[at('Detail')] = '{"expired":true}';
  const pad = 'x'.repeat(2_000);
  for (let i = log.length; i <= rows; i++) {
    const row: (string | number | null)[] = header.map(() => '');
    row[at('LogID')] = `LG-${String(100 + i).padStart(6, '0')}`;
    row[at('When')] = 46_000 + i / 100;
    row[at('Action')] = 'ship';
    row[at('Summary')] = `old action ${i}`;
    row[at('Detail')] = JSON.stringify({ truncated: true, rows: 999, pad });
    log.push(row);
  }
  return { dir, file };
}

/** A sync run (or `act` on the port) against the twin serving `file`, with what it left and downloaded. */
async function run(
  file: WorkbookFile,
  dir: string,
  Port: typeof SheetsSpreadsheet,
  act?: (port: SheetsSpreadsheet) => Promise<unknown>,
) {
  const doc = new TwinSpreadsheet(structuredClone(file), () => new Date('2026-11-23T15:00:00Z'));
  const twin = new SheetsApiTwin({ tokens: { t: 'sync' }, perMinute: 100_000 });
  twin.add(doc);
  const api = sheetsClient({
    BACKORDER_DESK_SHEETS_URL: await twin.listen(),
    BACKORDER_DESK_ACCESS_TOKEN: 't',
  });
  const port = new Port(api, doc.id, new Retrier({ ...DEFAULT_RETRY, sleep: async () => {} }));
  try {
    await (act ? act(port) : syncEtas(port, await loadSyncConfig(join(dir, 'feeds.json')), CTX));
  } finally {
    await twin.close();
  }
  const downloaded = twin.log
    .filter((r) => r.method === 'GET')
    .reduce((n, r) => n + (r.responseBytes ?? 0), 0);
  const reads = twin.log.filter((r) => r.path.endsWith('values:batchGet')).length;
  const log = doc.file.sheets.find((s) => s.properties.title === 'Log')?.values ?? [];
  return { sheets: JSON.stringify(doc.file.sheets), log, downloaded, reads };
}

const logOf = (file: WorkbookFile) =>
  file.sheets.find((s) => s.properties.title === 'Log')?.values as (string | number | null)[][];

describe('a sync run reads the Log and Calls by their last rows', () => {
  it('writes what a whole read writes, downloading a fraction of a year-long Log', async () => {
    const { dir, file } = await shop(1_500);
    const tail = await run(file, dir, SheetsSpreadsheet);
    const whole = await run(file, dir, WholeReads);
    expect(tail.sheets).toBe(whole.sheets);
    expect(tail.log.length).toBeGreaterThan(1_501);
    expect(JSON.stringify(tail.log.at(-1))).toContain('Vendor ETAs');
    // The Log is about 3 MB; the run reads its last 300 rows and its ids.
    expect(whole.downloaded).toBeGreaterThan(3_000_000);
    expect(tail.downloaded).toBeLessThan(whole.downloaded / 3);
  });

  it('sees a note typed under the data and refuses as a whole read does', async () => {
    const { dir, file } = await shop(400);
    const log = logOf(file);
    const last = log.length;
    log.push([], ['', '', '', '', '', '', '', '', '', 'a note below the Log']);
    const tail = await run(file, dir, SheetsSpreadsheet).catch((e: Error) => e.message);
    expect(tail).toBe(await run(file, dir, WholeReads).catch((e: Error) => e.message));
    expect(tail).toMatch(new RegExp(`Log!A${last + 2}`));
  });

  it('numbers new rows above the highest id when the Log is sorted newest first, as a whole read does', async () => {
    const { dir, file } = await shop(600);
    const log = logOf(file);
    const rows = log.slice(1).reverse();
    log.splice(1, rows.length, ...rows);
    const tail = await run(file, dir, SheetsSpreadsheet);
    expect(tail.sheets).toBe((await run(file, dir, WholeReads)).sheets);
    expect(tail.log.at(-1)?.[0]).toBe('LG-000701');
  });

  it('reads the tab whole when its key column is not the first, as before', async () => {
    const { dir, file } = await shop(400);
    for (const row of logOf(file)) row.splice(0, 2, row[1] ?? '', row[0] ?? '');
    const tail = await run(file, dir, SheetsSpreadsheet);
    expect(tail.sheets).toBe((await run(file, dir, WholeReads)).sheets);
    expect(tail.log.at(-1)?.[1]).toBe('LG-000501');
  });

  it('serves a command on a spreadsheet from the tabs it decides from when no earlier try can have landed', async () => {
    const { dir, file } = await shop(1_500);
    const commands = [
      { action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'asked' },
      { action: 'reschedule', backorderId: 'BO-000001', date: '2026-12-20', reason: 'vendor' },
      { action: 'receive', po: 'PO-1' },
      { action: 'cancel', backorderId: 'BO-000001', reason: 'Customer Requested' },
    ];
    for (const raw of commands) {
      const command = CommandSchema.parse(raw);
      const asked: string[] = [];
      const act = (firstTry: boolean) => async (port: SheetsSpreadsheet) => {
        const read = port.read.bind(port);
        port.read = (names, tails) => {
          asked.push(...names);
          return read(names, tails);
        };
        return runAction(port, command, { ...CTX, requestId: 'cmd-1' }, { firstTry });
      };
      const scoped = await run(file, dir, SheetsSpreadsheet, act(true));
      const first = [...asked];
      asked.length = 0;
      // The oracle: a RequestID the caller gave may be an earlier try's, so every tab is read whole.
      const whole = await run(file, dir, SheetsSpreadsheet, act(false));
      expect(scoped.sheets, raw.action).toBe(whole.sheets);
      expect(scoped.downloaded, raw.action).toBeLessThan(whole.downloaded / 3);
      // Only the tabs the command decides from: no Invoices (it ships nothing), no ETA History.
      expect(first, raw.action).not.toContain('Invoices');
      expect(first, raw.action).not.toContain('ETA History');
      expect(asked, raw.action).toContain('Invoices');
      expect(whole.reads).toBe(1);
    }
  });

  it('reads every tab of a spreadsheet missing one, to refuse with the way out', async () => {
    const { dir, file } = await shop(400);
    file.sheets = file.sheets.filter((s) => s.properties.title !== 'Calls');
    const call = CommandSchema.parse({ action: 'allocate', orderId: 'SO-1' });
    const refused = await run(file, dir, SheetsSpreadsheet, (port) =>
      runAction(port, call, { ...CTX, requestId: 'cmd-2' }, { firstTry: true }),
    ).catch((e: Error) => e.message);
    expect(refused).toMatch(/no Calls tab: run `backorder-desk init`/);
  });
});
