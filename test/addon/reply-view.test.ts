/**
 * The view an action's reply carries of the row it was taken from, through the built Code.js in the
 * twin: across a rep's and a buyer's day, every action's reply shows the row exactly as a fresh view
 * of it does the moment after (its calls among them: an action that does not decide from Calls reads
 * them for the reply's view of a backorder), so the sidebar never shows less than is there.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply, RowRef, RowView } from '../../shared/sidebar/rpc';
import { lastUnitShop, lastUnitShopWithPo } from '../support/addon';

let n = 0;
const rid = () => `reply-view-${String(++n).padStart(4, '0')}`;

describe('add-on: the reply’s view of the row acted on', () => {
  it('is the fresh view of the row, action after action', async () => {
    // SO-A takes the last unit; SO-B, SO-C and SO-D wait on BO-000001 … BO-000003; PO-1 brings 5.
    const desk = await lastUnitShopWithPo(['A', 'B', 'C', 'D']);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid(), attempt: 1 });
    const backorder = (row: number): RowRef => ({ sheet: 'Backorders', row });
    const day: [command: object, at: RowRef][] = [
      [{ action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'told' }, backorder(2)],
      // On the backorder's row, with a call logged: an action that reads no Calls for itself.
      [{ action: 'hold', orderId: 'SO-B', note: 'credit check' }, backorder(2)],
      [{ action: 'release', orderId: 'SO-B' }, backorder(2)],
      [
        { action: 'reschedule', backorderId: 'BO-000001', date: '2026-12-10', reason: 'vendor' },
        backorder(2),
      ],
      [
        { action: 'hold', orderId: 'SO-C', note: 'credit check' },
        { sheet: 'Orders', row: 4 },
      ],
      [
        { action: 'release', orderId: 'SO-C' },
        { sheet: 'Orders', row: 4 },
      ],
      [
        { action: 'change-line', orderId: 'SO-D', line: 1, requiredDate: '2026-12-20' },
        { sheet: 'Orders', row: 5 },
      ],
      [{ action: 'cancel-line', orderId: 'SO-D', line: 1, reason: 'Customer Requested' }, backorder(4)],
      [
        { action: 'change-po', po: 'PO-1', line: 1, promisedDate: '2026-12-05' },
        { sheet: 'POs', row: 2 },
      ],
      [
        { action: 'receive', po: 'PO-1', line: 1 },
        { sheet: 'POs', row: 2 },
      ],
      [{ action: 'fulfill', backorderId: 'BO-000001' }, backorder(2)],
      [
        { action: 'ship', orderId: 'SO-A' },
        { sheet: 'Orders', row: 2 },
      ],
      [{ action: 'cancel', backorderId: 'BO-000002', reason: 'Customer Requested' }, backorder(3)],
    ];
    const shown = (v: RowView) => ({ ...v, memory: undefined });
    for (const [command, at] of day) {
      const view = desk.run<RowView>('sidebarView', at);
      const reply = desk.run<ActionReply>(
        'sidebarAction',
        { command: { ...command, expected: view.expectedWithStock }, requestId: rid(), attempt: 1 },
        at,
      );
      const fresh = desk.run<RowView>('sidebarView', at);
      expect({ action: command, view: shown(reply.view) }).toEqual({ action: command, view: shown(fresh) });
    }
    // BO-000001's call stayed in view through the hold and the release (the reschedule noted its own).
    expect(desk.run<RowView>('sidebarView', backorder(2)).calls[0]).toEqual([
      '2026-11-23 Phone (rep@harbor.example)',
      'told',
    ]);
  });
});

describe('add-on: a call’s date in the sidebar', () => {
  it('is the day the call was logged where the spreadsheet is, not in UTC', async () => {
    // 20:30 in New York on 23 November is already 24 November in UTC.
    const evening = Date.parse('2026-11-24T01:30:00Z');
    const desk = await lastUnitShop(['A', 'B'], { now: () => evening });
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid(), attempt: 1 });
    desk.run('sidebarAction', {
      command: { action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'late call' },
      requestId: rid(),
      attempt: 1,
    });
    const view = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row: 2 });
    expect(view.calls).toEqual([['2026-11-23 Phone (rep@harbor.example)', 'late call']]);
  });
});
