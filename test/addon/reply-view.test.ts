/**
 * The view an action's reply carries of the backorder row it was taken from, through the built
 * Code.js in the twin: after an action that does not decide from calls or notices (hold, cancel) it
 * still shows the backorder's calls, as a fresh view of the row does, and reads the calls and
 * notices of that backorder alone, not of the other backorders the action reaches.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { lastUnitShop } from '../support/addon';

let n = 0;
const rid = () => `reply-view-${String(++n).padStart(4, '0')}`;

describe('add-on: the reply’s view of a backorder', () => {
  it('shows its calls after a hold and a cancel, as a fresh view does', async () => {
    // SO-A takes the last unit; SO-B and SO-C wait on BO-000001 and BO-000002.
    const desk = await lastUnitShop(['A', 'B', 'C']);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid(), attempt: 1 });
    const at = { sheet: 'Backorders', row: 2 };
    let view = desk.run<RowView>('sidebarView', at);
    const send = (command: object) => {
      const reply = desk.run<ActionReply>(
        'sidebarAction',
        { command: { ...command, expected: view.expected }, requestId: rid(), attempt: 1 },
        at,
      );
      view = reply.view;
      return reply.view;
    };
    send({ action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'told the date' });
    // A call on the other backorder: no part of BO-000001's view.
    desk.run('sidebarAction', {
      command: { action: 'log-call', backorderId: 'BO-000002', method: 'Email', summary: 'other' },
      requestId: rid(),
      attempt: 1,
    });
    view = desk.run<RowView>('sidebarView', at);
    const told = [['2026-11-23 Phone (rep@harbor.example)', 'told the date']];
    expect(view.calls).toEqual(told);
    const held = send({ action: 'hold', orderId: 'SO-B', note: 'credit check' });
    expect(held.calls).toEqual(told);
    const cancelled = send({ action: 'cancel', backorderId: 'BO-000001', reason: 'Customer Requested' });
    expect(cancelled.status).toBe('Cancelled');
    expect(cancelled.calls).toEqual(told);
    const fresh = desk.run<RowView>('sidebarView', at);
    expect({ ...cancelled, memory: undefined }).toEqual({ ...fresh, memory: undefined });
  });
});
