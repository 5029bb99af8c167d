/**
 * Opening balances (shared/bulk/opening.ts through planImport with `opening`): an order book already in
 * flight comes in with opening shipments that carry its QtyShipped, a PO list with its QtyReceived;
 * statuses are derived; a balance on a line the engine already worked on, more shipped than ordered,
 * a tab without balances and a balance column without `--opening` are refused naming the row and
 * the column; the same file twice opens nothing the second time; and any drawn in-flight book,
 * imported then allocated, keeps every invariant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../shared/apply-changes';
import { type ImportOptions, planImport } from '../../shared/bulk/import';
import { planOpening } from '../../shared/bulk/opening';
import { runCommand } from '../../shared/commands/run';
import { checkInvariants } from '../../shared/invariants';
import { renderWorkbook } from '../../shared/setup/render-workbook';
import type { Cell } from '../../shared/sheet/cells';
import type { DecodedTab, RawTab } from '../../shared/sheet/codec';
import type { Columns } from '../../shared/sheet/columns';
import { decodeWorkbook, type Workbook } from '../../shared/workbook';
import { context, item, line, poLine, workbook } from '../support/build';

const CELLS = { face: 'api' as const, timeZone: 'UTC', currencyDigits: 2 };

/** Plans an import of `csv` (rows of cells) into `tab` of `wb` and its opening balances, as the use-case does. */
function open(
  wb: Workbook,
  tab: 'Orders' | 'POs',
  csv: string[][],
  options: ImportOptions = { opening: true },
) {
  const raw: Record<string, RawTab> = Object.fromEntries(renderWorkbook(wb, CELLS).map((t) => [t.name, t]));
  const { workbook: decoded, tabs, context: cells } = decodeWorkbook(raw, CELLS);
  const key = tab === 'Orders' ? 'orders' : 'pos';
  const decodedTab = tabs[key] as unknown as DecodedTab<Columns>;
  const plan = planImport(decodedTab, csv, 'o.csv', cells, (raw[tab] as RawTab).values[0] as Cell[], options);
  const opening = planOpening(decoded, tab, plan, 'o.csv');
  return { opening, after: applyChanges(decoded, opening.changes) };
}

const HEADER = [
  'OrderID',
  'Line',
  'OrderDate',
  'Customer',
  'SKU',
  'Qty',
  'Warehouse',
  'QtyShipped',
  'ShipDate',
];
const stock = () =>
  workbook({ inventory: [item({ sku: 'A', onHand: 20 }), item({ sku: 'A', warehouse: 'EAST', onHand: 5 })] });

