/**
 * A retried row deletion never removes the wrong row: `archive --spreadsheet` whose deletion is applied
 * but whose answer is lost (the socket dropped after the commit) retries, finds the archived rows gone,
 * and stops there, so the open order line that moved up into their place stays; `check` is clean.
 * Real HTTP against the twin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cliWith, tempDir } from '../../support/cli';
import { servedSpreadsheet } from '../../support/sheets-twin';
import { importShop } from '../../support/shop';

let served: Awaited<ReturnType<typeof servedSpreadsheet>> | undefined;
afterEach(async () => {
  await served?.close();
});

describe('archive over the Sheets API with a lost answer', () => {
  it('removes the closed order once and keeps the open line that moved up', async () => {
    served = await servedSpreadsheet();
    const { doc, twin, env } = served;
    const dir = tempDir();
    const s = ['--spreadsheet', doc.id];
    await cliWith(env, dir, 'init', ...s);
    await importShop(
      dir,
      s,
      {
        inventory: 'SKU,Warehouse,OnHand\nA,MAIN,10\n',
        orders:
          'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-1,1,2026-09-01,Harbor,A,2\nSO-2,1,2026-11-20,Bayside,A,3\nSO-3,1,2026-11-21,Cedar,A,1\n',
        pos: 'PO,Line,Vendor,SKU,Qty,Warehouse,PromisedDate\n',
      },
      env,
    );
    await cliWith({ ...env, BACKORDER_DESK_TODAY: '2026-09-02' }, dir, 'do', 'allocate', ...s);
    await cliWith({ ...env, BACKORDER_DESK_TODAY: '2026-09-02' }, dir, 'do', 'ship', ...s, '--order', 'SO-1');
    const orderIds = () =>
      (
        doc
          .sheetNamed('Orders')
          .values.slice(1)
          .map((r) => r[0]) as string[]
      ).filter(Boolean);
    expect(orderIds()).toEqual(['SO-1', 'SO-2', 'SO-3']);

    twin.faults.push({ route: /\/v4\/spreadsheets\/[^/]+:batchUpdate$/, dropAfterCommit: true });
    const r = await cliWith(env, dir, 'archive', ...s, '--before', '2026-10-01', '--to', 'archive.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(orderIds()).toEqual(['SO-2', 'SO-3']);
    expect((await cliWith(env, dir, 'check', ...s)).code).toBe(0);
  });
});
