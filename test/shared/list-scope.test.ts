/**
 * A list reads of Backorders only the columns it shows and decides by (shared/sidebar/row-view.ts
 * `LIST_FIELDS`), and "Due today" of Notifications only the notices that did not surely arrive and their
 * backorders' others (shared/io/command-scope.ts `listScope`): every filter lists from that read
 * exactly what it lists from the whole workbook, on the seeded demo with notices of each status.
 */
import { describe, expect, it } from 'vitest';
import { commandScope, listScope } from '../../shared/io/command-scope';
import { withUnreadAsEmpty } from '../../shared/io/read-plan';
import { readScoped } from '../../shared/io/row-scope';
import { decodeLoaded } from '../../shared/plans';
import { addDays } from '../../shared/primitives/dates';
import { listBackorders } from '../../shared/sidebar/backorder-list';
import type { ListFilter } from '../../shared/sidebar/rpc';
import type { Notice } from '../../shared/tabs/notifications';
import type { Workbook } from '../../shared/workbook';
import { TODAY } from '../support/build';
import { memorySource, rawOf, settledDemo } from '../support/scope-oracle';

/** The demo with a notice of each status on the first backorders, two on one of them. */
function withNotices(): Workbook {
  const wb = settledDemo();
  const statuses: Notice['status'][] = ['Failed', 'Sent', 'Unconfirmed', 'Pending', 'Retry', 'Failed'];
  // Notices 1–5 on backorders 0, 2, 4, 6, 8 (whose follow-ups are due), the sixth on backorder 0.
  const notices = statuses.map(
    (status, i): Notice => ({
      noticeId: `NT-${String(i + 1).padStart(6, '0')}`,
      when: `${TODAY}T09:00:00.000Z`,
      kind: 'created',
      // The last notice is a second one of the first backorder: its latest, so it decides.
      backorderId: wb.backorders[i === 5 ? 0 : 2 * i]?.backorderId ?? '',
      orderId: wb.backorders[i === 5 ? 0 : 2 * i]?.orderId ?? '',
      customer: 'someone',
      to: 'someone@example.com',
      subject: `notice ${i + 1}`,
      body: 'body',
      expected: null,
      qtyTold: 1,
      status,
      sentAt: '',
      detail: status === 'Failed' ? 'mailbox full' : '',
    }),
  );
  // Every other backorder's follow-up due today (so a notice that did not surely arrive is the reason
  // for those with one); the rest keep theirs, and are due for a status call by their last contact.
  const backorders = wb.backorders.map((b, i) => (i % 2 === 0 ? { ...b, nextFollowUp: TODAY } : b));
  return { ...wb, backorders, notifications: notices };
}

const FILTERS: ListFilter[] = [
  { when: 'due today' },
  { when: 'due today', rep: 'Dana' },
  { when: 'any' },
  { when: 'overdue' },
  { when: 'this week' },
  { when: 'later', limit: 500 },
  { status: 'Fulfilled' },
  { status: 'Cancelled', when: 'any' },
  { customer: 'a', sku: '1' },
];

describe('a list, read from the columns it uses', () => {
  const wb = withNotices();
  const raw = rawOf(wb);
  const whole = decodeLoaded(raw, 'UTC', 'api');
  const listedFor = (filter: ListFilter) => {
    const scope = listScope(filter);
    const read = readScoped(memorySource(raw).source, scope.keys, scope);
    return decodeLoaded(withUnreadAsEmpty(read.tabs), 'UTC', 'api');
  };
  const listed = listedFor({ when: 'due today' });

  it('lists what the whole workbook lists, for every filter', () => {
    for (const filter of FILTERS) {
      const expected = listBackorders(whole.workbook, whole.tabs, filter, TODAY);
      const mine = listedFor(filter);
      expect(listBackorders(mine.workbook, mine.tabs, filter, TODAY)).toEqual(expected);
    }
    const due = listBackorders(whole.workbook, whole.tabs, { when: 'due today' }, TODAY);
    expect(due.filter((r) => r.why?.includes('failed (mailbox full)')).length).toBe(1);
    expect(due.filter((r) => r.why?.includes('may not have gone')).length).toBe(1);
    expect(due.filter((r) => r.why?.includes('status due')).length).toBeGreaterThan(0);
  });

  it('decodes only those columns, and only the notices that did not surely arrive', () => {
    const b = listed.workbook.backorders[0];
    expect(b?.qty).toBeNull();
    expect(b?.backorderId).toBe(wb.backorders[0]?.backorderId);
    expect(listed.workbook.notifications.map((n) => n.status).sort()).toEqual([
      'Failed',
      'Failed',
      'Unconfirmed',
    ]);
    // A command reads every column of the rows it reads.
    const id = wb.backorders[0]?.backorderId ?? '';
    const command = commandScope({
      action: 'reschedule',
      backorderId: id,
      date: addDays(TODAY, 9),
      reason: 'vendor',
    });
    expect(command?.project).toBeUndefined();
  });
});
