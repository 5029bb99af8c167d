/**
 * A small shop set up through the CLI as a user would: the Inventory, Orders and POs CSVs written to
 * the folder and imported into a workbook file or a spreadsheet; and the sync's `feeds.json`, with
 * vendors whose feeds default to a CSV mapped PO / Line / ETA.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { VendorFeed } from '../../shared/vendor-etas';
import { type CliRun, cli, cliWith, tempDir } from './cli';

export interface ShopCsvs {
  readonly inventory: string;
  readonly orders: string;
  readonly pos: string;
}

/** Writes i.csv, o.csv and p.csv and imports them; `target` is `--workbook F` or `--spreadsheet ID`. */
export async function importShop(
  dir: string,
  target: readonly string[],
  csvs: ShopCsvs,
  env: Record<string, string> = {},
): Promise<CliRun[]> {
  const runs: CliRun[] = [];
  for (const [tab, file, text] of [
    ['Inventory', 'i.csv', csvs.inventory],
    ['Orders', 'o.csv', csvs.orders],
    ['POs', 'p.csv', csvs.pos],
  ] as const) {
    writeFileSync(join(dir, file), text);
    runs.push(await cliWith(env, dir, 'import', ...target, '--tab', tab, '--csv', file));
  }
  return runs;
}

type FeedEntry = Pick<VendorFeed, 'vendor' | 'source'> & Partial<VendorFeed>;

/** Writes `feeds.json` with these vendors (and spreadsheets, when given). */
export function writeFeeds(
  dir: string,
  vendors: readonly FeedEntry[],
  spreadsheets?: readonly string[],
): void {
  writeFileSync(
    join(dir, 'feeds.json'),
    JSON.stringify({
      ...(spreadsheets ? { spreadsheets } : {}),
      vendors: vendors.map((v) => ({
        format: 'csv',
        mapping: { po: 'PO', line: 'Line', eta: 'ETA' },
        ...v,
      })),
    }),
  );
}

/** A folder with w.json: `orders` one-line orders SO-1… for 1 × A each, all allocated from MAIN. */
export async function shopWith(orders: number): Promise<string> {
  const dir = tempDir();
  const w = ['--workbook', 'w.json'];
  const lines = Array.from({ length: orders }, (_, i) => `SO-${i + 1},1,2026-11-20,Customer ${i + 1},A,1`);
  await importShop(dir, w, {
    inventory: `SKU,Warehouse,OnHand\nA,MAIN,${orders}\n`,
    orders: `OrderID,Line,OrderDate,Customer,SKU,Qty\n${lines.join('\n')}\n`,
    pos: 'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\n',
  });
  expect((await cli(dir, 'do', 'allocate', ...w)).code).toBe(0);
  return dir;
}

/**
 * A workbook file `w.json` with an open backorder of SO-1 waiting on PO-1, and `feeds.json` whose
 * vendor Summit moves PO-1's ETA from 2026-11-28 to 2026-12-09: a sync run with one thing to do.
 */
export async function etaShop(): Promise<string> {
  const dir = tempDir();
  const w = ['--workbook', 'w.json'];
  await importShop(dir, w, {
    inventory: 'SKU,Warehouse,OnHand\nA,MAIN,0\n',
    orders: 'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-1,1,2026-11-01,Harbor,A,4\n',
    pos: 'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\nPO-1,1,Summit,A,10,MAIN,2026-11-28\n',
  });
  await cli(dir, 'do', 'allocate', ...w);
  writeFileSync(join(dir, 'summit.csv'), 'PO,Line,ETA\nPO-1,1,2026-12-09\n');
  writeFeeds(dir, [{ vendor: 'Summit', source: { file: 'summit.csv' } }]);
  return dir;
}
