/**
 * An action's rows found while the rep fills in its form (`sidebarPrepare`, addon/src/sidebar-rpc.ts),
 * through the built Code.js in the twin: the preparation writes nothing and takes no lock; the action
 * sent with its memory makes fewer searches than with the view's alone and ends exactly as it does
 * with no memory at all; a preparation that is no longer true (a person sorted the tab) costs a
 * search, never a wrong row.
 */
import { describe, expect, it } from 'vitest';
import type { SearchMemory } from '../../shared/io/search-memory';
import type { ActionReply, RowView } from '../../shared/sidebar/rpc';
import { mergeViewParts, VIEW_PARTS, type ViewPart } from '../../shared/sidebar/view-parts';
import { type Desk, openDesk } from '../support/addon';

let n = 0;
const rid = () => `prepare-${String(++n).padStart(4, '0')}`;

/** SO-1 orders three SKUs, one unit of each in stock for two; SO-2 waits for the first SKU. */
async function threeSkuShop(): Promise<Desk> {
  const desk = await openDesk();
  desk.run('menuSetUpWorkbook');
  const skus = ['TILE-1', 'GROUT-1', 'TRIM-1'];
  desk.type(
    'Inventory',
    skus.map((SKU) => ({ SKU, Warehouse: 'MAIN', OnHand: 1 })),
  );
  const order = { OrderDate: '2026-11-20', Warehouse: 'MAIN', Qty: 2 };
  desk.type('Orders', [
    ...skus.map((SKU, i) => ({ ...order, OrderID: 'SO-1', Line: i + 1, Customer: 'Harbor', SKU })),
    { ...order, OrderID: 'SO-2', Line: 1, Customer: 'Bayside', SKU: 'TILE-1' },
  ]);
  desk.run('menuAllocateAll');
  return desk;
}

type Memory = 'none' | 'view' | 'prepared';

/**
 * Holds SO-1 (or releases it, held first) from its first line's row with the memory asked for; its
 * searches and the tabs after.
 */
async function holdFrom(memory: Memory, sortFirst = false, action: 'hold' | 'release' = 'hold') {
  const desk = await threeSkuShop();
  const at = { sheet: 'Orders', row: 2 };
  if (action === 'release')
    desk.run(
      'sidebarAction',
      { command: { action: 'hold', orderId: 'SO-1' }, requestId: rid(), attempt: 1 },
      at,
    );
  // The view as the sidebar holds it where Google runs its parts side by side: their searches
  // cover the shown line's SKU, not the order's other SKUs (docs/addon.md, "Views in parts").
  const view = mergeViewParts(
    VIEW_PARTS.map((part) => desk.run<ViewPart>('sidebarViewPart', at, part, null)),
  ) as RowView;
  const command = { action, orderId: 'SO-1' };
  let carried: SearchMemory | undefined = memory === 'none' ? undefined : view.memory;
  if (memory === 'prepared') {
    const before = JSON.stringify(desk.twin.file.sheets.map((s) => s.values));
    desk.rt.counter.reset();
    const prepared = desk.run<{ memory?: SearchMemory }>(
      'sidebarPrepare',
      { command, memory: view.memory },
      at,
    );
    expect(JSON.stringify(desk.twin.file.sheets.map((s) => s.values))).toBe(before);
    expect(desk.rt.counter.total(/^Lock/)).toBe(0);
    expect(prepared.memory?.found.length).toBeGreaterThan(view.memory?.found.length ?? 0);
    carried = prepared.memory;
  }
  if (sortFirst) {
    // A person sorts Inventory after the preparation: its rows hold other SKUs now.
    const sheet = desk.twin.sheetNamed('Inventory');
    const [header, ...body] = sheet.values;
    sheet.values = [header ?? [], ...body.reverse()];
  }
  desk.rt.counter.reset();
  const reply = desk.run<ActionReply>(
    'sidebarAction',
    {
      command: {
        ...command,
        ...(action === 'hold' ? { note: 'credit check' } : {}),
        expected: view.expectedWithStock,
      },
      requestId: rid(),
      attempt: 1,
      ...(carried ? { memory: carried } : {}),
    },
    at,
  );
  expect(reply.logId).toMatch(/^LG-/);
  const tabs = (name: string) => desk.rows(name).map((r) => ({ ...r, LastChanged: undefined }));
  return {
    searches: desk.rt.counter.counts['TextFinder.findAll'] ?? 0,
    after: { orders: tabs('Orders'), backorders: tabs('Backorders'), inventory: tabs('Inventory') },
  };
}

