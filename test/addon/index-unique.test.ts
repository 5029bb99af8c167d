/**
 * The index tab's repeated-keys row (shared/io/index-unique.ts) through the built Code.js in the
 * twin: while no BackorderID stands twice, an action on a backorder reads its row for its id and makes
 * no search of the BackorderID column, deciding as the search would; an id a person typed twice, or a
 * row sorted away from the one the sidebar showed, brings the search back, with the same outcome
 * as when the index is not trusted.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_TAB } from '../../shared/io/index-tab';
import { UNIQUE_ROW } from '../../shared/io/index-unique';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { type Desk, lastUnitShop } from '../support/addon';
import { trusted } from '../support/index-tab';

let n = 0;
const rid = () => `index-unique-${String(++n).padStart(4, '0')}`;

/** SO-A takes the last unit; SO-B and SO-C get backorders BO-000001 and BO-000002. */
async function twoBackorders(): Promise<Desk> {
  const desk = await lastUnitShop(['A', 'B', 'C']);
  desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid(), attempt: 1 });
  expect(desk.rows('Backorders').map((r) => r.BackorderID)).toEqual(['BO-000001', 'BO-000002']);
  return desk;
}

/** Types over the index's count of repeated BackorderIDs, so no row says the ids are unique. */
function breakCount(desk: Desk): void {
  const index = desk.twin.sheetNamed(INDEX_TAB);
  const row = index.values.findIndex((r) => r[0] === UNIQUE_ROW);
  expect(row).toBeGreaterThan(0);
  desk.twin.write(`'${INDEX_TAB}'!C${row + 1}`, [['0']], 'RAW');
}

/**
 * A call logged on BO-000001 from its view (row 2), after `before` (a person's edit, between the view
 * and the action): the searches the action made, and what it left or the refusal.
 */
async function logCall(breakIndex: boolean, before: (desk: Desk) => void = () => {}) {
  const desk = await twoBackorders();
  if (breakIndex) breakCount(desk);
  const at = { sheet: 'Backorders', row: 2 };
  const view = desk.run<RowView>('sidebarView', at);
  before(desk);
  desk.rt.counter.reset();
  let outcome: string;
  try {
    const reply = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: {
          action: 'log-call',
          backorderId: 'BO-000001',
          method: 'Phone',
          summary: 'told the date',
          expected: view.expected,
        },
        requestId: rid(),
        attempt: 1,
      },
      at,
    );
    outcome = reply.view.title;
  } catch (e) {
    outcome = `refused: ${(e as Error).message}`;
  }
  return {
    searches: desk.rt.counter.counts['TextFinder.findAll'] ?? 0,
    outcome,
    calls: desk.rows('Calls').map((r) => `${r.BackorderID} ${r.Summary}`),
    unique: trusted(desk).get('backorders')?.uniqueKeys === true,
  };
}

describe('add-on: a backorder id known unique by the index', () => {
  it('reads the shown row for the id and searches no BackorderID, deciding as the search does', async () => {
    const answered = await logCall(false);
    const searched = await logCall(true);
    expect(answered.unique).toBe(true);
    expect(searched.unique).toBe(false);
    expect(answered.calls).toEqual(['BO-000001 told the date']);
    expect({ ...answered, unique: false }).toEqual({ ...searched, searches: answered.searches });
    expect(answered.searches).toBe(searched.searches - 1);
  });

  it('searches again, and refuses as before, when a person typed an id twice', async () => {
    // A copy of BO-000001's row pasted below the others.
    const twice = (desk: Desk) => {
      const row = desk.twin.sheetNamed('Backorders').values[1] ?? [];
      desk.twin.write('Backorders!A4', [row], 'RAW');
    };
    const answered = await logCall(false, twice);
    const searched = await logCall(true, twice);
    expect(answered.outcome).toMatch(/duplicate key BO-000001/);
    expect(answered.calls).toEqual([]);
    expect({ ...answered, unique: false }).toEqual(searched);
  });

  it('finds the id by a search when the shown row was sorted away from it', async () => {
    // The two backorders swap rows after the view: row 2 now holds BO-000002.
    const sort = (desk: Desk) => {
      const tab = desk.twin.sheetNamed('Backorders');
      const [first, second] = [[...(tab.values[1] ?? [])], [...(tab.values[2] ?? [])]];
      desk.twin.write('Backorders!A2', [second, first], 'RAW');
    };
    const answered = await logCall(false, sort);
    const searched = await logCall(true, sort);
    expect(answered.unique).toBe(true);
    expect({ ...answered, unique: false }).toEqual(searched);
  });
});

describe('add-on: repeated-keys row mended', () => {
  it('gives an index written before its repeated-keys row that row at the daily run', async () => {
    const desk = await twoBackorders();
    const index = desk.twin.sheetNamed(INDEX_TAB);
    const row = index.values.findIndex((r) => r[0] === UNIQUE_ROW) + 1;
    desk.twin.clear(`'${INDEX_TAB}'!A${row}:Z${row}`);
    expect(trusted(desk).get('backorders')?.uniqueKeys).toBeUndefined();
    desk.rt.fireTimeDriven(desk.rt.state.triggers[0]?.id ?? '', true);
    expect(trusted(desk).get('backorders')?.uniqueKeys).toBe(true);
  });
});
