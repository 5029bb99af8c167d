/**
 * Set up over the Sheets API dresses a spreadsheet as the add-on's Set up does (one plan,
 * shared/setup/sheet-rules.ts): a person reading the sheet (`FORMATTED_VALUE`) sees dates as dates, money
 * and discounts in their formats; the engine's columns are protected (warning only); and `init` run
 * again after the grid grew adds no protection. Over real HTTP against the twin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROTECTION_PREFIX, sheetRules } from '../../shared/setup/sheet-rules';
import { cliWith, tempDir } from '../support/cli';
import { unreadableDates } from '../support/seen';
import { servedSpreadsheet } from '../support/sheets-twin';
import { importShop } from '../support/shop';

let served: Awaited<ReturnType<typeof servedSpreadsheet>> | undefined;
afterEach(async () => {
  await served?.close();
});

describe('init over the Sheets API', () => {
  it('shows dates as dates, protects the engine columns, and adds no protection when run again', async () => {
    served = await servedSpreadsheet();
    const { doc, env } = served;
    const dir = tempDir();
    const s = ['--spreadsheet', doc.id];
    expect((await cliWith(env, dir, 'init', ...s)).code).toBe(0);
    await importShop(
      dir,
      s,
      {
        inventory: 'SKU,Warehouse,OnHand\nA,MAIN,2\n',
        orders:
          'OrderID,Line,OrderDate,Customer,SKU,Qty,UnitPrice,Discount\nSO-1,1,2026-11-20,Harbor,A,5,1234.5,12.5%\n',
        pos: 'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\nPO-1,1,Keystone,A,9,MAIN,2026-12-01\n',
      },
      env,
    );
    expect((await cliWith(env, dir, 'do', 'allocate', ...s)).code).toBe(0);
    const shipped = await cliWith(env, dir, 'do', 'ship', ...s, '--order', 'SO-1');
    expect(shipped.stderr).toBe('');

    const seen = (tab: string) => {
      const [header, ...rows] = doc.read(`'${tab}'`, { valueRenderOption: 'FORMATTED_VALUE' }).values ?? [];
      return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
    };
    expect(seen('Orders')[0]).toMatchObject({
      OrderDate: '2026-11-20',
      UnitPrice: '1,234.50',
      Discount: '12.50%',
    });
    expect(seen('POs')[0]).toMatchObject({ PromisedDate: '2026-12-01' });
    expect(seen('Shipments')[0]?.ShipDate).toBe('2026-11-23');
    expect(seen('Log')[0]?.When).toMatch(/^2026-11-2\d \d\d:\d\d$/);
    expect(unreadableDates(doc)).toEqual([]);

    const ours = (tab: string) =>
      (
        (doc.sheetNamed(tab).metadata.protectedRanges as { description: string; warningOnly: boolean }[]) ??
        []
      ).filter((p) => p.description.startsWith(PROTECTION_PREFIX));
    const runs = (tab: string) => sheetRules(tab, doc.sheetNamed(tab).values[0] ?? [])?.protections.length;
    expect(ours('Orders').length).toBe(runs('Orders'));
    expect(ours('Orders').every((p) => p.warningOnly)).toBe(true);

    doc.sheetNamed('Orders').properties.gridProperties.rowCount = 4000;
    expect((await cliWith(env, dir, 'init', ...s)).code).toBe(0);
    expect((await cliWith(env, dir, 'init', ...s)).code).toBe(0);
    for (const tab of ['Orders', 'Backorders', 'POs', 'Shipments', 'Inventory', 'Calls', 'Invoices', 'Log'])
      expect(ours(tab).length, tab).toBe(runs(tab));
    expect(seen('Orders')[0]).toMatchObject({ OrderDate: '2026-11-20' });
  });
});
