/**
 * Two reps' clicks interleaved as Apps Script can interleave them: rep A's execution writes, releases
 * the document lock and is still finishing (its writes not yet committed) when rep B's execution takes
 * the lock and reads. Apps Script commits writes lazily, so without `SpreadsheetApp.flush()` before
 * the release B would read the unit as free and promise it again (docs/fidelity.md A1–A3). With the
 * flush, B sees A's reservation and is refused with the row named. Both executions run the built
 * Code.js in the twin, whose write cache commits only at a read, a flush or the end of an execution.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { lastUnitShop } from '../support/addon';

describe('add-on: two executions interleaved at the lock', () => {
  it('never promises the last unit twice: the second rep reads the first one’s committed writes', async () => {
    const desk = await lastUnitShop(['A', 'B']);
    const [a, b] = [2, 3].map((row) => desk.run<RowView>('sidebarView', { sheet: 'Orders', row }));
    const click = (v: RowView | undefined, requestId: string) =>
      desk.run<ActionReply>(
        'sidebarAction',
        {
          command: { action: 'allocate', orderId: v?.ids.orderId, expected: v?.expectedWithStock },
          requestId,
        },
        v?.ref,
      );
    // The refusal comes from the script's realm: an Error there, so only its message is compared.
    let second: ActionReply | { refused: string } | undefined;
    desk.rt.state.afterRelease = () => {
      desk.rt.state.afterRelease = undefined; // only rep A's release lets rep B in
      try {
        second = click(b, 'interleaved-b-0001');
      } catch (e) {
        second = { refused: String((e as Error).message) };
      }
    };
    click(a, 'interleaved-a-0001');
    expect(second).toEqual({
      refused: expect.stringMatching(/Inventory LAST-1#MAIN changed since you looked/),
    });
    expect(desk.rows('Inventory')[0]).toMatchObject({ OnHand: 1, Allocated: 1, Available: 0 });
    expect(desk.rows('Orders').map((o) => [o.OrderID, Number(o.QtyAllocated || 0)])).toEqual([
      ['SO-A', 1],
      ['SO-B', 0],
    ]);
  });
});
