/**
 * `npm start`: the product's main job on a machine with no Google account. It builds the add-on, builds
 * (or reopens) a demo distributor workbook from the project's own seeded simulation, dated around
 * today, does a rep's morning through the same use-cases as the CLI (allocate, ship, rebuild Aging),
 * dresses the tabs with the add-on's Set up workbook, then serves the playground: the workbook as
 * grids with the real sidebar beside them (playground/server.ts), while the sync service pulls the demo
 * vendor feed (demo/vendor-feed.csv, editable) through the twin's Sheets API face on an interval.
 * Ctrl-C stops it with the workbook saved. BACKORDER_DESK_SERVE=0 stops after the morning (tests).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileSpreadsheet } from '../local-store/file-spreadsheet';
import { SharedWorkbookFile } from '../local-store/shared-workbook';
import { readWorkbookFile, workbookFileOf, writeWorkbookFile } from '../local-store/workbook-file';
import { Playground } from '../playground/server';
import { simulateDemo } from '../shared/demo/simulate';
import type { CommandContext } from '../shared/desk';
import { addDays, dateInZone, type IsoDate, isIsoDate } from '../shared/primitives/dates';
import { DeskError } from '../shared/primitives/errors';
import { renderWorkbook } from '../shared/setup/render-workbook';
import { DEFAULT_SETTINGS } from '../shared/tabs/settings';
import { loadSyncConfig } from '../sync-service/src/feeds/config';
import { sheetsClient } from '../sync-service/src/sheets/client';
import { Retrier } from '../sync-service/src/sheets/retry';
import { SheetsSpreadsheet } from '../sync-service/src/sheets/sheets-spreadsheet';
import { loadWorkbook } from '../sync-service/src/use-cases/load';
import { rebuildAging } from '../sync-service/src/use-cases/rebuild-aging';
import { runAction } from '../sync-service/src/use-cases/run-action';
import { syncEtas } from '../sync-service/src/use-cases/sync-etas';
import { TwinSpreadsheet } from '../twin/spreadsheet';

/** The project's root: the nearest folder above this module holding package.json (built or not). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('npm start runs inside the backorder-desk project');
    dir = up;
  }
  return dir;
}

const ROOT = projectRoot();

const say = (line = '') => process.stdout.write(`${line}\n`);

async function createDemo(path: string, today: IsoDate): Promise<void> {
  say(
    `• building a demo distributor: 300 SKUs in 3 warehouses, 6 vendors, 60 days of orders up to ${today}…`,
  );
  const started = performance.now();
  const wb = simulateDemo({ today });
  const ctx = { face: 'api' as const, timeZone: DEFAULT_SETTINGS.TimeZone, currencyDigits: 2 };
  const file = workbookFileOf(
    'Backorder Desk demo: Harbor Supply Co.',
    DEFAULT_SETTINGS.TimeZone,
    renderWorkbook(wb, ctx),
  );
  await writeWorkbookFile(path, file);
  say(
    `  ${wb.orders.length} order lines, ${wb.backorders.length} backorders, ${wb.log.length} logged actions (${Math.round(performance.now() - started)} ms)`,
  );
}

/**
 * The demo vendor feed: Summit's ETAs for its open PO lines, most on time and a few slipped by 6 to 9
 * days, so the first sync moves backorders and asks reps to call. The file is the user's to edit.
 */
async function writeDemoFeed(
  dir: string,
  wb: Awaited<ReturnType<typeof loadWorkbook>>['workbook'],
  today: IsoDate,
) {
  const open = wb.pos.filter((p) => p.qty > p.qtyReceived && p.vendor && (p.vendorEta ?? p.promisedDate));
  const vendor = open[0]?.vendor ?? 'Summit Roofing Supply';
  const lines = open.filter((p) => p.vendor === vendor).slice(0, 12);
  const rows = lines.map((p, i) => {
    const stated = (p.vendorEta ?? p.promisedDate) as IsoDate;
    // A vendor confirms future dates: a line already late is confirmed for three days from now.
    const base = stated < today ? addDays(today, 3) : stated;
    return `${p.po},${p.line},${addDays(base, i % 3 === 0 ? 6 + (i % 4) : 0)}`;
  });
  await writeFile(join(dir, 'vendor-feed.csv'), `${['PO,Line,ETA', ...rows].join('\n')}\n`);
  await writeFile(
    join(dir, 'feeds.json'),
    `${JSON.stringify({ vendors: [{ vendor, source: { file: 'vendor-feed.csv' }, format: 'csv', mapping: { po: 'PO', line: 'Line', eta: 'ETA' } }] }, null, 2)}\n`,
  );
}

