/**
 * An action taken from a view reads the rows that view's searches found, without searching again
 * (shared/io/search-memory.ts), through the built Code.js in the twin: fewer searches, the same result;
 * a person sorting the tab between the view and the click makes the action search and act on the
 * right row; memory is set aside after any other action, an added row, or five minutes; and the
 * documented limit (a key retyped in a row the view never found, within those minutes) is pinned.
 */
import { describe, expect, it } from 'vitest';
import { MEMORY_SECONDS } from '../../shared/io/search-memory';
import { columnLetter } from '../../shared/sheet/a1';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { type Desk, NOW, openDesk, typeWorkedExample } from '../support/addon';

let n = 0;
const rid = () => `memory-${++n}`.padEnd(14, '0');

/** Three orders of two lines waiting for the same SKU (so a queue of three backorders), on a clock we move. */
async function waitingShop() {
  let now = NOW;
  const desk = await openDesk({ now: () => now });
  desk.run('menuSetUpWorkbook');
  desk.type('Inventory', [
    { SKU: 'TILE-1', Warehouse: 'MAIN', Product: 'Tile', OnHand: 0 },
    { SKU: 'GROUT-1', Warehouse: 'MAIN', Product: 'Grout', OnHand: 50 },
  ]);
  desk.type(
    'Orders',
    [0, 1, 2].flatMap((i) => {
      const order = { OrderID: `SO-${i}`, OrderDate: '2026-11-20', Customer: `C${i}`, Warehouse: 'MAIN' };
      return [
        { ...order, Line: 1, SKU: 'TILE-1', Qty: 4 },
        { ...order, Line: 2, SKU: 'GROUT-1', Qty: 1 },
      ];
    }),
  );
  desk.run('menuAllocateAll');
  return { desk, later: (seconds: number) => (now += seconds * 1000) };
}

const rowOf = (desk: Desk, id: string) =>
  desk.twin.sheetNamed('Backorders').values.findIndex((r) => r[0] === id) + 1;
const searches = (desk: Desk) => desk.rt.counter.counts['TextFinder.findAll'] ?? 0;

/** The view of a backorder's row, then a call logged on it as the sidebar sends it (memory or not). */
function viewThenLogCall(desk: Desk, id: string, withMemory = true, between?: () => void) {
  const at = { sheet: 'Backorders', row: rowOf(desk, id) };
  const view = desk.run<RowView>('sidebarView', at);
  between?.();
  desk.rt.counter.reset();
  const reply = desk.run<ActionReply>(
    'sidebarAction',
    {
      command: {
        action: 'log-call',
        backorderId: id,
        method: 'Phone',
        summary: 'told the date',
        expected: view.expected,
      },
      requestId: rid(),
      attempt: 1,
      ...(withMemory && view.memory ? { memory: view.memory } : {}),
    },
    at,
  );
  return { view, reply, searched: searches(desk) };
}

