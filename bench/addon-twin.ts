/**
 * The built add-on in the twin for the benchmarks (bench/addon-calls.ts, bench/addon-cost.ts): a
 * workbook with a probe order added (SO-PROBE for 2 of PROBE-1, 10 on hand, at the last rows, the
 * same at every size: what an action writes depends on the rows it touches), rendered into a twin
 * at the bench's clock, with the built Code.js running under the manifest's scopes (fidelity A18)
 * and Set up done. Each sheet's grid has the 500 rows of headroom the add-on's own growth leaves
 * (shared/sheet/grid-plan.ts), as a workbook in use has: growing a grid costs about 24 calls once per 500
 * appended rows, and a grid filled to its last row would charge that to whichever action came first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbookFileOf } from '../local-store/workbook-file';
// @ts-expect-error: the build script is plain JavaScript (it runs before any TypeScript tooling).
import { buildAddon } from '../scripts/build.mjs';
import { renderWorkbook } from '../shared/setup/render-workbook';
import { HEADROOM_ROWS } from '../shared/sheet/grid-plan';
import type { Workbook } from '../shared/workbook';
import { AppsScriptRuntime } from '../twin/apps-script/runtime';
import { DEFAULT_ROWS } from '../twin/grid';
import { TwinSpreadsheet } from '../twin/spreadsheet';
import { BENCH_TODAY } from './workbooks';

const root = join(import.meta.dirname ?? 'bench', '..');
export const BENCH_NOW = `${BENCH_TODAY}T15:00:00Z`;

/** `wb` with the probe item and the probe order line (New, nothing reserved) added at the end. */
export function withProbe(wb: Workbook): Workbook {
  const item = wb.inventory[0];
  const line = wb.orders[0];
  if (!item || !line) throw new Error('the bench workbook has no inventory or orders');
  const probeItem = { ...item, sku: 'PROBE-1', onHand: 10, allocated: 0, onOrder: 0 };
  const probeLine = {
    ...line,
    orderId: 'SO-PROBE',
    line: 1,
    sku: 'PROBE-1',
    qty: 2,
    qtyAllocated: 0,
    qtyShipped: 0,
    qtyBackordered: 0,
    allocatedFrom: '',
    status: 'New' as const,
    warehouse: item.warehouse,
  };
  return { ...wb, inventory: [...wb.inventory, probeItem], orders: [...wb.orders, probeLine] };
}

export async function addonInTwin(wb: Workbook) {
  await buildAddon({ quiet: true });
  const code = readFileSync(join(root, 'addon/dist/Code.js'), 'utf8');
  const { oauthScopes: scopes } = JSON.parse(
    readFileSync(join(root, 'addon/dist/appsscript.json'), 'utf8'),
  ) as {
    oauthScopes: string[];
  };
  const file = workbookFileOf(
    'bench',
    'America/New_York',
    renderWorkbook(wb, { face: 'api', timeZone: 'America/New_York', currencyDigits: 2 }),
  );
  for (const sheet of file.sheets)
    sheet.properties.gridProperties.rowCount = Math.max(DEFAULT_ROWS, sheet.values.length + HEADROOM_ROWS);
  const twin = new TwinSpreadsheet(file, () => new Date(BENCH_NOW));
  const rt = new AppsScriptRuntime({ twin, code, scopes, now: () => Date.parse(BENCH_NOW) });
  rt.run('menuSetUpWorkbook');
  return { twin, rt };
}
