/**
 * The playground in a real browser (playwright-core driving Debian's chromium, headless, fresh
 * profile): a rep allocates and ships an order short of stock and sees the backorder; receives the
 * PO, sees Ready to Fulfill, fulfils it; logs a call and cancels another backorder whose customer is
 * named `<img src=x onerror=alert(1)>` (rendered as text, no dialog opens); the owner rebuilds Aging
 * and sees its three charts, amounts in dollars and share bars; the accountant downloads the QuickBooks CSV, which the test parses. Screenshots
 * of each step go to test-results/screenshots/. Without chromium the test is skipped locally and
 * fails in CI (CI=true), as a missing browser must not pass silently.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Browser, chromium, type Frame, type Page, type Request, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Playground } from '../../playground/server';
// @ts-expect-error: the build script is plain JavaScript (it runs before any TypeScript tooling).
import { buildPlayground } from '../../scripts/build.mjs';
import { dateInZone } from '../../shared/primitives/dates';
import { builtAddon, openDesk, typeWorkedExample } from '../support/addon';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const XSS = '<img src=x onerror=alert(1)>';
const shots = join(__dirname, '../../test-results/screenshots');
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI)
  throw new Error(`CI needs a browser at ${CHROMIUM} (apt-get install chromium)`);

let browser: Browser;
let playground: Playground;
let page: Page;
let url: string;
const dialogs: string[] = [];

beforeAll(async () => {
  if (!haveBrowser) return;
  mkdirSync(shots, { recursive: true });
  await builtAddon();
  const pageDir = await buildPlayground();
  const desk = await openDesk({ now: () => Date.now() });
  desk.run('menuSetUpWorkbook');
  // Today where the workbook is (New York), as a person there types it: never tomorrow's date.
  const today = dateInZone(new Date(), 'America/New_York');
  typeWorkedExample(desk, today, '2099-12-01');
  desk.type('Inventory', [
    { SKU: 'LAMP-2', Warehouse: 'MAIN', Product: 'Brass lamp', OnHand: 0, Vendor: 'Summit' },
  ]);
  const order = { Line: 1, OrderDate: today, SKU: 'LAMP-2', UnitPrice: 40, Warehouse: 'MAIN' };
  desk.type('Orders', [
    { ...order, OrderID: 'SO-2', Customer: `'${XSS}`, Qty: 3 },
    { ...order, OrderID: 'SO-3', Customer: 'Bayside Hardware', Qty: 2 },
  ]);
  playground = await Playground.open({
    twin: desk.twin,
    dist: join(__dirname, '../../addon/dist'),
    page: pageDir,
    save: async () => undefined,
  });
  url = (await playground.listen(0)).url;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // launch() always starts from a fresh, empty profile of its own (a --user-data-dir is refused).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 800 }, acceptDownloads: true });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

const sidebar = (): Frame => {
  const f = page.frame({ url: /\/sidebar$/ });
  if (!f) throw new Error('the sidebar frame is not loaded');
  return f;
};

async function selectRow(tab: string, row: number): Promise<void> {
  await page.click(`#tabs button:text-is("${tab}")`);
  await page.click(`#table tbody tr[data-row="${row}"] td >> nth=0`);
}

const action = (summary: string) =>
  sidebar().locator('details', { has: sidebar().locator(`summary:text-is("${summary}")`) });

async function openAction(summary: string): Promise<void> {
  const details = action(summary);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

/** A call preparing an order's release (sidebarPrepare of `release`). */
const preparesRelease = (r: Request) =>
  r.url().endsWith('/rpc/sidebarPrepare') && (r.postData() ?? '').includes('"release"');

const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

