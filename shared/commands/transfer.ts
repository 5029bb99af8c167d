/**
 * Transfer stock between warehouses (002 strategy 5): free stock leaves one warehouse and arrives at
 * another, both movements named in the Log row. Who waits for that SKU is served in queue order
 * (shared/queue.ts): a transfer moves where stock lies, never who is next.
 */
import type { Desk } from '../desk';
import { refuseUnless } from '../primitives/errors';
import { isOpenBackorder } from '../tabs/backorders';
import { qty, sku } from './flags';
import { type ActionSpec, NO_ENTITIES } from './spec';

export interface TransferArgs {
  readonly sku: string;
  readonly qty: number;
  readonly from: string;
  readonly to: string;
}

export function transfer(desk: Desk, args: TransferArgs): void {
  refuseUnless(args.from !== args.to, `transfer: --warehouse and --to are both ${args.from}`);
  refuseUnless(
    desk.stock.item(args.sku, args.from),
    `Inventory has no row for SKU ${args.sku} at warehouse ${args.from}`,
  );
  refuseUnless(
    desk.stock.item(args.sku, args.to),
    `Inventory has no row for SKU ${args.sku} at warehouse ${args.to}: add it first (the transfer needs somewhere to land)`,
  );
  const free = desk.stock.available(args.sku, args.from);
  refuseUnless(
    args.qty <= free,
    `transfer: ${args.qty} × ${args.sku} asked but only ${free} at ${args.from} are free (reserved stock stays with its orders)`,
  );
  desk.stock.writeOff(args.sku, args.from, args.qty);
  desk.stock.receive(args.sku, args.to, args.qty);
  desk.entity(`SKU ${args.sku}`);
  desk.messages.push(
    `transfer out: ${args.qty} × ${args.sku} from ${args.from}`,
    `transfer in: ${args.qty} × ${args.sku} to ${args.to}`,
  );
  desk.touchedSkus.add(args.sku);
}

export const TRANSFER: ActionSpec<'transfer'> = {
  run: transfer,
  names: (c) => ({ ...NO_ENTITIES, skus: [c.sku] }),
  flags: [sku, qty, ['from', 'warehouse'], ['to', 'to']],
  settles: true,
  forms: [
    {
      // To the backorder's warehouse, from one that stocks its SKU.
      on: 'backorder',
      // Refused for a backorder with nothing remaining.
      offered: ({ backorder }) => isOpenBackorder(backorder),
      title: 'Transfer stock here',
      submit: 'Transfer',
      fields: (row) => [
        { name: 'qty', label: 'Quantity', input: 'number', initial: String(row.qty.open), required: true },
        { name: 'from', label: 'From warehouse', input: 'choice', choices: row.warehouses, required: true },
      ],
      fixed: (row) => ({ action: 'transfer', sku: row.ids.sku ?? '', to: row.ids.warehouse ?? '' }),
      withStock: true,
    },
  ],
};
