/**
 * The index tab (shared/io/index-tab.ts) through the built Code.js in the twin: Set up writes it hidden,
 * a click reads every tab's header and grid from it instead of asking each tab, and decides and
 * writes exactly as without it; a tab whose row cannot be trusted (a person inserted a column) is
 * asked directly and the daily run mends the row; a new history row (appendRow) goes below a cell a
 * person typed below the data, never over it (its search rows: index-searches.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { INDEX_TAB, INDEXED_TABS } from '../../shared/io/index-tab';
import type { ActionReply } from '../../shared/sidebar/rpc';
import { batchUpdate } from '../../twin/batch-update';
import type { Desk } from '../support/addon';
import { shop, trusted } from '../support/index-tab';

let n = 0;
const rid = () => `index-tab-${String(++n).padStart(4, '0')}`;

/** Allocates SO-1, then logs a call on its backorder; the calls each execution made. */
function day(desk: Desk): Record<string, number>[] {
  const counts: Record<string, number>[] = [];
  const act = (command: object) => {
    desk.rt.counter.reset();
    const reply = desk.run<ActionReply>('sidebarAction', { command, requestId: rid(), attempt: 1 });
    counts.push({ ...desk.rt.counter.counts });
    return reply;
  };
  act({ action: 'allocate', orderId: 'SO-1' });
  act({ action: 'log-call', backorderId: 'BO-000001', method: 'Phone', summary: 'told the date' });
  return counts;
}

/** Every tab but the index, as JSON, Set up's random RequestID aside. */
const sheetsOf = (desk: Desk) =>
  JSON.stringify(
    desk.twin.file.sheets
      .filter((s) => s.properties.title !== INDEX_TAB)
      .map((s) => ({ title: s.properties.title, values: s.values, formulas: s.formulas })),
  ).replace(/menu-setup-[0-9a-f-]+/g, 'menu-setup');

