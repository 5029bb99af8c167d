/**
 * A small shop set up through the CLI as a user would: the Inventory, Orders and POs CSVs written to
 * the folder and imported into a workbook file or a spreadsheet; and the sync's `feeds.json`, with
 * vendors whose feeds default to a CSV mapped PO / Line / ETA.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorFeed } from '../../shared/vendor-etas';
import { type CliRun, cliWith } from './cli';

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
