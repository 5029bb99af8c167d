/**
 * Imports are all or nothing: one bad row refuses the file and every bad row is named; people's own
 * columns and rows survive; the workbook file is not touched by a refused import.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../support/cli';

describe('import', () => {
  it("gives blank Priority / ShipPolicy the customer's defaults and refuses a SKU Inventory lacks", async () => {
    const dir = tempDir();
    await cli(dir, 'init', '--workbook', 'w.json');
    writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse,OnHand\nA,MAIN,1\n');
    writeFileSync(join(dir, 's.csv'), 'Key,Value\nCustomer: Big Co,"VIP, Ship complete"\n');
    for (const [tab, file] of [
      ['Inventory', 'i.csv'],
      ['Settings', 's.csv'],
    ] as const)
      expect((await cli(dir, 'import', '--workbook', 'w.json', '--tab', tab, '--csv', file)).code).toBe(0);
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty,Priority\nSO-1,1,2026-11-01,Big Co,A,5,\nSO-2,1,2026-11-02,Big Co,A,1,High\n',
    );
    const r = await cli(
      dir,
      'import',
      '--workbook',
      'w.json',
      '--tab',
      'Orders',
      '--csv',
      'o.csv',
      '--allocate',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('allocate: done');
    const orders = JSON.parse(
      (await cli(dir, 'export', '--workbook', 'w.json', '--tab', 'Orders', '--format', 'json')).stdout,
    );
    expect(
      orders.map((o: Record<string, unknown>) => [o.OrderID, o.Priority, o.ShipPolicy, o.Status]),
    ).toEqual([
      ['SO-1', 'VIP', 'Ship complete', 'Parked'],
      ['SO-2', 'High', 'Ship complete', 'Allocated'],
    ]);
    writeFileSync(
      join(dir, 'z.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-3,1,2026-11-01,Pine,AX,5\n',
    );
    expect(
      (await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'z.csv')).stderr,
    ).toContain('z.csv row 2: SKU "AX" is not in Inventory; add it there first, or fix the SKU');
    writeFileSync(join(dir, 'q.csv'), 'OrderID,Line,quantity\nSO-1,1,5\n');
    expect(
      (await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'q.csv')).stderr,
    ).toContain(
      'column "quantity" is neither a column of Orders nor one people added to it; did you mean Qty?',
    );
  });

  it('refuses a file with bad rows, naming each, and writes nothing', async () => {
    const dir = tempDir();
    await cli(dir, 'init', '--workbook', 'w.json');
    const before = readFileSync(join(dir, 'w.json'), 'utf8');
    writeFileSync(
      join(dir, 'o.csv'),
      '\uFEFFOrderID;Line;OrderDate;Customer;SKU;Qty\r\nSO-1;1;2026-11-01;"Acme; the ""best""";A;ten\r\nSO-2;1;31/02/2026;B;A;2\r\nSO-3;1;2026-11-01;C;A;3\r\nSO-3;1;2026-11-02;C;A;3\r\n',
    );
    const r = await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'orders', '--csv', 'o.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'backorder-desk: o.csv: nothing imported; fix these rows and import again:',
        '  o.csv row 2: Qty must be a whole number ≥ 0, got "ten"',
        '  o.csv row 3: OrderDate must be a date with a four-digit year (YYYY-MM-DD), got "31/02/2026"',
        '  o.csv row 5: key SO-3#1 repeats row 4',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'w.json'), 'utf8')).toBe(before);
  });

  it('updates by key, keeps people’s own columns, and refuses engine columns', async () => {
    const dir = tempDir();
    await cli(dir, 'init', '--workbook', 'w.json');
    const path = join(dir, 'w.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const orders = file.sheets.find(
      (s: { properties: { title: string } }) => s.properties.title === 'Orders',
    );
    orders.values[0].push('Site contact');
    writeFileSync(path, JSON.stringify(file));
    writeFileSync(
      join(dir, 'a.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty,Site contact\nSO-1,1,2026-11-01,Acme,A,5,Bob\n',
    );
    expect(
      await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'a.csv'),
    ).toMatchObject({
      code: 0,
      stdout: 'Orders: 1 added, 0 updated from a.csv\n',
    });
    writeFileSync(join(dir, 'x.csv'), 'OrderID,Line,Gate code\nSO-1,1,1234\n');
    expect(
      (await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'x.csv')).stderr,
    ).toContain('column "Gate code" is neither a column of Orders nor one people added to it');
    writeFileSync(join(dir, 'b.csv'), 'Order ID,Line,Qty\nSO-1,1,7\n');
    expect(
      (await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'b.csv')).stdout,
    ).toBe('Orders: 0 added, 1 updated from b.csv\n');
    const rows = JSON.parse(
      (await cli(dir, 'export', '--workbook', 'w.json', '--tab', 'Orders', '--format', 'json')).stdout,
    );
    expect(rows).toEqual([
      expect.objectContaining({ OrderID: 'SO-1', Qty: 7, Customer: 'Acme', 'Site contact': 'Bob' }),
    ]);
    writeFileSync(join(dir, 'c.csv'), 'OrderID,Line,QtyShipped\nSO-1,1,7\n');
    expect(
      (await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'c.csv')).stderr,
    ).toContain("column QtyShipped is written by the engine; imports set people's columns only");
  });

  it('refuses an import that would break a balance', async () => {
    const dir = tempDir();
    const w = ['--workbook', 'w.json'];
    await cli(dir, 'init', ...w);
    writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse,OnHand\nA,MAIN,10\n');
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-1,1,2026-11-01,Acme,A,8\n',
    );
    await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'i.csv');
    await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o.csv');
    await cli(dir, 'do', 'allocate', ...w);
    await cli(dir, 'do', 'ship', ...w, '--order', 'SO-1');
    writeFileSync(join(dir, 'o2.csv'), 'OrderID,Line,Qty\nSO-1,1,3\n');
    const r = await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o2.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Orders SO-1#1: Qty 3 < shipped 8');
  });

  it('writes a formula-looking value as text, never as a formula', async () => {
    const dir = tempDir();
    await cli(dir, 'init', '--workbook', 'w.json');
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-1,1,2026-11-01,"=HYPERLINK(""http://x"",""y"")",A,1\n',
    );
    await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Orders', '--csv', 'o.csv');
    const file = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
    const orders = file.sheets.find(
      (s: { properties: { title: string } }) => s.properties.title === 'Orders',
    );
    expect(orders.values[1][3]).toBe('=HYPERLINK("http://x","y")');
    expect(orders.formulas).toEqual({});
    const csv = (await cli(dir, 'export', '--workbook', 'w.json', '--tab', 'Orders')).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('moves a PO list in with its people’s Status (Draft, Sent, Cancelled), refuses the derived ones, and leaves check clean', async () => {
    const dir = tempDir();
    await cli(dir, 'init', '--workbook', 'w.json');
    writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse,OnHand\nA,MAIN,0\n');
    await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'Inventory', '--csv', 'i.csv');
    writeFileSync(
      join(dir, 'p.csv'),
      'PO,Line,Vendor,SKU,Qty,Warehouse,Status\nPO-1,1,Summit,A,5,MAIN,Sent\nPO-2,1,Summit,A,9,MAIN,Cancelled\nPO-3,1,Summit,A,2,MAIN,\n',
    );
    expect(await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'POs', '--csv', 'p.csv')).toMatchObject({
      code: 0,
      stdout: 'POs: 3 added, 0 updated from p.csv\n',
    });
    const pos = JSON.parse(
      (await cli(dir, 'export', '--workbook', 'w.json', '--tab', 'POs', '--format', 'json')).stdout,
    );
    expect(pos.map((p: { PO: string; Status: string }) => `${p.PO} ${p.Status}`)).toEqual([
      'PO-1 Sent',
      'PO-2 Cancelled',
      'PO-3 Draft',
    ]);
    // A derived status, a cancelled line sent again, and any other engine column are refused, named.
    writeFileSync(
      join(dir, 'q.csv'),
      'PO,Line,SKU,Qty,Warehouse,Status\nPO-1,1,A,5,MAIN,Received\nPO-2,1,A,9,MAIN,Sent\n',
    );
    const q = await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'POs', '--csv', 'q.csv');
    expect(q.code).toBe(1);
    expect(q.stderr).toContain(
      'q.csv row 2: Status may be Draft, Sent, Cancelled in an import (the engine derives the rest), got "Received"',
    );
    expect(q.stderr).toContain('q.csv row 3: PO PO-2 line 1 cannot go from Cancelled to Sent');
    writeFileSync(join(dir, 'r.csv'), 'PO,Line,SKU,Qty,Warehouse,QtyReceived\nPO-1,1,A,5,MAIN,3\n');
    expect(
      (await cli(dir, 'import', '--workbook', 'w.json', '--tab', 'POs', '--csv', 'r.csv')).stderr,
    ).toContain(
      "column QtyReceived is written by the engine; imports set people's columns only (and Status Draft / Sent / Cancelled)",
    );
    // The import writes what the engine derives from it: OnOrder follows the open PO lines (PO-2 is
    // cancelled: 5 + 2 on order), and `check` is clean with no action in between.
    const inventory = JSON.parse(
      (await cli(dir, 'export', '--workbook', 'w.json', '--tab', 'Inventory', '--format', 'json')).stdout,
    );
    expect(inventory[0].OnOrder).toBe(7);
    expect((await cli(dir, 'check', '--workbook', 'w.json')).code).toBe(0);
  });
});