describe('add-on: the index tab', () => {
  it('is written hidden by Set up, with a trusted row for every tab it indexes', async () => {
    const desk = await shop();
    const index = desk.twin.sheetNamed(INDEX_TAB);
    expect(index.properties.hidden).toBe(true);
    expect([...trusted(desk).keys()].sort()).toEqual([...INDEXED_TABS].sort());
    expect(trusted(desk).get('orders')?.header[0]).toBe('OrderID');
  });

  it('makes a click cheaper and changes nothing in what it decides or writes', async () => {
    const indexed = await shop();
    const plain = await shop();
    plain.twin.file.sheets = plain.twin.file.sheets.filter((s) => s.properties.title !== INDEX_TAB);
    n = 0;
    const withIndex = day(indexed);
    n = 0;
    const without = day(plain);
    expect(sheetsOf(indexed)).toEqual(sheetsOf(plain));
    const asked = (c: Record<string, number>) =>
      (c['Sheet.getLastRow'] ?? 0) + (c['Sheet.getMaxRows'] ?? 0) + (c['Range.getValues'] ?? 0);
    withIndex.forEach((c, i) => {
      const other = without[i] as Record<string, number>;
      expect(asked(c)).toBeLessThan(asked(other));
      expect(c['Sheet.getMaxRows'] ?? 0).toBe(0);
    });
  });

  it('gives the time zone without asking, until the spreadsheet moves to another zone', async () => {
    const desk = await shop();
    const zoneAsked = (c: Record<string, number>) => c['Spreadsheet.getSpreadsheetTimeZone'] ?? 0;
    expect(day(desk).map(zoneAsked)).toEqual([0, 0]);
    const expected = () => {
      desk.rt.counter.reset();
      const reply = desk.run<ActionReply>(
        'sidebarAction',
        {
          command: {
            action: 'log-call',
            backorderId: 'BO-000001',
            method: 'Email',
            summary: 'sent the date',
          },
          requestId: rid(),
          attempt: 1,
        },
        { sheet: 'Backorders', row: 2 },
      );
      return {
        asked: zoneAsked(desk.rt.counter.counts),
        shown: reply.view.facts.find(([k]) => k === 'Expected')?.[1],
      };
    };
    expect(expected()).toEqual({ asked: 0, shown: expect.stringMatching(/^2026-12-01 /) });
    // File ▸ Settings ▸ Time zone: the index's check dates are now midnights elsewhere, so the add-on
    // asks, and the dates in the tabs (serials, unchanged) still read as the days they show.
    desk.twin.file.properties.timeZone = 'Asia/Tokyo';
    expect(expected()).toEqual({ asked: 1, shown: expect.stringMatching(/^2026-12-01 /) });
    // The daily run writes the index again with the new zone: clicks stop asking.
    desk.run('dailyRun', {});
    expect(expected()).toEqual({ asked: 0, shown: expect.stringMatching(/^2026-12-01 /) });
  });

  it('asks a tab directly once a person inserted a column into it, and the daily run mends its row', async () => {
    const desk = await shop();
    const orders = desk.twin.sheetNamed('Orders');
    batchUpdate(desk.twin, [
      {
        insertDimension: {
          range: { sheetId: orders.properties.sheetId, dimension: 'COLUMNS', startIndex: 2, endIndex: 3 },
        },
      },
    ] as never);
    desk.twin.write('Orders!C1:C2', [['Rep notes'], ['call after 3pm']], 'RAW');
    expect(trusted(desk).has('orders')).toBe(false);

    day(desk);
    const line = desk.rows('Orders')[0] ?? {};
    expect(line['Rep notes']).toBe('call after 3pm');
    expect(line.Status).toBe('Backordered');
    expect(line.QtyAllocated).toBe(15);

    desk.rt.fireTimeDriven(desk.rt.state.triggers[0]?.id ?? '', true);
    expect(trusted(desk).has('orders')).toBe(true);
    expect(trusted(desk).get('orders')?.header[2]).toBe('Rep notes');
  });

  it('puts a new Log row below every row with content, keeping an emptied row and a note typed past the header', async () => {
    const desk = await shop();
    day(desk);
    const last = desk.twin.sheetNamed('Log').values.length;
    // A Log row emptied by hand (fewer keys than rows) and a note past the Log's columns, below it.
    desk.twin.clear('Log!A3:H3');
    desk.twin.write(`Log!K${last + 2}`, [['checked by Dana']], 'RAW');
    desk.run('sidebarAction', {
      command: { action: 'log-call', backorderId: 'BO-000001', method: 'Email', summary: 'sent the date' },
      requestId: rid(),
      attempt: 1,
    });
    const rows = desk.twin.sheetNamed('Log').values;
    expect(rows[last + 1]?.[10]).toBe('checked by Dana');
    expect(rows[2]?.every((v) => v === '' || v === null)).toBe(true);
    // The Log's one new row goes out by appendRow: below every row with content, the note's too.
    expect(rows[last]?.every((v) => v === '' || v === null)).toBe(true);
    expect(String(rows[last + 2]?.[0])).toMatch(/^LG-/);
    const ids = desk
      .rows('Log')
      .map((r) => String(r.LogID))
      .filter((id) => id !== '');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('add-on: Settings read with the index', () => {
  /** Settings' row (1-based) holding `key`. */
  const rowOf = (desk: Desk, key: string) =>
    (desk.twin.sheetNamed('Settings').values.findIndex((r) => r[0] === key) ?? -1) + 1;
  const ship = (desk: Desk) =>
    desk.run<ActionReply>('sidebarAction', {
      command: { action: 'ship', orderId: 'SO-1' },
      requestId: rid(),
      attempt: 1,
    });

  it('sees a setting changed by hand at the next click, and one moved below its cells by reading Settings itself', async () => {
    const desk = await shop();
    expect(trusted(desk).get('settings')?.cells?.length).toBeGreaterThan(1);
    desk.run('sidebarAction', {
      command: { action: 'allocate', orderId: 'SO-1' },
      requestId: rid(),
      attempt: 1,
    });
    desk.twin.write(`Settings!B${rowOf(desk, 'NextInvoiceNumber')}`, [['7000']], 'USER_ENTERED');
    expect(ship(desk).newIds).toContain('INV-7000');

    // The setting moved to row 60, past the rows the index covers: its cells are no longer trusted.
    const at = rowOf(desk, 'NextInvoiceNumber');
    desk.twin.clear(`Settings!A${at}:C${at}`);
    desk.twin.write('Settings!A60:B60', [['NextInvoiceNumber', '9000']], 'USER_ENTERED');
    expect(trusted(desk).get('settings')?.cells).toBeUndefined();
    desk.type('Inventory', [{ SKU: 'NEW-1', Warehouse: 'MAIN', OnHand: 5 }]);
    desk.type('Orders', [
      {
        OrderID: 'SO-9',
        Line: 1,
        OrderDate: '2026-11-21',
        Customer: 'Harbor Builders',
        SKU: 'NEW-1',
        Qty: 1,
        Warehouse: 'MAIN',
      },
    ]);
    desk.run('sidebarAction', {
      command: { action: 'allocate', orderId: 'SO-9' },
      requestId: rid(),
      attempt: 1,
    });
    const reply = desk.run<ActionReply>('sidebarAction', {
      command: { action: 'ship', orderId: 'SO-9' },
      requestId: rid(),
      attempt: 1,
    });
    expect(reply.newIds).toContain('INV-9000');
  });
});