describe.skipIf(!haveBrowser)('playground in chromium', () => {
  it('runs a rep, an owner and an accountant through their day', async () => {
    let releasesPrepared = 0;
    page.on('request', (r) => {
      if (preparesRelease(r)) releasesPrepared++;
    });
    await page.goto(url);
    await page.waitForSelector('#table tbody tr');
    await selectRow('Orders', 2);
    await sidebar().waitForSelector('#title:has-text("SO-1 line 1")', { timeout: 10_000 });
    await shot('01-order-selected');

    await sidebar().click('button:text-is("Allocate this order")');
    await sidebar().waitForSelector('#notice:has-text("backorder")');
    await openAction('Ship');
    await sidebar().click('button:text-is("Ship")');
    await sidebar().waitForSelector('#facts dd:text-is("20 / 0 / 15")');
    // Shipped and backordered: nothing is left to allocate, ship or split on this line.
    const offered = await sidebar().locator('#actions summary').allTextContents();
    expect(offered.map((t) => t.trim())).toEqual([
      'Change this line (quantity, required date, price)',
      'Put this order on hold (allocation and shipping skip it)',
      'Cancel this line (whole or in part)',
    ]);
    // The answer is in view without scrolling.
    const answer = await sidebar().locator('#notice').boundingBox();
    expect((answer?.y ?? 9999) + (answer?.height ?? 0)).toBeLessThan(300);
    await shot('02-allocated-and-shipped');
    await page.click('#tabs button:text-is("Backorders")');
    await page.waitForSelector('#table td:text-is("BO-000001")');
    await shot('03-backorder-appeared');

    await selectRow('POs', 2);
    await sidebar().waitForSelector('#title:has-text("PO-1 line 1")');
    // A receipt still running (its reply held back, as a slow Apps Script execution would) shows
    // the seconds counting, and the sidebar asks the server for the action's stage meanwhile.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/rpc/sidebarProgress')) asked.push(r.url());
    });
    let sent: Promise<void> = Promise.resolve();
    const holdReply = async (route: Route) => {
      sent = held.then(() => route.continue());
      await sent;
    };
    await page.route('**/rpc/sidebarAction', holdReply);
    await sidebar().click('button:text-is("Receive")');
    await sidebar().waitForSelector('#working:has-text("Working… 3 s")', { timeout: 10_000 });
    expect(asked.length).toBeGreaterThan(0);
    await shot('04a-receipt-in-progress');
    release();
    await sent;
    await page.unroute('**/rpc/sidebarAction', holdReply);
    await sidebar().waitForSelector('#notice:has-text("ready to fulfill")');
    await sidebar().waitForSelector('#working', { state: 'hidden' });
    await selectRow('Backorders', 2);
    await sidebar().waitForSelector('#badge:text-is("Ready to Fulfill")');
    await shot('04-ready-to-fulfill');
    await sidebar().click('button:text-is("Fulfill")');
    await sidebar().waitForSelector('#badge:text-is("Fulfilled")');
    await shot('05-fulfilled');

    // The rep works from a list: Go on an entry moves the selection and brings its view, in parts
    // sent at once (addon/src/ui/view-reader.ts).
    await sidebar().click('#tab-list');
    await sidebar().selectOption('select[name="when"]', 'any');
    await sidebar().fill('input[name="status"]', 'fulfilled');
    await sidebar().click('button:text-is("Show")');
    await sidebar().waitForSelector('#list li:has-text("BO-000001")');
    const viewCalls: string[] = [];
    const countViews = (r: { url(): string }) => {
      const fn = r.url().split('/rpc/')[1];
      if (fn && fn !== 'sidebarFollow' && fn !== 'sidebarProgress') viewCalls.push(fn);
    };
    page.on('request', countViews);
    await sidebar().click('#list button[aria-label="Go to BO-000001"]');
    await sidebar().waitForSelector('#title:has-text("BO-000001")');
    await sidebar().waitForSelector('button:not([disabled])');
    expect(viewCalls.sort()).toEqual([
      'sidebarJump',
      'sidebarViewPart',
      'sidebarViewPart',
      'sidebarViewPart',
    ]);
    await shot('05a-went-to-a-backorder-read-in-parts');
    // A call logged on it, then back to the list: the kept list shows at once, with what was done.
    await openAction('Log a call');
    await sidebar().fill('textarea[name="summary"]', 'asked how it arrived');
    await sidebar().click('button:text-is("Log call")');
    await sidebar().waitForSelector('#related li:has-text("asked how it arrived")');
    viewCalls.length = 0;
    await sidebar().click('#tab-list');
    await sidebar().waitForSelector('#list li:has-text("BO-000001") .done:text-is("✓ done here: log-call")');
    expect(viewCalls).toEqual([]);
    // The playground's server runs one call at a time: the parts' executions did not overlap, so
    // from then on the sidebar asks for a view in one call.
    const went = page.waitForResponse('**/rpc/sidebarGo');
    await sidebar().click('#list button[aria-label="Go to BO-000001"]');
    await went;
    await sidebar().waitForSelector('button:not([disabled])');
    page.off('request', countViews);
    expect(viewCalls).toEqual(['sidebarGo']);
    await sidebar().click('#tab-list');
    await shot('05b-list-kept-with-what-was-done');
    await sidebar().click('#tab-row');

    // The second order goes on backorder through the menu; its customer's name is an HTML payload.
    await page.click('#extensions > button');
    await page.click('#extensions li button:text-is("Allocate all")');
    await page.waitForSelector('#table td:text-is("BO-000002")');
    await selectRow('Backorders', 3);
    await sidebar().waitForSelector('#title:has-text("BO-000002")');
    const customer = await sidebar().locator('#facts dd').first().textContent();
    expect(customer).toBe(XSS);
    expect(await sidebar().locator('#facts img').count()).toBe(0);
    await openAction('Log a call');
    await sidebar().fill(
      'textarea[name="summary"]',
      'Customer will wait; =HYPERLINK("http://attacker.example","x")',
    );
    await sidebar().click('button:text-is("Log call")');
    await sidebar().waitForSelector('#related li:has-text("Customer will wait")');
    await openAction('Cancel');
    await sidebar().selectOption('select[name="reason"]', 'Customer Requested');
    await sidebar().click('button:text-is("Cancel backorder")');
    await sidebar().waitForSelector('#badge:text-is("Cancelled")');
    await shot('06-call-logged-and-cancelled');

    // A customer changes the order line: Bayside Hardware now wants 1 lamp, and its order waits on credit.
    await selectRow('Orders', 4);
    await sidebar().waitForSelector('#title:has-text("SO-3 line 1")');
    const change = 'Change this line (quantity, required date, price)';
    await openAction(change);
    await action(change).locator('input[name="qty"]').fill('1');
    await action(change).locator('button:text-is("Change line")').click();
    await sidebar().waitForSelector('#notice:has-text("Qty 2 → 1")');
    // The grid shows the new Qty as the call returns (its 4-second poll is not what brings it).
    const qtyAt = (await page.locator('#table thead th').allTextContents()).indexOf('Qty') - 1;
    await page.waitForSelector(`#table tbody tr[data-row="4"] td >> nth=${qtyAt} >> text="1"`, {
      timeout: 2_000,
    });
    // Opening the hold form finds the rows the hold will read while the note is typed.
    const hold = 'Put this order on hold (allocation and shipping skip it)';
    const prepared = page.waitForResponse('**/rpc/sidebarPrepare');
    await openAction(hold);
    expect((await prepared).ok()).toBe(true);
    await action(hold).locator('input[name="note"]').fill('credit check');
    // The held order's row shows its release form open: its rows are found while the rep reads, and
    // only there (no row the rep viewed before the hold prepared a release).
    expect(releasesPrepared).toBe(0);
    const releasePrepared = page.waitForRequest(preparesRelease);
    await action(hold).locator('button:text-is("Hold order")').click();
    await sidebar().waitForSelector('summary:text-is("On hold")');
    expect(await sidebar().locator('button:text-is("Allocate this order")').count()).toBe(0);
    expect(await sidebar().locator('button:text-is("Ship")').count()).toBe(0);
    expect((await (await releasePrepared).response())?.ok()).toBe(true);
    await shot('07-line-changed-and-held');

    await page.click('#extensions > button');
    await page.click('#extensions li button:text-is("Rebuild aging")');
    await page.click('#tabs button:text-is("Aging")');
    await page.waitForSelector(
      '#chart svg[aria-label="Open backorders by age"] rect[height]:not([height="0"])',
    );
    expect(await page.locator('#chart svg text').first().textContent()).toBe('Open backorders by age');
    // The owner's three charts, each with its axes named, and the report's amounts in dollars.
    expect(
      await page.locator('#chart svg').evaluateAll((svgs) => svgs.map((g) => g.getAttribute('aria-label'))),
    ).toEqual([
      'Open backorders by age',
      'Backorders by expected fulfilment',
      'Vendor delays: average days late',
    ]);
    expect(await page.locator('#chart svg text:text-is("Days late (average)")').count()).toBe(1);
    const cells = await page.locator('#table td').allTextContents();
    expect(cells.filter((t) => /^\$[\d,]+\.\d{2}$/.test(t)).length).toBeGreaterThan(3);
    expect(cells.filter((t) => /^█* ?(<1|\d+)%$/.test(t)).length).toBeGreaterThan(0);
    await shot('08-aging-chart');

    const download = page.waitForEvent('download');
    await page.click('#qbo');
    const file = await (await download).path();
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {})).toContain('InvoiceNo');
    expect(rows.every((r) => !/^[=+\-@]/.test(Object.values(r).join('')))).toBe(true);
    await shot('09-invoices-downloaded');
    expect(dialogs).toEqual([]);
  }, 120_000);
});
