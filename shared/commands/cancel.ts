/**
 * `cancel`: a backorder cancelled with a reason (001). Cancelling is permanent: its reservation is
 * released, the order line counts the quantity as cancelled, and the backorder never reopens.
 */
import { cancelBackorder } from '../backorder';
import { isOpenBackorder } from '../tabs/backorders';
import { backorder, cancelReason, note } from './flags';
import { CANCEL_FIELDS, rowBackorder } from './form';
import { type ActionSpec, aBackorder } from './spec';

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
      // Refused for a backorder with nothing remaining.
      offered: ({ backorder }) => isOpenBackorder(backorder),
      title: 'Cancel',
      submit: 'Cancel backorder',
      fields: CANCEL_FIELDS,
      fixed: (row) => ({ action: 'cancel', ...rowBackorder(row) }),
    },
  ],
};
