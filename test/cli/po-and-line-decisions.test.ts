/**
 * The order- and PO-line decisions walked through the CLI, as real processes: an order book and a PO list already in flight
 * imported with their statuses and opening balances (`import --opening`), the book allocated, one allocated line cancelled in part (the next customer in the queue receives the
 * freed units), a PO line's promised date moved and then the line cancelled (the backorder that waited on it shows its new expected date and
 * source, with a follow-up today), a line changed (Qty down, a new price its backorder follows), and
 * `check` clean at the end.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';

describe('cli: decisions on order and PO lines', () => {
  it('walks from an imported PO list to a cancelled PO line with check clean', async () => {
    const dir = tempDir();
    const w = ['--workbook', 'w.json'];
    await cli(dir, 'init', ...w);
    writeFileSync(
      join(dir, 'i.csv'),
      'SKU,Warehouse,Product,OnHand,LeadTimeDays\nA,MAIN,Shingles,6,14\nB,MAIN,Flashing,3,7\n',
    );
    // In flight: SO-0 shipped 2 of 5 before the move, PO-0 arrived in full, PO-1 is out with the vendor.
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty,QtyShipped,ShipDate\nSO-0,1,2026-10-20,Harbor Builders,B,5,2,2026-10-28\nSO-1,1,2026-11-01,Harbor Builders,A,10,,\nSO-2,1,2026-11-05,Pine Co,A,3,,\nSO-3,1,2026-11-06,Bayside Hardware,A,4,,\n',
    );
    writeFileSync(
      join(dir, 'p.csv'),
      'PO,Line,Vendor,SKU,Qty,PromisedDate,Warehouse,Status,QtyReceived,ReceivedAt\nPO-0,1,Summit,B,10,2026-10-15,MAIN,Sent,10,2026-10-18\nPO-1,1,Summit,A,12,2026-12-01,MAIN,Sent,,\nPO-2,1,Summit,A,20,2026-12-10,MAIN,Draft,,\n',
    );
    expect((await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'i.csv')).code).toBe(0);
    expect((await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o.csv', '--opening')).stdout).toBe(
      'Orders: 4 added, 0 updated from o.csv; opening balances: 2 units shipped on 1 line(s), as opening shipment SH-000001 (InvoiceNo Opening: not invoiced again)\n',
    );
    expect((await cli(dir, 'import', ...w, '--tab', 'POs', '--csv', 'p.csv', '--opening')).stdout).toBe(
      'POs: 3 added, 0 updated from p.csv; opening balances: 10 units received on 1 PO line(s) (already in OnHand, so stock is not moved)\n',
    );
    expect(await cli(dir, 'check', ...w)).toMatchObject({ code: 0 });
    expect((await cli(dir, 'do', 'allocate', ...w)).code).toBe(0);
    const opened = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Orders', '--format', 'json')).stdout);
    expect(opened[0]).toMatchObject({
      OrderID: 'SO-0',
      QtyShipped: 2,
      QtyAllocated: 3,
      Status: 'Partially shipped',
    });
    const pos = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'POs', '--format', 'json')).stdout);
    expect(pos.map((p: { PO: string; Status: string }) => `${p.PO} ${p.Status}`)).toEqual([
      'PO-0 Received',
      'PO-1 Sent',
      'PO-2 Draft',
    ]);

    const cancel = await cli(
      dir,
      'do',
      'cancel-line',
      ...w,
      '--order',
      'SO-1',
      '--line',
      '1',
      '--qty',
      '7',
      '--reason',
      'Customer Requested',
    );
    expect(cancel.stdout).toContain('SO-1 line 1: 7 × A cancelled (Customer Requested); 3 freed');
    expect(cancel.stdout).toContain('BO-000002 (Pine Co): 3 × A ready to fulfill');

    expect((await cli(dir, 'do', 'send-po', ...w, '--po', 'PO-2')).stdout).toContain(
      'PO-2: 1 line(s) sent on',
    );
    const po = await cli(
      dir,
      'do',
      'cancel-po-line',
      ...w,
      '--po',
      'PO-1',
      '--line',
      '1',
      '--note',
      'vendor out',
    );
    expect(po.stdout).toContain('PO-1 line 1: 12 × A cancelled (vendor out)');
    expect(po.stdout).toContain(
      'BO-000003 (Bayside Hardware): now expected from PO-2 on 2026-12-10; follow up today',
    );

    const backorders = JSON.parse(
      (await cli(dir, 'export', ...w, '--tab', 'Backorders', '--format', 'json')).stdout,
    );
    expect(backorders.find((b: { BackorderID: string }) => b.BackorderID === 'BO-000003')).toMatchObject({
      ExpectedDate: '2026-12-10',
      ExpectedSource: 'PO',
      PO: 'PO-2',
    });
    const refused = await cli(
      dir,
      'do',
      'cancel-line',
      ...w,
      '--order',
      'SO-1',
      '--line',
      '1',
      '--qty',
      '9',
      '--reason',
      'Customer Requested',
    );
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toContain(
      'SO-1 line 1: cannot cancel 9; 3 of 10 are still open (0 shipped, 7 cancelled)',
    );
    const badPrice = await cli(
      dir,
      'do',
      'change-line',
      ...w,
      '--order',
      'SO-3',
      '--line',
      '1',
      '--price',
      '12,5',
    );
    expect(badPrice).toMatchObject({ code: 2 });
    expect(badPrice.stderr).toContain('--price must be an amount such as 12.50, got "12,5"');
    const change = await cli(
      dir,
      'do',
      'change-line',
      ...w,
      '--order',
      'SO-3',
      '--line',
      '1',
      '--qty',
      '2',
      '--price',
      '11',
    );
    expect(change.stdout).toContain('SO-3 line 1: price 0.00 → 11.00; Qty 4 → 2');
    const after = JSON.parse(
      (await cli(dir, 'export', ...w, '--tab', 'Backorders', '--format', 'json')).stdout,
    );
    expect(after.find((b: { BackorderID: string }) => b.BackorderID === 'BO-000003')).toMatchObject({
      Qty: 2,
      QtyRemaining: 2,
      UnitPrice: 11,
    });
    // The opening shipment is never invoiced again: shipping the rest of SO-0 invoices its 3 units only.
    expect((await cli(dir, 'do', 'ship', ...w, '--order', 'SO-0')).code).toBe(0);
    const invoices = JSON.parse(
      (await cli(dir, 'export', ...w, '--tab', 'Invoices', '--format', 'json')).stdout,
    );
    expect(invoices.map((i: { OrderID: string; Qty: number }) => [i.OrderID, i.Qty])).toEqual([['SO-0', 3]]);
    expect(await cli(dir, 'check', ...w)).toMatchObject({ code: 0 });
  });

  it('imports an order on hold, skips it in allocation, and allocates it once released', async () => {
    const dir = tempDir();
    const w = ['--workbook', 'w.json'];
    await cli(dir, 'init', ...w);
    writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse,Product,OnHand\nA,MAIN,Shingles,5\n');
    writeFileSync(
      join(dir, 'o.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty,Hold\nSO-1,1,2026-11-01,Harbor Builders,A,4,Held\nSO-2,1,2026-11-05,Pine Co,A,2,\n',
    );
    expect((await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'i.csv')).code).toBe(0);
    expect((await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'o.csv')).code).toBe(0);
    const all = await cli(dir, 'do', 'allocate', ...w);
    expect(all.stdout).toContain('on hold, skipped: SO-1');
    const refused = await cli(dir, 'do', 'ship', ...w, '--order', 'SO-1');
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toContain('Order SO-1 is on hold: release it to ship');
    const released = await cli(dir, 'do', 'release', ...w, '--order', 'SO-1');
    expect(released.stdout).toContain('Order SO-1 released and allocated');
    const orders = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Orders', '--format', 'json')).stdout);
    expect(orders.map((o: { QtyAllocated: number; Hold: string }) => [o.QtyAllocated, o.Hold])).toEqual([
      [3, ''],
      [2, ''],
    ]);
    writeFileSync(
      join(dir, 'bad.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty,Hold\nSO-3,1,2026-11-07,Bay,A,1,Yes\n',
    );
    const bad = await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'bad.csv');
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.stderr).toContain('bad.csv row 2: Hold');
    expect(await cli(dir, 'check', ...w)).toMatchObject({ code: 0 });
  });
});
