/**
 * A buyer's decisions on PO lines (issue #13), which the POs tab keeps in its engine-owned Status:
 * `send-po` marks a Draft PO's lines Sent (the Log says when and who), and `cancel-po-line` cancels
 * what is still to arrive on a line. The backorders that expected that line fall back to the next
 * open PO with room, else to the item's lead time, else to no date; each gets today as its next
 * follow-up so its rep calls the customer, and the result lists them. A backorder whose date a rep
 * set by hand (Manual) keeps that date and loses only the PO link; one with stock reserved for all
 * it waits for (Ready to Fulfill) waits on no PO and is left as it is, as receiving leaves it.
 */
import { expectedFor } from '../backorder';
import type { Desk } from '../desk';
import { DeskError, refuseUnless } from '../errors';
import { assertTransition, PO_TRANSITIONS } from '../status';
import { openPoQty } from '../tabs/purchase-orders';

function linesOf(desk: Desk, po: string) {
  const lines = desk.uow.all('pos').filter((p) => p.po === po);
  if (lines.length === 0) throw new DeskError('NOT_FOUND', `POs: PO ${po} not found`);
  return lines;
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

export interface CancelPoLineArgs {
  readonly po: string;
  readonly line: number;
  readonly note?: string;
}

export function cancelPoLine(desk: Desk, args: CancelPoLineArgs): void {
  const name = `${args.po} line ${args.line}`;
  const line = linesOf(desk, args.po).find((p) => p.line === args.line);
  if (!line) throw new DeskError('NOT_FOUND', `POs: ${name} not found`);
  refuseUnless(
    openPoQty(line) > 0,
    `${name} is ${line.status}: nothing on it is still to arrive (${line.qtyReceived} of ${line.qty} received)`,
  );
  assertTransition(PO_TRANSITIONS, `PO ${name}`, line.status, 'Cancelled');
  const open = openPoQty(line);
  const note = (args.note ?? '').trim();
  desk.uow.put('pos', { ...line, status: 'Cancelled' });
  desk.entity(`PO ${args.po}`);
  desk.messages.push(`${name}: ${open} × ${line.sku} cancelled${note ? ` (${note})` : ''}`);
  // Backorders that waited on this PO for this SKU, first in the queue first, find their next source.
  const waiting = desk.uow
    .all('backorders')
    .filter((b) => b.po === line.po && b.sku === line.sku && b.qtyRemaining > b.qtyAllocated)
    .sort((a, b) => a.queuePosition - b.queuePosition || (a.backorderId < b.backorderId ? -1 : 1));
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
    const source =
      next.source === 'PO'
        ? `${next.po} on ${next.date}`
        : next.source === 'Lead time'
          ? `lead time, ${next.date}`
          : next.source === 'Manual'
            ? `the date set by hand, ${next.date ?? 'none'}`
            : 'no date known';
    desk.messages.push(`${b.backorderId} (${b.customer}): now expected from ${source}; follow up today`);
  }
}
