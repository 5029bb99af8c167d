import { addCall } from '../calls';
import type { Desk } from '../desk';
import type { IsoDate } from '../primitives/dates';
import { refuseUnless } from '../primitives/errors';
import { isOpenBackorder } from '../tabs/backorders';
import { backorder } from './flags';
import { rowBackorder } from './form';
import { type ActionSpec, aBackorder } from './spec';

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
      // Refused for a backorder with nothing remaining.
      offered: ({ backorder }) => isOpenBackorder(backorder),
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