describe('add-on: an action prepared while its form is filled in', () => {
  it('finds the rows without the lock, and the action then searches less and ends the same', async () => {
    const none = await holdFrom('none');
    const view = await holdFrom('view');
    const prepared = await holdFrom('prepared');
    expect(prepared.after).toEqual(none.after);
    expect(view.after).toEqual(none.after);
    // The view found the first line's SKU; the preparation the order's other SKUs too.
    expect(prepared.searches).toBeLessThan(view.searches);
    expect(view.searches).toBeLessThan(none.searches);
  });

  it('serves a release alike (a held order shows its release form open, prepared at once)', async () => {
    const none = await holdFrom('none', false, 'release');
    const prepared = await holdFrom('prepared', false, 'release');
    expect(prepared.after).toEqual(none.after);
    expect(prepared.after.orders.filter((l) => (l as Record<string, unknown>).Hold === 'Held')).toEqual([]);
    expect(prepared.searches).toBeLessThan(none.searches);
  });

  it('costs a search, never a wrong row, when a person sorted a tab after it', async () => {
    const sorted = await holdFrom('prepared', true);
    const none = await holdFrom('none', true);
    expect(sorted.after).toEqual(none.after);
    expect(sorted.searches).toBeGreaterThan(0);
  });

  it('serves a 40-line receipt from a PO line row with no search, ending as one without memory', async () => {
    const receipt = async (memory: Memory) => {
      const desk = await openDesk();
      desk.run('menuSetUpWorkbook');
      const skus = Array.from({ length: 40 }, (_, i) => `SKU-${i + 1}`);
      desk.type(
        'Inventory',
        skus.map((SKU) => ({ SKU, Warehouse: 'MAIN', OnHand: 0 })),
      );
      // Two orders wait for each SKU: the receipt's queues, and their orders, are what it reads.
      desk.type(
        'Orders',
        skus.flatMap((SKU, i) =>
          [0, 1].map((k) => ({
            OrderID: `SO-${i * 2 + k + 1}`,
            Line: 1,
            OrderDate: '2026-11-20',
            Customer: 'Harbor',
            SKU,
            Qty: 3,
            Warehouse: 'MAIN',
          })),
        ),
      );
      desk.type(
        'POs',
        skus.map((SKU, i) => ({ PO: 'PO-1', Line: i + 1, SKU, Qty: 4, Warehouse: 'MAIN' })),
      );
      desk.run('menuAllocateAll');
      const at = { sheet: 'POs', row: 2 };
      const view = mergeViewParts(
        VIEW_PARTS.map((part) => desk.run<ViewPart>('sidebarViewPart', at, part, null)),
      ) as RowView;
      const command = { action: 'receive', po: 'PO-1' };
      // The PO line's open Receive form prepares the whole PO (shared/commands/receive.ts).
      const carried =
        memory === 'prepared'
          ? desk.run<{ memory?: SearchMemory }>('sidebarPrepare', { command, memory: view.memory }, at).memory
          : undefined;
      desk.rt.counter.reset();
      const reply = desk.run<ActionReply>(
        'sidebarAction',
        { command, requestId: rid(), attempt: 1, ...(carried ? { memory: carried } : {}) },
        at,
      );
      expect(reply.logId).toMatch(/^LG-/);
      const tabs = (name: string) => desk.rows(name).map((r) => ({ ...r, LastChanged: undefined }));
      return {
        searches: desk.rt.counter.counts['TextFinder.findAll'] ?? 0,
        bytes: JSON.stringify(carried ?? {}).length,
        after: { orders: tabs('Orders'), backorders: tabs('Backorders'), inventory: tabs('Inventory') },
      };
    };
    const none = await receipt('none');
    const prepared = await receipt('prepared');
    expect(prepared.after).toEqual(none.after);
    expect(none.searches).toBeGreaterThan(0);
    expect(prepared.searches).toBe(0);
    // What the sidebar carries to every call while it shows the row stays small.
    expect(prepared.bytes).toBeLessThan(20_000);
  });

  it('prepares no batch (a batch reads whole tabs), and refuses a command it cannot read', async () => {
    const desk = await threeSkuShop();
    desk.rt.counter.reset();
    expect(desk.run('sidebarPrepare', { command: { action: 'allocate' } }, null)).toEqual({});
    expect(desk.rt.counter.total(/getValues|findAll/)).toBe(0);
    expect(() =>
      desk.run('sidebarPrepare', { command: { action: 'hold' } }, { sheet: 'Orders', row: 2 }),
    ).toThrow(/bad preparation/);
  });
});
