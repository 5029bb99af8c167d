/**
 * The actions the sidebar offers for the selected row, as forms: on an order line allocate, ship,
 * split (not while the order is Held), create a backorder, change the line (quantity, required date, price), hold or release
 * the order and cancel the line (whole or in part); on a backorder fulfil, log a call, reschedule, cancel, substitute,
 * transfer, drop-ship and notify the customer; on a PO line receive, send a Draft PO, change its promised date or
 * quantity, and cancel the line. Each form builds a command of
 * the shared contract and hands it to `act`, which sends it with the row versions the view showed.
 */

import type { Command } from '../../../shared/commands/schema';
import type { RowView } from '../../../shared/sidebar/rpc';
import { CALL_METHODS, CANCEL_REASONS, CUSTOMER_CHOICES } from '../../../shared/tabs/vocabulary';
import { type Act, el, field, filled, form, input, type Prepare, select, tag } from './dom';
import { notifyForm } from './notify-form';
import { poLineActions } from './po-actions';

const text = (f: FormData, name: string) => String(f.get(name) ?? '');

function orderLineActions(
  v: RowView,
  act: Act,
  orderId: string,
  line: number,
  prepare?: Prepare,
): HTMLElement[] {
  // Which of these apply (none that moves stock while the order is Held) is `v.offered`'s to say.
  const moving = [
    tag(
      'allocate',
      form(
        'Allocate',
        [],
        'Allocate this order',
        () => void act({ action: 'allocate', orderId }, true),
        true,
      ),
    ),
    tag(
      'ship',
      form('Ship', [field('Quantity picked (empty: all allocated)', input('qty', 'number'))], 'Ship', (f) => {
        // A ship-complete order ships whole (the core refuses one of its lines alone).
        const whole = v.facts.some(([k, val]) => k === 'Ship policy' && val === 'Ship complete');
        void act(
          whole
            ? { action: 'ship', orderId }
            : { action: 'ship', orderId, line, ...filled(f, { qty: 'qty' }, ['qty']) },
          true,
        );
      }),
    ),
    tag(
      'split',
      form(
        'Split: ship now, backorder the rest',
        [field('Ship now', input('now', 'number', String(Math.min(v.qty.open, v.qty.available))))],
        'Allocate and ship',
        async (f) => {
          if (await act({ action: 'allocate', orderId }, true))
            await act({ action: 'ship', orderId, line, ...filled(f, { qty: 'now' }, ['qty']) }, true);
        },
      ),
    ),
  ];
  return [
    ...moving,
    tag(
      'create-backorder',
      form(
        'Create a backorder',
        [
          field('Quantity', input('qty', 'number', String(v.qty.open || 1))),
          field('Expected date (optional)', input('date', 'date')),
          field('Reason', input('reason')),
        ],
        'Create backorder',
        (f) =>
          void act({
            action: 'create-backorder',
            orderId,
            line,
            qty: Number(text(f, 'qty')),
            ...filled(f, { date: 'date', reason: 'reason' }),
          } as Command),
      ),
    ),
    tag(
      'change-line',
      form(
        'Change this line (quantity, required date, price)',
        [
          field('New quantity (empty: unchanged)', input('qty', 'number')),
          field('Required date (empty: unchanged)', input('date', 'date')),
          field('Unit price (empty: unchanged; only before anything ships)', input('price', 'text')),
        ],
        'Change line',
        (f) =>
          void act(
            {
              action: 'change-line',
              orderId,
              line,
              ...filled(f, { qty: 'qty', requiredDate: 'date', unitPrice: 'price' }, ['qty', 'unitPrice']),
            } as Command,
            true,
          ),
        false,
        // Prepared as for a new quantity (which may allocate the whole order again), the widest read
        // the form can send: a date or price change then reads fewer of the rows found.
        () => prepare?.({ action: 'change-line', orderId, line, qty: Math.max(1, v.qty.open) }),
      ),
    ),
    tag(
      'release',
      form(
        'On hold',
        [],
        'Release this order',
        () => void act({ action: 'release', orderId }, true),
        true,
        () => prepare?.({ action: 'release', orderId }),
      ),
    ),
    tag(
      'hold',
      form(
        'Put this order on hold (allocation and shipping skip it)',
        [field('Why (optional)', input('note'))],
        'Hold order',
        (f) => void act({ action: 'hold', orderId, ...filled(f, { note: 'note' }) } as Command, true),
        false,
        () => prepare?.({ action: 'hold', orderId }),
      ),
    ),
    tag(
      'cancel-line',
      form(
        'Cancel this line (whole or in part)',
        [
          field(`Quantity (empty: all ${v.qty.open} still open)`, input('qty', 'number')),
          field('Reason', select('reason', CANCEL_REASONS)),
          field('Note', input('note')),
        ],
        'Cancel line',
        (f) =>
          void act({
            action: 'cancel-line',
            orderId,
            line,
            reason: text(f, 'reason'),
            ...filled(f, { qty: 'qty', note: 'note' }, ['qty']),
          } as Command),
        false,
        () => prepare?.({ action: 'cancel-line', orderId, line, reason: CANCEL_REASONS[0] }),
      ),
    ),
  ];
}

