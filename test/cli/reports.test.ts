/**
 * The reporting half of the CLI on a real workbook file: aging rebuilds its tab (logged, replaced
 * whole on a rerun), invoices export once and are marked Exported, documents print escaped HTML, and
 * archive moves closed orders out with every balance intact on both sides, people's columns included.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { QUICKBOOKS_HEADER } from '../../shared/reports/invoice-export';
import { cli, tempDir } from '../support/cli';

async function story(dir: string) {
  const w = ['--workbook', 'w.json'];
  writeFileSync(
    join(dir, 'i.csv'),
    'SKU,Warehouse,Product,OnHand,LeadTimeDays,Vendor\nA,MAIN,Tile,5,7,Keystone\n',
  );
  writeFileSync(
    join(dir, 'o.csv'),
    'OrderID,Line,OrderDate,Customer,SKU,Qty,UnitPrice,PaymentTerms,Site contact\n' +
      'SO-1,1,2026-09-01,<img src=x onerror=alert(1)>,A,3,10,Net 30,gate 4\n',
  );
  writeFileSync(
    join(dir, 'o2.csv'),
    'OrderID,Line,OrderDate,Customer,SKU,Qty,UnitPrice,PaymentTerms\nSO-2,1,2026-11-20,"=HYPERLINK(""http://x"")",A,6,10,Due on receipt\n',
  );
  await cli(dir, 'init', ...w);
  const file = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
  file.sheets
    .find((s: { properties: { title: string } }) => s.properties.title === 'Orders')
    .values[0].push('Site contact');
  writeFileSync(join(dir, 'w.json'), JSON.stringify(file));
  expect(await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'i.csv')).toMatchObject({
    stderr: '',
    code: 0,
  });
  expect(await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o.csv')).toMatchObject({
    stderr: '',
    code: 0,
  });
  await cli(dir, 'do', 'allocate', ...w, '--today', '2026-09-01');
  await cli(dir, 'do', 'ship', ...w, '--order', 'SO-1', '--today', '2026-09-02');
  await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o2.csv');
  await cli(dir, 'do', 'allocate', ...w);
  await cli(dir, 'do', 'ship', ...w, '--order', 'SO-2');
  return w;
}

describe('reports through the CLI', () => {
  it('rebuilds Aging, exports invoices once, prints escaped documents', async () => {
    const dir = tempDir();
    const w = await story(dir);
    expect((await cli(dir, 'aging', ...w)).stdout).toBe(
      'Aging rebuilt: 1 open backorders, 4 units, 0 overdue, 0 stale, 0 low-stock SKUs\n',
    );
    // The file keeps the report's amounts in its currency, as a spreadsheet opened on it shows them.
    const file = JSON.parse(readFileSync(join(dir, w[1] as string), 'utf8'));
    const aging = file.sheets.find((t: { properties: { title: string } }) => t.properties.title === 'Aging');
    const formats = Object.values(aging.metadata.cellFormats as Record<string, string>);
    expect(formats.length).toBeGreaterThan(0);
    expect(new Set(formats)).toEqual(new Set(['"$"#,##0.00']));
    const first = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Aging', '--format', 'json')).stdout);
    await cli(dir, 'aging', ...w);
    expect(JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Aging', '--format', 'json')).stdout)).toEqual(
      first,
    );

    const qb = await cli(dir, 'invoices', ...w, '--format', 'quickbooks');
    const rows = parse(qb.stdout) as string[][];
    expect(rows[0]).toEqual([...QUICKBOOKS_HEADER]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['INV-1001', '<img src=x onerror=alert(1)>', '09/02/2026', '10/02/2026'],
      ['INV-1002', `'=HYPERLINK("http://x")`, '11/23/2026', '11/23/2026'],
    ]);
    expect(await cli(dir, 'invoices', ...w, '--format', 'xero')).toMatchObject({
      code: 1,
      stderr:
        'backorder-desk: No invoice lines to export: every line is already marked Exported (export them again with --again, or --again --batch N)\n',
    });

    const html = (
      await cli(
        dir,
        'document',
        ...w,
        '--kind',
        'confirmation',
        '--backorder',
        'BO-000001',
        '--format',
        'html',
      )
    ).stdout;
    expect(html).not.toContain('<img');
    const message = (
      await cli(
        dir,
        'document',
        ...w,
        '--kind',
        'message',
        '--message',
        'created',
        '--backorder',
        'BO-000001',
      )
    ).stdout;
    expect(message).toBe(
      'Dear =HYPERLINK("http://x"), we are sorry: 4 × Tile (A) on order SO-2 is on backorder (Insufficient stock). We expect it by 2026-11-30 (our supplier\'s usual lead time). Your price of 10.00 USD is locked in. You can wait, take a substitute, or cancel this part of the order: reply to this message and our team will arrange it.\n',
    );
    const log = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Log', '--format', 'json')).stdout);
    expect(log.map((l: { Action: string }) => l.Action).slice(-3)).toEqual(['aging', 'aging', 'invoices']);
  });

  it('archives closed orders with their shipments, keeps people’s columns, and can run again', async () => {
    const dir = tempDir();
    const w = await story(dir);
    const r = await cli(dir, 'archive', ...w, '--before', '2026-10-01', '--to', 'archive.json');
    expect(r.stdout).toBe(
      'archived to archive.json: 1 order(s) closed before 2026-10-01: 1 lines, 0 backorders, 1 shipments, 0 calls\n',
    );
    expect((await cli(dir, 'check', ...w)).code).toBe(0);
    expect((await cli(dir, 'check', '--workbook', 'archive.json')).code).toBe(0);
    const archived = JSON.parse(
      (await cli(dir, 'export', '--workbook', 'archive.json', '--tab', 'Orders', '--format', 'json')).stdout,
    );
    expect(archived).toEqual([
      expect.objectContaining({ OrderID: 'SO-1', 'Site contact': 'gate 4', Status: 'Shipped' }),
    ]);
    const left = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Orders', '--format', 'json')).stdout);
    expect(left.map((l: { OrderID: string }) => l.OrderID)).toEqual(['SO-2']);
    expect((await cli(dir, 'archive', ...w, '--before', '2026-10-01', '--to', 'archive.json')).code).toBe(1);
  });
});
