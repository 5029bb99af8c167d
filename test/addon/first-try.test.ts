/**
 * The sidebar counts its tries of a RequestID: a first try cannot have landed before, so the server
 * does not search the Log for it (one TextFinder fewer, and none that grows with the Log); a later try
 * of a RequestID that did land gets the earlier outcome and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { openDesk, typeWorkedExample } from '../support/addon';

describe('add-on: a first try and a repeated one', () => {
  it('searches the Log only for a repeated try, which returns the earlier outcome', async () => {
    const ref = { sheet: 'Orders', row: 2 };
    /** The same allocation on a fresh shop, as try `attempt`; the searches it made. */
    const tryOn = async (attempt: number) => {
      const desk = await openDesk();
      desk.run('menuSetUpWorkbook');
      typeWorkedExample(desk);
      const view = desk.run<RowView>('sidebarView', ref);
      const request = {
        command: { action: 'allocate', orderId: 'SO-1', expected: view.expectedWithStock },
        requestId: 'first-try-0001',
      };
      desk.rt.counter.reset();
      const reply = desk.run<ActionReply>('sidebarAction', { ...request, attempt }, ref);
      return { desk, request, reply, searches: desk.rt.counter.counts['TextFinder.findAll'] ?? 0 };
    };
    const first = await tryOn(1);
    const second = await tryOn(2);
    expect(first.reply.newIds).toEqual(['BO-000001']);
    expect(second.reply.newIds).toEqual(['BO-000001']);
    // The second try searched the Log's RequestID column; the first did not.
    expect(second.searches).toBe(first.searches + 1);

    // A later try of a RequestID that landed: the earlier outcome, nothing changed.
    const { desk, request, reply } = first;
    const logRows = desk.rows('Log').length;
    const again = desk.run<ActionReply>('sidebarAction', { ...request, attempt: 2 }, ref);
    expect(again.logId).toBe(reply.logId);
    expect(desk.rows('Log')).toHaveLength(logRows);
    expect(desk.rows('Backorders')).toHaveLength(1);
  });
});
