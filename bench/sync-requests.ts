/**
 * Requests of one sync run against the twin over loopback HTTP, with the real Sheets client, for
 * workbooks of 1,000 and 50,000 order lines: the count must not grow with the rows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workbookFileOf } from '../local-store/workbook-file';
import { applyChanges } from '../shared/apply-changes';
import { runCommand } from '../shared/commands/run';
import { renderWorkbook } from '../shared/setup/render-workbook';
import { loadSyncConfig } from '../sync-service/src/feeds/config';
import { sheetsClient } from '../sync-service/src/sheets/client';
import { DEFAULT_RETRY, Retrier } from '../sync-service/src/sheets/retry';
import { SheetsSpreadsheet } from '../sync-service/src/sheets/sheets-spreadsheet';
import { syncEtas } from '../sync-service/src/use-cases/sync-etas';
import { SheetsApiTwin } from '../twin/sheets-api';
import { TwinSpreadsheet } from '../twin/spreadsheet';
import { BENCH_TODAY, benchWorkbook, withHistory } from './workbooks';

export async function syncRequests(lines: number, history = 0) {
  const base = withHistory(benchWorkbook(lines), history);
  const wb = applyChanges(
    base,
    runCommand(
      base,
      { action: 'allocate' },
      { today: BENCH_TODAY, now: `${BENCH_TODAY}T12:00:00.000Z`, actor: 'bench', requestId: 'bench' },
    ).changes,
  );
  const file = workbookFileOf(
    'bench',
    'America/New_York',
    renderWorkbook(wb, { face: 'api', timeZone: 'America/New_York', currencyDigits: 2 }),
  );
  const doc = new TwinSpreadsheet(file);
  const twin = new SheetsApiTwin({ tokens: { bench: 'bench' }, perMinute: 1_000_000 });
  twin.add(doc);
  const url = await twin.listen();
  const dir = mkdtempSync(join(tmpdir(), 'bdesk-bench-'));
  const open = wb.pos.slice(0, 20);
  writeFileSync(
    join(dir, 'feed.csv'),
    ['PO,Line,ETA', ...open.map((p) => `${p.po},${p.line},2026-12-15`)].join('\n'),
  );
  writeFileSync(
    join(dir, 'feeds.json'),
    JSON.stringify({
      vendors: [
        {
          vendor: 'Bench',
          source: { file: 'feed.csv' },
          format: 'csv',
          mapping: { po: 'PO', line: 'Line', eta: 'ETA' },
        },
      ],
    }),
  );
  const config = await loadSyncConfig(join(dir, 'feeds.json'));
  const ctx = {
    today: BENCH_TODAY,
    now: `${BENCH_TODAY}T12:00:00.000Z`,
    actor: 'bench',
    requestId: 'sync-1',
  };
  const client = sheetsClient({ BACKORDER_DESK_SHEETS_URL: url, BACKORDER_DESK_ACCESS_TOKEN: 'bench' });
  const started = performance.now();
  await syncEtas(
    new SheetsSpreadsheet(client, doc.id, new Retrier({ ...DEFAULT_RETRY, sleep: async () => {} })),
    config,
    ctx,
  );
  const ms = Math.round(performance.now() - started);
  const first = twin.log.length;
  await syncEtas(
    new SheetsSpreadsheet(client, doc.id, new Retrier({ ...DEFAULT_RETRY, sleep: async () => {} })),
    config,
    {
      ...ctx,
      requestId: 'sync-2',
    },
  );
  await twin.close();
  return {
    lines,
    history,
    requests: first,
    /** What the first run downloaded (MiB): Google recommends requests under 2 MB. */
    readMiB:
      Math.round(
        (twin.log.slice(0, first).reduce((n, r) => n + (r.responseBytes ?? 0), 0) / 1_048_576) * 10,
      ) / 10,
    routes: twin.log
      .slice(0, first)
      .map((r) => `${r.method} ${r.path.replace(/^.*\/v4\/spreadsheets\/[^/:]+/, '') || '/'}`),
    largestRequestBodyKiB: Math.round(Math.max(...twin.log.slice(0, first).map((r) => r.bodyBytes)) / 1024),
    secondRunRequests: twin.log.length - first,
    secondRunWrites: twin.log.slice(first).filter((r) => r.method !== 'GET').length,
    ms,
  };
}
