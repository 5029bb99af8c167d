/**
 * An action's sidebar form, declared in its spec beside its CLI flags (spec.ts `forms`): the row it
 * is offered on, its title, its fields, and the command the row and what was typed make. Fields are
 * named after the command's properties, so what a rep types becomes the command as a flag does; the
 * sidebar renders every form the same way (addon/src/ui/actions.ts) and the core's schema has the
 * last word (test/shared/forms.test.ts builds every form's command and parses it).
 */
import type { Backorder } from '../tabs/backorders';
import type { OrderLine } from '../tabs/orders';
import type { PoLine } from '../tabs/purchase-orders';
import { CANCEL_REASONS } from '../tabs/vocabulary';
import type { Action, Command } from './schema';

/** The kinds of row the sidebar offers actions on. */
export type FormRowKind = 'order-line' | 'backorder' | 'po-line';

/** What a form reads of its row (shared/sidebar/rpc.ts `RowView` has all of it). */
export interface FormRow {
  readonly ids: {
    readonly orderId?: string;
    readonly line?: number;
    readonly backorderId?: string;
    readonly po?: string;
    readonly sku?: string;
    readonly warehouse?: string;
  };
  /** Open on the line, backorder or PO line, and free stock. */
  readonly qty: { readonly open: number; readonly available: number };
  /** An order line of an order that ships complete: Ship sends the order whole. */
  readonly shipWhole?: boolean;
  readonly warehouses: readonly string[];
  readonly substitutes: readonly string[];
}

export interface FormField {
  /** The command's property it fills, and the form field's name. */
  readonly name: string;
  readonly label: string;
  readonly input: 'number' | 'date' | 'text' | 'textarea' | 'choice';
  /** A choice's options; `blank`: it may be left unchosen. */
  readonly choices?: readonly string[];
  readonly blank?: true;
  readonly initial?: string;
  /** Read as a number (a number input is; a price typed as text may be). */
  readonly number?: true;
  /** Sent even when left blank, for the core to say what it needs; a blank field is otherwise left out. */
  readonly required?: true;
}

/**
 * What says whether an action applies to a row in its state, by the kind of row: each form's
 * `offered` rule is the state check its command makes (shared/sidebar/applicable.ts gathers them).
 */
export interface RowState {
  /** An order line, with every line of its order (hold and release are per order). */
  readonly 'order-line': { readonly line: OrderLine; readonly orderLines: readonly OrderLine[] };
  /**
   * A backorder; `held`: its order is on hold; `vendorShips`: a drop-ship PO the vendor ships is
   * open for it.
   */
  readonly backorder: {
    readonly backorder: Backorder;
    readonly held: boolean;
    readonly vendorShips: boolean;
  };
  readonly 'po-line': { readonly poLine: PoLine };
}

interface FormOf<A extends Action> {
  readonly title: string | ((row: FormRow) => string);
  readonly submit: string;
  /** The fields, or the fields this row asks for (a count in a label, a row's own choices). */
  readonly fields?: readonly FormField[] | ((row: FormRow) => readonly FormField[]);
  /** What the command takes from the row (its ids); the fields add what was typed. */
  readonly fixed: (row: FormRow) => { readonly action: A } & Readonly<Record<string, unknown>>;
  /** Shown open: the row is there to take this action (a held order's release). */
  readonly open?: true;
  /** It decides on stock: sent with the stock rows' versions the view showed. */
  readonly withStock?: true;
  /**
   * The command whose rows are found while the form is filled in (sidebarPrepare): the widest read
   * the form can send. Absent: the action reads what the view remembered.
   */
  readonly prepare?: (row: FormRow) => { readonly action: A } & Readonly<Record<string, unknown>>;
}

/**
 * A form on one kind of row, offered where its rule says the row's state allows the action (the
 * core may still refuse it for stock or for what was typed, never for the row's state:
 * test/shared/applicable.property.test.ts).
 */
export type SidebarForm<A extends Action = Action> = {
  [K in FormRowKind]: FormOf<A> & { readonly on: K; readonly offered: (state: RowState[K]) => boolean };
}[FormRowKind];

export const formTitle = (f: SidebarForm, row: FormRow): string =>
  typeof f.title === 'string' ? f.title : f.title(row);

export const formFields = (f: SidebarForm, row: FormRow): readonly FormField[] =>
  typeof f.fields === 'function' ? f.fields(row) : (f.fields ?? []);

/**
 * The command a form sends: what it takes from the row, then each field as typed (`typed(name)`),
 * trimmed, a blank one left out unless required, a number field read as a number.
 */
export function formCommand(f: SidebarForm, row: FormRow, typed: (name: string) => string): Command {
  const out: Record<string, unknown> = { ...f.fixed(row) };
  for (const field of formFields(f, row)) {
    const text = typed(field.name).trim();
    if (text === '' && !field.required) continue;
    out[field.name] = field.input === 'number' || field.number ? Number(text) : text;
  }
  return out as unknown as Command;
}

/** What a command on the row's order, line, backorder or PO takes from the row. */
export const rowOrder = (row: FormRow) => ({ orderId: row.ids.orderId ?? '' });
export const rowOrderLine = (row: FormRow) => ({ ...rowOrder(row), line: row.ids.line ?? 0 });
export const rowBackorder = (row: FormRow) => ({ backorderId: row.ids.backorderId ?? '' });
export const rowPo = (row: FormRow) => ({ po: row.ids.po ?? '' });
export const rowPoLine = (row: FormRow) => ({ ...rowPo(row), line: row.ids.line ?? 0 });

/** Why a cancellation: a reason from the list the Log and the reports count by, and a note. */
export const CANCEL_FIELDS: readonly FormField[] = [
  { name: 'reason', label: 'Reason', input: 'choice', choices: CANCEL_REASONS, required: true },
  { name: 'note', label: 'Note', input: 'text' },
];
