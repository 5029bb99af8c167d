/**
 * Vendor feeds at their worst, through `sync` as a scheduler runs it: an HTTP feed that never ends is
 * cut off at the size cap (not buffered until memory runs out), a feed past the row cap is refused by
 * name, 90,000 bad rows are reported without a crash, and a JSON list where a PO number belongs is
 * refused, never flattened into text. Real HTTP on loopback.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FEED_ROWS } from '../../../sync-service/src/feeds/read-feed';
import { cli } from '../../support/cli';
import { shopWith, writeFeeds } from '../../support/shop';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

const sync = (dir: string) => cli(dir, 'sync', '--workbook', 'w.json', '--feeds', 'feeds.json', '--json');

describe('feeds past their limits', () => {
  it('cuts an endless HTTP feed off at the size cap', async () => {
    const dir = await shopWith(1);
    let sent = 0;
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      const chunk = `${'PO-1,1,2026-12-01\n'.repeat(4096)}`;
      const pump = () => {
        while (res.write(chunk)) sent += chunk.length;
      };
      res.on('drain', pump);
      pump();
    });
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.csv`;
    writeFeeds(dir, [{ vendor: 'Endless', source: { url } }]);
    const r = await sync(dir);
    const report = JSON.parse(r.stdout);
    expect(report.problems[0].reason).toMatch(
      /^Endless: cannot read the feed \(larger than 20 MB, the most a feed may hold/,
    );
    expect(report.etas).toBe(0);
    expect(sent).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('refuses a feed past the row cap by name, and reports 90,000 bad rows without a crash', async () => {
    const dir = await shopWith(1);
    const rows = (n: number) => `PO,Line,ETA\n${'PO-404,1,2026-12-01\n'.repeat(n)}`;
    writeFileSync(join(dir, 'big.csv'), rows(MAX_FEED_ROWS + 1));
    writeFileSync(join(dir, 'bad.csv'), rows(90_000));
    writeFeeds(dir, [
      { vendor: 'Big', source: { file: 'big.csv' } },
      { vendor: 'Bad', source: { file: 'bad.csv' } },
    ]);
    const r = await sync(dir);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.problems[0].reason).toBe(
      'Big: the feed has 100,001 rows, more than the 100,000 a feed may hold; nothing was applied from it',
    );
    expect(report.problems.length).toBe(1 + 90_000);
    expect(report.problems[1]).toMatchObject({
      vendor: 'Bad',
      row: 2,
      value: 'PO-404',
      reason: 'no such PO in the workbook',
    });
  }, 60_000);

  it('refuses a JSON list where a PO number belongs', async () => {
    const dir = await shopWith(1);
    writeFileSync(join(dir, 'f.json'), JSON.stringify([{ PO: ['PO-1'], Line: 1, ETA: '2026-12-01' }]));
    writeFeeds(dir, [{ vendor: 'Listy', format: 'json', source: { file: 'f.json' } }]);
    const report = JSON.parse((await sync(dir)).stdout);
    expect(report.problems).toEqual([
      {
        vendor: 'Listy',
        row: 1,
        field: 'PO',
        value: '["PO-1"]',
        reason: 'expected a single value, got a list or an object',
      },
    ]);
  });
});
