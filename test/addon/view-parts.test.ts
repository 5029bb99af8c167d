/**
 * A row's view read in parts sent at once (shared/sidebar/view-parts.ts), through the built Code.js
 * in the twin: merged, the parts give exactly the one-call view (`sidebarView`) of every row of
 * Orders, Backorders and POs, on the demo's simulated weeks and across a rep's day of actions, their
 * searches together are the view's, and each part makes fewer calls than the whole; a write landing
 * between the parts' reads makes the merge give nothing (the sidebar then asks in one call); what
 * the parts carry is what google.script.run can carry.
 */
import { describe, expect, it } from 'vitest';
import { illegalValueAt } from '../../playground/page/script-run-payload';
import type { RowRef, RowView } from '../../shared/sidebar/rpc';
import { mergeViewParts, overlapped, VIEW_PARTS, type ViewPart } from '../../shared/sidebar/view-parts';
import { type Desk, lastUnitShop, lastUnitShopWithPo, openDesk, simulatedDesk } from '../support/addon';

let n = 0;
const rid = () => `view-parts-${String(++n).padStart(4, '0')}`;

const parts = (desk: Desk, ref: RowRef): ViewPart[] =>
  VIEW_PARTS.map((p) => desk.run<ViewPart>('sidebarViewPart', ref, p, null));

/** Found searches in one order, for comparing memories made in one call and in parts. */
const searches = (v: RowView) => [...(v.memory?.found ?? [])].map((f) => JSON.stringify(f)).sort();

/** Every row of each tab, or `most` of them spread from the first to the last. */
function sampled(last: number, most: number): number[] {
  const all = Array.from({ length: Math.max(0, last - 1) }, (_, i) => i + 2);
  if (all.length <= most) return all;
  return Array.from(
    { length: most },
    (_, i) => all[Math.round((i * (all.length - 1)) / (most - 1))] as number,
  );
}

function expectSameViews(desk: Desk, tabs: readonly string[], most = Number.POSITIVE_INFINITY): number {
  let compared = 0;
  for (const sheet of tabs) {
    for (const row of sampled(desk.twin.sheetNamed(sheet).values.length, most)) {
      const ref = { sheet, row };
      const whole = desk.run<RowView>('sidebarView', ref);
      const got = parts(desk, ref);
      for (const p of got) expect(illegalValueAt(p)).toBeUndefined();
      const merged = mergeViewParts(got) as RowView;
      expect({ ref, view: { ...merged, memory: undefined } }).toEqual({
        ref,
        view: { ...whole, memory: undefined },
      });
      // The same searches remembered; but the one-call view of an order line also grows from its
      // order's other lines to their SKUs' queues and stock, which no part searches (the action that
      // follows searches them itself: docs/addon.md "Views in parts").
      const own = (v: RowView) =>
        sheet === 'Orders'
          ? searches(v).filter((f) => !/^\["(Backorders|Inventory|POs)",/.test(f))
          : searches(v);
      expect(own(merged)).toEqual(own(whole));
      expect(searches(whole)).toEqual(expect.arrayContaining(searches(merged)));
      compared++;
    }
  }
  return compared;
}

describe('add-on: a view in parts', () => {
  it('is the one-call view of rows across a simulated workbook, each part for fewer calls', async () => {
    const desk = await simulatedDesk(12, 30);
    // A spread of each tab's rows (every row costs four executions): open and closed backorders,
    // order lines in every state, PO lines received or not.
    expect(expectSameViews(desk, ['Orders', 'Backorders', 'POs'], 8)).toBe(24);
    // An order line and a backorder: each part alone costs fewer calls than the one-call view.
    for (const ref of [
      { sheet: 'Orders', row: 2 },
      { sheet: 'Backorders', row: 2 },
    ]) {
      desk.rt.counter.reset();
      desk.run('sidebarView', ref);
      const whole = Object.values(desk.rt.counter.counts).reduce((a, b) => a + b, 0);
      for (const p of VIEW_PARTS) {
        desk.rt.counter.reset();
        desk.run('sidebarViewPart', ref, p, null);
        const part = Object.values(desk.rt.counter.counts).reduce((a, b) => a + b, 0);
        expect({ ref, p, fewer: part < whole }).toEqual({ ref, p, fewer: true });
      }
    }
  });

  it('is the one-call view of every row, action after action of a day', async () => {
    const desk = await lastUnitShopWithPo(['A', 'B', 'C', 'D']);
    const act = (command: object) =>
      desk.run('sidebarAction', { command, requestId: rid(), attempt: 1 }, null);
    const day: object[] = [
      { action: 'allocate' },
      { action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'told' },
      { action: 'hold', orderId: 'SO-B', note: 'credit check' },
      { action: 'record-notice', backorderId: 'BO-000002' },
      { action: 'receive', po: 'PO-1', line: 1 },
      { action: 'cancel', backorderId: 'BO-000003', reason: 'Customer Requested' },
    ];
    // Backorders and the PO line after every action (calls, notices, holds, receipts change them);
    // the order lines, whose views the simulated workbook above covers, at the end of the day.
    for (const command of day) {
      act(command);
      expectSameViews(desk, ['Backorders', 'POs']);
    }
    expect(expectSameViews(desk, ['Orders'])).toBe(4);
  });

  it('gives nothing when a write lands between the parts, and says whether they overlapped', async () => {
    const desk = await lastUnitShop(['A', 'B']);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid(), attempt: 1 }, null);
    const ref = { sheet: 'Backorders', row: 2 };
    const entity = desk.run<ViewPart>('sidebarViewPart', ref, 'entity', null);
    desk.run('sidebarAction', {
      command: { action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'between' },
      requestId: rid(),
      attempt: 1,
    });
    const stock = desk.run<ViewPart>('sidebarViewPart', ref, 'stock', null);
    expect(mergeViewParts([entity, stock])).toBeUndefined();
    // Executions one after another (the twin runs them so) did not overlap; side by side they did.
    expect(overlapped([entity, stock])).toBe(false);
    expect(
      overlapped([
        { ...entity, ran: [0, 10] },
        { ...stock, ran: [5, 12] },
      ]),
    ).toBe(true);
    // Three where only the last two overlapped: Google ran some side by side.
    expect(
      overlapped([
        { ...entity, ran: [0, 4] },
        { ...stock, ran: [5, 12] },
        { ...stock, ran: [6, 9] },
      ]),
    ).toBe(true);
    expect(
      overlapped([
        { ...entity, ran: [0, 4] },
        { ...stock, ran: [5, 12] },
        { ...stock, ran: [12, 19] },
      ]),
    ).toBe(false);
  });

  it('refuses a part it does not know, naming it', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    expect(() => desk.run('sidebarViewPart', { sheet: 'Orders', row: 2 }, 'everything', null)).toThrow(
      /bad view part/,
    );
  });
});
