/**
 * Apps Script service calls of the add-on's actions, counted by the twin while the built Code.js runs
 * on workbooks of 100 and 50,000 order lines (issue #5): Allocate all, a sidebar view, a sidebar ship
 * and Rebuild aging. The counts must be the same at both sizes; time is reported beside them (the
 * twin's calls are in-process, so it measures the add-on's own work, not Google's latency).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbookFileOf } from '../local-store/workbook-file';
// @ts-expect-error: the build script is plain JavaScript (it runs before any TypeScript tooling).
import { buildAddon } from '../scripts/build.mjs';
import { renderWorkbook } from '../shared/render-workbook';
import { estimateSeconds } from '../twin/apps-script/cost-model';
import { AppsScriptRuntime } from '../twin/apps-script/runtime';
import { TwinSpreadsheet } from '../twin/spreadsheet';
import { BENCH_TODAY, benchWorkbook } from './workbooks';

const root = join(import.meta.dirname ?? 'bench', '..');

export async function addonCalls(lines: number) {
  await buildAddon({ quiet: true });
  const code = readFileSync(join(root, 'addon/dist/Code.js'), 'utf8');
  // The manifest's scopes, enforced as in Apps Script (docs/fidelity.md A18).
  const { oauthScopes: scopes } = JSON.parse(
    readFileSync(join(root, 'addon/dist/appsscript.json'), 'utf8'),
  ) as {
    oauthScopes: string[];
  };
  const base = benchWorkbook(lines);
  // A probe order, the same in both workbooks, for the sidebar's view and ship: what an action writes
  // depends on the rows it touches (one warehouse or two, a discount or not), so the comparison uses
  // the same rows at both sizes.
  const item = base.inventory[0];
  const line = base.orders[0];
  if (!item || !line) throw new Error('the bench workbook has no inventory or orders');
  const probeItem = { ...item, sku: 'PROBE-1', onHand: 10, allocated: 0, onOrder: 0 };
  const probeLine = {
    ...line,
    orderId: 'SO-PROBE',
    line: 1,
    sku: 'PROBE-1',
    qty: 2,
    warehouse: item.warehouse,
  };
  const wb = { ...base, inventory: [...base.inventory, probeItem], orders: [...base.orders, probeLine] };
  const twin = new TwinSpreadsheet(
    workbookFileOf(
      'bench',
      'America/New_York',
      renderWorkbook(wb, { face: 'api', timeZone: 'America/New_York', currencyDigits: 2 }),
    ),
    () => new Date(`${BENCH_TODAY}T15:00:00Z`),
  );
  const rt = new AppsScriptRuntime({ twin, code, scopes, now: () => Date.parse(`${BENCH_TODAY}T15:00:00Z`) });
  rt.run('menuSetUpWorkbook');
  const actions: [string, () => unknown][] = [
    ['allocateAll', () => rt.run('menuAllocateAll')],
    ['sidebarView', () => rt.run('sidebarView', { sheet: 'Orders', row: wb.orders.length + 1 })],
    [
      'sidebarShip',
      () =>
        rt.run(
          'sidebarAction',
          { command: { action: 'ship', orderId: 'SO-PROBE' }, requestId: `bench-ship-${lines}` },
          null,
        ),
    ],
    ['rebuildAging', () => rt.run('menuRebuildAging')],
  ];
  // Calls spent sizing grids (docs/addon.md "Grids"): bounded by the number of tabs, never by rows;
  // a survey of every sheet only in the action that must grow one.
  const GRID = /^(Sheet\.(getMaxRows|getMaxColumns|insertRowsAfter|insertColumnsAfter))$/;
  const out: Record<
    string,
    {
      calls: number;
      gridCalls: number;
      sheets: number;
      cellsRead: number;
      cellsWritten: number;
      estimatedSeconds: Record<string, number>;
      ms: number;
      byCall: Record<string, number>;
    }
  > = {};
  for (const [name, run] of actions) {
    rt.counter.reset();
    const t = performance.now();
    run();
    const byCall = Object.fromEntries(
      Object.entries(rt.counter.counts).sort(([a], [b]) => a.localeCompare(b)),
    );
    const grew = (byCall['Sheet.insertRowsAfter'] ?? 0) + (byCall['Sheet.insertColumnsAfter'] ?? 0) > 0;
    out[name] = {
      calls: Object.values(byCall).reduce((n, c) => n + c, 0),
      gridCalls: Object.entries(byCall).reduce((n, [k, c]) => (GRID.test(k) ? n + c : n), 0) + (grew ? 1 : 0), // the survey's own getSheets
      sheets: twin.file.sheets.length,
      // What real Apps Script would take for it (twin/apps-script/cost-model.ts, docs/twin.md).
      cellsRead: rt.counter.cells.read,
      cellsWritten: rt.counter.cells.written,
      estimatedSeconds: estimateSeconds(rt.counter),
      ms: Math.round(performance.now() - t),
      byCall,
    };
  }
  return { lines, actions: out };
}
