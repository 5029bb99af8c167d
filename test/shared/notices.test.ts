/**
 * Customer notices in the core (shared/notices.ts, shared/notify.ts): a date already past is never
 * repeated as a promise, a template's unknown placeholder is named by its cell, an old default is
 * upgraded while a person's own text is kept, and a backorder's notices are due once per change.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../shared/commands/run';
import { renderNotice, templateProblems } from '../../shared/notices';
import { dueNotices } from '../../shared/notify';
import type { IsoDate } from '../../shared/primitives/dates';
import type { Workbook } from '../../shared/workbook';
import { context, item, line, TODAY, workbook } from '../support/build';

function shop(config: Partial<Workbook['config']> = {}): Workbook {
  const wb = workbook({
    orders: [line({ orderId: 'SO-1', sku: 'A', qty: 5, customerEmail: 'buyer@harbor.example' })],
    inventory: [item({ sku: 'A', product: 'Oak case', onHand: 0, leadTimeDays: 10 })],
    config: { NotifyFrom: '2026-01-01', ...config },
  });
  const out = runCommand(wb, { action: 'allocate' }, context(1));
  const backorders = out.changes.backorders?.added ?? [];
  return {
    ...wb,
    backorders,
    orders: wb.orders.map((l) => ({ ...l, qtyBackordered: 5, status: 'Backordered' })),
  };
}

describe('customer notices', () => {
  it('never repeats a date already past as a promise, and drops its source', () => {
    const wb = shop();
    const b = wb.backorders[0];
    if (!b) throw new Error('no backorder');
    const later = renderNotice(wb, { ...b, expectedDate: '2026-01-02' as IsoDate }, 'created', TODAY);
    expect(later.text).toContain(
      'We expect it by a new date we are confirming with our supplier. Your price',
    );
    const ahead = renderNotice(
      wb,
      { ...b, expectedDate: '2099-01-02' as IsoDate, expectedSource: 'Lead time' },
      'created',
      TODAY,
    );
    expect(ahead.text).toContain("We expect it by 2099-01-02 (our supplier's usual lead time).");
  });

  it('names the cell of a template with a placeholder no notice fills', () => {
    const rows = [
      { key: 'TimeZone', value: 'America/New_York', notes: '' },
      { key: 'TemplateShipped', value: 'Shipped via {carier} on {date}', notes: '' },
    ];
    expect(templateProblems(rows, (i) => i + 2)).toEqual([
      expect.stringMatching(/^Settings!B3: TemplateShipped uses \{carier\}, which no notice fills/),
    ]);
  });

  it('upgrades an earlier default but keeps a text a person wrote', () => {
    const old = shop({
      TemplateCancelled:
        'Dear {customer}, backorder {backorder} for {qty} × {product} ({sku}) has been cancelled: {reason}.',
    });
    const own = shop({ TemplateCancelled: 'Sorry {customer}, {backorder} is off.' });
    const b = old.backorders[0];
    if (!b) throw new Error('no backorder');
    expect(renderNotice(old, b, 'cancelled', TODAY).text).toContain('You will not be charged');
    expect(renderNotice(own, b, 'cancelled', TODAY).text).toBe(
      `Sorry Harbor Builders, ${b.backorderId} is off.`,
    );
  });

  it('is due once: created, then nothing until what the customer was told changes', () => {
    const wb = shop();
    expect(dueNotices(wb, TODAY).due.map((d) => d.kind)).toEqual(['created']);
    const begun = runCommand(wb, { action: 'notify-begin' }, context(2));
    const notifications = begun.changes.notifications?.added ?? [];
    const told = { ...wb, notifications: notifications.map((n) => ({ ...n, status: 'Sent' as const })) };
    expect(dueNotices(told, TODAY).due).toEqual([]);
    const b = told.backorders[0];
    if (!b) throw new Error('no backorder');
    const moved = { ...told, backorders: [{ ...b, expectedDate: '2099-03-01' as IsoDate }] };
    expect(dueNotices(moved, TODAY).due.map((d) => [d.kind, d.previous])).toEqual([
      ['rescheduled', b.expectedDate],
    ]);
    // Off: a blank NotifyFrom tells nobody anything.
    expect(dueNotices({ ...moved, config: { ...moved.config, NotifyFrom: '' } }, TODAY).due).toEqual([]);
  });
});