function backorderActions(v: RowView, act: Act, backorderId: string): HTMLElement[] {
  const qty = (f: FormData) => filled(f, { qty: 'qty' }, ['qty']);
  return [
    tag(
      'fulfill',
      form(
        'Fulfill',
        [field(`Quantity (empty: all ${v.qty.open})`, input('qty', 'number'))],
        'Fulfill',
        (f) => void act({ action: 'fulfill', backorderId, ...qty(f) }, true),
        true,
      ),
    ),
    tag(
      'log-call',
      form(
        'Log a call',
        [
          field('Method', select('method', CALL_METHODS)),
          field('Summary', el('textarea', { name: 'summary' })),
          field("Customer's choice", select('choice', CUSTOMER_CHOICES, true)),
          field('Next follow-up', input('next', 'date')),
        ],
        'Log call',
        (f) =>
          void act({
            action: 'log-call',
            backorderId,
            method: text(f, 'method'),
            summary: text(f, 'summary'),
            ...filled(f, { choice: 'choice', nextFollowUp: 'next' }),
          } as Command),
      ),
    ),
    tag(
      'reschedule',
      form(
        'Reschedule',
        [field('New expected date', input('date', 'date')), field('Reason', input('reason'))],
        'Reschedule',
        (f) =>
          void act({
            action: 'reschedule',
            backorderId,
            date: text(f, 'date'),
            reason: text(f, 'reason'),
          } as Command),
      ),
    ),
    tag(
      'cancel',
      form(
        'Cancel',
        [field('Reason', select('reason', CANCEL_REASONS)), field('Note', input('note'))],
        'Cancel backorder',
        (f) =>
          void act({
            action: 'cancel',
            backorderId,
            reason: text(f, 'reason'),
            ...filled(f, { note: 'note' }),
          } as Command),
      ),
    ),
    tag(
      'substitute',
      form(
        'Substitute',
        [
          field('Substitute SKU', v.substitutes.length > 0 ? select('sku', v.substitutes) : input('sku')),
          field('Quantity (empty: all)', input('qty', 'number')),
        ],
        'Substitute',
        (f) => void act({ action: 'substitute', backorderId, sku: text(f, 'sku'), ...qty(f) }),
      ),
    ),
    tag(
      'transfer',
      form(
        'Transfer stock here',
        [
          field('Quantity', input('qty', 'number', String(v.qty.open))),
          field('From warehouse', select('from', v.warehouses)),
        ],
        'Transfer',
        (f) =>
          void act(
            {
              action: 'transfer',
              sku: v.ids.sku ?? '',
              qty: Number(text(f, 'qty')),
              from: text(f, 'from'),
              to: v.ids.warehouse ?? '',
            },
            true,
          ),
      ),
    ),
    tag(
      'drop-ship',
      form(
        'Drop-ship from the vendor',
        [],
        'Drop-ship',
        () => void act({ action: 'drop-ship', backorderId }),
      ),
    ),
    ...(v.notice ? [tag('notify', notifyForm(v.notice, act, backorderId))] : []),
  ];
}

function allActions(v: RowView, act: Act, prepare?: Prepare): HTMLElement[] {
  const { orderId, line, backorderId, po } = v.ids;
  if (v.kind === 'order-line' && orderId !== undefined && line !== undefined)
    return orderLineActions(v, act, orderId, line, prepare);
  if (v.kind === 'backorder' && backorderId !== undefined) return backorderActions(v, act, backorderId);
  if (v.kind === 'po-line' && po !== undefined) return poLineActions(v, act, po, line);
  return [];
}

/**
 * The forms for the row, only those of the actions that apply in its state (`v.offered`, decided by
 * shared/applicable.ts from the core's own rules); a row where none applies says so.
 */
export function actionsFor(v: RowView, act: Act, prepare?: Prepare): HTMLElement[] {
  const offered = new Set(v.offered);
  const shown = allActions(v, act, prepare).filter((e) => offered.has(e.dataset.action ?? ''));
  if (shown.length === 0 && v.kind !== 'none')
    return [el('p', { class: 'muted' }, `Nothing to do on this row: it is ${v.status}.`)];
  return shown;
}
