/**
 * Which actions apply to a row in its state: what the sidebar offers, in the order it shows them.
 * Each action's rule is in its spec, beside its form (shared/commands/form.ts `offered`), and is the
 * state check the command itself makes, so an offered action is accepted by the core unless stock or
 * a person's input says otherwise, and a hidden one would be refused for the row's state;
 * test/shared/applicable.property.test.ts runs the commands on drawn workbooks to hold the two
 * together. Two offers are the sidebar's own: Split (allocate the order, then ship this line) and the
 * customer message. A Shipped order line offers only Change; a Fulfilled backorder only Log a call
 * and the customer message.
 */
import { ACTION_SPECS } from '../commands/catalog';
import type { FormRowKind, RowState, SidebarForm } from '../commands/form';
import type { Action } from '../commands/schema';
import { isHeld } from '../holds';
import type { Backorder } from '../tabs/backorders';
import { type OrderLine, unplannedQty } from '../tabs/orders';
import type { PoLine } from '../tabs/purchase-orders';

/** An action a row offers: a command's, or one of the sidebar's own. */
export type OfferedAction = Action | 'split' | 'notify';

/** The forms of `kind`'s rows, action by action, in the catalog's order. */
function formsOn(kind: FormRowKind): [Action, SidebarForm[]][] {
  return Object.entries(ACTION_SPECS).flatMap(([action, spec]) => {
    const forms = ((spec.forms ?? []) as readonly SidebarForm[]).filter((f) => f.on === kind);
    return forms.length > 0 ? [[action as Action, forms]] : [];
  });
}

const ON: { readonly [K in FormRowKind]: [Action, SidebarForm[]][] } = {
  'order-line': formsOn('order-line'),
  backorder: formsOn('backorder'),
  'po-line': formsOn('po-line'),
};

/** Every action a row of `kind` may offer, in the order the sidebar shows them. */
export function actionsOn(kind: FormRowKind): OfferedAction[] {
  const actions: OfferedAction[] = ON[kind].map(([action]) => action);
  // Split ships now what Ship would, so it follows Ship; the customer message comes last.
  if (kind === 'order-line') actions.splice(actions.indexOf('ship') + 1, 0, 'split');
  if (kind === 'backorder') actions.push('notify');
  return actions;
}

function offers<K extends FormRowKind>(kind: K, state: RowState[K]): OfferedAction[] {
  return ON[kind]
    .filter(([, forms]) => forms.some((f) => (f.offered as (s: RowState[K]) => boolean)(state)))
    .map(([action]) => action);
}

/**
 * An order line's actions. `orderLines` are every line of its order (hold and release are per order).
 * Split (allocate.ts, then ship.ts on this line): refused on hold, and it ships this line's units.
 */
export function orderLineOffers(l: OrderLine, orderLines: readonly OrderLine[]): OfferedAction[] {
  const out = offers('order-line', { line: l, orderLines });
  if (!isHeld(l) && unplannedQty(l) > 0) out.push('split');
  return actionsOn('order-line').filter((a) => out.includes(a));
}

/**
 * A backorder's actions. `held`: its order is on hold; `vendorShips`: a drop-ship PO the vendor ships
 * is open for it. The customer message is offered in every state (what was said is the rep's call).
 */
export function backorderOffers(b: Backorder, held: boolean, vendorShips: boolean): OfferedAction[] {
  return [...offers('backorder', { backorder: b, held, vendorShips }), 'notify'];
}

/** A PO line's actions. */
export function poLineOffers(p: PoLine): OfferedAction[] {
  return offers('po-line', { poLine: p });
}
