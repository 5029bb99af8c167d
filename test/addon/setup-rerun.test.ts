/**
 * Set up workbook is idempotent on the add-on's edge however the grid grows: its protections are
 * recognised by the columns they cover (Google gives a whole-column range's A1 as "D:F"), so a rerun
 * after rows were added leaves exactly one warning-only protection per run of engine columns, and a
 * stacked duplicate from an earlier version is removed.
 */
import { describe, expect, it } from 'vitest';
import { PROTECTION_PREFIX, sheetRules } from '../../shared/setup/sheet-rules';
import { openDesk, typeWorkedExample } from '../support/addon';
import { unreadableDates } from '../support/seen';

type Protected = { range: string; description: string; warningOnly: boolean };

describe('Set up workbook run again', () => {
  it('adds no protection after the grid grew, and removes a stacked one', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    const sheet = (name: string) => desk.twin.sheetNamed(name);
    const ours = (name: string) =>
      ((sheet(name).metadata.protectedRanges as Protected[] | undefined) ?? []).filter((p) =>
        p.description.startsWith(PROTECTION_PREFIX),
      );
    const expected = (name: string) =>
      sheetRules(name, sheet(name).values[0] ?? [])?.protections.map((p) => p.columns) ?? [];
    expect(ours('Orders').map((p) => p.range)).toEqual(expected('Orders'));
    expect(ours('Orders').length).toBeGreaterThan(0);

    // Rows added past the grid (a busy month) and a duplicate from an older Set up.
    sheet('Orders').properties.gridProperties.rowCount = 5000;
    sheet('Backorders').properties.gridProperties.rowCount = 3000;
    (sheet('Orders').metadata.protectedRanges as Protected[]).push({ ...(ours('Orders')[0] as Protected) });
    desk.run('menuSetUpWorkbook');
    desk.run('menuSetUpWorkbook');
    for (const name of ['Orders', 'Backorders', 'Inventory', 'POs', 'Shipments', 'Calls']) {
      expect(
        ours(name)
          .map((p) => p.range)
          .sort(),
        name,
      ).toEqual([...expected(name)].sort());
      expect(ours(name).every((p) => p.warningOnly)).toBe(true);
    }
  });

  it('shows every date as a date to a person reading the sheet, rows added after Set up included', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: 'setup-rerun-1' }, null);
    desk.run(
      'sidebarAction',
      { command: { action: 'ship', orderId: 'SO-1' }, requestId: 'setup-rerun-2' },
      null,
    );
    expect(unreadableDates(desk.twin)).toEqual([]);
  });
});
