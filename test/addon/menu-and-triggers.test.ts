/**
 * Every menu item and trigger of the built Code.js in the twin, on 001's shop: what each changes and
 * what it tells the person. Receive PO and Export invoices answer prompts; Check workbook finds an
 * overwritten formula, removed validation and a typed-over engine cell (noted by onEdit), and repairs
 * them when the person says yes. The daily run has its own file (daily-run.test.ts).
 */

import { describe, expect, it } from 'vitest';
import { MENU_ITEMS, RPC_NAMES } from '../../addon/src/menu-items';
import type { ListRow } from '../../shared/sidebar/rpc';
import type { StoredChart } from '../../twin/apps-script/builders';
import { type Desk, openDesk, typeWorkedExample } from '../support/addon';

async function shop(): Promise<Desk> {
  const desk = await openDesk();
  desk.run('menuSetUpWorkbook');
  typeWorkedExample(desk);
  return desk;
}

/** Fires the simple onEdit trigger for an edit of `a1`, its event's range made in its own execution. */
function edited(desk: Desk, sheet: string, a1: string): unknown {
  return desk.rt.runWith('onEdit', (context) => {
    const ctx = context as unknown as {
      SpreadsheetApp: { getActive(): { getSheetByName(n: string): { getRange(a: string): unknown } } };
    };
    return [{ range: ctx.SpreadsheetApp.getActive().getSheetByName(sheet).getRange(a1) }];
  });
}

