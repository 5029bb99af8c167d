/**
 * Imports refuse what would only fail later, naming the row and the column, and change nothing: a
 * two-digit year, a discount over 100 %, a Settings time zone no command could use, a header given
 * twice, a cell Google Sheets would refuse (over 50,000 characters); and the same --request-id again
 * is the same import, applied once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../support/cli';

const w = ['--workbook', 'w.json'];

async function shop(): Promise<string> {
  const dir = tempDir();
  await cli(dir, 'init', ...w);
  writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse,OnHand\nA,MAIN,5\n');
  expect((await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'i.csv')).code).toBe(0);
  return dir;
}

async function refused(dir: string, tab: string, csv: string, ...extra: string[]) {
  writeFileSync(join(dir, 'x.csv'), csv);
  const before = readFileSync(join(dir, 'w.json'), 'utf8');
  const r = await cli(dir, 'import', ...w, '--tab', tab, '--csv', 'x.csv', ...extra);
  expect(r.code).toBe(1);
  expect(readFileSync(join(dir, 'w.json'), 'utf8')).toBe(before);
  return r.stderr;
}

describe('import refuses what would fail later', () => {
  it('names a two-digit year, a discount over 100 %, a doubled header and an oversized cell', async () => {
    const dir = await shop();
    const head = 'OrderID,Line,OrderDate,Customer,SKU,Qty';
    expect(await refused(dir, 'Orders', `${head}\nSO-1,1,11/20/26,Harbor,A,2\n`)).toContain(
      'x.csv row 2: OrderDate must be a date with a four-digit year (YYYY-MM-DD), got "11/20/26"',
    );
    expect(await refused(dir, 'Orders', `${head},Discount\nSO-1,1,2026-11-20,Harbor,A,2,150%\n`)).toContain(
      'x.csv row 2: Discount must be a discount from 0 to 1 (or 0% to 100%), got "150%"',
    );
    expect(await refused(dir, 'Orders', `${head},Qty\nSO-1,1,2026-11-20,Harbor,A,2,5\n`)).toContain(
      'x.csv: column "Qty" appears twice (columns F and G); keep one',
    );
    expect(
      await refused(dir, 'Orders', `${head},Notes\nSO-1,1,2026-11-20,${'x'.repeat(50_001)},A,2,\n`),
    ).toContain(
      'x.csv row 2: Customer has 50,001 characters, more than the 50,000 a Google Sheets cell holds',
    );
  });

  it('refuses a Settings value no command could use', async () => {
    const dir = await shop();
    const why = await refused(dir, 'Settings', 'Key,Value\nTimeZone,Mars/Phobos\n');
    expect(why).toMatch(
      /x\.csv: nothing imported; Settings would have bad values:\n {2}Settings!B\d+: TimeZone is not valid, got "Mars\/Phobos"/,
    );
    expect((await cli(dir, 'check', ...w)).code).toBe(0);
  });

  it('applies an import once per --request-id', async () => {
    const dir = await shop();
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-1,1,2026-11-20,Harbor,A,2\n',
    );
    const run = () =>
      cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o.csv', '--request-id', 'nightly-42');
    expect((await run()).stdout).toMatch(/^Orders: 1 added/);
    // The file changed meanwhile (the next night's data under a reused id): still not applied twice.
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-1,1,2026-11-20,Harbor,A,7\n',
    );
    expect((await run()).stdout).toMatch(/^already applied \(LG-\d+\): Orders: 1 added/);
    const orders = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Orders', '--format', 'json')).stdout);
    expect(orders.map((o: { Qty: number }) => o.Qty)).toEqual([2]);
  });
});
