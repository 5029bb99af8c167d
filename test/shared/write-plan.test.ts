/**
 * The write planner: rectangles cover exactly the changed cells' runs, stack adjacent rows that share
 * a run, join across a gap only in a batch (more stacks than an exact write allows) and only while
 * rewriting it is cheaper than another rectangle, and never reach a column no changed cell is in
 * (but a row's engine columns between its runs, where the caller allows).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPS_SCRIPT_MERGE_CELLS, EXACT_RECTANGLES, writeRectangles } from '../../shared/io/write-plan';

const cell = (row: number, col: number) => ({ row, col });

describe('writeRectangles', () => {
  it('writes one cell for one change, wherever its row is', () => {
    expect(writeRectangles([cell(49_999, 7)], APPS_SCRIPT_MERGE_CELLS)).toEqual([
      { top: 49_999, bottom: 49_999, left: 7, right: 7 },
    ]);
  });

  it('keeps far-apart rows apart and joins near ones', () => {
    const scattered = [cell(1, 3), cell(1, 4), cell(25_000, 3), cell(25_000, 4), cell(49_000, 3)];
    expect(writeRectangles(scattered, APPS_SCRIPT_MERGE_CELLS)).toEqual([
      { top: 1, bottom: 1, left: 3, right: 4 },
      { top: 25_000, bottom: 25_000, left: 3, right: 4 },
      { top: 49_000, bottom: 49_000, left: 3, right: 3 },
    ]);
    // A single-entity action's few stacks are written exactly, however near: nothing rewritten.
    expect(
      writeRectangles([cell(10, 3), cell(10, 4), cell(20, 3), cell(20, 4)], APPS_SCRIPT_MERGE_CELLS),
    ).toHaveLength(2);
    // A batch of 40 rows ten apart joins every gap (18 cells, cheaper than a rectangle): one write.
    const batch = Array.from({ length: 40 }, (_, i) => [cell(10 + 10 * i, 3), cell(10 + 10 * i, 4)]).flat();
    expect(writeRectangles(batch, APPS_SCRIPT_MERGE_CELLS)).toEqual([
      { top: 10, bottom: 400, left: 3, right: 4 },
    ]);
    // Gaps dearer than a rectangle stay apart: 40 rows 600 apart (1,198 cells a gap) are 40 writes.
    const far = Array.from({ length: 40 }, (_, i) => [cell(10 + 600 * i, 3), cell(10 + 600 * i, 4)]).flat();
    expect(writeRectangles(far, APPS_SCRIPT_MERGE_CELLS)).toHaveLength(40);
    // Where a rectangle costs nothing extra (one values.batchUpdate), nothing is joined.
    expect(writeRectangles(batch, 0)).toHaveLength(40);
  });

  it('joins a tab read row by row only across rows it read', () => {
    // 40 rows ten apart; the rows read are 10…200 (one joined read), nothing below.
    const batch = Array.from({ length: 40 }, (_, i) => [cell(10 + 10 * i, 3), cell(10 + 10 * i, 4)]).flat();
    const read = (_from: number, to: number) => to <= 200;
    const joined = writeRectangles(batch, APPS_SCRIPT_MERGE_CELLS, EXACT_RECTANGLES, read);
    // Rows 10…200 (20 stacks) join into one; the 20 below 200 stay exact, each its own rectangle.
    expect(joined.filter((r) => r.top > 200)).toHaveLength(20);
    expect(joined.filter((r) => r.top <= 200)).toEqual([{ top: 10, bottom: 200, left: 3, right: 4 }]);
    for (const r of joined) if (r.top !== r.bottom) expect(read(r.top, r.bottom)).toBe(true);
  });

  it('never spans a column between two runs of a row (a column people own)', () => {
    expect(writeRectangles([cell(5, 1), cell(5, 2), cell(5, 4)], APPS_SCRIPT_MERGE_CELLS)).toEqual([
      { top: 5, bottom: 5, left: 1, right: 2 },
      { top: 5, bottom: 5, left: 4, right: 4 },
    ]);
  });

  it("spans a row's engine columns between its runs only where the caller lets it", () => {
    const cells = [cell(4, 16), cell(4, 17), cell(4, 21), cell(4, 23), cell(9, 16)];
    // Columns 18–22 are the engine's on row 4; column 22 is a person's on row 9 (no bridge asked there).
    const engine = (row: number, from: number, to: number) => row === 4 && from >= 18 && to <= 22;
    expect(writeRectangles(cells, APPS_SCRIPT_MERGE_CELLS, EXACT_RECTANGLES, undefined, engine)).toEqual([
      { top: 4, bottom: 4, left: 16, right: 23 },
      { top: 9, bottom: 9, left: 16, right: 16 },
    ]);
    const notColumn20 = (row: number, from: number, to: number) =>
      engine(row, from, to) && (from > 20 || to < 20);
    expect(writeRectangles(cells, APPS_SCRIPT_MERGE_CELLS, EXACT_RECTANGLES, undefined, notColumn20)).toEqual(
      [
        { top: 4, bottom: 4, left: 16, right: 17 },
        { top: 4, bottom: 4, left: 21, right: 23 },
        { top: 9, bottom: 9, left: 16, right: 16 },
      ],
    );
  });

  it("widens a batch's runs over engine columns to its neighbours' where that costs less", () => {
    // 40 rows ten apart: even rows changed on hand (column 5), odd ones on hand and reserved (5–6).
    const rows = Array.from({ length: 40 }, (_, i) => 10 + 10 * i);
    const batch = rows.flatMap((row, i) => (i % 2 === 0 ? [cell(row, 5)] : [cell(row, 5), cell(row, 6)]));
    // Without leave to rewrite column 6, each run joins its own rows across the other's: 2 writes.
    expect(writeRectangles(batch, APPS_SCRIPT_MERGE_CELLS)).toEqual([
      { top: 10, bottom: 390, left: 5, right: 5 },
      { top: 20, bottom: 400, left: 5, right: 6 },
    ]);
    // Column 6 the engine's: the rows changed on hand alone write their reserved cell as read.
    const engine = (_row: number, from: number, to: number) => from >= 6 && to <= 6;
    expect(writeRectangles(batch, APPS_SCRIPT_MERGE_CELLS, EXACT_RECTANGLES, undefined, engine)).toEqual([
      { top: 10, bottom: 400, left: 5, right: 6 },
    ]);
    // Rows far apart (gaps dearer than a rectangle) gain nothing from widening: exact runs kept.
    const far = rows.map((_, i) => 10 + 2_000 * i);
    const apart = far.flatMap((row, i) => (i % 2 === 0 ? [cell(row, 5)] : [cell(row, 5), cell(row, 6)]));
    const written = writeRectangles(apart, APPS_SCRIPT_MERGE_CELLS, EXACT_RECTANGLES, undefined, engine);
    expect(written.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0)).toBe(
      apart.length,
    );
  });

  it('widens or spans only over columns the caller lets it, and covers every changed cell', () => {
    const cells = fc.uniqueArray(
      fc.record({ row: fc.integer({ min: 1, max: 3_000 }), col: fc.integer({ min: 0, max: 12 }) }),
      { minLength: 1, maxLength: 300, selector: (c) => `${c.row}:${c.col}` },
    );
    // The even columns are the engine's: only they may be rewritten as read.
    const engine = (_row: number, from: number, to: number) => {
      for (let c = from; c <= to; c++) if (c % 2 !== 0) return false;
      return true;
    };
    fc.assert(
      fc.property(cells, (changed) => {
        const rects = writeRectangles(changed, APPS_SCRIPT_MERGE_CELLS, EXACT_RECTANGLES, undefined, engine);
        const columns = new Set(changed.map((c) => c.col));
        for (const c of changed)
          expect(
            rects.some((r) => r.top <= c.row && c.row <= r.bottom && r.left <= c.col && c.col <= r.right),
          ).toBe(true);
        for (const r of rects)
          for (let c = r.left; c <= r.right; c++) expect(columns.has(c) || c % 2 === 0).toBe(true);
      }),
    );
  });

  it('covers every changed cell, reaches no unchanged column, and rewrites within the budget', () => {
    const cells = fc.uniqueArray(
      fc.record({ row: fc.integer({ min: 1, max: 5_000 }), col: fc.integer({ min: 0, max: 20 }) }),
      { minLength: 1, maxLength: 200, selector: (c) => `${c.row}:${c.col}` },
    );
    fc.assert(
      fc.property(cells, fc.constantFrom(0, 50, APPS_SCRIPT_MERGE_CELLS), (changed, merge) => {
        const rects = writeRectangles(changed, merge);
        const columns = new Set(changed.map((c) => c.col));
        for (const c of changed)
          expect(
            rects.some((r) => r.top <= c.row && c.row <= r.bottom && r.left <= c.col && c.col <= r.right),
          ).toBe(true);
        for (const r of rects) for (let c = r.left; c <= r.right; c++) expect(columns.has(c)).toBe(true);
        // Up to the exact budget of stacks, exactly the changed cells are written.
        const cellsIn = (rs: typeof rects) =>
          rs.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
        if (rects.length < EXACT_RECTANGLES) expect(cellsIn(rects)).toBe(changed.length);
        // Each rectangle's rows that hold no change of its run are gaps it chose to rewrite: at most
        // `merge` cells per gap, so never a tall rectangle over scattered rows.
        for (const r of rects) {
          const rows = [
            ...new Set(changed.filter((c) => c.col >= r.left && c.col <= r.right).map((c) => c.row)),
          ]
            .filter((row) => row >= r.top && row <= r.bottom)
            .sort((a, b) => a - b);
          for (let i = 1; i < rows.length; i++)
            expect(
              ((rows[i] as number) - (rows[i - 1] as number) - 1) * (r.right - r.left + 1),
            ).toBeLessThanOrEqual(merge);
        }
      }),
    );
  });
});
