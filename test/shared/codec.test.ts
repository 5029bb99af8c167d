/**
 * The codec between sheet rows and records, for both faces: Sheets API values (serial dates, RAW text)
 * and Apps Script values (Date objects; text that would be parsed gets an apostrophe).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeLoaded } from '../../shared/plans';
import type { DeskError } from '../../shared/primitives/errors';
import type { Cell, CellContext } from '../../shared/sheet/cells';
import { applyPatch, decodeTab, encodeChanges, type RawTab } from '../../shared/sheet/codec';
import { type OrderLine, OrdersTab } from '../../shared/tabs/orders';
import { line } from '../support/build';

const api: CellContext = { face: 'api', timeZone: 'America/New_York', currencyDigits: 2 };
const appsScript: CellContext = { face: 'apps-script', timeZone: 'America/New_York', currencyDigits: 2 };
const HEADER = Object.values(OrdersTab.columns).map((c) => c.header);

function tab(header: Cell[], rows: Cell[][]): RawTab {
  return { name: 'Orders', values: [header, ...rows] };
}

describe('decoding', () => {
  it('builds the same records where code generation is switched off (CSP, a jitless engine)', async () => {
    const header = ['OrderID', 'Line', 'OrderDate', 'Customer', 'SKU', 'Qty'];
    const rows: Cell[][] = [
      ['SO-1', 1, 46349, 'Acme', 'A-1', 5],
      ['SO-2', 2, 46350, 'Acme', 'A-2', 6],
    ];
    const compiled = decodeTab(OrdersTab, tab(header, rows), api).records;
    const refused = vi.fn(() => {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    vi.resetModules();
    vi.stubGlobal('Function', refused);
    try {
      const fresh = await import('../../shared/sheet/codec');
      const plain = fresh.decodeTab(OrdersTab, tab(header, rows), api).records;
      expect(refused).toHaveBeenCalled();
      expect(plain).toEqual(compiled);
      expect(plain.map((r) => Object.keys(r))).toEqual(compiled.map((r) => Object.keys(r)));
    } finally {
      vi.unstubAllGlobals();
    }
    expect(compiled[1]).toMatchObject({ orderId: 'SO-2', line: 2, qty: 6, customer: 'Acme' });
  });

  it('names the cell, the column, what was expected and what was found', () => {
    const header = ['OrderID', 'Line', 'OrderDate', 'Customer', 'SKU', 'Qty'];
    const rows: Cell[][] = Array.from({ length: 11 }, (_, i) => [
      `SO-${i}`,
      1,
      46349,
      'Acme',
      'A-1',
      i === 10 ? 'ten' : 5,
    ]);
    const decoded = decodeTab(OrdersTab, tab(header, rows), api);
    expect(decoded.errors).toEqual(['Orders!F12: Qty must be a whole number ≥ 0, got "ten"']);
    expect(decoded.records).toHaveLength(10);
  });

  it('finds columns by header, ignoring case, spaces and underscores, in any order', () => {
    const header = [
      'qty_backordered',
      'SKU',
      'order id',
      'LINE',
      'Qty',
      'Customer',
      'orderdate',
      'My own notes',
    ];
    const decoded = decodeTab(
      OrdersTab,
      tab(header, [[3, 'A-1', 'SO-1', 1, 10, 'Acme', '2026-11-01', 'call Bob']]),
      api,
    );
    expect(decoded.errors).toEqual([]);
    expect(decoded.records[0]).toMatchObject({
      orderId: 'SO-1',
      qtyBackordered: 3,
      qty: 10,
      orderDate: '2026-11-01',
    });
  });

  it('reports missing required columns, duplicate keys and bad enums', () => {
    expect(decodeTab(OrdersTab, tab(['OrderID', 'Line'], []), api).errors).toContain(
      'Orders: column SKU is missing',
    );
    const header = ['OrderID', 'Line', 'OrderDate', 'Customer', 'SKU', 'Qty', 'Priority'];
    const d = decodeTab(
      OrdersTab,
      tab(header, [
        ['SO-1', 1, 46349, 'A', 'X', 1, 'vip'],
        ['SO-1', 1, 46349, 'A', 'X', 1, ''],
        ['SO-2', 1, 46349, 'A', 'X', 1, 'Urgent'],
      ]),
      api,
    );
    expect(d.records[0]?.priority).toBe('VIP');
    expect(d.errors).toEqual([
      'Orders!A3: duplicate key SO-1#1 (also on row 2)',
      'Orders!G4: Priority must be one of Normal, High, VIP, got "Urgent"',
    ]);
  });

  it('reads Apps Script Date cells in the sheet time zone and skips blank rows', () => {
    const header = ['OrderID', 'Line', 'OrderDate', 'Customer', 'SKU', 'Qty'];
    const midnightNy = new Date('2026-11-23T05:00:00Z');
    const d = decodeTab(
      OrdersTab,
      tab(header, [
        ['', '', '', '', '', ''],
        ['SO-1', 1, midnightNy, 'A', 'X', 2],
      ]),
      appsScript,
    );
    expect(d.records[0]?.orderDate).toBe('2026-11-23');
    expect(d.rowNumbers).toEqual([3]);
  });
});

describe('encoding', () => {
  const header = [...HEADER, 'My own column'];
  const base = line({ orderId: 'SO-1', sku: 'A-1', qty: 5 });
  const raw = (ctx: CellContext) => {
    const d = decodeTab(OrdersTab, tab(header, []), ctx);
    const values = [header as Cell[]];
    applyPatch(values, encodeChanges(d, { updated: [], added: [base] }, 'engine', ctx));
    values[1]![header.length - 1] = 'typed by a person';
    return values;
  };

  it('writes only the cells that changed, in columns the writer owns', () => {
    const values = raw(api);
    const d = decodeTab(OrdersTab, { name: 'Orders', values }, api);
    const patch = encodeChanges(
      d,
      { updated: [{ ...base, qtyAllocated: 5, status: 'Allocated' }], added: [] },
      'engine',
      api,
    );
    expect(patch.writes).toEqual([
      { row: 1, col: HEADER.indexOf('QtyAllocated'), value: 5 },
      { row: 1, col: HEADER.indexOf('Status'), value: 'Allocated' },
    ]);
    applyPatch(values, patch);
    expect(values[1]?.at(-1)).toBe('typed by a person');
  });

  it('refuses, and writes nothing, when the engine would change a person’s column', () => {
    const d = decodeTab(OrdersTab, { name: 'Orders', values: raw(api) }, api);
    expect(() =>
      encodeChanges(d, { updated: [{ ...base, customer: 'Someone else' }], added: [] }, 'engine', api),
    ).toThrow(/engine may not write Orders.Customer/);
  });

  it('asks for init when an engine column is missing', () => {
    const d = decodeTab(
      OrdersTab,
      tab(['OrderID', 'Line', 'OrderDate', 'Customer', 'SKU', 'Qty'], [['SO-1', 1, 46349, 'A', 'A-1', 5]]),
      api,
    );
    const err = (() => {
      try {
        encodeChanges(d, { updated: [{ ...d.records[0]!, qtyAllocated: 1 }], added: [] }, 'engine', api);
      } catch (e) {
        return e as DeskError;
      }
    })();
    expect(err?.code).toBe('MISSING_COLUMN');
    expect(err?.message).toMatch(/Orders has no column QtyAllocated: run `backorder-desk init`/);
  });

  it('says a missing tab is a missing tab (MISSING_TAB), not a missing column', () => {
    const tabs = { Orders: tab(['OrderID', 'Line'], []) };
    expect(() => decodeLoaded(tabs, 'UTC', 'api')).toThrow(
      expect.objectContaining({
        code: 'MISSING_TAB',
        message: expect.stringMatching(/^The workbook has no Inventory, /),
      }),
    );
  });

  it('makes text safe for Apps Script: formulas and number-like text stay text', () => {
    const d = decodeTab(OrdersTab, tab(HEADER, []), appsScript);
    const patch = encodeChanges(
      d,
      {
        updated: [],
        added: [{ ...base, customer: '=HYPERLINK("http://x","y")', sku: '00123', notes: '+1+1' }],
      },
      'engine',
      appsScript,
    );
    const row = patch.appends[0]!;
    expect(row[HEADER.indexOf('Customer')]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(row[HEADER.indexOf('SKU')]).toBe("'00123");
    expect(row[HEADER.indexOf('Notes')]).toBe("'+1+1");
    expect(row[HEADER.indexOf('OrderDate')]).toEqual(new Date('2026-11-01T04:00:00.000Z'));
    expect(row[HEADER.indexOf('UnitPrice')]).toBe(12.5);
  });
});

const text = fc.string({ maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
const day = fc
  .integer({ min: 40000, max: 50000 })
  .map((n) => new Date((n - 25569) * 86400000).toISOString().slice(0, 10));
const orderLine = fc.record({
  orderId: text,
  line: fc.nat(999),
  orderDate: day,
  customer: fc.string({ maxLength: 20 }).filter((s) => s !== ''),
  sku: text,
  qty: fc.nat(100000),
  unitPrice: fc.nat(10_000_000),
  discount: fc.nat(10_000),
  requiredDate: fc.option(day, { nil: null }),
  priority: fc.constantFrom('Normal', 'High', 'VIP'),
  notes: fc.string({ maxLength: 30 }),
  qtyShipped: fc.nat(1000),
  status: fc.constantFrom('New', 'Parked', 'Shipped'),
});

describe('round trip (property)', () => {
  for (const ctx of [api, appsScript])
    it(`rows → records → rows is the identity, unknown columns included (${ctx.face})`, () => {
      fc.assert(
        fc.property(
          fc.array(orderLine, { maxLength: 15 }),
          fc.array(
            fc.string().filter((x) => !x.startsWith("'")),
            { maxLength: 15 },
          ),
          (parts, extras) => {
            const seen = new Set<string>();
            const records = parts
              .filter((p) => !seen.has(`${p.orderId}#${p.line}`) && seen.add(`${p.orderId}#${p.line}`))
              .map((p) => line({ ...(p as Partial<OrderLine>), orderId: p.orderId, sku: p.sku, qty: p.qty }));
            const header = ['Extra A', ...HEADER.slice().reverse(), 'Extra B'];
            const values: Cell[][] = [header];
            const empty = decodeTab(OrdersTab, { name: 'Orders', values }, ctx);
            applyPatch(values, encodeChanges(empty, { updated: [], added: records }, 'engine', ctx));
            values.slice(1).forEach((row, i) => {
              row[0] = extras[i] ?? '';
              row[row.length - 1] = 'kept';
            });
            // Apps Script hands text back without the apostrophe that marked it as text.
            const asRead =
              ctx.face === 'api'
                ? values
                : values.map((row) =>
                    row.map((c) => (typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c)),
                  );
            const decoded = decodeTab(OrdersTab, { name: 'Orders', values: asRead }, ctx);
            expect(decoded.errors).toEqual([]);
            expect(decoded.records).toEqual(records);
            const again: Cell[][] = [header];
            applyPatch(
              again,
              encodeChanges(
                decodeTab(OrdersTab, { name: 'Orders', values: again }, ctx),
                { updated: [], added: decoded.records },
                'engine',
                ctx,
              ),
            );
            again.slice(1).forEach((row, i) => {
              row[0] = asRead[i + 1]?.[0] ?? '';
              row[row.length - 1] = 'kept';
            });
            expect(again).toEqual(values);
          },
        ),
        { numRuns: 200 },
      );
    });
});
