/**
 * Calls as records of customer communication (001 "Recording customer communication"): one place
 * adds them, for the rep's log-call and reschedule and for the sync's "Rescheduled" entries.
 */

import type { Desk } from './desk';
import type { IsoDate } from './primitives/dates';
import type { CallMethod, CustomerChoice } from './tabs/vocabulary';

export function addCall(
  desk: Desk,
  about: { customer: string; orderId: string; backorderId: string; rep: string },
  call: {
    method: CallMethod;
    summary: string;
    choice: CustomerChoice | '';
    nextFollowUp: IsoDate | null;
    source?: string;
  },
): string {
  const id = desk.uow.nextId('CL', () => desk.uow.all('calls').map((c) => c.callId));
  desk.uow.add('calls', {
    callId: id,
    when: desk.ctx.now,
    customer: about.customer,
    orderId: about.orderId,
    backorderId: about.backorderId,
    // A person's call is theirs; a call the sync records on a rep's behalf names the backorder's rep.
    rep: call.source ? about.rep : desk.ctx.actor || about.rep,
    method: call.method,
    summary: call.summary,
    customerChoice: call.choice,
    nextFollowUp: call.nextFollowUp,
    source: call.source ?? '',
  });
  desk.newIds.push(id);
  return id;
}
