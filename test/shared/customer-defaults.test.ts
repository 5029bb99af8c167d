/**
 * A customer's defaults (shared/customer-defaults.ts): Settings rows `Customer: <name>` give the
 * lines that leave Priority or ShipPolicy blank their customer's, as the workbook is decoded; a typed
 * cell wins; a bad value is refused with its cell; and the queue follows (a VIP default goes first).
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../shared/commands/run';
import { parseCustomerDefaults } from '../../shared/customer-defaults';
import { renderWorkbook } from '../../shared/setup/render-workbook';
import type { Cell } from '../../shared/sheet/cells';
import type { RawTab } from '../../shared/sheet/codec';
import { decodeWorkbook, planWrites } from '../../shared/workbook';
import { context, item, line, workbook } from '../support/build';

const CELLS = { face: 'api' as const, timeZone: 'UTC', currencyDigits: 2 };

/** The rendered workbook with the Priority and ShipPolicy cells of the lines `blankFor` left blank. */
function sheets(settings: [string, string][], blankFor: (row: readonly Cell[]) => boolean) {
  const wb = workbook({
    inventory: [item({ sku: 'A', onHand: 3 })],
    orders: [
      line({ orderId: 'SO-1', sku: 'A', qty: 3, orderDate: '2026-11-01' as never, customer: 'Pine Co' }),
      line({
        orderId: 'SO-2',
        sku: 'A',
        qty: 3,
        orderDate: '2026-11-05' as never,
        customer: 'Harbor Builders',
      }),
    ],
  });
  const raw: Record<string, RawTab> = Object.fromEntries(renderWorkbook(wb, CELLS).map((t) => [t.name, t]));
  const orders = raw.Orders as RawTab;
  const header = orders.values[0] as Cell[];
  const [p, sp] = [header.indexOf('Priority'), header.indexOf('ShipPolicy')];
  orders.values.forEach((row, i) => {
    if (i > 0 && blankFor(row)) Object.assign(row as Cell[], { [p]: '', [sp]: '' });
  });
  raw.Settings = {
    name: 'Settings',
    values: [['Key', 'Value', 'Notes'], ...settings.map(([k, v]) => [k, v, ''])],
  };
  return raw;
}

describe('customer defaults', () => {
  it.each([
    // Settings value → Harbor Builders' priority and ship policy (its cells blank)
    { value: 'VIP', priority: 'VIP', shipPolicy: 'Ship partial' },
    { value: 'ship complete', priority: 'Normal', shipPolicy: 'Ship complete' },
    { value: 'Ship complete; High', priority: 'High', shipPolicy: 'Ship complete' },
    { value: '', priority: 'Normal', shipPolicy: 'Ship partial' },
  ])('"$value" fills the blank cells of the customer’s lines', (t) => {
    const raw = sheets([['Customer: harbor  builders', t.value]], () => true);
    const { workbook: wb } = decodeWorkbook(raw, CELLS);
    expect(wb.orders[1]).toMatchObject({ priority: t.priority, shipPolicy: t.shipPolicy });
    expect(wb.orders[0]).toMatchObject({ priority: 'Normal', shipPolicy: 'Ship partial' });
  });

  it('leaves a typed cell alone', () => {
    const raw = sheets([['Customer: Harbor Builders', 'VIP, Ship complete']], () => false);
    const { workbook: wb } = decodeWorkbook(raw, CELLS);
    expect(wb.orders[1]).toMatchObject({ priority: 'Normal', shipPolicy: 'Ship partial' });
  });

  it('puts a VIP customer first in the queue, and writes nothing into the blank cells', () => {
    const raw = sheets([['Customer: Harbor Builders', 'VIP']], () => true);
    const { workbook: wb, tabs, context: cells } = decodeWorkbook(raw, CELLS);
    const out = runCommand(wb, { action: 'allocate' }, context(1));
    const got = Object.fromEntries(
      (out.changes.orders?.updated ?? []).map((l) => [l.orderId, l.qtyAllocated]),
    );
    expect(got).toEqual({ 'SO-2': 3, 'SO-1': 0 });
    const orders = planWrites(tabs, out.changes, 'engine', cells).find((p) => p.tab === 'Orders');
    const people = [tabs.orders.columnIndex.priority, tabs.orders.columnIndex.shipPolicy];
    expect(orders?.writes.length).toBeGreaterThan(0);
    expect(orders?.writes.filter((w) => people.includes(w.col))).toEqual([]);
  });

  it('refuses a value that names neither a policy nor a priority, with its cell', () => {
    const raw = sheets([['Customer: Harbor Builders', 'VIP, fast']], () => true);
    expect(() => decodeWorkbook(raw, CELLS)).toThrow(
      expect.objectContaining({
        details: [
          'Settings!B2: Customer: Harbor Builders may name a ship policy (Ship partial, Ship complete), a priority (Normal, High, VIP), an e-mail address and "No email", got "fast"',
        ],
      }),
    );
  });

  it('takes an e-mail address and an opt-out, and refuses an address that is not one with its cell', () => {
    const rows = (value: string) => [{ key: 'Customer: Harbor Builders', value, notes: '' }];
    expect(
      parseCustomerDefaults(rows('VIP, buyer@harbor.example'), (i) => i + 2).get('harbor builders'),
    ).toEqual({
      priority: 'VIP',
      email: 'buyer@harbor.example',
    });
    expect(parseCustomerDefaults(rows('No email'), (i) => i + 2).get('harbor builders')).toEqual({
      optOut: true,
    });
    expect(() => parseCustomerDefaults(rows('buyer@harbor'), (i) => i + 2)).toThrow(
      expect.objectContaining({
        details: [
          'Settings!B2: Customer: Harbor Builders has an e-mail address that is not one (expected name@example.com), got "buyer@harbor"',
        ],
      }),
    );
  });
});
