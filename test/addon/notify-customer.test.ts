/**
 * Notify customer and "Due today" through the built add-on in the twin, as the sidebar calls them:
 * the backorder's view previews the notice due with its address and compose links (no mail scope:
 * the rep sends from their own mail), "Record as sent" writes Notifications and Calls, the next view
 * shows no notice due and the history has the e-mail; a rep's Due today lists what wants a call.
 */
import { describe, expect, it } from 'vitest';
import type { ActionReply, ListRow, RowView } from '../../shared/sidebar/rpc';
import { NOW, openDesk } from '../support/addon';

let n = 0;
const rid = () => `notify-request-${++n}`.padEnd(12, '0');

describe('add-on: notify the customer', () => {
  it('previews the notice due, records it as sent, and lists the follow-ups due', async () => {
    let clock = NOW;
    const desk = await openDesk({ now: () => clock });
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'CASE-1', Warehouse: 'MAIN', Product: 'Oak case', OnHand: 15 }]);
    desk.type('Orders', [
      {
        OrderID: 'SO-1',
        Line: 1,
        OrderDate: '2026-11-20',
        Customer: 'Harbor Builders',
        SalesRep: 'Dana',
        SKU: 'CASE-1',
        Qty: 20,
        UnitPrice: 12.5,
        Warehouse: 'MAIN',
        CustomerEmail: 'buyer@harbor.example',
      },
    ]);
    desk.type('POs', [
      {
        PO: 'PO-1',
        Line: 1,
        Vendor: 'Summit',
        SKU: 'CASE-1',
        Qty: 10,
        PromisedDate: '2026-12-01',
        Warehouse: 'MAIN',
      },
    ]);
    const line = desk.run<RowView>('sidebarView', { sheet: 'Orders', row: 2 });
    desk.run<ActionReply>(
      'sidebarAction',
      {
        command: { action: 'allocate', orderId: 'SO-1', expected: line.expectedWithStock },
        requestId: rid(),
      },
      { sheet: 'Orders', row: 2 },
    );

    const bo = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row: 2 });
    expect(bo.offered).toContain('notify');
    expect(bo.facts).toContainEqual(['E-mail', 'buyer@harbor.example']);
    expect(bo.notice).toMatchObject({
      kind: 'created',
      due: true,
      to: 'buyer@harbor.example',
      subject: 'Backorder BO-000001: Oak case for order SO-1',
    });
    const gmail = new URL(bo.notice?.gmail ?? '');
    expect(gmail.origin).toBe('https://mail.google.com');
    expect(gmail.searchParams.get('to')).toBe('buyer@harbor.example');
    expect(gmail.searchParams.get('body')).toBe(bo.notice?.text);
    expect(bo.notice?.mailto.startsWith('mailto:buyer%40harbor.example?subject=')).toBe(true);

    const sent = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: {
          action: 'record-notice',
          backorderId: 'BO-000001',
          kind: 'created',
          expected: bo.expected,
        },
        requestId: rid(),
      },
      { sheet: 'Backorders', row: 2 },
    );
    expect(sent.messages[0]).toContain('created recorded as sent to buyer@harbor.example');
    expect(sent.view.notice).toMatchObject({ due: false });
    expect(sent.view.calls).toContainEqual([
      expect.stringContaining('Email'),
      'Backorder BO-000001: Oak case for order SO-1',
    ]);
    expect(desk.rows('Notifications')).toEqual([
      expect.objectContaining({
        NoticeID: 'NT-000001',
        Kind: 'created',
        Status: 'Sent',
        To: 'buyer@harbor.example',
      }),
    ]);

    // Any action's reply on this backorder knows the notice went (its Notifications rows are read).
    const called = desk.run<ActionReply>(
      'sidebarAction',
      {
        command: {
          action: 'log-call',
          backorderId: 'BO-000001',
          method: 'Phone',
          summary: 'asked about the date',
          expected: sent.view.expected,
        },
        requestId: rid(),
      },
      { sheet: 'Backorders', row: 2 },
    );
    expect(called.view.notice).toMatchObject({ due: false });

    // Past its expected date with no contact since: on Dana's list for today, and only hers.
    clock += 9 * 86_400_000;
    const due = desk.run<ListRow[]>('sidebarList', { when: 'due today', rep: 'Dana' });
    expect(due).toEqual([
      expect.objectContaining({
        id: 'BO-000001',
        why: 'overdue since 2026-12-01: give the customer a new date',
      }),
    ]);
    expect(desk.run<ListRow[]>('sidebarList', { when: 'due today', rep: 'Sam' })).toEqual([]);

    // The e-mail did not arrive after all (the sender's run marked it Failed), and the rep set a call
    // for today: the list says why, as `backorder-desk follow-ups` does, from the notices it reads.
    desk.twin.write('Notifications!L2:N2', [['Failed', '', 'mailbox full']], 'RAW');
    const row = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row: 2 });
    desk.run<ActionReply>(
      'sidebarAction',
      {
        command: {
          action: 'log-call',
          backorderId: 'BO-000001',
          method: 'Phone',
          summary: 'no answer',
          nextFollowUp: '2026-12-02',
          expected: row.expected,
        },
        requestId: rid(),
      },
      { sheet: 'Backorders', row: 2 },
    );
    expect(desk.run<ListRow[]>('sidebarList', { when: 'due today', rep: 'Dana' })).toEqual([
      expect.objectContaining({
        id: 'BO-000001',
        why: 'e-mail "Backorder BO-000001: Oak case for order SO-1" to buyer@harbor.example failed (mailbox full): call the customer',
      }),
    ]);
    // A later e-mail went: the latest notice decides, so the failed one is no longer the reason.
    desk.type('Notifications', [
      { NoticeID: 'NT-000002', Kind: 'created', BackorderID: 'BO-000001', OrderID: 'SO-1', Status: 'Sent' },
    ]);
    expect(desk.run<ListRow[]>('sidebarList', { when: 'due today', rep: 'Dana' })).toEqual([
      expect.objectContaining({ id: 'BO-000001', why: expect.not.stringContaining('failed') }),
    ]);
  });
});

