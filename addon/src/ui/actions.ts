/**
 * The actions the sidebar offers for the selected row, as forms. Each action's form is declared in
 * its spec (shared/commands/form.ts: its title, its fields, the command the row and what was typed
 * make), and rendered here alike; two are the sidebar's own: Split (allocate the order, then ship
 * this line) and the customer message, whose preview is the backorder's notice. Which of them show
 * is the row's `offered` list (shared/sidebar/applicable.ts); each hands its command to `act`, which sends
 * it with the row versions the view showed.
 */

import { ACTION_SPECS } from '../../../shared/commands/catalog';
import {
  type FormField,
  formCommand,
  formFields,
  formTitle,
  type SidebarForm,
} from '../../../shared/commands/form';
import type { Action, Command } from '../../../shared/commands/schema';
import { actionsOn, type OfferedAction } from '../../../shared/sidebar/applicable';
import type { RowView } from '../../../shared/sidebar/rpc';
import { type Act, el, field, filled, form, input, type Prepare, select, tag } from './dom';
import { notifyForm } from './notify-form';

function control(f: FormField): HTMLElement {
  if (f.input === 'choice') return select(f.name, f.choices ?? [], f.blank === true);
  if (f.input === 'textarea') return el('textarea', { name: f.name });
  return input(f.name, f.input, f.initial ?? '');
}

/** An action's form as its spec declares it, on this row. */
function rendered(spec: SidebarForm, v: RowView, act: Act, prepare?: Prepare): HTMLElement {
  const ready = spec.prepare;
  return form(
    formTitle(spec, v),
    formFields(spec, v).map((f) => field(f.label, control(f))),
    spec.submit,
    (data) =>
      void act(
        formCommand(spec, v, (name) => String(data.get(name) ?? '')),
        spec.withStock,
      ),
    spec.open === true,
    ready && prepare ? () => prepare(ready(v) as unknown as Command) : undefined,
  );
}

/** Split: the order allocated, then this line shipped, as much as the rep ships now. */
function split(v: RowView, act: Act): HTMLElement {
  const orderId = v.ids.orderId ?? '';
  return form(
    'Split: ship now, backorder the rest',
    [field('Ship now', input('now', 'number', String(Math.min(v.qty.open, v.qty.available))))],
    'Allocate and ship',
    async (f) => {
      if (await act({ action: 'allocate', orderId }, true))
        await act(
          { action: 'ship', orderId, line: v.ids.line ?? 0, ...filled(f, { qty: 'now' }, ['qty']) },
          true,
        );
    },
  );
}

function formsOf(offered: OfferedAction, v: RowView, act: Act, prepare?: Prepare): HTMLElement[] {
  if (offered === 'split') return [split(v, act)];
  if (offered === 'notify')
    return v.notice && v.ids.backorderId ? [notifyForm(v.notice, act, v.ids.backorderId)] : [];
  const forms = (ACTION_SPECS[offered as Action].forms ?? []) as readonly SidebarForm[];
  return forms.filter((f) => f.on === v.kind).map((f) => rendered(f, v, act, prepare));
}

/**
 * The forms for the row, only those of the actions that apply in its state (`v.offered`, decided by
 * shared/sidebar/applicable.ts from the actions' own rules); a row where none applies says so.
 */
export function actionsFor(v: RowView, act: Act, prepare?: Prepare): HTMLElement[] {
  if (v.kind === 'none') return [];
  const offered = new Set(v.offered);
  const shown = actionsOn(v.kind)
    .filter((a) => offered.has(a))
    .flatMap((a) => formsOf(a, v, act, prepare).map((e) => tag(a, e)));
  if (shown.length === 0)
    return [el('p', { class: 'muted' }, `Nothing to do on this row: it is ${v.status}.`)];
  return shown;
}
