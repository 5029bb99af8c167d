/**
 * The index tab (shared/io/index-tab.ts) through the built Code.js in the twin: Set up writes it hidden,
 * a click reads every tab's header and grid from it instead of asking each tab, and decides and
 * writes exactly as without it; a tab whose row cannot be trusted (a person inserted a column) is
 * asked directly and the daily run mends the row; a new history row (appendRow) goes below a cell a
 * person typed below the data, never over it; who is on hold comes with the index read, and decides
 * as the search it replaces.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_TAB, INDEXED_TABS, readIndex } from '../../shared/io/index-tab';
import type { Cell } from '../../shared/sheet/cells';
import type { ActionReply } from '../../shared/sidebar/rpc';
import { batchUpdate } from '../../twin/batch-update';
import { type Desk, lastUnitShop, openDesk, typeWorkedExample } from '../support/addon';

let n = 0;
const rid = () => `index-tab-${String(++n).padStart(4, '0')}`;

/** The index's rows Code.js would trust now, read as Google computes them. */
function trusted(desk: Desk) {
  const sheet = desk.twin.sheetNamed(INDEX_TAB);
  const width = sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
  const cells = (each: (r: number, c: number) => unknown) =>
    sheet.values.map((_, r) => Array.from({ length: width }, (_, c) => each(r, c)));
  return readIndex(cells((r, c) => desk.twin.formulas.valueAt(INDEX_TAB, r, c)) as Cell[][]);
}

async function shop(): Promise<Desk> {
  const desk = await openDesk();
  desk.run('menuSetUpWorkbook');
  typeWorkedExample(desk);
  return desk;
}

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

describe('add-on: who is on hold, from the index', () => {
  /**
   * The last unit goes to SO-A; SO-B and SO-C wait for it, SO-B goes on hold, and SO-A's line is
   * cancelled: the unit passes held SO-B by. `breakRow` may type over the index's Hold count.
   * The searches the cancel made, and each line's status after.
   */
  async function cancelPastHeld(breakRow: boolean) {
    const desk = await lastUnitShop(['A', 'B', 'C']);
    const act = (command: object) =>
      desk.run<ActionReply>('sidebarAction', { command, requestId: rid(), attempt: 1 });
    act({ action: 'allocate' });
    act({ action: 'hold', orderId: 'SO-B', note: 'credit check' });
    const index = desk.twin.sheetNamed(INDEX_TAB);
    const row = index.values.findIndex((r) => r[0] === 'Rows matching');
    expect(row).toBeGreaterThan(0);
    if (breakRow) desk.twin.write(`'${INDEX_TAB}'!F${row + 1}`, [['7']], 'RAW');
    desk.rt.counter.reset();
    const reply = act({ action: 'cancel-line', orderId: 'SO-A', line: 1, reason: 'Customer Requested' });
    expect(reply.logId).toMatch(/^LG-/);
    return {
      searches: desk.rt.counter.counts['TextFinder.findAll'] ?? 0,
      statuses: desk.rows('Orders').map((r) => `${r.OrderID} ${r.Status} ${r.Hold}`),
      queue: desk.rows('Backorders').map((r) => `${r.OrderID} ${r.Status} ${r.QtyAllocated}`),
    };
  }

  it('answers the Hold search with the index read, and passes a held order by as the search does', async () => {
    const answered = await cancelPastHeld(false);
    const searched = await cancelPastHeld(true);
    // The freed unit is reserved for SO-C's backorder, not held SO-B's, either way.
    expect(answered.queue).toEqual(['SO-B Open 0', 'SO-C Ready to Fulfill 1']);
    expect(answered.statuses).toEqual(['SO-A Cancelled ', 'SO-B Backordered Held', 'SO-C Backordered ']);
    expect(answered).toEqual({ ...searched, searches: answered.searches });
    // The one search the index answers: the Hold column's.
    expect(answered.searches).toBe(searched.searches - 1);
  });
});

