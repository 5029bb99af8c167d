/**
 * A backorder list read in parts sent at once (shared/sidebar/list-parts.ts), through the built
 * Code.js in the twin: merged, the parts give exactly the one-call list (`sidebarList`) for every
 * filter on a simulated workbook, "Due today" among them, with a limit that cuts the list; each part
 * reads one band of the tab, in no more reads than the one call makes; bands that do not tile the tab (a
 * grid grown between the parts' reads) give no merge, and the sidebar then asks in one call.
 */
import { describe, expect, it } from 'vitest';
import { illegalValueAt } from '../../playground/page/script-run-payload';
import { LIST_PARTS, type ListPart, mergeListParts } from '../../shared/sidebar/list-parts';
import type { ListFilter, ListRow } from '../../shared/sidebar/rpc';
import { type Desk, simulatedDesk } from '../support/addon';

const parts = (desk: Desk, filter: ListFilter): ListPart[] =>
  Array.from({ length: LIST_PARTS }, (_, i) => desk.run<ListPart>('sidebarListPart', filter, i));

describe('add-on: a backorder list in parts', () => {
  it('is the one-call list for every filter, each part one band of the tab', async () => {
    const desk = await simulatedDesk(20, 30);
    const filters: ListFilter[] = [
      {},
      { when: 'due today' },
      { when: 'due today', limit: 7 },
      { when: 'overdue' },
      { when: 'later', limit: 5 },
      { status: 'Fulfilled' },
      { customer: 'a' },
    ];
    for (const filter of filters) {
      const whole = desk.run<ListRow[]>('sidebarList', filter);
      const got = parts(desk, filter);
      for (const p of got) expect(illegalValueAt(p)).toBeUndefined();
      expect({ filter, list: mergeListParts(got, filter) }).toEqual({ filter, list: whole });
      // The bands tile the tab, and each part's entries lie in its own band.
      expect(got[0]?.rows?.[0]).toBe(2);
      for (const p of got)
        for (const i of p.items) expect(i.row.ref.row).toBeGreaterThanOrEqual(p.rows?.[0] ?? 0);
    }
    // The lists compared are not empty ones: the simulated weeks leave open and due backorders.
    expect(desk.run<ListRow[]>('sidebarList', {}).length).toBeGreaterThan(10);
    expect(desk.run<ListRow[]>('sidebarList', { when: 'due today' }).length).toBeGreaterThan(3);
    // A part reads the index and its band in one read as wide as the tab: no more reads than the
    // one-call list (a tab this small is read whole in one; at 50,000 lines the one call reads the
    // list's columns in seven runs: `npm run bench`, listDueToday).
    const reads = (run: () => unknown) => {
      desk.rt.counter.reset();
      run();
      return desk.rt.counter.counts['Range.getValues'] ?? 0;
    };
    const whole = reads(() => desk.run('sidebarList', { when: 'due today' }));
    for (let i = 0; i < LIST_PARTS; i++)
      expect(reads(() => desk.run('sidebarListPart', { when: 'due today' }, i))).toBeLessThanOrEqual(whole);
  });

  it('gives no merge when the bands do not tile the tab, nor for a part it does not know', async () => {
    const desk = await simulatedDesk(20, 30);
    const got = parts(desk, {});
    expect(mergeListParts(got, {})).toBeDefined();
    // A grid grown between two parts' reads cuts the rows differently: one band starts elsewhere.
    const moved = got.map((p, i) =>
      i === 2 && p.rows ? { ...p, rows: [p.rows[0] + 1, p.rows[1]] as const } : p,
    );
    expect(mergeListParts(moved, {})).toBeUndefined();
    // A source that read the tab unbanded says so, and is not merged either.
    expect(mergeListParts([{ ...(got[0] as ListPart), rows: null }, ...got.slice(1)], {})).toBeUndefined();
    expect(mergeListParts(got.slice(1), {})).toBeUndefined();
    expect(() => desk.run('sidebarListPart', {}, LIST_PARTS)).toThrow(/list part/);
  });
});
