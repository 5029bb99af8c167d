/**
 * The sidebar's poll (`sidebarFollow`) through the built Code.js in the twin: a selection moved to a
 * row the sidebar has no view of comes back with that view in the same call; an unmoved selection,
 * or a row whose view the sidebar keeps, costs no read of the spreadsheet's values; a list entry's
 * Go moves the selection and brings the view in one call.
 */
import { describe, expect, it } from 'vitest';
import type { FollowReply, RowView } from '../../shared/sidebar/rpc';
import { openDesk, typeWorkedExample } from '../support/addon';

describe('add-on: the sidebar follows the selection', () => {
  it('brings a new row’s view with the selection, and reads nothing when it has not moved', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    desk.run('sidebarJump', { sheet: 'Orders', row: 2 });

    desk.rt.counter.reset();
    const moved = desk.run<FollowReply>('sidebarFollow', { shown: '', cached: [] });
    expect(moved.ref).toEqual({ sheet: 'Orders', row: 2 });
    expect(moved.view).toMatchObject({ kind: 'order-line', ref: { sheet: 'Orders', row: 2 } });
    expect(desk.rt.counter.counts['Range.getValues'] ?? 0).toBeGreaterThan(0);
    // One execution, one spreadsheet handle: the view reuses the poll's.
    expect(desk.rt.counter.counts['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);

    for (const request of [
      { shown: 'Orders!2', cached: [] },
      { shown: 'Backorders!2', cached: ['Orders!2'] },
    ]) {
      desk.rt.counter.reset();
      const same = desk.run<FollowReply>('sidebarFollow', request);
      expect(same).toEqual({ ref: { sheet: 'Orders', row: 2 } });
      expect(desk.rt.counter.counts['Range.getValues'] ?? 0).toBe(0);
    }
    expect(() => desk.run('sidebarFollow', { shown: 'x'.repeat(201), cached: [] })).toThrow(
      /The sidebar sent a bad poll/,
    );
  });

  it('a list entry’s Go moves the selection and brings the row’s view in one execution', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    expect(desk.run('sidebarSelection')).not.toEqual({ sheet: 'Orders', row: 2 });

    desk.rt.counter.reset();
    const went = desk.run<FollowReply>('sidebarGo', { sheet: 'Orders', row: 2 }, null);
    expect(went.ref).toEqual({ sheet: 'Orders', row: 2 });
    expect(went.view).toMatchObject({ kind: 'order-line', ref: { sheet: 'Orders', row: 2 } });
    expect(desk.rt.counter.counts['Range.activate']).toBe(1);
    expect(desk.rt.counter.counts['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);
    // The sheet now shows that row selected: the next poll finds nothing new to read.
    desk.rt.counter.reset();
    const after = desk.run<FollowReply>('sidebarFollow', { shown: 'Orders!2', cached: [] });
    expect(after).toEqual({ ref: { sheet: 'Orders', row: 2 } });
    expect(desk.rt.counter.counts['Range.getValues'] ?? 0).toBe(0);
    expect(() => desk.run('sidebarGo', { sheet: 'Nowhere', row: 2 }, null)).toThrow(/no tab named Nowhere/);
  });

  it('searches no tab whose key column holds only its header, and finds rows once it has some', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: 'follow-alloc-1' }, null);
    const bo = { sheet: 'Backorders', row: 2 };
    const searches = () => {
      desk.rt.counter.reset();
      const view = desk.run<RowView>('sidebarView', bo, null);
      return { view, finds: desk.rt.counter.counts['TextFinder.findAll'] ?? 0 };
    };
    // Calls and Notifications are empty: the view searches neither.
    const before = searches();
    expect(before.view.calls).toEqual([]);
    desk.run(
      'sidebarAction',
      {
        command: {
          action: 'log-call',
          backorderId: 'BO-000001',
          method: 'Phone',
          summary: 'will wait',
          expected: before.view.expected,
        },
        requestId: 'follow-call-1',
      },
      bo,
    );
    // Now Calls has a row: the view searches it, and shows the call.
    const after = searches();
    expect(after.finds).toBe(before.finds + 1);
    expect(after.view.calls).toContainEqual([expect.stringContaining('Phone'), 'will wait']);
  });
});
