/**
 * The sync run under Google's bad days, against the twin over HTTP with the real client: a 429 storm
 * (half the requests refused for 10 s, then all of them for 65 s) ends with every write applied once
 * and the workbook a calm run gives; a run killed after any request k and run again leaves a
 * byte-identical workbook; forced errors and a malformed key never print a credential.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../../../local-store/workbook-file';
import type { IsoDate } from '../../../shared/primitives/dates';
import { loadSyncConfig } from '../../../sync-service/src/feeds/config';
import { sheetsClient } from '../../../sync-service/src/sheets/client';
import { Retrier } from '../../../sync-service/src/sheets/retry';
import { SheetsSpreadsheet } from '../../../sync-service/src/sheets/sheets-spreadsheet';
import { syncEtas } from '../../../sync-service/src/use-cases/sync-etas';
import { type Fault, SheetsApiTwin } from '../../../twin/sheets-api';
import { TwinSpreadsheet } from '../../../twin/spreadsheet';
import { cliWith } from '../../support/cli';
import { etaShop } from '../../support/shop';

const TOKEN = 'ya29.storm-token';
const CTX = {
  today: '2026-11-23' as IsoDate,
  now: '2026-11-23T12:00:00.000Z',
  actor: 'sync',
  requestId: 'run-1',
};

/** A workbook with open backorders on PO-1 and a feed that moves its ETA. */
async function prepared() {
  const dir = await etaShop();
  const file = await readWorkbookFile(join(dir, 'w.json'));
  return { dir, fileText: JSON.stringify(file) };
}

async function serve(fileText: string, faults: Fault[], clock: { t: number }) {
  const doc = new TwinSpreadsheet(JSON.parse(fileText), () => new Date('2026-11-23T15:00:00Z'));
  const twin = new SheetsApiTwin({ tokens: { [TOKEN]: 'sync@shop' }, now: () => clock.t });
  twin.add(doc);
  twin.faults.push(...faults);
  const url = await twin.listen();
  return { doc, twin, url };
}

function port(url: string, id: string, clock: { t: number }, maxAttempts = 10) {
  const api = sheetsClient({ BACKORDER_DESK_SHEETS_URL: url, BACKORDER_DESK_ACCESS_TOKEN: TOKEN });
  const retrier = new Retrier({
    maxAttempts,
    perMinute: 55,
    now: () => clock.t,
    random: () => 0.5,
    sleep: async (ms) => {
      clock.t += ms;
    },
  });
  return { port: new SheetsSpreadsheet(api, id, retrier), retrier };
}

const cells = (doc: TwinSpreadsheet) => JSON.stringify(doc.file.sheets);

