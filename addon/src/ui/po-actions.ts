/**
 * The sidebar's forms for a PO line: receive it (an over-receipt included) or the whole PO, send a Draft PO to the
 * vendor, change the promised date or quantity, cancel the line. Which of them show is the row's
 * `offered` list (shared/applicable.ts); every form is built here and tagged with its action.
 */
import type { Command } from '../../../shared/commands/schema';
import type { RowView } from '../../../shared/sidebar/rpc';
import { type Act, field, filled, form, input, tag } from './dom';

export function poLineActions(v: RowView, act: Act, po: string, line: number | undefined): HTMLElement[] {
  const receive = tag(
    'receive',
    form(
      `Receive (${v.qty.open} open)`,
      [field('Quantity (empty: all open)', input('qty', 'number'))],
      'Receive',
      (f) =>
        void act({
          action: 'receive',
          po,
          ...(line === undefined ? {} : { line }),
          ...filled(f, { qty: 'qty' }, ['qty']),
        }),
      true,
    ),
  );
  const send = tag(
    'send-po',
    form(`Send ${po} to the vendor`, [], 'Mark sent', () => void act({ action: 'send-po', po })),
  );
  // The whole PO in one action: each line's queue decided together (a long PO is one execution
  // with its stage shown, not one per line: one line costs about a fifth of forty).
  const receiveAll = tag(
    'receive',
    form(
      `Receive every open line of ${po}`,
      [],
      'Receive the whole PO',
      () => void act({ action: 'receive', po }),
    ),
  );
  if (line === undefined) return [receive, send];
  return [
    receive,
    receiveAll,
    send,
    tag(
      'change-po',
      form(
        'Change the promised date or quantity',
        [field('Promised date', input('date', 'date')), field('Quantity ordered', input('qty', 'number'))],
        'Change PO line',
        (f) =>
          void act({
            action: 'change-po',
            po,
            line,
            ...filled(f, { promisedDate: 'date', qty: 'qty' }, ['qty']),
          } as Command),
      ),
    ),
    tag(
      'cancel-po-line',
      form(
        'Cancel this PO line (its backorders find their next source)',
        [field('Note (why)', input('note'))],
        'Cancel PO line',
        (f) => void act({ action: 'cancel-po-line', po, line, ...filled(f, { note: 'note' }) } as Command),
      ),
    ),
  ];
}
