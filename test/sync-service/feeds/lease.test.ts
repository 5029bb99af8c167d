/**
 * Leases: two instances never sync one spreadsheet at once; an expired lease (its holder died) is
 * taken over; the scheduled service syncs every spreadsheet of its configuration, skipping one whose
 * lease another instance holds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newWorkbookFile } from '../../../local-store/workbook-file';
import { takeLease } from '../../../sync-service/src/feeds/lease';
import { SheetsApiTwin } from '../../../twin/sheets-api';
import { TwinSpreadsheet } from '../../../twin/spreadsheet';
import { cliWith, tempDir } from '../../support/cli';
import { writeFeeds } from '../../support/shop';

let twin: SheetsApiTwin | undefined;
afterEach(async () => {
  await twin?.close();
});

describe('takeLease', () => {
  it('gives a spreadsheet to one holder at a time, and takes over an expired lease', async () => {
    const dir = tempDir();
    const first = await takeLease(dir, 'sheet-1', 'host-a:1', 60_000, 1_000);
    expect(typeof first).toBe('object');
    expect(await takeLease(dir, 'sheet-1', 'host-b:2', 60_000, 2_000)).toBe(
      'host-a:1 until 1970-01-01T00:01:01.000Z',
    );
    const later = await takeLease(dir, 'sheet-1', 'host-b:2', 60_000, 62_000); // host-a died; its lease ran out
    expect(typeof later).toBe('object');
    if (typeof later === 'object') await later.release();
    expect(typeof (await takeLease(dir, 'sheet-1', 'host-c:3', 60_000, 63_000))).toBe('object');
  });
});

describe('sync of every spreadsheet in the configuration', () => {
  it('syncs each under its lease and skips one another instance holds', async () => {
    const docs = [1, 2].map(
      () =>
        new TwinSpreadsheet(
          newWorkbookFile('Shop', 'America/New_York'),
          () => new Date('2026-11-23T15:00:00Z'),
        ),
    );
    twin = new SheetsApiTwin({ tokens: { t: 'sync' }, perMinute: 10_000 });
    for (const d of docs) twin.add(d);
    const env = {
      BACKORDER_DESK_SHEETS_URL: await twin.listen(),
      BACKORDER_DESK_ACCESS_TOKEN: 't',
      BACKORDER_DESK_LEASES: join(tempDir(), 'leases'),
    };
    const dir = tempDir();
    for (const d of docs) await cliWith(env, dir, 'init', '--spreadsheet', d.id);
    writeFileSync(join(dir, 'feed.csv'), 'PO,Line,ETA\n');
    writeFeeds(
      dir,
      [{ vendor: 'V', source: { file: 'feed.csv' } }],
      docs.map((d) => d.id),
    );
    const both = await cliWith(env, dir, 'sync', '--feeds', 'feeds.json', '--json');
    expect(
      both.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).spreadsheet),
    ).toEqual(docs.map((d) => d.id));
    const held = await takeLease(env.BACKORDER_DESK_LEASES, docs[1]?.id as string, 'other-host:9', 60_000);
    const one = await cliWith(env, dir, 'sync', '--feeds', 'feeds.json', '--json');
    const lines = one.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ spreadsheet: docs[0]?.id, etas: 0 });
    expect(lines[1]).toMatchObject({
      spreadsheet: docs[1]?.id,
      skipped: expect.stringMatching(/^leased by other-host:9 until /),
    });
    if (typeof held === 'object') await held.release();
  });
});
