/**
 * A sync run end to end over real HTTP: the vendor feed from a local web server (with the API key
 * header the configuration names), the spreadsheet from the Sheets API twin. Every range the run
 * writes is checked against the tab's column owners: on rows that existed before the run, only
 * engine- and sync-owned columns are written, never a user's column or an extra column a user added;
 * and the feed's API key reaches no output.
 */

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newWorkbookFile } from '../../../local-store/workbook-file';
import { AGING_TAB, TABS, tabKeyByName } from '../../../shared/workbook';
import { columnLetters, parseA1 } from '../../../twin/a1';
import { SheetsApiTwin } from '../../../twin/sheets-api';
import { TwinSpreadsheet } from '../../../twin/spreadsheet';
import { cliWith, tempDir } from '../../support/cli';
import { importShop, writeFeeds } from '../../support/shop';

const KEY = 'vendor-key-5f1c';
let twin: SheetsApiTwin | undefined;
let feedServer: Server | undefined;
afterEach(async () => {
  await twin?.close();
  await new Promise((r) => (feedServer ? feedServer.close(r) : r(undefined)));
});

/** A vendor's web server: the CSV for the right key, 401 otherwise. */
async function serveFeed(csv: string): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  feedServer = createServer((req, res) => {
    hits.push(String(req.headers['x-api-key']));
    if (req.headers['x-api-key'] !== KEY) {
      res.writeHead(401).end('no');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/csv' }).end(csv);
  });
  await new Promise<void>((r) => feedServer?.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/etas.csv`, hits };
}

describe('sync over HTTP', () => {
  it('writes only engine- and sync-owned cells of existing rows, and keeps a user column', async () => {
    const doc = new TwinSpreadsheet(newWorkbookFile('Shop', 'America/New_York'), () => new Date());
    twin = new SheetsApiTwin({ tokens: { t: 'sync' }, perMinute: 10_000, keepBodies: true });
    twin.add(doc);
    const env = {
      BACKORDER_DESK_SHEETS_URL: await twin.listen(),
      BACKORDER_DESK_ACCESS_TOKEN: 't',
      BACKORDER_DESK_LEASES: join(tempDir(), 'leases'),
    };
    const dir = tempDir();
    expect((await cliWith(env, dir, 'init', '--spreadsheet', doc.id)).stderr).toBe('');
    const target = ['--spreadsheet', doc.id];
    const imports = await importShop(
      dir,
      target,
      {
        inventory: 'SKU,Warehouse,Product,OnHand,LeadTimeDays,Vendor\nA,MAIN,Tile,2,7,Summit\n',
        orders:
          'OrderID,Line,OrderDate,Customer,SKU,Qty,UnitPrice\nSO-1,1,2026-11-02,Acme,A,10,5\nSO-2,1,2026-11-03,Bolt,A,4,5\n',
        pos: 'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\nPO-1,1,Summit,A,50,MAIN,2026-12-01\nPO-2,1,Summit,A,9,MAIN,2026-12-04\n',
      },
      env,
    );
    expect(imports.map((r) => r.stderr)).toEqual(['', '', '']);
    expect((await cliWith(env, dir, 'do', 'allocate', ...target)).stderr).toBe('');
    // A buyer's own column to the right of the POs tab.
    const pos = doc.sheetNamed('POs');
    const extra = columnLetters(pos.values[0]?.length ?? 0);
    doc.write(`'POs'!${extra}1:${extra}3`, [['Buyer'], ['Dana'], ['Lee']], 'RAW');

    const { url, hits } = await serveFeed('PO,Line,ETA\nPO-1,1,2027-01-15\nPO-2,1,2026-12-04\n');
    writeFeeds(dir, [{ vendor: 'Summit', source: { url, headers: { 'x-api-key': KEY } } }], [doc.id]);
    const rowsBefore = new Map<string, number>(
      doc.file.sheets.map((s) => [s.properties.title, s.values.length]),
    );
    const from = twin.log.length;
    const run = await cliWith(env, dir, 'sync', '--feeds', 'feeds.json', '--json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.split('\n')[0] ?? '')).toMatchObject({ spreadsheet: doc.id, etas: 2 });
    expect(hits).toEqual([KEY]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);

    const writes = twin.log.slice(from).filter((r) => r.path.endsWith('/values:batchUpdate'));
    expect(writes).toHaveLength(1);
    const data = (writes[0] as { body: unknown }).body as { data: { range: string; values: unknown[][] }[] };
    const ranges = data.data;
    let checked = 0;
    for (const { range, values } of ranges) {
      const grid = parseA1(range);
      const tab = grid.sheet ?? '';
      if (tab === AGING_TAB) continue; // a report the engine rebuilds whole
      const key = tabKeyByName(tab);
      expect(key, `write to unknown tab ${tab}`).toBeDefined();
      const owners = new Map(
        Object.values(TABS[key as keyof typeof TABS].columns).map((c) => [c.header, c.owner]),
      );
      const header = doc.sheetNamed(tab).values[0] ?? [];
      values.forEach((row, r) => {
        if (grid.startRow + r === 0 || grid.startRow + r >= (rowsBefore.get(tab) ?? 0)) return; // header / appended
        row.forEach((_, c) => {
          const name = String(header[grid.startCol + c] ?? '');
          expect(owners.get(name), `${range} writes ${tab}!${name} (row ${grid.startRow + r + 1})`).toMatch(
            /^(engine|sync|formula)$/,
          );
          checked += 1;
        });
      });
    }
    expect(checked).toBeGreaterThan(0);
    const after = doc.sheetNamed('POs');
    const col = (h: string) => (after.values[0] ?? []).indexOf(h);
    expect(after.values.slice(1, 3).map((r) => r[col('Buyer')])).toEqual(['Dana', 'Lee']);
    expect(after.values[1]?.[col('VendorETA')]).toBeTruthy();
    const logged = JSON.stringify(doc.sheetNamed('Log').values.at(-1));
    expect(logged).toContain('PO-1 line 1 (A): ETA 2026-12-01 → 2027-01-15');
    expect(logged).toContain('PO-2 line 1 (A): Summit confirms 2026-12-04');
  });
});