async function serve(path: string, today: IsoDate): Promise<void> {
  const file = await readWorkbookFile(path);
  if (!file) throw new Error(`${path} could not be read`);
  const twin = new TwinSpreadsheet(file);
  // The CLI may change the file while we serve it: every request and sync run is one unit under
  // the workbook's lock, on the file as it is (shared-workbook.ts).
  const shared = new SharedWorkbookFile(path, twin, 'npm start (the playground)');
  const playground = await Playground.open({
    twin,
    dist: join(ROOT, 'addon', 'dist'),
    page: join(ROOT, 'playground', 'dist'),
    save: () => writeWorkbookFile(path, twin.file),
    file: shared,
  });
  const setUp =
    (twin.file.sheets[0]?.metadata as { dataValidations?: unknown[] } | undefined)?.dataValidations ===
    undefined;
  if (setUp) {
    say("• dressing the tabs with the add-on's Set up workbook (validation, formulas, protection)…");
    await playground.exclusive(() => playground.rt.run('menuSetUpWorkbook'));
  }
  const wanted = Number(process.env.PORT ?? 8080);
  let addresses: { url: string; apiUrl: string };
  try {
    addresses = await playground.listen(wanted);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new Error(`port ${wanted} is taken: run \`PORT=8181 npm start\` (or any free port)`);
    throw e;
  }
  const feeds = join(dirname(path), 'feeds.json');
  const config = await loadSyncConfig(feeds);
  const port = new SheetsSpreadsheet(
    sheetsClient({
      BACKORDER_DESK_SHEETS_URL: addresses.apiUrl,
      BACKORDER_DESK_ACCESS_TOKEN: playground.token,
    }),
    twin.id,
    new Retrier(),
  );
  const every = Number(process.env.BACKORDER_DESK_SYNC_SECONDS ?? 60) * 1000;
  let syncing = false;
  let saidQuiet = false;
  const context = (kind: string): CommandContext => ({
    today,
    now: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
    actor: 'sync service',
    requestId: `${kind}-${randomUUID()}`,
  });
  /** One sync run, said on the terminal; whether it changed anything. */
  const sync = async (): Promise<boolean> => {
    if (syncing) return false;
    syncing = true;
    try {
      const report = await playground.exclusive(() => syncEtas(port, config, context('sync'), false));
      // A quiet run (nothing new, no feed problem) is said once, not every interval.
      const quiet = !report.applied && report.problems.length === 0;
      if (!quiet || !saidQuiet)
        say(
          `• sync: ${report.etas} vendor ETA(s) read from ${feeds}; ${report.applied ? (report.messages[0] ?? 'applied') : 'nothing new'}${quiet ? ' (quiet runs are not repeated here)' : ''}`,
        );
      saidQuiet = quiet;
      for (const p of report.problems)
        say(`  feed problem: ${p.vendor} row ${p.row} ${p.field} "${p.value}": ${p.reason}`);
      return report.applied;
    } catch (e) {
      say(`• sync failed: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    } finally {
      syncing = false;
    }
  };
  // The first run moves ETAs: the Aging tab and the count the terminal gave are brought up to it,
  // so the page and the terminal say the same.
  if (await sync()) {
    await playground.exclusive(() => rebuildAging(port, context('aging')));
    const { workbook } = await playground.exclusive(() => loadWorkbook(port));
    const open = workbook.backorders.filter((b) => b.qtyRemaining > 0);
    const late = open.filter((b) => b.expectedDate !== null && b.expectedDate < today);
    say(
      `• after the vendor feed: ${open.length} backorders open, ${late.length} past their expected date; Aging tab rebuilt`,
    );
  }
  const timer = setInterval(() => void sync(), every);
  say();
  say(`Backorder Desk is running at ${addresses.url}`);
  say(`  Rep: click a row of Orders, Backorders or POs; the sidebar on the right follows it.`);
  say(`  Owner: open the Aging tab (rebuilt by Extensions ▸ Backorder Desk ▸ Rebuild aging).`);
  say(
    `  Accountant: Download QuickBooks CSV or Xero CSV at the top. Edit ${join(dirname(path), 'vendor-feed.csv')} to slip an ETA; the sync runs every ${every / 1000} s.`,
  );
  say('Ctrl-C stops it; the workbook is saved after every change.');
  const stop = async () => {
    clearInterval(timer);
    // Every unit of work was saved as it ended; writing again here could undo a CLI command's change.
    await playground.close();
    say(`\nStopped; the workbook is saved in ${path}.`);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function main(): Promise<void> {
  const path = resolve(process.env.BACKORDER_DESK_DEMO ?? 'demo/demo-workbook.json');
  const fixed = process.env.BACKORDER_DESK_TODAY;
  if (fixed !== undefined && !isIsoDate(fixed))
    throw new Error(`BACKORDER_DESK_TODAY must be YYYY-MM-DD, got "${fixed}"`);
  const today = (fixed ?? dateInZone(new Date(), DEFAULT_SETTINGS.TimeZone)) as IsoDate;
  say('Backorder Desk demo');
  const serving = process.env.BACKORDER_DESK_SERVE !== '0';
  if (serving) {
    say('• building the add-on (addon/dist) and the playground page…');
    // Plain JavaScript beside the sources, loaded by path: run from dist/start/ or from start/ alike.
    const { buildAddon, buildPlayground } = await import(
      pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href
    );
    await buildAddon({ quiet: true });
    await buildPlayground();
  }
  const fresh = !existsSync(path);
  if (fresh) await createDemo(path, today);
  else say(`• reopening ${path}`);

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
  let picks = 0;
  for (const orderId of ready) {
    try {
      const r = await runAction(port, { action: 'ship', orderId }, ctx(`ship-${orderId}`));
      for (const m of r.messages.filter((x) => x.startsWith('pick '))) {
        shippedUnits += Number(/^pick (\d+)/.exec(m)?.[1] ?? 0);
        picks += 1;
        if (picks <= 5) say(`  shipped: ${m.slice(5)}`);
      }
    } catch (e) {
      if (!(e instanceof DeskError)) throw e;
      say(`  held: ${e.message}`);
    }
  }
  if (picks > 5) say(`  … and ${picks - 5} more picks`);
  for (const s of allocated.shortfalls.slice(0, 5))
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
  say(`The workbook is ${path}. From another terminal, try:`);
  say(`  npx backorder-desk export --workbook ${path} --tab Backorders`);
  say(`  npx backorder-desk check --workbook ${path}`);
  if (!existsSync(join(dirname(path), 'feeds.json'))) await writeDemoFeed(dirname(path), after, today);
  if (serving) await serve(path, today);
}

main().catch((e) => {
  process.stderr.write(`npm start failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
