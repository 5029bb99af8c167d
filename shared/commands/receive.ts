/**
 * Receive a PO line, fully or partly (000 step 5), or more than ordered (an over-receipt, taken into
 * stock and said in the result and the Log): QtyReceived and OnHand rise, then the open
 * backorders for that SKU are queued (priority, then oldest) and reserve the new stock, turning Ready
 * to Fulfill; the result lists them as the warehouse's notice. OnOrder follows the open PO quantity.
 */
import type { Desk } from '../desk';
import { DeskError, refuseUnless } from '../primitives/errors';
import { refreshOnOrder } from '../purchasing';
import { receiveDropShip } from '../shipments';
import { assertTransition, derivePoStatus, PO_TRANSITIONS } from '../status';
import { openPoQty } from '../tabs/purchase-orders';
import { line, po, qty } from './flags';
import { rowPo, rowPoLine } from './form';
import { type ActionSpec, NO_ENTITIES } from './spec';

export interface ReceiveArgs {
  readonly po: string;
  readonly line?: number;
  /** Several lines at once (with `line`, the line must be among them). */
  readonly lines?: readonly number[];
  readonly qty?: number;
}

export function receive(desk: Desk, args: ReceiveArgs): void {
  const lines = desk.uow
    .all('pos')
    .filter(
      (p) =>
        p.po === args.po &&
        (args.line === undefined || p.line === args.line) &&
        (args.lines === undefined || args.lines.includes(p.line)),
    );
  const named = args.lines
    ? ` lines ${args.lines.join(', ')}`
    : args.line !== undefined
      ? ` line ${args.line}`
      : '';
  if (lines.length === 0) throw new DeskError('NOT_FOUND', `POs: ${args.po}${named} not found`);
  const missing = (args.lines ?? []).filter((l) => !lines.some((p) => p.line === l));
  if (missing.length > 0)
    throw new DeskError('NOT_FOUND', `POs: ${args.po} line ${missing.join(', ')} not found`);
  if (args.qty !== undefined && lines.length > 1)
    throw new DeskError('BAD_INPUT', `PO ${args.po} has ${lines.length} lines: give --line with --qty`);
  desk.entity(`PO ${args.po}`);
  let received = 0;
  for (const p of lines) {
    const open = openPoQty(p);
    if (open === 0 && args.qty === undefined) continue;
    const n = args.qty ?? open;
    refuseUnless(n > 0, `PO ${p.po} line ${p.line}: quantity to receive must be at least 1`);
    refuseUnless(
      p.status !== 'Cancelled',
      `PO ${p.po} line ${p.line} is Cancelled: nothing can be received on it`,
    );
    // More than ordered (the vendor sent extra) is taken into stock and said, never dropped; a
    // drop-ship goes to the customer, so it can only deliver what was ordered.
    refuseUnless(
      n <= open || p.dropShipFor === '',
      `PO ${p.po} line ${p.line}: ${n} to receive but only ${open} open (a drop-ship delivers what was ordered)`,
    );
    const over = Math.max(0, n - open);
    const next = { ...p, qtyReceived: p.qtyReceived + n, receivedAt: desk.ctx.today };
    const status = derivePoStatus(next);
    assertTransition(PO_TRANSITIONS, `PO ${p.po} line ${p.line}`, p.status, status);
    desk.uow.put('pos', { ...next, status });
    received += n;
    if (p.dropShipFor !== '') {
      receiveDropShip(desk, p, n);
      desk.messages.push(`${p.vendor} shipped ${n} × ${p.sku} to the customer of ${p.dropShipFor} (${p.po})`);
      continue;
    }
    desk.stock.receive(p.sku, p.warehouse, n);
    refreshOnOrder(desk, p.sku, p.warehouse);
    desk.messages.push(
      `received ${n} × ${p.sku} at ${p.warehouse} on ${p.po} line ${p.line}${over > 0 ? `: over-receipt, ${over} more than the ${p.qty} ordered (in stock, billed by the vendor on no order line)` : ''}`,
    );
    // Who waits gets these units once, after every line (the standing rule in runCommand).
    desk.touchedSkus.add(p.sku);
  }
  refuseUnless(received > 0, `PO ${args.po}: nothing left to receive`);
}

export const RECEIVE: ActionSpec<'receive'> = {
  run: receive,
  names: (c) => {
    const lines = c.lines ?? (c.line === undefined ? undefined : [c.line]);
    return { ...NO_ENTITIES, pos: [c.po], ...(lines ? { poLines: lines } : {}) };
  },
  flags: [po, line, qty],
  settles: true,
  forms: [
    {
      on: 'po-line',
      // A line received in full still takes a vendor's extra units (an over-receipt); a cancelled
      // line takes none.
      offered: ({ poLine }) => poLine.status !== 'Cancelled',
      title: (row) => `Receive (${row.qty.open} open)`,
      submit: 'Receive',
      fields: [{ name: 'qty', label: 'Quantity (empty: all open)', input: 'number' }],
      fixed: (row) => ({ action: 'receive', ...rowPoLine(row) }),
      open: true,
      // Shown open, so prepared as the row shows: the whole PO's rows, the widest read either
      // receive form on this row sends (a truck brings the PO), found while the clerk counts.
      prepare: (row) => ({ action: 'receive', ...rowPo(row) }),
    },
    // The whole PO in one action: each line's queue decided together (a long PO is one execution
    // with its stage shown, not one per line: one line costs about a fifth of forty).
    {
      on: 'po-line',
      offered: ({ poLine }) => poLine.status !== 'Cancelled',
      title: (row) => `Receive every open line of ${row.ids.po ?? ''}`,
      submit: 'Receive the whole PO',
      fixed: (row) => ({ action: 'receive', ...rowPo(row) }),
    },
  ],
};
