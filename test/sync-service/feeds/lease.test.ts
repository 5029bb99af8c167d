/**
 * Leases: two instances never sync one spreadsheet at once; an expired lease (its holder died) is
 * taken over; the scheduled service syncs every spreadsheet of its configuration, skipping one whose
 * lease another instance holds.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
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

describe('an expired lease raced by many processes', () => {
  it('50 processes, 4 rounds: exactly one wins each round', async () => {
    const dir = tempDir();
    const rounds = 4;
    // Each round starts from a lease that ran out (its holder crashed), taken through the lease itself.
    for (let r = 1; r <= rounds; r++)
      await takeLease(dir, `sheet-${r}`, 'crashed', 1000, Date.now() - 60_000);
    // The racers are bundled once (esbuild), so 50 processes start in well under a second each.
    const racer = join(dir, 'racer.mjs');
    await build({
      entryPoints: [RACER],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: racer,
      logLevel: 'silent',
    });
    const outs: string[] = [];
    const children = Array.from({ length: 50 }, () => spawn('node', [racer, dir, String(rounds)]));
    const racers = children.map((child, i) => {
      outs[i] = '';
      child.stdout.on('data', (d) => {
        outs[i] += String(d);
      });
      return new Promise((done) => child.once('exit', done));
    });
    try {
      await race(rounds, outs, dir);
    } finally {
      writeFileSync(join(dir, 'done'), '');
      for (const c of children) c.kill();
    }
    await Promise.all(racers);
  }, 120_000);

  it('a killed holder on this host is taken over at once, before its lease runs out', async () => {
    const dir = tempDir();
    const dead = spawn('node', ['-e', '']);
    await new Promise((r) => dead.once('exit', r));
    writeFileSync(
      join(dir, 'sheet.lease.1'),
      JSON.stringify({ holder: 'killed', until: Date.now() + 60_000, host: hostname(), pid: dead.pid }),
    );
    expect(typeof (await takeLease(dir, 'sheet', 'me', 60_000))).toBe('object');
  });
});

const RACER = join(__dirname, '../../support/lease-racer.ts');

/** Starts each round together and counts its winners. */
async function race(rounds: number, outs: readonly string[], dir: string): Promise<void> {
  for (let r = 1; r <= rounds; r++) {
    await until(() => outs.every((o) => o.includes(`ready ${r}\n`)));
    writeFileSync(join(dir, `go-${r}`), '');
    await until(() => outs.every((o) => new RegExp(`^${r} (won|lost)$`, 'm').test(o)));
    const winners = outs.filter((o) => new RegExp(`^${r} won$`, 'm').test(o));
    expect(winners.length, `round ${r}`).toBe(1);
  }
}

async function until(done: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out waiting for the racers');
    await new Promise((r) => setTimeout(r, 20));
  }
}

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
    expect(one.code).toBe(1); // a scheduler sees that not everything synced
    expect(lines[0]).toMatchObject({ spreadsheet: docs[0]?.id, etas: 0 });
    expect(lines[1]).toMatchObject({
      spreadsheet: docs[1]?.id,
      skipped: expect.stringMatching(/^leased by other-host:9 until /),
    });
    if (typeof held === 'object') await held.release();

    // A spreadsheet that fails (here: one that does not exist) is reported, and the run goes on.
    writeFeeds(
      dir,
      [{ vendor: 'V', source: { file: 'feed.csv' } }],
      ['no-such-sheet', docs[0]?.id as string],
    );
    const past = await cliWith(env, dir, 'sync', '--feeds', 'feeds.json');
    expect(past.code).toBe(1);
    expect(past.stdout).toMatch(/^sync no-such-sheet: failed: .+\nsync \S+: 0 ETA\(s\) read/);
  });
});
