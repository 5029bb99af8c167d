/**
 * Calls tab: one row per customer communication (001 "Recording customer communication"): when, who,
 * how, what was said, the customer's choice and the next follow-up. Written by the log-call and
 * reschedule actions; Source names a vendor when the sync service records a slipped date.
 */
import { date, defineTab, id, oneOf, type RecordOf, text, timestamp } from '../sheet/columns';
import { CALL_METHODS, CUSTOMER_CHOICES } from './vocabulary';

export const CallsTab = defineTab(
  'Calls',
  {
    callId: id('CallID', 'engine', { required: true }),
    when: timestamp('When', 'engine'),
    customer: text('Customer', 'engine'),
    orderId: id('OrderID', 'engine'),
    backorderId: id('BackorderID', 'engine'),
    rep: text('Rep', 'engine'),
    method: oneOf('Method', 'engine', CALL_METHODS, 'Phone'),
    summary: text('Summary', 'engine'),
    customerChoice: oneOf('CustomerChoice', 'engine', CUSTOMER_CHOICES),
    nextFollowUp: date('NextFollowUp', 'engine'),
    source: text('Source', 'engine'),
  },
  ['callId'],
);
export type Call = RecordOf<typeof CallsTab.columns>;
