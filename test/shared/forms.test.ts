/**
 * Every sidebar form an action's spec declares (shared/commands/form.ts) makes a command the core's
 * schema accepts, every field it asks for reaches the command (a misnamed field would be dropped by
 * the schema without a word), and a row's actions show in the order a rep works them.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_SPECS } from '../../shared/commands/catalog';
import {
  type FormField,
  type FormRow,
  type FormRowKind,
  formCommand,
  formFields,
  formTitle,
  type SidebarForm,
} from '../../shared/commands/form';
import { type Action, CommandSchema } from '../../shared/commands/schema';
import { actionsOn } from '../../shared/sidebar/applicable';

const ROWS: Record<FormRowKind, FormRow> = {
  'order-line': {
    ids: { orderId: 'SO-1', line: 2, sku: 'A', warehouse: 'Main' },
    qty: { open: 5, available: 3 },
    warehouses: ['Main'],
    substitutes: [],
  },
  backorder: {
    ids: { backorderId: 'BO-1', orderId: 'SO-1', line: 2, sku: 'A', warehouse: 'Main' },
    qty: { open: 5, available: 0 },
    warehouses: ['East', 'Main'],
    substitutes: ['A2'],
  },
  'po-line': {
    ids: { po: 'PO-1', line: 1, sku: 'A', warehouse: 'Main' },
    qty: { open: 10, available: 0 },
    warehouses: ['Main'],
    substitutes: [],
  },
};

/** A row of each kind as it may come: a ship-complete order, a SKU listing no substitute. */
const VARIANTS: Record<FormRowKind, FormRow[]> = {
  'order-line': [ROWS['order-line'], { ...ROWS['order-line'], shipWhole: true }],
  backorder: [ROWS.backorder, { ...ROWS.backorder, substitutes: [] }],
  'po-line': [ROWS['po-line']],
};

/** What a rep could type: the field's initial value, or one its input takes. */
const sample = (f: FormField): string =>
  f.initial ??
  {
    number: '2',
    date: '2026-12-10',
    text: '12.50',
    textarea: 'Called, left a message',
    choice: f.choices?.[0] ?? '',
  }[f.input];

const forms = Object.entries(ACTION_SPECS).flatMap(([action, spec]) =>
  ((spec.forms ?? []) as readonly SidebarForm[]).map((form) => ({ action: action as Action, form })),
);

describe('the sidebar forms declared in the actions’ specs', () => {
  it.each(forms)(
    '$action, "$form.submit": the command it makes is accepted, with every field typed',
    ({ action, form }) => {
      for (const row of VARIANTS[form.on]) {
        const fields = formFields(form, row);
        const typed = Object.fromEntries(fields.map((f) => [f.name, sample(f)]));
        const command = formCommand(form, row, (name) => typed[name] ?? '');
        const parsed = CommandSchema.safeParse(command);
        expect(parsed.error?.issues ?? [], `${formTitle(form, row)}: ${JSON.stringify(command)}`).toEqual([]);
        expect(parsed.data?.action).toBe(action);
        // Nothing typed is dropped on the way: each field is a property of the command.
        for (const f of fields) expect(parsed.data).toHaveProperty(f.name);
        if (form.prepare) expect(CommandSchema.safeParse(form.prepare(row)).success).toBe(true);
      }
    },
  );

  it('leaves a blank field out, unless the core must say it is missing', () => {
    const hold = ACTION_SPECS.hold.forms?.[0] as SidebarForm;
    expect(formCommand(hold, ROWS['order-line'], () => '  ')).toEqual({ action: 'hold', orderId: 'SO-1' });
    const reschedule = ACTION_SPECS.reschedule.forms?.[0] as SidebarForm;
    expect(formCommand(reschedule, ROWS.backorder, () => '')).toEqual({
      action: 'reschedule',
      backorderId: 'BO-1',
      date: '',
      reason: '',
    });
  });

  it('ships a ship-complete order whole: no quantity asked, no line sent', () => {
    const ship = ACTION_SPECS.ship.forms?.[0] as SidebarForm;
    const whole = { ...ROWS['order-line'], shipWhole: true };
    expect(formFields(ship, whole)).toEqual([]);
    expect(formCommand(ship, whole, () => '3')).toEqual({ action: 'ship', orderId: 'SO-1' });
    expect(formCommand(ship, ROWS['order-line'], () => '3')).toEqual({
      action: 'ship',
      orderId: 'SO-1',
      line: 2,
      qty: 3,
    });
  });

  it('shows a row’s actions in the order a rep works them, Split beside Ship, the message last', () => {
    expect(actionsOn('order-line')).toEqual([
      'allocate',
      'ship',
      'split',
      'create-backorder',
      'change-line',
      'hold',
      'release',
      'cancel-line',
    ]);
    expect(actionsOn('backorder')).toEqual([
      'fulfill',
      'log-call',
      'reschedule',
      'cancel',
      'substitute',
      'transfer',
      'drop-ship',
      'notify',
    ]);
    expect(actionsOn('po-line')).toEqual(['receive', 'send-po', 'change-po', 'cancel-po-line']);
  });
});
