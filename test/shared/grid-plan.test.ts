/**
 * shared/sheet/grid-plan.ts, table-driven: what each written tab will hold, and which grids grow by how
 * much (headroom where the cell limit leaves room), or the refusal naming each tab past 10 million.
 */
import { describe, expect, it } from 'vitest';
import { CELL_LIMIT, gridNeeds, HEADROOM_ROWS, NEW_SHEET, planGrowth } from '../../shared/sheet/grid-plan';

describe('grid plan', () => {
  it('needs: new tabs, appends after deletes, rebuilt tabs; unread tabs and plain cell writes need nothing', () => {
    const needs = gridNeeds(
      (tab) => ({ Log: 1000, Orders: 10 })[tab],
      [
        { tab: 'Log', writes: [], appends: [['LG-1', 'x']], deletes: [4] },
        { tab: 'Orders', writes: [{ row: 2, col: 3, value: 1 }], appends: [] },
        { tab: 'Aging', writes: [], appends: [], replace: [['a', 'b', 'c']] },
        { tab: 'Unread', writes: [], appends: [['x']] },
      ],
      [{ name: 'Backorders', values: [Array.from({ length: 32 }, () => 'h')] }],
    );
    expect(needs).toEqual([
      { name: 'Backorders', rows: 1, cols: 32 },
      { name: 'Log', rows: 1000, cols: 2 },
    ]);
  });

  it.each([
    [
      'fits: nothing to grow, the cells are not even counted',
      { rows: 900, cols: 10 },
      { rows: 1000, cols: 26 },
      [],
    ],
    [
      'a full Log grows by the need plus headroom',
      { rows: 1001, cols: 12 },
      { rows: 1000, cols: 26 },
      [{ name: 'T', from: { rows: 1000, cols: 26 }, to: { rows: 1001 + HEADROOM_ROWS, cols: 26 } }],
    ],
    [
      'a wide tab grows its columns only',
      { rows: 1, cols: 32 },
      { rows: 1000, cols: 26 },
      [{ name: 'T', from: { rows: 1000, cols: 26 }, to: { rows: 1000, cols: 32 } }],
    ],
  ])('%s', (_, need, have, expected) => {
    let counted = 0;
    const growths = planGrowth([{ name: 'T', ...need, have }], () => {
      counted += 1;
      return have.rows * have.cols;
    });
    expect(growths).toEqual(expected);
    expect(counted).toBe(expected.length > 0 ? 1 : 0);
  });

  it('a new tab starts as 1,000 × 26 and counts against the limit', () => {
    expect(planGrowth([{ name: 'New', rows: 1, cols: 5, have: undefined }], () => 0)).toEqual([]);
    expect(() => planGrowth([{ name: 'New', rows: 1, cols: 5, have: undefined }], () => CELL_LIMIT)).toThrow(
      /past Google's limit of 10,000,000; nothing was changed/,
    );
  });

  it('headroom shrinks to what the limit leaves; past it the refusal names the tab', () => {
    const near = CELL_LIMIT - 26 * 1000 - 26 * 10;
    const g = planGrowth([{ name: 'Log', rows: 1005, cols: 26, have: NEW_SHEET }], () => near + 26 * 1000);
    expect(g[0]?.to).toEqual({ rows: 1010, cols: 26 });
    expect(() =>
      planGrowth([{ name: 'Log', rows: 2000, cols: 26, have: NEW_SHEET }], () => near + 26 * 1000),
    ).toThrow(/Log: needs 2000 rows × 26 columns, has 1000 × 26/);
  });
});