describe('add-on: an action reads the rows its view found', () => {
  it('makes fewer searches with the view’s memory and replies with the same view', async () => {
    const { desk } = await waitingShop();
    const ids = desk.rows('Backorders').map((r) => String(r.BackorderID));
    expect(ids).toHaveLength(3);
    const without = viewThenLogCall(desk, ids[1] as string, false);
    const withMemory = viewThenLogCall(desk, ids[1] as string);
    expect(withMemory.view.memory?.found.length).toBeGreaterThan(0);
    // No search: the view found the rest, and the backorder's own id is its row's alone (the index's
    // repeated-keys row: a view stands on its row without searching for it, and so does the action).
    expect(withMemory.searched).toBe(0);
    expect(without.searched).toBeGreaterThan(withMemory.searched);
    const shown = (v: RowView) => ({
      ...v,
      calls: v.calls.length,
      expected: {},
      expectedWithStock: {},
      memory: undefined,
    });
    expect(shown(withMemory.reply.view)).toEqual({ ...shown(without.reply.view), calls: 2 });
    expect(desk.rows('Calls')).toHaveLength(2);
  });

  it('shows the next row of the same queue from the last view’s searches, as it would without them', async () => {
    const { desk } = await waitingShop();
    const [a, b] = desk.rows('Backorders').map((r) => String(r.BackorderID));
    const first = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row: rowOf(desk, a as string) });
    const next = { sheet: 'Backorders', row: rowOf(desk, b as string) };
    desk.rt.counter.reset();
    const plain = desk.run<RowView>('sidebarView', next);
    const searchedPlain = searches(desk);
    desk.rt.counter.reset();
    const remembered = desk.run<RowView>('sidebarView', next, first.memory);
    // The SKU's queue, stock and PO lines were found for the first view: only the second
    // backorder's own order, calls and notices are searched.
    expect(searches(desk)).toBeLessThan(searchedPlain);
    expect({ ...remembered, memory: undefined }).toEqual({ ...plain, memory: undefined });
    // Its memory carries both views' words on to the next.
    expect(remembered.memory?.found.length).toBeGreaterThanOrEqual(plain.memory?.found.length ?? 0);
  });

  it('searches again and acts on the right rows when a person sorted a tab after the view', async () => {
    // A person sorts Orders newest first after the view: SO-0's lines, which the view found on rows 2
    // and 3, move to the bottom, and SO-2's take their rows. The sort moves values only: the index
    // shows the same shape (same rows, keys, highest ids), so only the rows themselves can tell.
    const sortedThenCancel = async (withMemory: boolean) => {
      const { desk } = await waitingShop();
      const [first, , last] = desk.rows('Backorders').map((r) => String(r.BackorderID));
      const at = { sheet: 'Backorders', row: rowOf(desk, first as string) };
      const view = desk.run<RowView>('sidebarView', at);
      const sheet = desk.twin.sheetNamed('Orders');
      const [header, ...body] = sheet.values;
      sheet.values = [header ?? [], ...body.reverse()];
      const before = desk.rows('Orders');
      desk.rt.counter.reset();
      desk.run<ActionReply>(
        'sidebarAction',
        {
          command: {
            action: 'cancel',
            backorderId: first,
            reason: 'Customer Requested',
            expected: view.expected,
          },
          requestId: rid(),
          attempt: 1,
          ...(withMemory ? { memory: view.memory } : {}),
        },
        at,
      );
      return { desk, first, last, before, searched: searches(desk) };
    };
    const { desk, first, last, before, searched } = await sortedThenCancel(true);
    // SO-0's remembered rows held SO-2: every search is made again, as with no memory at all.
    expect(searched).toBeGreaterThan(0);
    expect(searched).toBe((await sortedThenCancel(false)).searched);
    const status = Object.fromEntries(desk.rows('Backorders').map((r) => [r.BackorderID, r.Status]));
    expect(status[first as string]).toBe('Cancelled');
    expect(status[last as string]).not.toBe('Cancelled');
    // The cancelled backorder's order line balances: ordered = shipped + open backorder + cancelled.
    const after = desk.rows('Orders');
    const line = after.find((r) => r.OrderID === 'SO-0' && r.Line === 1);
    expect(line?.QtyCancelled).toBe(4);
    expect(after.indexOf(line as Record<string, unknown>)).toBe(
      before.findIndex((r) => r.OrderID === 'SO-0' && r.Line === 1),
    );
    expect(after.filter((r) => r.OrderID !== 'SO-0')).toEqual(before.filter((r) => r.OrderID !== 'SO-0'));
  });

  it('sets memory aside after another action, an added row, or five minutes', async () => {
    const { desk, later } = await waitingShop();
    const [a, b] = desk.rows('Backorders').map((r) => String(r.BackorderID));
    const remembered = viewThenLogCall(desk, a as string).searched;
    // Another rep's action between the view and the click: the Log's highest id moved.
    const afterAction = viewThenLogCall(desk, a as string, true, () =>
      viewThenLogCall(desk, b as string, false),
    ).searched;
    expect(afterAction).toBeGreaterThan(remembered);
    // A person types a new order line (the Orders key count moved).
    const afterRow = viewThenLogCall(desk, a as string, true, () =>
      desk.type('Orders', [
        {
          OrderID: 'SO-9',
          Line: 1,
          OrderDate: '2026-11-21',
          Customer: 'C9',
          SKU: 'TILE-1',
          Qty: 1,
          Warehouse: 'MAIN',
        },
      ]),
    ).searched;
    expect(afterRow).toBeGreaterThan(remembered);
    // The rep comes back after five minutes.
    const afterWait = viewThenLogCall(desk, a as string, true, () => later(MEMORY_SECONDS + 1)).searched;
    expect(afterWait).toBeGreaterThan(remembered);
    expect(viewThenLogCall(desk, a as string, true, () => later(MEMORY_SECONDS - 1)).searched).toBe(
      remembered,
    );
  });

  it('keeps a search’s first time when its rows are passed from view to view', async () => {
    const { desk, later } = await waitingShop();
    const [a, b] = desk.rows('Backorders').map((r) => String(r.BackorderID));
    const first = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row: rowOf(desk, a as string) });
    later(MEMORY_SECONDS - 60);
    const at = { sheet: 'Backorders', row: rowOf(desk, b as string) };
    const second = desk.run<RowView>('sidebarView', at, first.memory);
    // Rows recalled keep the first view's time: passing memory on never makes it younger.
    expect(second.memory?.at).toBe(first.memory?.at);
    later(120);
    desk.rt.counter.reset();
    desk.run(
      'sidebarAction',
      {
        command: {
          action: 'log-call',
          backorderId: b,
          method: 'Phone',
          summary: 'late',
          expected: second.expected,
        },
        requestId: rid(),
        attempt: 1,
        memory: second.memory,
      },
      at,
    );
    // Past five minutes from the first search: the action searches everything again.
    expect(searches(desk)).toBeGreaterThan(1);
  });

  it('replies with the memory of the action’s own searches, stamped as the index then stands', async () => {
    const { desk } = await waitingShop();
    const [a, b] = desk.rows('Backorders').map((r) => String(r.BackorderID));
    const at = { sheet: 'Backorders', row: rowOf(desk, a as string) };
    let view = desk.run<RowView>('sidebarView', at);
    const send = (command: object) => {
      desk.rt.counter.reset();
      const reply = desk.run<ActionReply>(
        'sidebarAction',
        {
          command: { ...command, expected: view.expected },
          requestId: rid(),
          attempt: 1,
          memory: view.memory,
        },
        at,
      );
      const searched = searches(desk);
      // The stamp the reply guessed is the one a fresh read of the index gives.
      const fresh = desk.run<RowView>('sidebarView', at);
      expect(reply.view.memory?.stamp).toBe(fresh.memory?.stamp);
      view = reply.view;
      return searched;
    };
    // A day on one backorder: a call logged, the date moved, another call, then cancelled; each from
    // the reply of the one before. None searches for the backorder's own id (the index shows no id
    // twice), and the first needs no other search: its view found the rest.
    const counts = [
      send({ action: 'log-call', backorderId: a, method: 'Phone', summary: 'asked' }),
      send({ action: 'reschedule', backorderId: a, date: '2026-12-20', reason: 'vendor' }),
      send({ action: 'log-call', backorderId: a, method: 'Phone', summary: 'told the date' }),
      send({ action: 'cancel', backorderId: a, reason: 'Customer Requested' }),
    ];
    expect(counts[0]).toBe(0);
    // The Calls words are dropped after a call is logged (Google placed its row), so one search.
    expect(counts.slice(1).every((c) => c <= 2)).toBe(true);
    const status = Object.fromEntries(desk.rows('Backorders').map((r) => [r.BackorderID, r.Status]));
    expect(status[a as string]).toBe('Cancelled');
    expect(status[b as string]).not.toBe('Cancelled');
    // Two calls logged, and the reschedule's own note of the new date.
    expect(desk.rows('Calls').map((c) => c.Summary)).toEqual([
      'asked',
      expect.stringMatching(/2026-12-20/),
      'told the date',
    ]);
  });

  it('allocates, ships and receives from each reply as it would with searches alone', async () => {
    const flow = async (remember: boolean) => {
      const desk = await openDesk();
      desk.run('menuSetUpWorkbook');
      typeWorkedExample(desk);
      const at = { sheet: 'Orders', row: 2 };
      let view = desk.run<RowView>('sidebarView', at);
      const stamps: [string | undefined, string | undefined][] = [];
      const send = (command: object, where = at) => {
        const reply = desk.run<ActionReply>(
          'sidebarAction',
          {
            command: { ...command, expected: view.expectedWithStock },
            requestId: rid(),
            attempt: 1,
            ...(remember && view.memory ? { memory: view.memory } : {}),
          },
          where,
        );
        stamps.push([reply.view.memory?.stamp, desk.run<RowView>('sidebarView', where).memory?.stamp]);
        view = reply.view;
      };
      desk.rt.counter.reset();
      // Allocate (15 of 20: a backorder of 5 is added), ship what is allocated, then receive PO-1.
      send({ action: 'allocate', orderId: 'SO-1' });
      send({ action: 'ship', orderId: 'SO-1' });
      view = desk.run<RowView>('sidebarView', { sheet: 'POs', row: 2 });
      send({ action: 'receive', po: 'PO-1' }, { sheet: 'POs', row: 2 });
      const values = desk.twin.file.sheets
        .filter((t) => t.properties.title !== 'Log')
        .map((t) => JSON.stringify(t.values).replace(/sb-[\w-]+|memory-\d+0*/g, ''));
      return { searched: searches(desk), stamps, values };
    };
    const plain = await flow(false);
    const remembered = await flow(true);
    for (const [guessed, fresh] of remembered.stamps) expect(guessed).toBe(fresh);
    expect(remembered.searched).toBeLessThan(plain.searched);
    expect(remembered.values).toEqual(plain.values);
  });

  it('does not see, within the memory, a key retyped in a row the view never found (the documented limit)', async () => {
    const { desk } = await waitingShop();
    const orders = desk.twin.sheetNamed('Orders');
    const col = columnLetter((orders.values[0] ?? []).indexOf('OrderID'));
    const view = desk.run<RowView>('sidebarView', { sheet: 'Orders', row: 2 });
    // A person retypes row 6's OrderID (SO-2 line 1) to SO-0: a second SO-0 line 1.
    desk.twin.write(`Orders!${col}6`, [['SO-0']], 'RAW');
    const send = (memory: unknown) => () =>
      desk.run(
        'sidebarAction',
        {
          command: { action: 'hold', orderId: 'SO-0', expected: view.expected },
          requestId: rid(),
          attempt: 1,
          ...(memory ? { memory } : {}),
        },
        { sheet: 'Orders', row: 2 },
      );
    // Without memory the action searches and refuses the duplicate; with it, it acts on the rows the
    // view found, as a search made just before the retype would have.
    expect(send(undefined)).toThrow(/duplicate key SO-0#1/);
    expect(send(view.memory)).not.toThrow();
    expect(
      desk
        .rows('Orders')
        .filter((r) => r.OrderID === 'SO-0')
        .map((r) => r.Hold),
    ).toEqual(['Held', 'Held', '']);
  });
});