describe('add-on: search rows mended', () => {
  it('gives an index written before its search rows those rows at the daily run', async () => {
    const desk = await shop();
    const index = desk.twin.sheetNamed(INDEX_TAB);
    const rows = index.values.flatMap((r, i) => (r[0] === 'Rows matching' ? [i + 1] : []));
    expect(rows.length).toBe(3);
    for (const r of rows) desk.twin.clear(`'${INDEX_TAB}'!A${r}:Z${r}`);
    expect(trusted(desk).get('orders')?.found).toBeUndefined();
    desk.rt.fireTimeDriven(desk.rt.state.triggers[0]?.id ?? '', true);
    expect(trusted(desk).get('orders')?.found?.size).toBe(2);
    expect(trusted(desk).get('notifications')?.found?.size).toBe(1);
  });
});

describe('add-on: which lines may wait, from the index', () => {
  /**
   * SO-2 holds the five tiles in stock; SO-1, ship complete, is parked for them 40 lines below; its
   * cancel frees them. `status` decides the index's Status row: answered, broken (a count typed
   * over) or refused (a Status cell elsewhere holds text that is no status). The reads of single
   * cells of a column the cancel made, and SO-1 after.
   */
  async function cancelFreeing(status: 'answered' | 'broken' | 'refused') {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'TILE-9', Warehouse: 'MAIN', OnHand: 5 }]);
    const order = { Line: 1, OrderDate: '2026-11-10', Customer: 'Bayside', Warehouse: 'MAIN', Qty: 5 };
    const others = Array.from({ length: 40 }, (_, i) => ({
      ...order,
      OrderID: `SO-${100 + i}`,
      SKU: `O-${i}`,
    }));
    desk.type('Orders', [{ ...order, OrderID: 'SO-2', SKU: 'TILE-9' }, ...others]);
    desk.type('Orders', [{ ...order, OrderID: 'SO-1', SKU: 'TILE-9', ShipPolicy: 'Ship complete' }]);
    desk.run('sidebarAction', { command: { action: 'allocate' }, requestId: rid(), attempt: 1 });
    const row = desk.twin
      .sheetNamed(INDEX_TAB)
      .values.findIndex((r) => r[0] === 'Rows matching' && r[3] !== '');
    const statusRow = desk.twin
      .sheetNamed(INDEX_TAB)
      .values.findIndex((r, i) => i > row && r[0] === 'Rows matching');
    if (status === 'broken') desk.twin.write(`'${INDEX_TAB}'!F${statusRow + 1}`, [['9']], 'RAW');
    if (status === 'refused') desk.twin.write('Orders!X20', [['Shiped']], 'RAW');
    desk.rt.counter.reset();
    const reply = desk.run<ActionReply>('sidebarAction', {
      command: { action: 'cancel-line', orderId: 'SO-2', line: 1, reason: 'Customer Requested' },
      requestId: rid(),
      attempt: 1,
    });
    expect(reply.logId).toMatch(/^LG-/);
    const so1 = desk.rows('Orders').find((r) => r.OrderID === 'SO-1');
    return {
      reads: desk.rt.counter.counts['Range.getValues'] ?? 0,
      so1: `${so1?.Status} ${so1?.QtyAllocated}`,
    };
  }

  it('keeps the waiting lines a SKU search found by the index, reading no Status cell, as the read does', async () => {
    const answered = await cancelFreeing('answered');
    const broken = await cancelFreeing('broken');
    const refused = await cancelFreeing('refused');
    expect(answered.so1).toBe('Allocated 5');
    expect(broken.so1).toBe(answered.so1);
    expect(refused.so1).toBe(answered.so1);
    // Without the index's answer the Status cells of the lines found are read first: one call more.
    expect(answered.reads).toBe(broken.reads - 1);
    expect(refused.reads).toBe(broken.reads);
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