describe('add-on menu and triggers', () => {
  it('builds the whole menu, every item a function of Code.js', async () => {
    const desk = await shop();
    desk.run('onOpen');
    expect(desk.rt.ui.menus.at(-1)?.items.map((i) => i.label)).toEqual(MENU_ITEMS.map(([label]) => label));
    expect(MENU_ITEMS.map(([, fn]) => fn).length + RPC_NAMES.length).toBeGreaterThan(15);
  });

  it('runs allocate, receive, fulfill, aging, invoices, undo, settings and the sidebar from the menu', async () => {
    const desk = await shop();
    desk.run('menuAllocateAll');
    desk.run(
      'sidebarAction',
      { command: { action: 'ship', orderId: 'SO-1' }, requestId: 'menu-test-ship-1' },
      null,
    );
    desk.rt.ui.promptAnswers.push({ button: 'OK', text: 'PO-1' });
    desk.run('menuReceivePo');
    expect(desk.rows('Backorders')[0]?.Status).toBe('Ready to Fulfill');
    desk.run('menuFulfillReady');
    expect(desk.rows('Backorders')[0]?.Status).toBe('Fulfilled');
    desk.run('menuUndoLast');
    expect(desk.rows('Log').at(-1)?.Action).toBe('undo');
    expect(desk.rows('Backorders')[0]?.Status).toBe('Ready to Fulfill');
    desk.run('menuFulfillReady');
    desk.run('menuRebuildAging');
    expect(desk.rows('Aging').length).toBeGreaterThan(5);
    // The owner's three charts, each titled, both axes titled and every bar labelled with its value,
    // each reading the section of the report it draws.
    const aging = desk.twin.sheetNamed('Aging');
    const charts = aging.metadata.charts as StoredChart[];
    expect(charts.map((c) => [c.spec.title, c.spec.basicChart?.chartType])).toEqual([
      ['Open backorders by age', 'COLUMN'],
      ['Backorders by expected fulfilment', 'COLUMN'],
      ['Vendor delays: average days late', 'BAR'],
    ]);
    for (const c of charts) {
      expect(c.spec.basicChart?.axis?.map((a) => a.title).every((t) => (t ?? '') !== '')).toBe(true);
      expect(c.spec.basicChart?.series?.[0]?.dataLabel).toEqual({ type: 'DATA' });
    }
    const labels = (c: StoredChart) => {
      const g = c.spec.basicChart?.domains?.[0]?.domain.sourceRange.sources[0];
      return aging.values.slice(g?.startRowIndex, g?.endRowIndex).map((r) => r[0]);
    };
    expect(labels(charts[0] as StoredChart)).toEqual(['0–7 days', '8–14 days', '15–30 days', '31+ days']);
    expect(labels(charts[1] as StoredChart)[0]).toBe('Overdue');
    const vendorTitle = aging.values.findIndex((r) => r[0] === 'Vendor delays');
    expect(charts[2]?.spec.basicChart?.domains?.[0]?.domain.sourceRange.sources[0]?.startRowIndex).toBe(
      vendorTitle + 2,
    );

    desk.rt.ui.promptAnswers.push({ button: 'OK', text: '' });
    desk.run('menuExportQuickBooks');
    const dialog = desk.rt.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('Invoices for QuickBooks Online');
    const csv = Buffer.from(/base64,([^"]+)"/.exec(dialog?.html ?? '')?.[1] ?? '', 'base64').toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('"InvoiceNo"');
    expect(desk.rows('Invoices').every((i) => i.Exported === true)).toBe(true);
    // The importer is the menu item chosen; the prompt only takes "again" and a batch number.
    desk.rt.ui.promptAnswers.push({ button: 'OK', text: 'QuickBooks' });
    desk.run('menuExportXero');
    expect(desk.rt.ui.alerts.at(-1)).toContain(
      'Expected nothing, "again", or "again" and a batch number, got "QuickBooks"',
    );
    desk.rt.ui.promptAnswers.push({ button: 'OK', text: 'again 1' });
    desk.run('menuExportXero');
    expect(desk.rt.ui.dialogs.at(-1)?.title).toBe('Invoices for Xero');
    expect(desk.rt.ui.dialogs.at(-1)?.html).toContain('Exported again; nothing was re-marked.');

    desk.rt.ui.alertAnswers.push('NO');
    desk.run('menuReorder');
    expect(desk.rows('Log').at(-1)?.Action).toBe('invoices');
    desk.run('menuSettings');
    expect(desk.run<{ sheet: string }>('sidebarSelection')?.sheet).toBe('Settings');
    desk.run('menuOpenSidebar');
    expect(desk.rt.ui.sidebars.at(-1)?.html).toContain('Backorder Desk');
    const list = desk.run<ListRow[]>('sidebarList', { when: 'any', status: 'Fulfilled' });
    expect(list.map((r) => r.id)).toEqual(['BO-000001']);
    expect(desk.run('sidebarJump', list[0]?.ref)).toEqual({ sheet: 'Backorders', row: 2 });
    expect(desk.run<{ sheet: string; row: number }>('sidebarSelection')).toEqual({
      sheet: 'Backorders',
      row: 2,
    });
  });

  it('dates the note of a typed-over cell where the spreadsheet is, not in UTC', async () => {
    // 20:30 in New York on 23 November is already 24 November in UTC.
    const desk = await openDesk({ now: () => Date.parse('2026-11-24T01:30:00Z') });
    desk.run('menuSetUpWorkbook');
    typeWorkedExample(desk);
    desk.twin.write('Orders!X2', [['Shipped']], 'USER_ENTERED');
    edited(desk, 'Orders', 'X2');
    const notes = desk.twin.sheetNamed('Orders').metadata.notes as Record<string, string>;
    expect(notes.X2).toMatch(/ on 2026-11-23;/);
  });

  it('notes typed-over engine cells, and Check workbook finds and repairs what broke', async () => {
    const desk = await shop();
    desk.run('menuAllocateAll');
    // A person types over Status and over the Available formula, and removes the SKU validation.
    desk.twin.write('Orders!X2', [['Shipped']], 'USER_ENTERED');
    edited(desk, 'Orders', 'X2');
    desk.twin.write('Inventory!H2', [[99]], 'USER_ENTERED');
    const orders = desk.twin.sheetNamed('Orders');
    orders.metadata.dataValidations = (orders.metadata.dataValidations as { range: string }[]).filter(
      (v) => !v.range.startsWith('J2'),
    );
    desk.rt.ui.alertAnswers.push('YES');
    const problems = desk.run<string[]>('menuCheckWorkbook');
    expect(problems).toEqual(
      expect.arrayContaining([
        'Orders!J2:J: the validation of SKU was removed',
        'Inventory!H2 holds 99, expected =IF(A2="","",F2-G2)',
        'Orders!A2: status or queue position out of date',
        expect.stringMatching(/^Orders!X2: typed over a column the engine keeps on 2026-11-23/),
      ]),
    );
    expect(desk.run<string[]>('menuCheckWorkbook')).toEqual([]);
    // A clean check says where the spreadsheet stands against Google's 10 million cells.
    expect(desk.rt.ui.alerts.at(-1)).toMatch(
      /Cells: The spreadsheet holds [\d,]+ of Google's 10,000,000 cells \(\d %\)/,
    );
    expect(desk.rows('Inventory')[0]).toMatchObject({ Available: 0 });
    expect(desk.rows('Orders')[0]?.Status).toBe('Backordered');
  });

  it('fills the formula columns of a row typed by hand, keeping a typed value', async () => {
    const desk = await shop();
    desk.type('Inventory', [
      { SKU: 'NEW-1', Warehouse: 'MAIN', OnHand: 7 },
      { SKU: 'NEW-2', Warehouse: 'MAIN', OnHand: 4, Available: 5 },
    ]);
    edited(desk, 'Inventory', 'A3:H4');
    expect(desk.rows('Inventory').slice(1)).toMatchObject([
      { SKU: 'NEW-1', Available: 7 },
      { SKU: 'NEW-2', Available: 5 },
    ]);
    expect(desk.twin.sheetNamed('Inventory').formulas.H4).toBeUndefined();
  });
});