describe('add-on: a spreadsheet set up before notices existed', () => {
  it('shows its backorders, and Notify customer asks for Set up instead of failing half-way', async () => {
    const desk = await openDesk();
    desk.run('menuSetUpWorkbook');
    desk.type('Inventory', [{ SKU: 'CASE-1', Warehouse: 'MAIN', OnHand: 0 }]);
    desk.type('Orders', [
      {
        OrderID: 'SO-1',
        Line: 1,
        OrderDate: '2026-11-20',
        Customer: 'Harbor Builders',
        SKU: 'CASE-1',
        Qty: 2,
      },
    ]);
    const line = desk.run<RowView>('sidebarView', { sheet: 'Orders', row: 2 });
    desk.run(
      'sidebarAction',
      {
        command: { action: 'allocate', orderId: 'SO-1', expected: line.expectedWithStock },
        requestId: rid(),
      },
      { sheet: 'Orders', row: 2 },
    );
    desk.twin.file.sheets = desk.twin.file.sheets.filter((s) => s.properties.title !== 'Notifications');
    const bo = desk.run<RowView>('sidebarView', { sheet: 'Backorders', row: 2 });
    expect(bo.notice).toMatchObject({ kind: 'created', due: true, to: '' });
    const log = desk.rows('Log').length;
    expect(() =>
      desk.run(
        'sidebarAction',
        {
          command: { action: 'record-notice', backorderId: 'BO-000001', expected: bo.expected },
          requestId: rid(),
        },
        { sheet: 'Backorders', row: 2 },
      ),
    ).toThrow(/no Notifications tab yet: run Extensions ▸ Backorder Desk ▸ Set up workbook/);
    expect(desk.rows('Log')).toHaveLength(log);
    expect(desk.rows('Calls')).toHaveLength(0);
  });
});
