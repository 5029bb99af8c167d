/**
 * The sidebar's Notify customer form for a backorder: the notice due (or the one the backorder's
 * state suggests), previewed as text, with links that open a prefilled message in the rep's own mail
 * (Gmail or the mail app): the rep reviews and sends it, so the add-on needs no mail scope. "Record as sent" then writes it to
 * Notifications and Calls, so the history and the next notice due know of it.
 */
import type { RowView } from '../../../shared/sidebar/rpc';
import { type Act, el, form } from './dom';

export function notifyForm(n: NonNullable<RowView['notice']>, act: Act, backorderId: string): HTMLElement {
  const body = el('textarea', { readonly: '', 'aria-label': 'Message', rows: '7' });
  body.value = n.text;
  const copy = el('button', { type: 'button' }, 'Copy');
  copy.addEventListener('click', () => {
    body.select();
    void navigator.clipboard
      ?.writeText(`${n.subject}\n\n${n.text}`)
      .catch(() => document.execCommand('copy'));
  });
  const open = (label: string, href: string) =>
    el('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'button' }, label);
  const f = form(
    n.due ? `Notify customer: ${n.kind} (due)` : `Notify customer (${n.kind})`,
    [
      el('p', { class: n.to ? '' : 'muted' }, n.to ? `To: ${n.to}` : n.toNote),
      el('p', {}, el('strong', {}, n.subject)),
      body,
      el(
        'p',
        { class: 'links' },
        open('Open in Gmail', n.gmail),
        ' ',
        open('Open in mail app', n.mailto),
        ' ',
        copy,
      ),
    ],
    'Record as sent',
    () => void act({ action: 'record-notice', backorderId, kind: n.kind }),
    n.due,
  );
  return f;
}
