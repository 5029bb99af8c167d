import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { workbookFileOf } from '../local-store/workbook-file';
import { Playground } from '../playground/server';
// @ts-expect-error: plain JavaScript
import { buildPlayground } from '../scripts/build.mjs';
import type { IsoDate } from '../shared/dates';
import { simulateDemo } from '../shared/demo/simulate';
import { renderWorkbook } from '../shared/render-workbook';
import { TwinSpreadsheet } from '../twin/spreadsheet';
import { builtAddon } from './support/addon';

it('shots', async () => {
  const today = new Date().toISOString().slice(0, 10) as IsoDate;
  const wb = simulateDemo({ today });
  await builtAddon();
  const twin = new TwinSpreadsheet(workbookFileOf('demo', 'America/New_York', renderWorkbook(wb, { face: 'api', timeZone: 'America/New_York', currencyDigits: 2 })) as never);
  const pg = await Playground.open({ twin, dist: join(__dirname, '../addon/dist'), page: await buildPlayground(), save: async () => undefined });
  const { url } = await pg.listen(0);
  const row = wb.backorders.findIndex((b) => b.qtyRemaining > 0 && b.expectedDate !== null) + 2;
  await fetch(`${url}api/select`, { method: 'POST', body: JSON.stringify({ sheet: 'Backorders', row }) });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.goto(`${url}sidebar`);
  await page.waitForSelector('details[data-action="notify"]', { timeout: 30000 });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.removeAttribute('open');
    const n = document.querySelector('details[data-action="notify"]') as HTMLDetailsElement;
    n.open = true;
    n.scrollIntoView();
  });
  await page.screenshot({ path: '/tmp/shots/notify.png', fullPage: false });
  await page.screenshot({ path: '/tmp/shots/notify-full.png', fullPage: true });
  await page.click('#tab-list');
  await page.selectOption('select[name="when"]', 'due today');
  await page.fill('input[name="rep"]', '');
  await page.click('#filters button[type="submit"]');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/shots/due.png' });
  console.log('ROWS', await page.locator('#list li').count());
  await browser.close();
  await pg.close();
}, 120000);
