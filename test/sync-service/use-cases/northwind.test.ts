/**
 * Real, dirty data: Northwind's products, suppliers, customers and 2,155 order lines (floats such as
 * 9.80000019, accented names, discontinued products), mapped to Backorder Desk's CSV columns,
 * imported through the CLI with `--opening` (the shipped orders come in as opening shipments on their
 * real shipped dates), then allocated; every invariant must hold. The data is read from
 * ../shared/fixtures/northwind beside the checkout and never copied into the project.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../support/cli';

const NORTHWIND = resolve(__dirname, '../../../../shared/fixtures/northwind');
const present = existsSync(join(NORTHWIND, 'order_details.csv'));
if (!present) console.warn(`Northwind fixture not found at ${NORTHWIND}: skipping the Northwind import test`);

type Row = Record<string, string>;
const read = (name: string): Row[] =>
  parse(readFileSync(join(NORTHWIND, name), 'utf8'), { columns: true, bom: true });

describe.skipIf(!present)('Northwind import', () => {
  it('imports products, suppliers and 2,155 order lines with their shipped dates, then allocates what is open with every invariant intact', async () => {
    const dir = tempDir();
    const suppliers = new Map(read('suppliers.csv').map((s) => [s.supplier_id, s.company_name]));
    const customers = new Map(read('customers.csv').map((c) => [c.customer_id, c.company_name]));
    const employees = new Map(
      read('employees.csv').map((e) => [e.employee_id, `${e.first_name} ${e.last_name}`]),
    );
    const products = read('products.csv');
    writeFileSync(
      join(dir, 'inventory.csv'),
      stringify([
        ['SKU', 'Warehouse', 'Product', 'OnHand', 'ReorderPoint', 'Vendor', 'UnitCost', 'Discontinued'],
        ...products.map((p) => [
          `NW-${p.product_id}`,
          'MAIN',
          p.product_name,
          p.units_in_stock,
          p.reorder_level,
          suppliers.get(p.supplier_id ?? '') ?? '',
          p.unit_price,
          p.discontinued,
        ]),
      ]),
    );
    const orders = new Map(read('orders.csv').map((o) => [o.order_id, o]));
    const lineNo = new Map<string, number>();
    const details = read('order_details.csv');
    writeFileSync(
      join(dir, 'orders.csv'),
      stringify([
        [
          'OrderID',
          'Line',
          'OrderDate',
          'Customer',
          'SalesRep',
          'ShipTo',
          'SKU',
          'Qty',
          'UnitPrice',
          'Discount',
          'RequiredDate',
          'QtyShipped',
          'ShipDate',
        ],
        ...details.map((d) => {
          const o = orders.get(d.order_id ?? '') as Row;
          const n = (lineNo.get(d.order_id ?? '') ?? 0) + 1;
          lineNo.set(d.order_id ?? '', n);
          return [
            d.order_id,
            n,
            o.order_date,
            customers.get(o.customer_id ?? '') ?? o.customer_id,
            employees.get(o.employee_id ?? ''),
            `${o.ship_name}, ${o.ship_city}`,
            `NW-${d.product_id}`,
            d.quantity,
            d.unit_price,
            d.discount,
            o.required_date,
            // Northwind ships an order whole, on its shipped_date; 21 orders have none yet.
            o.shipped_date ? d.quantity : '',
            o.shipped_date,
          ];
        }),
      ]),
    );
    const w = ['--workbook', 'nw.json'];
    expect((await cli(dir, 'init', ...w)).code).toBe(0);
    expect(await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'inventory.csv')).toMatchObject({
      code: 0,
      stdout: 'Inventory: 77 added, 0 updated from inventory.csv\n',
    });
    const shippedOrders = [...orders.values()].filter((o) => o.shipped_date !== '');
    const shippedLines = details.filter((d) => orders.get(d.order_id ?? '')?.shipped_date);
    const units = shippedLines.reduce((n, d) => n + Number(d.quantity), 0);
    expect(
      await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'orders.csv', '--opening'),
    ).toMatchObject({
      code: 0,
      stdout: `Orders: 2155 added, 0 updated from orders.csv; opening balances: ${units} units shipped on ${shippedLines.length} line(s), as ${shippedOrders.length} opening shipments SH-000001…SH-000${shippedOrders.length} (InvoiceNo Opening: not invoiced again)\n`,
    });
    expect([shippedOrders.length, shippedLines.length]).toEqual([809, 2082]);
    expect(await cli(dir, 'check', ...w)).toMatchObject({ code: 0 });
    const shipments = JSON.parse(
      (await cli(dir, 'export', ...w, '--tab', 'Shipments', '--format', 'json')).stdout,
    );
    expect(shipments.find((x: Row) => x.OrderID === '10248')).toMatchObject({
      ShipDate: '1996-07-16',
      Qty: 12,
    });

    // Only the 73 lines of the 21 orders not shipped yet are left to allocate.
    const allocated = JSON.parse((await cli(dir, 'do', 'allocate', ...w, '--json')).stdout);
    expect(allocated.shortfalls.length).toBeGreaterThan(0);
    expect(allocated.shortfalls.length).toBeLessThanOrEqual(73);
    expect(allocated.newIds.length).toBe(allocated.shortfalls.length);
    expect(await cli(dir, 'check', ...w)).toMatchObject({ code: 0 });
    expect(
      JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Invoices', '--format', 'json')).stdout),
    ).toEqual([]);

    const lines = JSON.parse((await cli(dir, 'export', ...w, '--tab', 'Orders', '--format', 'json')).stdout);
    const first = lines.find((l: Row) => l.OrderID === '10248' && String(l.Line) === '2');
    expect(first).toMatchObject({ SKU: 'NW-42', UnitPrice: 9.8, Customer: 'Vins et alcools Chevalier' });
    expect(lines.some((l: Row) => /[éèüöñã]/.test(String(l.Customer)))).toBe(true);
    expect(lines.filter((l: Row) => l.Status === 'Shipped')).toHaveLength(2082);
    for (const l of lines)
      expect(l.Qty).toBe(l.QtyShipped + l.QtyAllocated + l.QtyBackordered + l.QtyCancelled + l.QtyMoved);
  });
});
