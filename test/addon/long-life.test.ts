/**
 * A brand-new Google spreadsheet (one "Sheet1" of 1,000 × 26, as Google makes it) with the twin as
 * strict as Google on grids and scopes, through the built Code.js: Set up creates every tab at its
 * width (Backorders has 32 columns), then sidebar actions each add a Log row until the Log passes
 * the 1,000 rows of its first grid; every action lands whole (one Log row each) and Check workbook
 * stays clean (docs/fidelity.md A12–A14, A17).
 *
 * The suite's run starts from a Log already `HISTORY` rows deep (copies of a real action's row, as a
 * year of clicks leaves them) and takes the last `ACTIONS` to the grid and past it, so the crossing is
 * tested in seconds; `npm run test:long` takes all 2,000 actions from an empty Log.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply } from '../../shared/sidebar/rpc';
import { openDesk, typeWorkedExample } from '../support/addon';
import { LONG_LIFE, prefillLog } from '../support/long-life';

const { ACTIONS, HISTORY } = LONG_LIFE;

describe('add-on: a year of clicks on a new spreadsheet', () => {
  it(
    'sets up a 1,000 × 26 spreadsheet and takes its actions past the Log’s first grid',
    async () => {
      const desk = await openDesk();
      desk.twin.addSheet('Sheet1');
      desk.run('menuSetUpWorkbook');
      expect(desk.rt.ui.alerts.at(-1)).toMatch(/^Backorder Desk: workbook set up/);
      expect(desk.twin.sheetNamed('Backorders').values[0]).toHaveLength(32);
      typeWorkedExample(desk);
      // The rows people typed are taken in by Allocate all (their engine cells and formulas filled);
      // a call moves no stock and reads none, so it leaves Inventory as it finds it.
      desk.run('menuAllocateAll');
      const call = (i: number) =>
        desk.run<ActionReply>(
          'sidebarAction',
          {
            command: {
              action: 'log-call',
              orderId: 'SO-1',
              method: 'Phone',
              summary: `Call ${i + 1}`,
              expected: {},
            },
            requestId: `long-life-${String(i).padStart(6, '0')}`,
          },
          null,
        );
      call(0);
      prefillLog(desk.twin, HISTORY);
      const logBefore = desk.rows('Log').length;
      for (let i = 1; i <= ACTIONS; i++) call(i);
      const log = desk.rows('Log');
      expect(log.length - logBefore).toBe(ACTIONS);
      expect(log.at(-1)?.Action).toBe('log-call');
      expect(desk.rows('Calls')).toHaveLength(ACTIONS + 1);
      const grid = desk.twin.sheetNamed('Log').properties.gridProperties;
      expect(grid.rowCount).toBeGreaterThan(ACTIONS + HISTORY);
      expect(log.length).toBeGreaterThan(1000);
      // Grids grow with headroom, so growth is rare: a handful of insertRowsAfter for 2,000 rows.
      expect(desk.rt.counter.counts['Sheet.insertRowsAfter']).toBeLessThanOrEqual(
        Math.ceil((ACTIONS + HISTORY) / 250),
      );
      desk.rt.ui.alertAnswers.push('NO');
      expect(desk.run<string[]>('menuCheckWorkbook')).toEqual([]);
    },
    LONG_LIFE.timeout,
  );
});