describe('sync under quota errors and crashes', () => {
  it('rides out a 429 storm: every write applied once, the same workbook as a calm run', async () => {
    const { dir, fileText } = await prepared();
    const config = await loadSyncConfig(join(dir, 'feeds.json'));
    const calmClock = { t: 0 };
    const calm = await serve(fileText, [], calmClock);
    await syncEtas(port(calm.url, calm.doc.id, calmClock).port, config, CTX);
    const routes = () =>
      calm.twin.log.map((r) => `${r.method} ${r.path.replace(/^.*\/v4\/spreadsheets\/[^/:]+/, '')}`);
    // Five requests: read (the Log and Calls by their last rows, which takes a second batchGet),
    // then the Aging's charts and amounts' formats, then every value at once.
    expect(routes()).toEqual([
      'GET ',
      'GET /values:batchGet',
      'GET /values:batchGet',
      'POST :batchUpdate',
      'POST /values:batchUpdate',
    ]);
    await syncEtas(port(calm.url, calm.doc.id, calmClock).port, config, { ...CTX, requestId: 'run-2' });
    // Nothing new: no write.
    expect(routes().slice(5)).toEqual(['GET ', 'GET /values:batchGet', 'GET /values:batchGet']);
    await calm.twin.close();

    const clock = { t: 0 };
    const storm = await serve(
      fileText,
      [
        { status: 429, from: 0, until: 10_000, every: 2 },
        { status: 429, from: 10_000, until: 75_000 },
      ],
      clock,
    );
    const { port: p, retrier } = port(storm.url, storm.doc.id, clock);
    clock.t = 9_000; // the first request lands inside the storm's 50 % phase
    await syncEtas(p, config, CTX);
    await storm.twin.close();
    expect(storm.twin.log.filter((r) => r.status === 429).length).toBeGreaterThan(5);
    expect(
      storm.twin.log.filter((r) => r.path.endsWith('values:batchUpdate') && r.status === 200),
    ).toHaveLength(1);
    expect(Math.max(...retrier.waits)).toBeLessThanOrEqual(64_000);
    expect(clock.t).toBeGreaterThanOrEqual(75_000);
    expect(cells(storm.doc)).toBe(cells(calm.doc));
  });

  it.each([1, 2, 3, 4, 5])(
    'killed after request %i and run again: byte-identical to an uninterrupted run',
    async (k) => {
      const { dir, fileText } = await prepared();
      const config = await loadSyncConfig(join(dir, 'feeds.json'));
      const calmClock = { t: 0 };
      const calm = await serve(fileText, [], calmClock);
      await syncEtas(port(calm.url, calm.doc.id, calmClock).port, config, CTX);
      await calm.twin.close();

      const clock = { t: 0 };
      const faults: Fault[] = [];
      for (let i = 1; i < k; i++) faults.push({ route: /^$/ }); // placeholders that never match
      const crash = await serve(fileText, [], clock);
      let seen = 0;
      const original = crash.twin.faults;
      // Request k commits, then the process "dies": its connection drops and it never retries.
      crash.twin.faults.push({ dropAfterCommit: true, every: k, from: 0 });
      await expect(syncEtas(port(crash.url, crash.doc.id, clock, 1).port, config, CTX)).rejects.toThrow();
      seen = crash.twin.log.length;
      original.splice(0, original.length);
      await syncEtas(port(crash.url, crash.doc.id, clock).port, config, CTX);
      await crash.twin.close();
      expect(seen).toBe(k);
      expect(cells(crash.doc)).toBe(cells(calm.doc));
    },
  );

  it('never prints a token, a key or a credential, whatever fails', async () => {
    const { dir } = await prepared();
    const clock = { t: 0 };
    const served = await serve(JSON.stringify(await readWorkbookFile(join(dir, 'w.json'))), [], clock);
    const outputs: string[] = [];
    const env = { BACKORDER_DESK_SHEETS_URL: served.url, BACKORDER_DESK_ACCESS_TOKEN: TOKEN };
    for (const status of [401, 403, 429, 500] as const) {
      served.twin.faults.push({ status, times: 20 });
      const r = await cliWith(env, dir, 'sync', '--spreadsheet', served.doc.id, '--feeds', 'feeds.json');
      expect(r.stderr).toContain(`(${status})`);
      outputs.push(r.stdout + r.stderr);
      served.twin.faults.splice(0);
    }
    const wrongToken = await cliWith(
      { ...env, BACKORDER_DESK_ACCESS_TOKEN: 'ya29.wrong' },
      dir,
      'check',
      '--spreadsheet',
      served.doc.id,
    );
    outputs.push(wrongToken.stdout + wrongToken.stderr);
    writeFileSync(
      join(dir, 'key.json'),
      '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nnot really\\n-----END PRIVATE KEY-----\\n","client_email":"x@y"',
    );
    const broken = await cliWith(
      { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'key.json'), BACKORDER_DESK_SHEETS_URL: served.url },
      dir,
      'check',
      '--spreadsheet',
      served.doc.id,
    );
    outputs.push(broken.stdout + broken.stderr);
    await served.twin.close();
    expect(outputs.every((o) => /backorder-desk: /.test(o))).toBe(true);
    for (const o of outputs) expect(o).not.toMatch(/Bearer|ya29\.|private_key|-----BEGIN/);
  });
});
