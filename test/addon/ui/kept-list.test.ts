/**
 * The Lists tab's kept list (addon/src/ui/kept-list.ts): kept for the filter it was read with, and
 * an entry acted on says what was done and takes the status the action's reply showed.
 */
import { describe, expect, it } from 'vitest';
import { KeptList } from '../../../addon/src/ui/kept-list';
import type { ListRow } from '../../../shared/sidebar/rpc';

const row = (id: string, status = 'Open'): ListRow => ({
  ref: { sheet: 'Backorders', row: Number(id.slice(3)) + 1 },
  id,
  customer: 'Harbor',
  sku: 'CASE-1',
  qty: 3,
  expected: '2026-12-01',
  status,
  overdue: false,
});

describe('kept list', () => {
  it('is kept for the filter it was read with, and for no other', () => {
    const list = new KeptList();
    expect(list.get('{}')).toBeUndefined();
    list.set('{"when":"due today"}', [row('BO-1'), row('BO-2')], '09:05');
    expect(list.get('{"when":"due today"}')).toEqual({
      entries: [
        { row: row('BO-1'), done: [] },
        { row: row('BO-2'), done: [] },
      ],
      at: '09:05',
    });
    expect(list.get('{"when":"any"}')).toBeUndefined();
  });

  it('marks an entry acted on, with the status the reply showed, and leaves the others', () => {
    const list = new KeptList();
    list.set('{}', [row('BO-1'), row('BO-2')], '09:05');
    expect(list.acted('BO-2', 'log-call')).toBe(true);
    expect(list.acted('BO-2', 'cancel', 'Cancelled')).toBe(true);
    expect(list.acted('BO-9', 'log-call')).toBe(false);
    expect(list.get('{}')?.entries).toEqual([
      { row: row('BO-1'), done: [] },
      { row: row('BO-2', 'Cancelled'), done: ['log-call', 'cancel'] },
    ]);
    // A list read again starts clean.
    list.set('{}', [row('BO-2', 'Cancelled')], '09:30');
    expect(list.get('{}')?.entries).toEqual([{ row: row('BO-2', 'Cancelled'), done: [] }]);
  });
});
