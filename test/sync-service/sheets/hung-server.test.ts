/**
 * A Sheets API that never answers (a hung proxy, a dead load balancer) does not keep a command
 * waiting forever: each request is abandoned after BACKORDER_DESK_SHEETS_TIMEOUT_MS, retried as any
 * network failure is, and the command exits 1 naming what it could not reach. Real HTTP on loopback.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cliWith, tempDir } from '../../support/cli';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

describe('a Sheets API that never answers', () => {
  it('times each request out and exits 1 with the reason', async () => {
    let requests = 0;
    server = createServer(() => {
      requests += 1; // and never answer
    });
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const started = Date.now();
    const r = await cliWith(
      {
        BACKORDER_DESK_SHEETS_URL: url,
        BACKORDER_DESK_ACCESS_TOKEN: 't',
        BACKORDER_DESK_SHEETS_TIMEOUT_MS: '300',
      },
      tempDir(),
      'check',
      '--spreadsheet',
      'sheet-1',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^backorder-desk: spreadsheets\.get: could not reach the Sheets API \(no answer within the request timeout/,
    );
    expect(requests).toBeGreaterThan(1); // retried, as a network failure is
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
