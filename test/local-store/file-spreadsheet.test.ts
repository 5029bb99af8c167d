/**
 * The local workbook file: one read and at most one write per action (counted), atomic saves (a
 * temporary file renamed over the old one, nothing left behind), and a clear error for a damaged file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSpreadsheet } from '../../local-store/file-spreadsheet';
import { runAction } from '../../sync-service/src/use-cases/run-action';
import { setupWorkbook } from '../../sync-service/src/use-cases/setup-workbook';
import { context } from '../support/build';
import { cli, tempDir } from '../support/cli';

async function seeded(dir: string, lines: number): Promise<string> {
  const rows = ['OrderID,Line,OrderDate,Customer,SKU,Qty'];
  for (let i = 0; i < lines; i++) rows.push(`SO-${i},1,2026-11-01,C${i % 7},S${i % 50},${1 + (i % 9)}`);
  writeFileSync(join(dir, 'o.csv'), rows.join('\n'));
  writeFileSync(
    join(dir, 'i.csv'),
    ['SKU,Warehouse,OnHand', ...Array.from({ length: 50 }, (_, i) => `S${i},MAIN,${i * 3}`)].join('\n'),
  );
  await cli(dir, 'init', '--workbook', 'w.json');
  await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Inventory', '--csv', 'i.csv');
  await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'o.csv');
  return join(dir, 'w.json');
}

describe('FileSpreadsheet', () => {
  it.each([10, 2000])('allocate-all on %i lines reads once and writes once', async (lines) => {
    const path = await seeded(tempDir(), lines);
    const port = await FileSpreadsheet.open(path);
    await runAction(port, { action: 'allocate' }, context(1));
    expect(port.calls).toEqual({ read: 1, write: 1 });
    const refused = await FileSpreadsheet.open(path);
    await expect(runAction(refused, { action: 'fulfill', backorderId: 'BO-X' }, context(2))).rejects.toThrow(
      /not found/,
    );
    expect(refused.calls).toEqual({ read: 1, write: 0 });
  });

  it('saves atomically and leaves no temporary file behind', async () => {
    const dir = tempDir();
    const port = await FileSpreadsheet.open(join(dir, 'w.json'));
    await setupWorkbook(port, context(1));
    expect(readdirSync(dir)).toEqual(['w.json']);
  });

  it('refuses a damaged file with its name and the reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{"format":"something else"}');
    const r = await cli(dir, 'check', '--workbook', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad.json is not a valid Backorder Desk workbook: format/);
    writeFileSync(join(dir, 'worse.json'), '{"format":');
    expect((await cli(dir, 'check', '--workbook', 'worse.json')).stderr).toMatch(
      /worse.json is not a Backorder Desk workbook \(not JSON/,
    );
  });

  it('names the sheet and the cell of a grid holding something a cell cannot', async () => {
    const dir = tempDir();
    const port = await FileSpreadsheet.open(join(dir, 'w.json'));
    await setupWorkbook(port, context(1));
    const file = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
    const orders = file.sheets.find(
      (s: { properties: { title: string } }) => s.properties.title === 'Orders',
    );
    orders.values.push(['SO-1', 1, { nested: true }]);
    writeFileSync(join(dir, 'w.json'), JSON.stringify(file));
    const r = await cli(dir, 'check', '--workbook', 'w.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('must be rows of cells');
    expect(r.stderr).toContain('sheet Orders: cell C2 holds {"nested":true}');
  });
});