describe('import --opening: orders', () => {
  it('turns QtyShipped into opening shipments, one per order, day and warehouse', () => {
    const { opening, after } = open(stock(), 'Orders', [
      HEADER,
      ['SO-1', '1', '2026-10-01', 'Pine Co', 'A', '10', '', '4', '2026-10-05'],
      ['SO-1', '2', '2026-10-01', 'Pine Co', 'A', '2', '', '2', '2026-10-05'],
      ['SO-1', '3', '2026-10-01', 'Pine Co', 'A', '3', 'EAST', '3', '2026-10-05'],
      ['SO-2', '1', '2026-10-02', 'Harbor', 'A', '5', '', '5', ''],
      ['SO-3', '1', '2026-10-03', 'Bayside', 'A', '6', '', '', ''],
    ]);
    expect(
      after.shipments.map((s) => [
        s.shipmentId,
        s.line,
        s.orderId,
        s.orderLine,
        s.qty,
        s.warehouse,
        s.shipDate,
        s.invoiceNo,
      ]),
    ).toEqual([
      ['SH-000001', 1, 'SO-1', 1, 4, 'EAST', '2026-10-05', 'Opening'],
      ['SH-000001', 2, 'SO-1', 2, 2, 'EAST', '2026-10-05', 'Opening'],
      ['SH-000001', 3, 'SO-1', 3, 3, 'EAST', '2026-10-05', 'Opening'],
      ['SH-000002', 1, 'SO-2', 1, 5, 'EAST', null, 'Opening'],
    ]);
    expect(after.orders.map((l) => [l.orderId, l.line, l.qtyShipped, l.status])).toEqual([
      ['SO-1', 1, 4, 'Partially shipped'],
      ['SO-1', 2, 2, 'Shipped'],
      ['SO-1', 3, 3, 'Shipped'],
      ['SO-2', 1, 5, 'Shipped'],
      ['SO-3', 1, 0, 'New'],
    ]);
    expect(opening.summary).toBe(
      '; opening balances: 14 units shipped on 4 line(s), as 2 opening shipments SH-000001…SH-000002 (InvoiceNo Opening: not invoiced again; 1 without a ShipDate, left blank)',
    );
    expect(checkInvariants(after)).toEqual([]);
    expect(after.invoices).toEqual([]);
    expect(after.inventory.map((i) => i.onHand)).toEqual([20, 5]);
  });

  it('numbers opening shipments after those already in the workbook, and opens nothing twice', () => {
    const first = open(stock(), 'Orders', [
      HEADER,
      ['SO-1', '1', '2026-10-01', 'Pine Co', 'A', '10', 'MAIN', '4', '2026-10-05'],
    ]);
    const again = open(first.after, 'Orders', [
      HEADER,
      ['SO-1', '1', '2026-10-01', 'Pine Co', 'A', '10', 'MAIN', '4', '2026-10-05'],
    ]);
    expect(again.opening.summary).toBe('');
    expect(again.after.shipments).toHaveLength(1);
    const more = open(first.after, 'Orders', [
      HEADER,
      ['SO-2', '1', '2026-10-01', 'Harbor', 'A', '3', 'MAIN', '1', ''],
    ]);
    expect(more.after.shipments.map((s) => s.shipmentId)).toEqual(['SH-000001', 'SH-000002']);
  });

  it('puts a balance on a line nobody worked on yet, imported before without one', () => {
    const wb = workbook({
      inventory: [item({ sku: 'A', onHand: 20 })],
      orders: [line({ orderId: 'SO-1', sku: 'A', qty: 10 })],
    });
    const { after } = open(wb, 'Orders', [
      ['OrderID', 'Line', 'QtyShipped', 'ShipDate'],
      ['SO-1', '1', '6', '2026-11-02'],
    ]);
    expect(after.orders[0]).toMatchObject({ qtyShipped: 6, status: 'Partially shipped' });
    expect(checkInvariants(after)).toEqual([]);
  });

  it.each([
    {
      name: 'more shipped than ordered',
      wb: stock,
      row: ['SO-1', '1', '2026-10-01', 'Pine Co', 'A', '3', '', '4', ''],
      problem: 'o.csv row 2: QtyShipped 4 is more than Qty 3 of SO-1 line 1',
    },
    {
      name: 'a line the engine already allocated',
      wb: () =>
        workbook({
          inventory: [item({ sku: 'A', onHand: 20, allocated: 5 })],
          orders: [
            line({
              orderId: 'SO-1',
              sku: 'A',
              qty: 10,
              qtyAllocated: 5,
              allocatedFrom: 'MAIN:5',
              status: 'Partially allocated',
            }),
          ],
        }),
      row: ['SO-1', '1', '2026-10-01', 'Pine Co', 'A', '10', '', '4', ''],
      problem:
        'o.csv row 2: SO-1 line 1 already has 0 shipped, 5 allocated, 0 backordered, 0 cancelled in the workbook; an opening balance goes on a line the engine has not worked on (the file says QtyShipped 4)',
    },
  ])('refuses $name, naming the row', ({ wb, row, problem }) => {
    expect(() => open(wb(), 'Orders', [HEADER, row])).toThrow(
      expect.objectContaining({
        code: 'BAD_CELL',
        details: [problem],
      }),
    );
  });

  it('refuses a bad ShipDate with its row, and balances without --opening with the way to bring them', () => {
    expect(() =>
      open(stock(), 'Orders', [
        HEADER,
        ['SO-1', '1', '2026-10-01', 'Pine Co', 'A', '3', '', '3', 'next week'],
      ]),
    ).toThrow(
      expect.objectContaining({
        details: [
          'o.csv row 2: ShipDate must be a date with a four-digit year (YYYY-MM-DD), got "next week"',
        ],
      }),
    );
    expect(() =>
      open(
        stock(),
        'Orders',
        [HEADER.slice(0, 8), ['SO-1', '1', '2026-10-01', 'Pine Co', 'A', '3', '', '3']],
        {},
      ),
    ).toThrow(
      expect.objectContaining({
        details: [
          "o.csv: column QtyShipped is written by the engine; imports set people's columns only (and Hold Held); an order book or PO list already in flight comes in with `import --opening`, which carries the opening balances of Orders (QtyShipped, ShipDate) and POs (QtyReceived, ReceivedAt)",
        ],
      }),
    );
  });

  it('keeps every other engine column refused, opening or not', () => {
    expect(() =>
      open(stock(), 'Orders', [
        ['OrderID', 'Line', 'QtyAllocated'],
        ['SO-1', '1', '2'],
      ]),
    ).toThrow(
      expect.objectContaining({
        details: [
          "o.csv: column QtyAllocated is written by the engine; imports set people's columns only (and Hold Held)",
        ],
      }),
    );
  });
});

