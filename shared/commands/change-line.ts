/**
 * A customer changes an order line before it ships: its quantity up or down, its
 * required date, its price. A lower quantity takes the units off in cancel-line's order (backordered
 * first, then unplanned, then reserved: line-units.ts) but as a change, not a cancellation: the
 * line's Qty and its backorder's Qty go down, and the stock that frees goes to the next in the SKU's
 * queue, named in the result. It never goes below what has shipped, been cancelled or moved (refused
 * with the numbers); to give up a whole line, cancel it. A higher quantity is new demand: a line
 * allocation has seen is allocated again at once (its shortfall backordered as allocate decides), a
 * New line waits for allocation as before. A new price is taken only while nothing on the line has
 * shipped (what shipped was invoiced at the old one), and every backorder of the line follows it, as
 * they lock the line's price. The line's other columns, and what people typed beside them, stay.
 */

import type { Desk } from '../desk';
import { giveFreedStock, takeOpenUnits } from '../line-units';
import type { IsoDate } from '../primitives/dates';
import { refuseUnless } from '../primitives/errors';
import { formatCents, toCents } from '../primitives/money';
import { allocate } from './allocate';
import { line, note, order, qty } from './flags';
import { rowOrderLine } from './form';
import { type ActionSpec, anOrder, anOrderLine } from './spec';

export interface ChangeLineArgs {
  readonly orderId: string;
  readonly line: number;
  readonly qty?: number;
  readonly requiredDate?: IsoDate;
  readonly unitPrice?: number;
  readonly note?: string;
}

export function changeLine(desk: Desk, args: ChangeLineArgs): void {
  const start = desk.line(args.orderId, args.line);
  const name = `${start.orderId} line ${start.line}`;
  refuseUnless(
    args.qty !== undefined || args.requiredDate !== undefined || args.unitPrice !== undefined,
    `${name}: say what changes (a quantity, a required date or a price)`,
  );
  desk.entity(`Order ${start.orderId}`);
  const said: string[] = [];

  const digits = desk.config.CurrencyDigits;
  const price = args.unitPrice === undefined ? undefined : toCents(args.unitPrice, digits);
  if (price !== undefined && price !== start.unitPrice) {
    const was = formatCents(start.unitPrice, digits);
    refuseUnless(
      start.qtyShipped === 0,
      `${name}: ${start.qtyShipped} already shipped and invoiced at ${was}; a new price needs a new line`,
    );
    refuseUnless(price !== null, `${name}: price ${args.unitPrice} is not an amount of money`);
    desk.putLine({ ...desk.line(start.orderId, start.line), unitPrice: price });
    for (const b of desk.uow.all('backorders'))
      if (b.orderId === start.orderId && b.line === start.line)
        desk.putBackorder({ ...desk.backorder(b.backorderId), unitPrice: price });
    said.push(`price ${was} → ${formatCents(price, digits)}`);
  }

  if (args.requiredDate !== undefined && args.requiredDate !== start.requiredDate) {
    desk.putLine({ ...desk.line(start.orderId, start.line), requiredDate: args.requiredDate });
    said.push(`required ${start.requiredDate ?? '(none)'} → ${args.requiredDate}`);
  }

  let freed = 0;
  if (args.qty !== undefined && args.qty !== start.qty) {
    const settled = start.qtyShipped + start.qtyCancelled + start.qtyMoved;
    refuseUnless(
      args.qty >= settled,
      `${name}: Qty cannot go below ${settled} (${start.qtyShipped} shipped, ${start.qtyCancelled} cancelled, ${start.qtyMoved} moved); ${args.qty} asked`,
    );
    if (args.qty < start.qty) {
      // At least `settled` stays, so what comes off is open.
      freed = takeOpenUnits(desk, start.orderId, start.line, start.qty - args.qty, {
        mode: 'reduce',
        note: args.note || `order line changed from ${start.qty} to ${args.qty}`,
      });
      said.push(`Qty ${start.qty} → ${args.qty}${freed > 0 ? ` (${freed} freed)` : ''}`);
    } else {
      const line = desk.line(start.orderId, start.line);
      desk.putLine({ ...line, qty: args.qty });
      said.push(`Qty ${start.qty} → ${args.qty}`);
      // Allocation has seen the line: the extra units join the queue now, as allocate decides (a
      // Held order waits for its release, which allocates it).
      if (line.status !== 'New' && !desk.heldOrders().has(start.orderId)) allocate(desk, start.orderId);
    }
  }
  desk.messages.unshift(`${name}: ${said.length > 0 ? said.join('; ') : 'nothing changed'}`);
  giveFreedStock(desk, start.sku, freed);
}

export const CHANGE_LINE: ActionSpec<'change-line'> = {
  run: changeLine,
  // A new quantity may be higher, and then the whole order is allocated again: every line's SKU.
  names: (c) => (c.qty === undefined ? anOrderLine(c) : anOrder(c)),
  flags: [order, line, qty, ['requiredDate', 'date'], ['unitPrice', 'price', 'amount'], note],
  // A backorder it closes is Complete once what shipped was delivered.
  reads: ['shipments'],
  settles: true,
  forms: [
    {
      on: 'order-line',
      // A required date can change at any time.
      offered: () => true,
      title: 'Change this line (quantity, required date, price)',
      submit: 'Change line',
      fields: [
        { name: 'qty', label: 'New quantity (empty: unchanged)', input: 'number' },
        { name: 'requiredDate', label: 'Required date (empty: unchanged)', input: 'date' },
        {
          name: 'unitPrice',
          label: 'Unit price (empty: unchanged; only before anything ships)',
          input: 'text',
          number: true,
        },
      ],
      fixed: (row) => ({ action: 'change-line', ...rowOrderLine(row) }),
      withStock: true,
      // As for a new quantity (which may allocate the whole order again), the widest read the form
      // can send: a date or price change then reads fewer of the rows found.
      prepare: (row) => ({ action: 'change-line', ...rowOrderLine(row), qty: Math.max(1, row.qty.open) }),
    },
  ],
};
