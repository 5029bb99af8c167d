/**
 * The CLI's and the sync service's port on a brand-new Google spreadsheet (one "Sheet1" of
 * 1,000 × 26), over HTTP against the twin as strict as Google on grid limits: setup creates every tab
 * at its width, then actions (each with a port of its own, as each CLI run has) add a Log row each,
 * past the Log's first 1,000 rows. Each action lands whole, growing a grid takes one batchUpdate only
 * when a grid is full, and `check` stays clean (docs/fidelity.md S6–S10). As in
 * test/addon/long-life.test.ts, the suite starts from a Log a year of actions filled
 * (test/support/long-life.ts) and `npm run test:long` takes every action from an empty one.
 */
import { describe, expect, it } from 'vitest';
import { newWorkbookFile } from '../../../local-store/workbook-file';
import type { IsoDate } from '../../../shared/primitives/dates';
import { sheetsClient } from '../../../sync-service/src/sheets/client';
import { Retrier } from '../../../sync-service/src/sheets/retry';
import { SheetsSpreadsheet } from '../../../sync-service/src/sheets/sheets-spreadsheet';
import { checkWorkbook } from '../../../sync-service/src/use-cases/check-workbook';
import { runAction } from '../../../sync-service/src/use-cases/run-action';
import { setupWorkbook } from '../../../sync-service/src/use-cases/setup-workbook';
import { SheetsApiTwin } from '../../../twin/sheets-api';
import { TwinSpreadsheet } from '../../../twin/spreadsheet';
import { LONG_LIFE, prefillLog } from '../../support/long-life';

const TOKEN = 'ya29.long-life';
const { ACTIONS, HISTORY } = LONG_LIFE;
const ctx = (requestId: string) => ({
  today: '2026-11-23' as IsoDate,
  now: '2026-11-23T15:00:00.000Z',
  actor: 'cli@shop',
  requestId,
});

describe('Sheets API port: a new spreadsheet through a year of actions', () => {
  it(
    'sets up a 1,000 × 26 spreadsheet and passes the Log’s first grid, every action whole',
    async () => {
      const doc = new TwinSpreadsheet(
        newWorkbookFile('new', 'America/New_York'),
        () => new Date('2026-11-23T15:00:00Z'),
      );
      doc.addSheet('Sheet1');
      const clock = { t: Date.parse('2026-11-23T15:00:00Z') };
      const twin = new SheetsApiTwin({ tokens: { [TOKEN]: 'cli@shop' }, now: () => clock.t });
      twin.add(doc);
      const url = await twin.listen();
      const api = sheetsClient({ BACKORDER_DESK_SHEETS_URL: url, BACKORDER_DESK_ACCESS_TOKEN: TOKEN });
      const port = () =>
        new SheetsSpreadsheet(
          api,
          doc.id,
          // Google's pace (55 requests a minute, under its 60) on a virtual clock, so the test waits for nothing.
          new Retrier({
            maxAttempts: 10,
            perMinute: 55,
            now: () => clock.t,
            random: () => 0.5,
            sleep: async (ms) => {
              clock.t += ms;
            },
          }),
        );
      try {
        await setupWorkbook(port(), ctx('setup-000001'));
        expect(doc.sheetNamed('Backorders').values[0]).toHaveLength(32);
        // A person types a product and an order under the headers.
        const type = (tab: string, cells: Record<string, unknown>) => {
          const header = (doc.sheetNamed(tab).values[0] ?? []).map(String);
          doc.append(`${tab}!A1`, [header.map((h) => cells[h] ?? '')], 'USER_ENTERED');
        };
        type('Inventory', { SKU: 'CASE-1', Warehouse: 'MAIN', Product: 'Oak case', OnHand: 15 });
        type('Orders', {
          OrderID: 'SO-1',
          Line: 1,
          OrderDate: '2026-11-20',
          Customer: 'Harbor',
          SKU: 'CASE-1',
          Qty: 20,
          Warehouse: 'MAIN',
          UnitPrice: 12.5,
        });
        const grows: number[] = [];
        const call = async (i: number) => {
          const before = twin.log.length;
          await runAction(
            port(),
            { action: 'log-call', orderId: 'SO-1', method: 'Phone', summary: `Call ${i + 1}`, expected: {} },
            ctx(`long-life-${String(i).padStart(6, '0')}`),
          );
          if (
            twin.log.slice(before).some((r) => r.path.endsWith(':batchUpdate') && !r.path.includes('/values'))
          )
            grows.push(i);
        };
        await call(0);
        prefillLog(doc, HISTORY);
        const logBefore = (doc.read('Log').values ?? []).length;
        for (let i = 1; i <= ACTIONS; i++) await call(i);
        const log = doc.read('Log').values ?? [];
        expect(log.length - logBefore).toBe(ACTIONS);
        expect(log.length).toBeGreaterThan(1000);
        expect(doc.sheetNamed('Log').properties.gridProperties.rowCount).toBeGreaterThan(log.length);
        // One growth (with 500 rows of headroom) per tab each time it fills: the Log here, and Calls
        // too in the long run, once per 500 rows past the first 1,000.
        expect(grows.length).toBeGreaterThan(0);
        expect(grows.length).toBeLessThanOrEqual(2 * Math.ceil((log.length - 1000) / 500));
        expect((await checkWorkbook(port(), ctx('check-000001'), false)).problems).toEqual([]);
      } finally {
        await twin.close();
      }
    },
    LONG_LIFE.timeout,
  );
});
