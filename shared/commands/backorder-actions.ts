/**
 * The rep's actions on one backorder (001): create one by hand, cancel it with a reason, reschedule
 * it, replace its remainder with an approved substitute, and log a call. Cancelling is permanent:
 * allocations are released, the order line counts the quantity as cancelled, and the backorder never
 * reopens.
 */
import { openBackorder, recomputeQueues } from '../backorder';
import { addCall } from '../calls';
import type { Desk } from '../desk';
import type { IsoDate } from '../primitives/dates';
import { DeskError, refuseUnless } from '../primitives/errors';
import { formatReservation, parseReservation, takeFromReservation } from '../reservations';
import { isOpenBackorder } from '../tabs/backorders';
import { substitutesOf } from '../tabs/inventory';
import { NEW_LINE_STATE, type OrderLine, unplannedQty } from '../tabs/orders';
import type { CallMethod, CancelReason, CustomerChoice } from '../tabs/vocabulary';
import { CALL_METHODS, CUSTOMER_CHOICES } from '../tabs/vocabulary';
import { backorder, cancelReason, line, note, order, qty, sku } from './flags';
import { CANCEL_FIELDS, rowBackorder, rowOrderLine } from './form';
import { type ActionSpec, aBackorder, anOrder, NO_ENTITIES } from './spec';

export interface CreateBackorderArgs {
  readonly orderId: string;
  readonly line: number;
  readonly qty: number;
  readonly date?: IsoDate;
  readonly reason?: string;
  readonly note?: string;
}

/** 001 "Manual Creation": take quantity not yet shipped or backordered (unreserved first). */
export function createBackorder(desk: Desk, args: CreateBackorderArgs): void {
  let line = desk.line(args.orderId, args.line);
  const free = unplannedQty(line);
  const room = free + line.qtyAllocated;
  refuseUnless(args.qty > 0, 'create-backorder: --qty must be at least 1');
  refuseUnless(
    args.qty <= room,
    `Order ${line.orderId} line ${line.line}: ${args.qty} asked but only ${room} can go on backorder (not shipped, not already backordered)`,
  );
  const fromReserved = Math.max(0, args.qty - free);
  if (fromReserved > 0) {
    const reservation = parseReservation(line.allocatedFrom);
    const released = takeFromReservation(reservation, fromReserved);
    desk.stock.release(line.sku, released);
    line = desk.putLine({
      ...line,
      qtyAllocated: line.qtyAllocated - fromReserved,
      allocatedFrom: formatReservation(reservation),
    });
  }
  openBackorder(desk, line, args.qty, {
    source: 'Manual',
    reason: args.reason ?? 'Customer agreed to wait',
    expectedDate: args.date ?? null,
    note: args.note,
  });
  recomputeQueues(desk);
}

export interface CancelArgs {
  readonly backorderId: string;
  readonly reason: CancelReason;
  readonly note?: string;
}

export function cancelBackorder(desk: Desk, args: CancelArgs): number {
  const b = desk.backorder(args.backorderId);
  refuseUnless(
    b.qtyRemaining > 0,
    `Backorder ${b.backorderId} is ${b.status}: only an open backorder can be cancelled`,
  );
  refuseUnless(
    args.reason !== 'Other' || (args.note ?? '').trim() !== '',
    'Cancel reason Other needs a note that explains it',
  );
  desk.stock.release(b.sku, parseReservation(b.allocatedFrom));
  const rest = b.qtyRemaining;
  desk.putBackorder({
    ...b,
    qtyCancelled: b.qtyCancelled + rest,
    qtyRemaining: 0,
    qtyAllocated: 0,
    allocatedFrom: '',
    cancelReason: args.reason,
    cancelNote: args.note ?? '',
  });
  desk.adjustLine(b.orderId, b.line, { qtyBackordered: -rest, qtyCancelled: rest });
  desk.entity(`Backorder ${b.backorderId}`);
  desk.messages.push(`${b.backorderId}: ${rest} × ${b.sku} cancelled (${args.reason})`);
  recomputeQueues(desk);
  return rest;
}

export interface RescheduleArgs {
  readonly backorderId: string;
  readonly date: IsoDate;
  readonly reason: string;
}

/** New expected date with a reason, recorded as a communication, with the next follow-up on that date. */
export function reschedule(desk: Desk, args: RescheduleArgs): void {
  const b = desk.backorder(args.backorderId);
  refuseUnless(
    b.qtyRemaining > 0,
    `Backorder ${b.backorderId} is ${b.status}: only an open backorder can be rescheduled`,
  );
  refuseUnless(args.reason.trim() !== '', 'reschedule needs --reason');
  refuseUnless(
    args.date >= desk.ctx.today,
    `reschedule: ${args.date} is in the past (today is ${desk.ctx.today})`,
  );
  addCall(
    desk,
    { ...b, rep: b.salesRep },
    {
      method: 'Other',
      summary: `Expected date ${b.expectedDate ?? 'none'} → ${args.date}: ${args.reason}`,
      choice: 'Reschedule',
      nextFollowUp: args.date,
    },
  );
  desk.putBackorder({
    ...b,
    expectedDate: args.date,
    expectedSource: 'Manual',
    customerChoice: 'Reschedule',
    lastContact: desk.ctx.today,
    nextFollowUp: args.date,
  });
  desk.entity(`Backorder ${b.backorderId}`);
}

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

