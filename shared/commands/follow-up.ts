/**
 * Follow-ups for overdue backorders (the add-on's daily run): every open backorder past its expected
 * date gets today as its next follow-up, unless one is already due by today. Nothing else changes, so
 * running it twice a day changes nothing the second time.
 */
import type { Desk } from '../desk';
import type { ActionSpec } from './spec';

export function followUpOverdue(desk: Desk): void {
  desk.entity('Backorders');
  const today = desk.ctx.today;
  let n = 0;
  for (const b of desk.uow.all('backorders')) {
    if (b.qtyRemaining === 0 || b.status === 'Cancelled') continue;
    if (b.expectedDate === null || b.expectedDate >= today) continue;
    if (b.nextFollowUp !== null && b.nextFollowUp <= today) continue;
    desk.uow.put('backorders', { ...b, nextFollowUp: today });
    desk.messages.push(
      `${b.backorderId} (${b.customer}, rep ${b.salesRep || 'none'}): overdue since ${b.expectedDate}; follow up today`,
    );
    n += 1;
  }
  desk.messages.unshift(`${n} overdue backorder(s) set to follow up today`);
}

export const FOLLOW_UP: ActionSpec<'follow-up'> = { run: followUpOverdue };
