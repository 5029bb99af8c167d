/**
 * A buyer's decisions on PO lines, which the POs tab keeps in its engine-owned Status:
 * `send-po` marks a Draft PO's lines Sent (the Log says when and who), `change-po` records the
 * vendor's new promised date or a new quantity (the backorders it feeds follow), and
 * `cancel-po-line` cancels what is still to arrive on a line. The backorders that expected that line fall back to the next
 * open PO with room, else to the item's lead time, else to no date; each gets today as its next
 * follow-up so its rep calls the customer, and the result lists them. A backorder whose date a rep
 * set by hand (Manual) keeps that date and loses only the PO link; one with stock reserved for all
 * it waits for (Ready to Fulfill) waits on no PO and only loses the link (shared/queue.ts).
 */
import { expectedFor } from '../backorder';
import type { Desk } from '../desk';
import { describeExpected, planAgain } from '../expected-links';
import type { IsoDate } from '../primitives/dates';
import { DeskError, refuseUnless } from '../primitives/errors';
import { assertTransition, derivePoStatus, PO_TRANSITIONS } from '../status';
import { openPoQty } from '../tabs/purchase-orders';
import { line, note, po, qty } from './flags';
import { rowPo, rowPoLine } from './form';
import { type ActionSpec, NO_ENTITIES } from './spec';

function linesOf(desk: Desk, po: string) {
  const lines = desk.uow.all('pos').filter((p) => p.po === po);
  if (lines.length === 0) throw new DeskError('NOT_FOUND', `POs: PO ${po} not found`);
  return lines;
}

/** One line of a PO and its name for messages ("PO-1 line 2"); a missing one is NOT_FOUND. */
function poLineOf(desk: Desk, po: string, n: number) {
  const name = `${po} line ${n}`;
  const line = linesOf(desk, po).find((p) => p.line === n);
  if (!line) throw new DeskError('NOT_FOUND', `POs: ${name} not found`);
  return { name, line };
}

/** Draft → Sent for every Draft line of a PO; a PO with none is refused with each line's status. */
export function sendPo(desk: Desk, po: string): void {
  const lines = linesOf(desk, po);
  const drafts = lines.filter((p) => p.status === 'Draft');
  refuseUnless(
    drafts.length > 0,
    `${po} has no Draft line to send (${lines.map((p) => `line ${p.line} ${p.status}`).join(', ')})`,
  );
  for (const p of drafts) desk.uow.put('pos', { ...p, status: 'Sent' });
  desk.entity(`PO ${po}`);
  desk.messages.push(
    `${po}: ${drafts.length} line(s) sent on ${desk.ctx.today}${drafts.length < lines.length ? ` (${lines.length - drafts.length} already past Draft)` : ''}`,
  );
}

export interface ChangePoArgs {
  readonly po: string;
  readonly line: number;
  readonly promisedDate?: IsoDate;
  readonly qty?: number;
}

/**
 * The vendor promises a new date, or the buyer changes the quantity: the line changes (its Qty and
 * PromisedDate are people's columns, which the engine moves only here, at a person's request), and
 * the backorders that expected it are planned again in queue order (this PO if it still has room,
 * else the next one, else lead time); a date set by hand stays. A backorder whose date moves later
 * gets a follow-up today.
 */
export function changePo(desk: Desk, args: ChangePoArgs): void {
  const { name, line } = poLineOf(desk, args.po, args.line);
  refuseUnless(
    args.promisedDate !== undefined || args.qty !== undefined,
    `${name}: give a new promised date or quantity`,
  );
  refuseUnless(line.status !== 'Cancelled', `${name} is Cancelled: it cannot be changed`);
  const qty = args.qty ?? line.qty;
  refuseUnless(
    qty >= line.qtyReceived && qty > 0,
    `${name}: cannot order ${qty}; ${line.qtyReceived} of ${line.qty} are already received`,
  );
  const next = { ...line, qty, promisedDate: args.promisedDate ?? line.promisedDate };
  const status = derivePoStatus(next);
  assertTransition(PO_TRANSITIONS, `PO ${name}`, line.status, status);
  desk.uow.put('pos', { ...next, status });
  desk.touchedSkus.add(line.sku);
  desk.entity(`PO ${args.po}`);
  const what = [
    args.qty !== undefined && args.qty !== line.qty ? `quantity ${line.qty} → ${qty}` : '',
    args.promisedDate !== undefined && args.promisedDate !== line.promisedDate
      ? `promised ${line.promisedDate ?? 'no date'} → ${args.promisedDate}`
      : '',
  ].filter(Boolean);
  desk.messages.push(`${name}: ${what.join(', ') || 'unchanged'}`);
  const waiting = openLinked(desk, line.po, line.sku).filter((b) => b.expectedSource !== 'Manual');
  planAgain(desk, waiting, (found, plan, later) => {
    if (plan.date === found.expectedDate && plan.po === found.po) return;
    desk.entity(`Backorder ${found.backorderId}`);
    desk.messages.push(
      `${found.backorderId} (${found.customer}): now expected ${describe(plan)}${later ? '; follow up today' : ''}`,
    );
  });
}

