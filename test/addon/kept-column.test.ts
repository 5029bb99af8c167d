/**
 * A key column read whole to match a search that found many rows (addon/src/row-source.ts), through
 * the built Code.js in the twin: the same execution's next search of that column is matched in the
 * column kept, with no TextFinder call. A receipt of a 40-line PO finds its SKUs' stock rows, reads
 * the SKU column to place them, and then finds the stock of its waiting orders' other lines there.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply } from '../../shared/sidebar/rpc';
import { openDesk } from '../support/addon';

const LINES = 40;

async function truckShop() {
  const desk = await openDesk();
  desk.run('menuSetUpWorkbook');
  const sku = (i: number) => `MANY-${100 + i}`;
  const other = (i: number) => `OTHER-${100 + i}`;
  desk.type('Inventory', [
    ...Array.from({ length: LINES }, (_, i) => ({ SKU: sku(i), Warehouse: 'MAIN', OnHand: 0 })),
    ...Array.from({ length: LINES }, (_, i) => ({ SKU: other(i), Warehouse: 'MAIN', OnHand: 5 })),
  ]);
  // Each order ships complete: its first line waits for the truck, its second is in stock.
  desk.type(
    'Orders',
    Array.from({ length: LINES }, (_, i) => {
      const order = {
        OrderID: `SO-${i}`,
        OrderDate: '2026-11-20',
        Customer: `C${i}`,
        Warehouse: 'MAIN',
        ShipPolicy: 'Ship complete',
      };
      return [
        { ...order, Line: 1, SKU: sku(i), Qty: 2 },
        { ...order, Line: 2, SKU: other(i), Qty: 1 },
      ];
    }).flat(),
  );
  desk.type(
    'POs',
    Array.from({ length: LINES }, (_, i) => ({
      PO: 'PO-1',
      Line: i + 1,
      Vendor: 'Summit',
      SKU: sku(i),
      Qty: 2,
      PromisedDate: '2026-12-01',
      Warehouse: 'MAIN',
    })),
  );
  desk.run('menuAllocateAll');
  return desk;
}

describe('add-on: a key column read whole for one search', () => {
  it('answers the execution’s next search of it without a TextFinder', async () => {
    const desk = await truckShop();
    const view = desk.run<{ expected: Record<string, string> }>('sidebarView', { sheet: 'POs', row: 2 });
    desk.rt.counter.reset();
    const reply = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: { action: 'receive', po: 'PO-1', expected: view.expected },
        requestId: 'kept-column-1',
        attempt: 1,
      },
      { sheet: 'POs', row: 2 },
    );
    expect(reply.messages.join('\n')).toMatch(/received/i);
    // Every waiting order took its units whole: both lines allocated.
    const lines = desk.rows('Orders');
    expect(lines.filter((l) => l.Status === 'Allocated')).toHaveLength(2 * LINES);
    // Searches: Inventory by the PO's SKUs (Backorders has none to search; the index lists the
    // waiting lines with their SKUs), Orders by the waiting orders' ids; the waiting orders' other
    // SKUs are matched in the Inventory SKU column the first Inventory search read (its 40 rows
    // found cost more as row numbers than the column).
    expect(desk.rt.counter.counts['TextFinder.findAll']).toBe(2);
  });
});