export interface LogCallArgs {
  readonly backorderId?: string;
  readonly orderId?: string;
  readonly method: CallMethod;
  readonly summary: string;
  readonly choice?: CustomerChoice;
  readonly nextFollowUp?: IsoDate;
}

/** 001 "Recording Customer Communication": date, method, what was agreed, next follow-up. */
export function logCall(desk: Desk, args: LogCallArgs): void {
  refuseUnless(args.summary.trim() !== '', 'log-call needs a summary (--note)');
  if (args.backorderId) {
    const b = desk.backorder(args.backorderId);
    // A call about a backorder that no longer waits closes its follow-up unless a date is given.
    const next = args.nextFollowUp ?? (isOpenBackorder(b) ? desk.followUpDate() : null);
    addCall(
      desk,
      { ...b, rep: b.salesRep },
      { method: args.method, summary: args.summary, choice: args.choice ?? '', nextFollowUp: next },
    );
    desk.putBackorder({
      ...b,
      lastContact: desk.ctx.today,
      nextFollowUp: next,
      customerChoice: args.choice ?? b.customerChoice,
    });
    desk.entity(`Backorder ${b.backorderId}`);
    return;
  }
  if (!args.orderId) throw new DeskError('BAD_INPUT', 'log-call needs --backorder or --order');
  const next = args.nextFollowUp ?? desk.followUpDate();
  const line = desk.linesOf(args.orderId)[0] as OrderLine;
  addCall(
    desk,
    { customer: line.customer, orderId: line.orderId, backorderId: '', rep: line.salesRep },
    { method: args.method, summary: args.summary, choice: args.choice ?? '', nextFollowUp: next },
  );
  desk.entity(`Order ${args.orderId}`);
}

export const CREATE_BACKORDER: ActionSpec<'create-backorder'> = {
  run: createBackorder,
  names: anOrder,
  flags: [order, line, qty, ['date', 'date'], ['reason', 'reason'], note],
  settles: true,
  forms: [
    {
      on: 'order-line',
      title: 'Create a backorder',
      submit: 'Create backorder',
      fields: (row) => [
        {
          name: 'qty',
          label: 'Quantity',
          input: 'number',
          initial: String(row.qty.open || 1),
          required: true,
        },
        { name: 'date', label: 'Expected date (optional)', input: 'date' },
        { name: 'reason', label: 'Reason', input: 'text' },
      ],
      fixed: (row) => ({ action: 'create-backorder', ...rowOrderLine(row) }),
    },
  ],
};

export const CANCEL: ActionSpec<'cancel'> = {
  run: (d, c) => {
    cancelBackorder(d, c);
  },
  names: aBackorder,
  flags: [backorder, cancelReason, note],
  // A backorder it closes is Complete once what shipped was delivered.
  reads: ['shipments'],
  settles: true,
  forms: [
    {
      on: 'backorder',
      title: 'Cancel',
      submit: 'Cancel backorder',
      fields: CANCEL_FIELDS,
      fixed: (row) => ({ action: 'cancel', ...rowBackorder(row) }),
    },
  ],
};
export const RESCHEDULE: ActionSpec<'reschedule'> = {
  run: reschedule,
  names: aBackorder,
  flags: [backorder, ['date', 'date'], ['reason', 'reason']],
  // It adds the Calls row that records the new date.
  reads: ['calls'],
  leavesOthers: true,
  leavesStock: true,
  forms: [
    {
      on: 'backorder',
      title: 'Reschedule',
      submit: 'Reschedule',
      fields: [
        { name: 'date', label: 'New expected date', input: 'date', required: true },
        { name: 'reason', label: 'Reason', input: 'text', required: true },
      ],
      fixed: (row) => ({ action: 'reschedule', ...rowBackorder(row) }),
    },
  ],
};
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
export const LOG_CALL: ActionSpec<'log-call'> = {
  run: logCall,
  names: (c) => ({
    ...NO_ENTITIES,
    backorders: c.backorderId ? [c.backorderId] : [],
    orders: c.orderId ? [c.orderId] : [],
  }),
  flags: [
    backorder,
    order,
    ['method', 'method', { vocabulary: CALL_METHODS }, 'Phone'],
    ['summary', 'note'],
    ['choice', 'choice', { vocabulary: CUSTOMER_CHOICES }],
    ['nextFollowUp', 'date'],
  ],
  reads: ['calls'],
  leavesOthers: true,
  leavesStock: true,
  forms: [
    {
      on: 'backorder',
      title: 'Log a call',
      submit: 'Log call',
      fields: [
        { name: 'method', label: 'Method', input: 'choice', choices: CALL_METHODS, required: true },
        { name: 'summary', label: 'Summary', input: 'textarea', required: true },
        {
          name: 'choice',
          label: "Customer's choice",
          input: 'choice',
          choices: CUSTOMER_CHOICES,
          blank: true,
        },
        { name: 'nextFollowUp', label: 'Next follow-up', input: 'date' },
      ],
      fixed: (row) => ({ action: 'log-call', ...rowBackorder(row) }),
    },
  ],
};
