/**
 * The sidebar's DOM helpers: elements built with text children only (a string becomes a text node,
 * never parsed as HTML), labelled fields, and collapsible forms whose filled-in fields are read back
 * without the blanks.
 */

import type { Command } from '../../../shared/commands/schema';
import type { OfferedAction } from '../../../shared/sidebar/applicable';

/** Sends a command; `withStock` adds the stock rows' versions. True when the server applied it. */
export type Act = (command: Command, withStock?: boolean) => Promise<boolean>;
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

export function field(label: string, control: HTMLElement): HTMLElement {
  return el('label', {}, label, control);
}

export function input(name: string, type = 'text', value = ''): HTMLInputElement {
  const i = el('input', { name, type });
  i.value = value;
  return i;
}

export function select(name: string, options: readonly string[], blank = false): HTMLSelectElement {
  const s = el('select', { name });
  if (blank) s.append(el('option', { value: '' }, '—'));
  for (const o of options) s.append(el('option', { value: o }, o));
  return s;
}

/** A collapsible form; its submit hands the form's data to `run`. */
export function form(
  title: string,
  fields: HTMLElement[],
  submit: string,
  run: (f: FormData) => void,
  open = false,
  /**
   * Called the first time the form is open (an action's rows found while it is filled in, or, for a
   * form shown open, while the person reads the row): for a form shown open, as soon as it is shown.
   */
  opened?: () => void,
): HTMLElement {
  const f = el('form');
  f.append(...fields, el('button', { type: 'submit', class: 'primary' }, submit));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    run(new FormData(f));
  });
  const details = el('details', open ? { open: '' } : {}, el('summary', {}, title), f);
  // A form shown open is prepared once it is on the page (one built but not offered never is).
  if (opened && open) queueMicrotask(() => details.isConnected && opened());
  else if (opened) {
    const once = () => {
      if (!details.open) return;
      details.removeEventListener('toggle', once);
      opened();
    };
    details.addEventListener('toggle', once);
  }
  return details;
}

/** Finds, while a person fills in its form, the rows a command will read (sidebarPrepare). */
export type Prepare = (command: Command) => void;

/**
 * The fields of `f` that were filled in, renamed: `{ nextFollowUp: 'next' }` reads the field "next"
 * into `nextFollowUp`; names in `numbers` become numbers. Blank fields are left out.
 */
export function filled(
  f: FormData,
  names: Record<string, string>,
  numbers: readonly string[] = [],
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, name] of Object.entries(names)) {
    const v = String(f.get(name) ?? '').trim();
    if (v !== '') out[key] = numbers.includes(key) ? Number(v) : v;
  }
  return out;
}

/** Marks a form with the action it sends (shared/sidebar/applicable.ts), for `actionsFor` to keep or drop. */
export function tag(action: OfferedAction, e: HTMLElement): HTMLElement {
  e.dataset.action = action;
  return e;
}
