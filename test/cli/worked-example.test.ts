/**
 * 001's worked example through the command line, exactly as the README's shell session shows it:
 * 20 ordered, 15 in stock → 15 shipped, 5 on backorder; PO of 10 received → Ready to Fulfill →
 * fulfilled. Also the exit codes of the contract (0 done, 1 refused, 2 usage) and `--json`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';

function files(dir: string) {
  writeFileSync(
    join(dir, 'inventory.csv'),
    'SKU,Warehouse,Product,OnHand,LeadTimeDays\r\nCASE-1,MAIN,Cases of tile,15,10\r\n',
  );
  writeFileSync(
    join(dir, 'orders.csv'),
    'OrderID,Line,OrderDate,Customer,SKU,Qty,UnitPrice\nSO-1,1,2026-11-20,Harbor Builders,CASE-1,20,12.50\n',
  );
  writeFileSync(
    join(dir, 'pos.csv'),
    'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\nPO-1,1,Acme Supply,CASE-1,10,MAIN,2026-12-01\n',
  );
}

describe('backorder-desk, 001 worked example', () => {
  it('runs the whole story and keeps the workbook checkable', async () => {
    const dir = tempDir();
    files(dir);
    const w = ['--workbook', 'shop.json'];
    expect((await cli(dir, 'init', ...w)).code).toBe(0);
    for (const [tab, file] of [
      ['Inventory', 'inventory.csv'],
      ['Orders', 'orders.csv'],
      ['POs', 'pos.csv'],
    ])
      expect(await cli(dir, 'import', ...w, '--tab', tab as string, '--csv', file as string)).toMatchObject({
        code: 0,
        stderr: '',
      });

    const allocate = await cli(dir, 'do', 'allocate', ...w, '--json');
    expect(JSON.parse(allocate.stdout)).toMatchObject({
      action: 'allocate',
      applied: true,
      newIds: ['BO-000001'],
      shortfalls: [{ orderId: 'SO-1', wanted: 20, reserved: 15, outcome: 'backordered' }],
    });
    const ship = await cli(dir, 'do', 'ship', ...w, '--order', 'SO-1');
    expect(ship.stdout).toContain('pick 15 × CASE-1 at MAIN for SO-1 line 1 (SH-000001)');

    const backorders = JSON.parse(
      (await cli(dir, 'export', ...w, '--tab', 'Backorders', '--format', 'json')).stdout,
    );
    expect(backorders[0]).toMatchObject({
      BackorderID: 'BO-000001',
      Qty: 5,
      Status: 'Open',
      ExpectedDate: '2026-12-01',
      PO: 'PO-1',
      UnitPrice: 12.5,
    });

    const receive = await cli(dir, 'do', 'receive', ...w, '--po', 'PO-1');
    expect(receive.stdout).toContain('BO-000001 (Harbor Builders): 5 × CASE-1 ready to fulfill');
    expect((await cli(dir, 'do', 'fulfill', ...w, '--backorder', 'BO-000001')).code).toBe(0);

    const orders = (await cli(dir, 'export', ...w, '--tab', 'Orders')).stdout;
    expect(orders).toContain('SO-1,1,2026-11-20,Harbor Builders');
    expect(orders.split('\r\n')[1]?.endsWith(',0,20,0,0,0,,,Shipped,,')).toBe(true);
    const check = await cli(dir, 'check', ...w);
    const unformulated = (column: string, header: string) =>
      `alert: ${column}: ${header} has no formula in 1 row(s) (2): exports compute it, a spreadsheet opened on the workbook shows it blank; check --repair writes the formulas\n`;
    expect(check).toMatchObject({
      code: 0,
      stdout: `workbook OK: every tab, column and balance checks out\n${unformulated('Inventory!H', 'Available')}${unformulated('Backorders!AE', 'Age')}`,
    });
    expect((await cli(dir, 'check', ...w, '--repair')).stdout).toBe(
      'repaired: formulas written in 2 blank formula cell(s)\nworkbook OK: every tab, column and balance checks out\n',
    );
    expect(await cli(dir, 'check', ...w)).toMatchObject({
      code: 0,
      stdout: 'workbook OK: every tab, column and balance checks out\n',
    });
    const log = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Log', '--format', 'json')).stdout);
    expect(log.map((l: { Action: string }) => l.Action)).toEqual([
      'init',
      'import',
      'import',
      'import',
      'allocate',
      'ship',
      'receive',
      'fulfill',
      'check',
    ]);
    expect(
      log.every(
        (l: { Actor: string; When: string }) => l.Actor === 'tester' && l.When === '2026-11-23T12:00:00.000Z',
      ),
    ).toBe(true);
  });

  it('exits 1 with the reason when refused, 2 on usage mistakes', async () => {
    const dir = tempDir();
    files(dir);
    const w = ['--workbook', 'shop.json'];
    await cli(dir, 'init', ...w);
    await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'orders.csv');
    expect(await cli(dir, 'do', 'fulfill', ...w, '--backorder', 'BO-404')).toMatchObject({
      code: 1,
      stderr: 'backorder-desk: Backorders: backorder BO-404 not found\n',
    });
    expect((await cli(dir, 'do', 'ship', ...w)).code).toBe(2);
    expect((await cli(dir, 'do', 'teleport', ...w)).stderr).toContain('unknown action "teleport"');
    expect(
      (await cli(dir, 'do', 'cancel', ...w, '--backorder', 'BO-1', '--reason', 'bored')).stderr,
    ).toContain(
      '--reason must be one of Customer Requested, Product Discontinued, Unable to Fulfill, Excessive Delay, Other',
    );
    expect(
      (
        await cli(
          dir,
          'do',
          'reschedule',
          ...w,
          '--backorder',
          'BO-1',
          '--date',
          '2026-02-31',
          '--reason',
          'x',
        )
      ).stderr,
    ).toContain('--date: must be a real date written YYYY-MM-DD, got "2026-02-31"');
    expect((await cli(dir, 'init', ...w, '--today', 'tomorrow')).code).toBe(2);
    expect((await cli(dir, 'frobnicate')).code).toBe(2);
    expect((await cli(dir, '--help')).code).toBe(0);
    expect((await cli(dir, 'sync', ...w)).stderr).toContain('sync needs --feeds FILE');
  });

  it('refuses a mistyped path creating nothing; --create starts one; names a missing tab with the way out', async () => {
    const dir = tempDir();
    for (const argv of [
      ['do', 'allocate', '--workbook', 'typo/fresh.json'],
      ['check', '--workbook', 'typo/fresh.json'],
      ['invoices', '--workbook', 'typo/fresh.json', '--format', 'xero'],
      ['sync', '--workbook', 'typo/fresh.json', '--feeds', 'feeds.json'],
    ]) {
      const r = await cli(dir, ...argv);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/typo\/fresh\.json does not exist: nothing was done\. .*backorder-desk init/);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(await cli(dir, 'do', 'allocate', '--workbook', 'fresh.json', '--create')).toMatchObject({
      code: 0,
      stderr: '',
    });
    const log = JSON.parse(
      (await cli(dir, 'export', '--workbook', 'fresh.json', '--tab', 'Log', '--format', 'json')).stdout,
    );
    expect(log.map((l: { Action: string }) => l.Action)).toEqual(['init', 'allocate']);
    const path = join(dir, 'fresh.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.sheets = file.sheets.filter(
      (s: { properties: { title: string } }) => s.properties.title !== 'Calls',
    );
    writeFileSync(path, JSON.stringify(file));
    expect(await cli(dir, 'do', 'allocate', '--workbook', 'fresh.json')).toMatchObject({
      code: 1,
      stderr:
        'backorder-desk: The workbook has no Calls tab: run `backorder-desk init` (or Set up workbook) to add it\n',
    });
    expect((await cli(dir, 'check', '--workbook', 'fresh.json', '--repair')).stdout).toContain(
      'repaired: Calls: created with 11 columns',
    );
    expect((await cli(dir, 'do', 'allocate', '--workbook', 'fresh.json')).code).toBe(0);
  });

  it('makes a retried command with the same --request-id a no-op', async () => {
    const dir = tempDir();
    files(dir);
    const w = ['--workbook', 'shop.json'];
    await cli(dir, 'init', ...w);
    await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'inventory.csv');
    await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'orders.csv');
    const first = await cli(dir, 'do', 'allocate', ...w, '--request-id', 'abc', '--json');
    const again = await cli(dir, 'do', 'allocate', ...w, '--request-id', 'abc', '--json');
    expect(JSON.parse(first.stdout).applied).toBe(true);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: false, logId: JSON.parse(first.stdout).logId });
  });
});
