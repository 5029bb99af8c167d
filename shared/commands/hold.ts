/**
 * A person puts an order on hold, or releases it: a credit hold, a customer who asks to
 * wait. `hold` marks every line of the order Held (shared/holds.ts): what it has reserved stays, so
 * a release soon after loses no place in the queue, but it gets no new stock, the stock others free
 * passes it by, and it cannot ship. `release` clears the mark and allocates the order at once: an
 * order allocation skipped while Held would otherwise wait for the next Allocate all.
 */
import type { Desk } from '../desk';
import { isHeld } from '../holds';
import { refuseUnless } from '../primitives/errors';
import { openQty } from '../tabs/orders';
import { allocate } from './allocate';
import { note, order } from './flags';
import { rowOrder } from './form';
import { type ActionSpec, anOrder } from './spec';

export function hold(desk: Desk, orderId: string, note: string | undefined): void {
  const lines = desk.linesOf(orderId);
  refuseUnless(!lines.every(isHeld), `Order ${orderId} is already on hold`);
  refuseUnless(
    lines.some((l) => openQty(l) > 0),
    `Order ${orderId} has nothing open to hold: every line is shipped or cancelled`,
  );
  desk.entity(`Order ${orderId}`);
  for (const l of lines) if (!isHeld(l)) desk.putLine({ ...desk.line(orderId, l.line), hold: 'Held' });
  const reserved = lines.reduce((n, l) => n + l.qtyAllocated, 0);
  desk.messages.push(
    `Order ${orderId} on hold${note ? ` (${note})` : ''}: allocation and shipping skip it${reserved > 0 ? `; its ${reserved} reserved unit(s) stay reserved` : ''}`,
  );
}

export function release(desk: Desk, orderId: string): void {
  const lines = desk.linesOf(orderId);
  refuseUnless(lines.some(isHeld), `Order ${orderId} is not on hold`);
  desk.entity(`Order ${orderId}`);
  for (const l of lines) if (isHeld(l)) desk.putLine({ ...desk.line(orderId, l.line), hold: '' });
  allocate(desk, orderId);
  desk.messages.unshift(`Order ${orderId} released and allocated`);
}

export const HOLD: ActionSpec<'hold'> = {
  run: (d, c) => hold(d, c.orderId, c.note),
  names: anOrder,
  flags: [order, note],
  // It marks the lines; its backorders leave their queues (renumbered), and no unit moves.
  leavesStock: true,
  forms: [
    {
      on: 'order-line',
      // Refused for an order already held, or with nothing open.
      offered: ({ line, orderLines }) => !isHeld(line) && orderLines.some((x) => openQty(x) > 0),
      title: 'Put this order on hold (allocation and shipping skip it)',
      submit: 'Hold order',
      fields: [{ name: 'note', label: 'Why (optional)', input: 'text' }],
      fixed: (row) => ({ action: 'hold', ...rowOrder(row) }),
      withStock: true,
      prepare: (row) => ({ action: 'hold', ...rowOrder(row) }),
    },
  ],
};
export const RELEASE: ActionSpec<'release'> = {
  run: (d, c) => release(d, c.orderId),
  names: anOrder,
  flags: [order],
  settles: true,
  forms: [
    {
      on: 'order-line',
      // Refused for an order not held.
      offered: ({ line }) => isHeld(line),
      // A held order's row is there to be released: the form is shown open, and prepared at once.
      title: 'On hold',
      submit: 'Release this order',
      fixed: (row) => ({ action: 'release', ...rowOrder(row) }),
      open: true,
      withStock: true,
      prepare: (row) => ({ action: 'release', ...rowOrder(row) }),
    },
  ],
};
