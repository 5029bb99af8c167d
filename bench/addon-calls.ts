/**
 * Apps Script service calls of the add-on's actions, counted by the twin while the built Code.js runs
 * on workbooks of 100 and 50,000 order lines: Allocate all, a sidebar view, a sidebar ship
 * and Rebuild aging. The counts must be the same at both sizes; time is reported beside them (the
 * twin's calls are in-process, so it measures the add-on's own work, not Google's latency).
 */
import { estimateSeconds } from '../twin/apps-script/cost-model';
import { addonInTwin, withProbe } from './addon-twin';
import { benchWorkbook } from './workbooks';

export async function addonCalls(lines: number) {
  const wb = withProbe(benchWorkbook(lines));
  const { twin, rt } = await addonInTwin(wb);
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
      cellsScanned: number;
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
      cellsScanned: rt.counter.cells.scanned,
      cellsWritten: rt.counter.cells.written,
      estimatedSeconds: estimateSeconds(rt.counter),
      ms: Math.round(performance.now() - t),
      byCall,
    };
  }
  return { lines, actions: out };
}
