/**
 * `substitute`: a backorder's remainder replaced by an approved substitute (001 "Customer cancels
 * backorder but wants different product"): the backorder is cancelled and the substitute added to
 * the order at the locked price.
 */
import { cancelBackorder } from '../backorder';
import type { Desk } from '../desk';
import { refuseUnless } from '../primitives/errors';
import { isOpenBackorder } from '../tabs/backorders';
import { substitutesOf } from '../tabs/inventory';
import { NEW_LINE_STATE, type OrderLine } from '../tabs/orders';
import { backorder, note, qty, sku } from './flags';
import { rowBackorder } from './form';
import { type ActionSpec, NO_ENTITIES } from './spec';

export interface SubstituteArgs {
  readonly backorderId: string;
  readonly sku: string;
  readonly qty?: number;
  readonly note?: string;
}

/** 001 "Customer cancels backorder but wants different product": cancel, add the substitute at the locked price. */
export function substitute(desk: Desk, args: SubstituteArgs): void {
  const b = desk.backorder(args.backorderId);
  refuseUnless(b.qtyRemaining > 0, `Backorder ${b.backorderId} is ${b.status}: nothing left to substitute`);
  refuseUnless(desk.stock.knows(args.sku), `Inventory has no SKU ${args.sku}`);
  const approved = desk.uow
    .all('inventory')
    .some((i) => i.sku === b.sku && substitutesOf(i).includes(args.sku));
  refuseUnless(approved, `${args.sku} is not an approved substitute for ${b.sku} (Inventory: Substitutes)`);
  const qty = args.qty ?? b.qtyRemaining;
  refuseUnless(qty > 0, 'substitute: --qty must be at least 1');
  const cancelled = cancelBackorder(desk, {
    backorderId: b.backorderId,
    reason: 'Customer Requested',
    note: `Substituted by ${args.sku}${args.note ? `: ${args.note}` : ''}`,
  });
  const original = desk.line(b.orderId, b.line);
  const lineNo = Math.max(...desk.linesOf(b.orderId).map((l) => l.line)) + 1;
  const added: OrderLine = {
    ...original,
    line: lineNo,
    sku: args.sku,
    qty,
    unitPrice: b.unitPrice,
    discount: b.discount,
    notes: `Substitute for ${b.sku} (backorder ${b.backorderId}, ${cancelled} cancelled)`,
    ...NEW_LINE_STATE,
  };
  desk.uow.add('orders', added);
  desk.messages.push(
    `order ${b.orderId} line ${lineNo}: ${qty} × ${args.sku} at the original price; allocate it to reserve stock`,
  );
}

export const SUBSTITUTE: ActionSpec<'substitute'> = {
  run: substitute,
  names: (c) => ({ ...NO_ENTITIES, backorders: [c.backorderId], skus: [c.sku] }),
  flags: [backorder, sku, qty, note],
  // A backorder it closes is Complete once what shipped was delivered.
  reads: ['shipments'],
  settles: true,
  forms: [
    {
      on: 'backorder',
      // Refused for a backorder with nothing remaining.
      offered: ({ backorder }) => isOpenBackorder(backorder),
      title: 'Substitute',
      submit: 'Substitute',
      fields: (row) => [
        // The SKU's listed substitutes to choose from; typed when it lists none.
        row.substitutes.length > 0
          ? {
              name: 'sku',
              label: 'Substitute SKU',
              input: 'choice',
              choices: row.substitutes,
              required: true,
            }
          : { name: 'sku', label: 'Substitute SKU', input: 'text', required: true },
        { name: 'qty', label: 'Quantity (empty: all)', input: 'number' },
      ],
      fixed: (row) => ({ action: 'substitute', ...rowBackorder(row) }),
    },
  ],
};
