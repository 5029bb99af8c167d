/**
 * `npm start`: the product's main job on a machine with no Google account. It builds (or reopens) a
 * demo distributor workbook from the project's own seeded simulation, dated around today, then does a
 * rep's morning through the same use-cases as the CLI: allocate today's orders, ship what is
 * allocated, and print what shipped and what went on backorder. The workbook file stays for the user
 * to explore with `npm run cli --`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { dateInZone, type IsoDate, isIsoDate } from '../../../shared/dates';
import { simulateDemo } from '../../../shared/demo/simulate';
import type { CommandContext } from '../../../shared/desk';
import { DeskError } from '../../../shared/errors';
import { chartOn } from '../../../shared/render-aging';
import { renderWorkbook } from '../../../shared/render-workbook';
import { DEFAULT_SETTINGS } from '../../../shared/tabs/settings';
import { newWorkbookFile, writeWorkbookFile } from '../../../twin/workbook-file';
import { FileSpreadsheet } from '../store/file-spreadsheet';
import { loadWorkbook } from '../use-cases/load';
import { rebuildAging } from '../use-cases/rebuild-aging';
import { runAction } from '../use-cases/run-action';

const say = (line = '') => process.stdout.write(`${line}\n`);

async function createDemo(path: string, today: IsoDate): Promise<void> {
  say(
    `• building a demo distributor: 300 SKUs in 3 warehouses, 6 vendors, 60 days of orders up to ${today}…`,
  );
  const started = performance.now();
  const wb = simulateDemo({ today });
  const file = newWorkbookFile('Backorder Desk demo: Harbor Supply Co.', DEFAULT_SETTINGS.TimeZone);
  const ctx = { face: 'api' as const, timeZone: DEFAULT_SETTINGS.TimeZone, currencyDigits: 2 };
  file.sheets = renderWorkbook(wb, ctx).map((tab, index) => ({
    properties: { sheetId: index, title: tab.name, index, gridProperties: { frozenRowCount: 1 } },
    values: tab.values as (string | number | boolean | null)[][],
    formulas: {},
    columnFormats: {},
    metadata: tab.charts
      ? { charts: tab.charts.map((c, i) => ({ chartId: index * 100 + i, ...chartOn(c, index) })) }
      : {},
  }));
  await writeWorkbookFile(path, file);
  say(
    `  ${wb.orders.length} order lines, ${wb.backorders.length} backorders, ${wb.log.length} logged actions (${Math.round(performance.now() - started)} ms)`,
  );
}

async function main(): Promise<void> {
  const path = resolve(process.env.BACKORDER_DESK_DEMO ?? 'demo/demo-workbook.json');
  const fixed = process.env.BACKORDER_DESK_TODAY;
  if (fixed !== undefined && !isIsoDate(fixed))
    throw new Error(`BACKORDER_DESK_TODAY must be YYYY-MM-DD, got "${fixed}"`);
  const today = (fixed ?? dateInZone(new Date(), DEFAULT_SETTINGS.TimeZone)) as IsoDate;
  say('Backorder Desk demo');
  if (existsSync(path)) say(`• reopening ${path}`);
  else await createDemo(path, today);

  const port = await FileSpreadsheet.open(path);
  const ctx = (action: string): CommandContext => ({
    today,
    now: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
    actor: 'demo rep',
    requestId: `start-${action}-${randomUUID()}`,
  });
  say('• allocating every open order and backorder (VIP first, then oldest)…');
  const allocated = await runAction(port, { action: 'allocate' }, ctx('allocate'));
  say(`  ${allocated.messages[0]}`);
  const { workbook } = await loadWorkbook(port);
  const ready = [...new Set(workbook.orders.filter((l) => l.qtyAllocated > 0).map((l) => l.orderId))];
  say(`• shipping ${ready.length} order(s) with allocated stock…`);
  let shippedUnits = 0;
  for (const orderId of ready) {
    try {
      const r = await runAction(port, { action: 'ship', orderId }, ctx(`ship-${orderId}`));
      for (const m of r.messages.filter((x) => x.startsWith('pick '))) {
        shippedUnits += Number(/^pick (\d+)/.exec(m)?.[1] ?? 0);
        say(`  shipped: ${m.slice(5)}`);
      }
    } catch (e) {
      if (!(e instanceof DeskError)) throw e;
      say(`  held: ${e.message}`);
    }
  }
  for (const s of allocated.shortfalls)
    say(
      `  ${s.outcome === 'backordered' ? 'backordered' : s.outcome}: ${s.orderId} line ${s.line} ${s.sku}, ${s.wanted - s.reserved} of ${s.wanted} short`,
    );
  const aging = await rebuildAging(port, ctx('aging'));
  say(`• Aging tab rebuilt: ${aging.summary}`);
  const after = (await loadWorkbook(port)).workbook;
  const open = after.backorders.filter((b) => b.qtyRemaining > 0);
  const late = open.filter((b) => b.expectedDate !== null && b.expectedDate < today);
  say();
  say(
    `Shipped ${shippedUnits} units today. ${open.length} backorders are open (${late.length} past their expected date).`,
  );
  say();
  say(`The workbook is ${path}. Try:`);
  say(`  npm run cli -- export --workbook ${path} --tab Backorders`);
  say(`  npm run cli -- export --workbook ${path} --tab all --format xlsx --out demo/demo.xlsx`);
  say(`  npm run cli -- check --workbook ${path}`);
  say(`  npm run cli -- do fulfill --workbook ${path} --json`);
}

main().catch((e) => {
  process.stderr.write(`npm start failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
