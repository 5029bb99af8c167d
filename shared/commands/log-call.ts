import { addCall } from '../calls';
import type { Desk } from '../desk';
import type { IsoDate } from '../primitives/dates';
import { DeskError, refuseUnless } from '../primitives/errors';
import { isOpenBackorder } from '../tabs/backorders';
import type { OrderLine } from '../tabs/orders';
import type { CallMethod, CustomerChoice } from '../tabs/vocabulary';
import { CALL_METHODS, CUSTOMER_CHOICES } from '../tabs/vocabulary';
import { backorder, order } from './flags';
import { rowBackorder } from './form';
import { type ActionSpec, NO_ENTITIES } from './spec';

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
      // A call about a backorder in any state: a closed one's customer may still call.
      offered: () => true,
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
