/**
 * A brand-new Google spreadsheet (one "Sheet1" of 1,000 × 26, as Google makes it) with the twin as
 * strict as Google on grids and scopes, through the built Code.js: Set up creates every tab at its
 * width (Backorders has 32 columns), then 1,050 sidebar actions (2,000 on request) each add a Log row, so the Log passes
 * the 1,000 rows of its first grid; every action lands whole (one Log row each) and Check workbook
 * stays clean (docs/fidelity.md A12–A14, A17).
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply } from '../../shared/sidebar/rpc';
import { openDesk, typeWorkedExample } from '../support/addon';

// Enough to pass the Log's first 1,000 rows. Each action reads only its rows, but the twin computes
// the index tab's formulas over whole key columns at every read, so its time grows with the Log: the
// suite runs 1,050 actions (about a minute and a half here), and
// `LONG_LIFE_ACTIONS=2000 npx vitest run test/addon/long-life.test.ts` runs the full year.
const ACTIONS = Number(process.env.LONG_LIFE_ACTIONS ?? 1050);

describe('add-on: a year of clicks on a new spreadsheet', () => {
  it('sets up a 1,000 × 26 spreadsheet and takes its actions past the Log’s first grid', async () => {
    const desk = await openDesk();
    desk.twin.addSheet('Sheet1');
    desk.run('menuSetUpWorkbook');
    expect(desk.rt.ui.alerts.at(-1)).toMatch(/^Backorder Desk: workbook set up/);
    expect(desk.twin.sheetNamed('Backorders').values[0]).toHaveLength(32);
    typeWorkedExample(desk);
    const logBefore = desk.rows('Log').length;
    for (let i = 0; i < ACTIONS; i++)
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
    const log = desk.rows('Log');
    expect(log.length - logBefore).toBe(ACTIONS);
    expect(log.at(-1)?.Action).toBe('log-call');
    expect(desk.rows('Calls')).toHaveLength(ACTIONS);
    const grid = desk.twin.sheetNamed('Log').properties.gridProperties;
    expect(grid.rowCount).toBeGreaterThan(ACTIONS);
    // Grids grow with headroom, so growth is rare: a handful of insertRowsAfter for 2,000 rows.
    expect(desk.rt.counter.counts['Sheet.insertRowsAfter']).toBeLessThanOrEqual(Math.ceil(ACTIONS / 250));
    desk.rt.ui.alertAnswers.push('NO');
    expect(desk.run<string[]>('menuCheckWorkbook')).toEqual([]);
  }, 600_000);
});