/** Open backorders waiting (not fully reserved) on a PO for a SKU, first in the queue first. */
function openLinked(desk: Desk, po: string, sku: string) {
  return desk.uow
    .all('backorders')
    .filter((b) => b.po === po && b.sku === sku && b.qtyRemaining > b.qtyAllocated)
    .sort((a, b) => a.queuePosition - b.queuePosition || (a.backorderId < b.backorderId ? -1 : 1));
}

const describe = describeExpected;

export interface CancelPoLineArgs {
  readonly po: string;
  readonly line: number;
  readonly note?: string;
}

export function cancelPoLine(desk: Desk, args: CancelPoLineArgs): void {
  const { name, line } = poLineOf(desk, args.po, args.line);
  refuseUnless(
    openPoQty(line) > 0,
    `${name} is ${line.status}: nothing on it is still to arrive (${line.qtyReceived} of ${line.qty} received)`,
  );
  assertTransition(PO_TRANSITIONS, `PO ${name}`, line.status, 'Cancelled');
  const open = openPoQty(line);
  const note = (args.note ?? '').trim();
  desk.uow.put('pos', { ...line, status: 'Cancelled' });
  // Its SKU's links are checked after the command (shared/queue.ts): a backorder with all it waits
  // for reserved keeps no link to this line either.
  desk.touchedSkus.add(line.sku);
  desk.entity(`PO ${args.po}`);
  desk.messages.push(`${name}: ${open} × ${line.sku} cancelled${note ? ` (${note})` : ''}`);
  // Backorders that waited on this PO for this SKU, first in the queue first, find their next source.
  const waiting = openLinked(desk, line.po, line.sku);
  for (const found of waiting) {
    const b = desk.backorder(found.backorderId);
    const manual = b.expectedSource === 'Manual';
    const next = manual
      ? { date: b.expectedDate, source: 'Manual' as const, po: '' }
      : expectedFor(desk, b.sku, b.warehouse, b.qtyRemaining - b.qtyAllocated);
    desk.putBackorder({
      ...b,
      expectedDate: next.date,
      expectedSource: next.source,
      po: next.po,
      nextFollowUp: desk.ctx.today,
    });
    desk.entity(`Backorder ${b.backorderId}`);
    desk.messages.push(`${b.backorderId} (${b.customer}): now expected ${describe(next)}; follow up today`);
  }
}

export const SEND_PO: ActionSpec<'send-po'> = {
  run: (d, c) => sendPo(d, c.po),
  names: (c) => ({ ...NO_ENTITIES, pos: [c.po] }),
  flags: [po],
  forms: [
    {
      on: 'po-line',
      // Only a Draft PO is sent.
      offered: ({ poLine }) => poLine.status === 'Draft',
      title: (row) => `Send ${row.ids.po ?? ''} to the vendor`,
      submit: 'Mark sent',
      fixed: (row) => ({ action: 'send-po', ...rowPo(row) }),
    },
  ],
};
/** A command about one line of a PO: that line's SKU decides, not the PO's others. */
const aPoLine = (c: { readonly po: string; readonly line: number }) => ({
  ...NO_ENTITIES,
  pos: [c.po],
  poLines: [c.line],
});
export const CHANGE_PO: ActionSpec<'change-po'> = {
  run: changePo,
  names: aPoLine,
  flags: [po, line, ['promisedDate', 'date'], qty],
  settles: true,
  forms: [
    {
      on: 'po-line',
      // A line can be changed (its promised date) unless cancelled.
      offered: ({ poLine }) => poLine.status !== 'Cancelled',
      title: 'Change the promised date or quantity',
      submit: 'Change PO line',
      fields: [
        { name: 'promisedDate', label: 'Promised date', input: 'date' },
        { name: 'qty', label: 'Quantity ordered', input: 'number' },
      ],
      fixed: (row) => ({ action: 'change-po', ...rowPoLine(row) }),
    },
  ],
};
export const CANCEL_PO_LINE: ActionSpec<'cancel-po-line'> = {
  run: cancelPoLine,
  names: aPoLine,
  flags: [po, line, note],
  settles: true,
  forms: [
    {
      on: 'po-line',
      // Cancelled only while something is open on it.
      offered: ({ poLine }) => poLine.status !== 'Cancelled' && poLine.qty - poLine.qtyReceived > 0,
      title: 'Cancel this PO line (its backorders find their next source)',
      submit: 'Cancel PO line',
      fields: [{ name: 'note', label: 'Note (why)', input: 'text' }],
      fixed: (row) => ({ action: 'cancel-po-line', ...rowPoLine(row) }),
    },
  ],
};