describe('import --opening: POs', () => {
  const PO_HEADER = ['PO', 'Line', 'SKU', 'Qty', 'Warehouse', 'Status', 'QtyReceived', 'ReceivedAt'];
  it('brings received quantities and dates in, with the received states derived, and stock untouched', () => {
    const { opening, after } = open(stock(), 'POs', [
      PO_HEADER,
      ['PO-1', '1', 'A', '10', 'MAIN', 'Sent', '10', '2026-11-18'],
      ['PO-1', '2', 'A', '10', 'MAIN', 'Sent', '4', ''],
      ['PO-2', '1', 'A', '8', 'MAIN', 'Draft', '', ''],
    ]);
    expect(after.pos.map((p) => [p.po, p.line, p.qtyReceived, p.receivedAt, p.status])).toEqual([
      ['PO-1', 1, 10, '2026-11-18', 'Received'],
      ['PO-1', 2, 4, null, 'Partially Received'],
      ['PO-2', 1, 0, null, 'Draft'],
    ]);
    expect(opening.summary).toBe(
      '; opening balances: 14 units received on 2 PO line(s) (already in OnHand, so stock is not moved)',
    );
    expect(after.inventory.map((i) => i.onHand)).toEqual([20, 5]);
  });

  it('refuses a second, different balance on a line with receipts', () => {
    const wb = workbook({
      inventory: [item({ sku: 'A', onHand: 20 })],
      pos: [poLine({ po: 'PO-1', sku: 'A', qty: 10, qtyReceived: 4, status: 'Partially Received' })],
    });
    expect(() =>
      open(wb, 'POs', [
        ['PO', 'Line', 'QtyReceived'],
        ['PO-1', '1', '6'],
      ]),
    ).toThrow(
      expect.objectContaining({
        details: [
          'o.csv row 2: PO-1 line 1 already has 4 received in the workbook; an opening balance goes on a line nothing was received on (the file says QtyReceived 6)',
        ],
      }),
    );
  });
});

describe('import --opening: any in-flight book', () => {
  it('keeps every invariant when imported and then allocated', () => {
    const drawnLine = fc.record({
      qty: fc.integer({ min: 1, max: 12 }),
      shippedPart: fc.double({ min: 0, max: 1, noNaN: true }),
      sku: fc.constantFrom('A', 'B'),
      dated: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(drawnLine, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (orders) => {
          const wb = workbook({ inventory: [item({ sku: 'A', onHand: 7 }), item({ sku: 'B', onHand: 3 })] });
          const rows = orders.flatMap((lines, o) =>
            lines.map((l, i) => {
              const shipped = Math.floor(l.qty * l.shippedPart);
              return [
                `SO-${o + 1}`,
                String(i + 1),
                '2026-10-01',
                `Customer ${o % 3}`,
                l.sku,
                String(l.qty),
                '',
                String(shipped),
                l.dated ? '2026-10-09' : '',
              ];
            }),
          );
          const { after } = open(wb, 'Orders', [HEADER, ...rows]);
          expect(checkInvariants(after)).toEqual([]);
          const shippedUnits = rows.reduce((n, r) => n + Number(r[7]), 0);
          expect(after.shipments.reduce((n, s) => n + s.qty, 0)).toBe(shippedUnits);
          const allocated = applyChanges(
            after,
            runCommand(after, { action: 'allocate' }, context(2)).changes,
          );
          expect(checkInvariants(allocated)).toEqual([]);
          for (const l of allocated.orders)
            expect(l.qty).toBe(
              l.qtyShipped + l.qtyAllocated + l.qtyBackordered + l.qtyCancelled + l.qtyMoved,
            );
        },
      ),
      { numRuns: 60 },
    );
  });
});
