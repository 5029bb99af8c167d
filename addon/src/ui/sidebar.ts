/**
 * The sidebar (runs in the browser, inside Google's sandboxed iframe). It follows the selected row by
 * polling the cheap sidebarSelection, shows the row's view and the actions that fit it, and sends
 * every action with the row versions it showed, so a stale click is refused by the server. Every value
 * from the sheet is set as text (textContent, input values), never as HTML. Buttons are disabled while
 * a call is in flight; every failure shows the server's reason.
 */
import type { Command } from '../../../shared/commands/schema';
import type { ActionReply, ListRow, RowRef, RowView, SidebarStatus } from '../../../shared/rpc';
import { CALL_METHODS, CANCEL_REASONS, CUSTOMER_CHOICES } from '../../../shared/tabs/vocabulary';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [fn: string]: unknown;
}
declare const google: { script: { run: Runner } };

const POLL_MS = 1500;
let busy = 0;
let current: RowView | null = null;
let selection = '';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** google.script.run as a promise (asynchronous, JSON-only arguments, the server's error on failure). */
function call<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler(reject);
    (runner[fn] as (...a: unknown[]) => void)(...args);
  });
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) e.append(c); // strings become text nodes: never parsed as HTML
  return e;
}

function setBusy(on: boolean): void {
  busy += on ? 1 : -1;
  for (const b of document.querySelectorAll('button')) (b as HTMLButtonElement).disabled = busy > 0;
}

function show(id: 'error' | 'notice', text: string): void {
  const box = $('error' === id ? 'error' : 'notice');
  box.textContent = text;
  box.hidden = text === '';
  if (id === 'notice') $('error').hidden = true;
}

async function guarded<T>(work: () => Promise<T>): Promise<T | undefined> {
  setBusy(true);
  show('error', '');
  try {
    return await work();
  } catch (e) {
    show('error', e instanceof Error ? e.message : String(e));
    return undefined;
  } finally {
    setBusy(false);
  }
}

const requestId = () => `sb-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

async function act(command: Command, withStock = false): Promise<void> {
  const view = current;
  if (!view) return;
  const expected = withStock ? view.expectedWithStock : view.expected;
  const reply = await guarded(() =>
    call<ActionReply>(
      'sidebarAction',
      { command: { ...command, expected }, requestId: requestId() },
      view.ref,
    ),
  );
  if (!reply) return;
  show('notice', reply.messages.join('\n') || `${command.action} done (${reply.logId})`);
  render(reply.view);
}

function field(label: string, input: HTMLElement): HTMLElement {
  return el('label', {}, label, input);
}

function input(name: string, type = 'text', value = ''): HTMLInputElement {
  const i = el('input', { name, type });
  i.value = value;
  return i;
}

function select(name: string, options: readonly string[], blank = false): HTMLSelectElement {
  const s = el('select', { name });
  if (blank) s.append(el('option', { value: '' }, '—'));
  for (const o of options) s.append(el('option', { value: o }, o));
  return s;
}

/** A collapsible form whose submit builds a command from its fields. */
function form(
  title: string,
  fields: HTMLElement[],
  submit: string,
  run: (f: FormData) => void,
  open = false,
) {
  const f = el('form');
  f.append(...fields, el('button', { type: 'submit', class: 'primary' }, submit));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    run(new FormData(f));
  });
  const d = el('details', open ? { open: '' } : {}, el('summary', {}, title), f);
  return d;
}

const num = (f: FormData, k: string) => {
  const v = String(f.get(k) ?? '').trim();
  return v === '' ? undefined : Number(v);
};
const str = (f: FormData, k: string) => {
  const v = String(f.get(k) ?? '').trim();
  return v === '' ? undefined : v;
};

function actionsFor(v: RowView): HTMLElement[] {
  const ids = v.ids;
  if (v.kind === 'order-line' && ids.orderId !== undefined && ids.line !== undefined) {
    const { orderId, line } = ids;
    return [
      form(
        'Allocate',
        [],
        'Allocate this order',
        () => void act({ action: 'allocate', orderId }, true),
        true,
      ),
      form('Ship', [field('Quantity picked (empty: all allocated)', input('qty', 'number'))], 'Ship', (f) => {
        const qty = num(f, 'qty');
        void act({ action: 'ship', orderId, line, ...(qty === undefined ? {} : { qty }) }, true);
      }),
      form(
        'Split: ship now, backorder the rest',
        [field('Ship now', input('now', 'number', String(Math.min(v.qty.open, v.qty.available))))],
        'Allocate and ship',
        async (f) => {
          await act({ action: 'allocate', orderId }, true);
          const qty = num(f, 'now');
          if (current && current.qty.available >= 0)
            await act({ action: 'ship', orderId, line, ...(qty === undefined ? {} : { qty }) });
        },
      ),
      form(
        'Create a backorder',
        [
          field('Quantity', input('qty', 'number', String(v.qty.open || 1))),
          field('Expected date (optional)', input('date', 'date')),
          field('Reason', input('reason')),
        ],
        'Create backorder',
        (f) =>
          void act({
            action: 'create-backorder',
            orderId,
            line,
            qty: num(f, 'qty') ?? 0,
            ...(str(f, 'date') ? { date: str(f, 'date') as never } : {}),
            ...(str(f, 'reason') ? { reason: str(f, 'reason') } : {}),
          }),
      ),
    ];
  }
  if (v.kind === 'backorder' && ids.backorderId !== undefined) {
    const backorderId = ids.backorderId;
    const message = el('textarea', { readonly: '', 'aria-label': 'Customer message' });
    message.value = v.message;
    const copy = el('button', { type: 'button' }, 'Copy message');
    copy.addEventListener('click', () => {
      message.select();
      void navigator.clipboard?.writeText(message.value).catch(() => document.execCommand('copy'));
    });
    return [
      form(
        'Fulfill',
        [field(`Quantity (empty: all ${v.qty.open})`, input('qty', 'number'))],
        'Fulfill',
        (f) => {
          const qty = num(f, 'qty');
          void act({ action: 'fulfill', backorderId, ...(qty === undefined ? {} : { qty }) }, true);
        },
        true,
      ),
      form(
        'Log a call',
        [
          field('Method', select('method', CALL_METHODS)),
          field('Summary', el('textarea', { name: 'summary' })),
          field("Customer's choice", select('choice', CUSTOMER_CHOICES, true)),
          field('Next follow-up', input('next', 'date')),
        ],
        'Log call',
        (f) =>
          void act({
            action: 'log-call',
            backorderId,
            method: String(f.get('method')) as never,
            summary: String(f.get('summary') ?? ''),
            ...(str(f, 'choice') ? { choice: str(f, 'choice') as never } : {}),
            ...(str(f, 'next') ? { nextFollowUp: str(f, 'next') as never } : {}),
          }),
      ),
      form(
        'Reschedule',
        [field('New expected date', input('date', 'date')), field('Reason', input('reason'))],
        'Reschedule',
        (f) =>
          void act({
            action: 'reschedule',
            backorderId,
            date: String(f.get('date')) as never,
            reason: String(f.get('reason') ?? ''),
          }),
      ),
      form(
        'Cancel',
        [field('Reason', select('reason', CANCEL_REASONS)), field('Note', input('note'))],
        'Cancel backorder',
        (f) =>
          void act({
            action: 'cancel',
            backorderId,
            reason: String(f.get('reason')) as never,
            ...(str(f, 'note') ? { note: str(f, 'note') } : {}),
          }),
      ),
      form(
        'Substitute',
        [
          field('Substitute SKU', v.substitutes.length > 0 ? select('sku', v.substitutes) : input('sku')),
          field('Quantity (empty: all)', input('qty', 'number')),
        ],
        'Substitute',
        (f) => {
          const qty = num(f, 'qty');
          void act({
            action: 'substitute',
            backorderId,
            sku: String(f.get('sku') ?? ''),
            ...(qty === undefined ? {} : { qty }),
          });
        },
      ),
      form(
        'Transfer stock here',
        [
          field('Quantity', input('qty', 'number', String(v.qty.open))),
          field('From warehouse', select('from', v.warehouses)),
        ],
        'Transfer',
        (f) =>
          void act(
            {
              action: 'transfer',
              sku: ids.sku ?? '',
              qty: num(f, 'qty') ?? 0,
              from: String(f.get('from')),
              to: ids.warehouse ?? '',
            },
            true,
          ),
      ),
      form(
        'Drop-ship from the vendor',
        [],
        'Drop-ship',
        () => void act({ action: 'drop-ship', backorderId }),
      ),
      el('details', {}, el('summary', {}, 'Customer message'), message, copy),
    ];
  }
  if (v.kind === 'po-line' && ids.po !== undefined) {
    const po = ids.po;
    const line = ids.line;
    return [
      form(
        `Receive (${v.qty.open} open)`,
        [field('Quantity (empty: all open)', input('qty', 'number'))],
        'Receive',
        (f) => {
          const qty = num(f, 'qty');
          void act({
            action: 'receive',
            po,
            ...(line === undefined ? {} : { line }),
            ...(qty === undefined ? {} : { qty }),
          });
        },
        true,
      ),
    ];
  }
  return [];
}

function listItem(r: ListRow): HTMLElement {
  const jump = el('button', { type: 'button', 'aria-label': `Go to ${r.id}` }, 'Go');
  jump.addEventListener('click', () => void goTo(r.ref));
  return el(
    'li',
    { class: r.overdue ? 'overdue' : '' },
    el(
      'span',
      { class: 'what' },
      `${r.id} · ${r.customer} · ${r.qty} × ${r.sku} · ${r.expected || 'no date'} · ${r.status}`,
    ),
    jump,
  );
}

function render(v: RowView): void {
  current = v;
  $('title').textContent = v.title;
  $('badge').textContent = v.status;
  const facts = $('facts');
  facts.replaceChildren(...v.facts.flatMap(([k, val]) => [el('dt', {}, k), el('dd', {}, val)]));
  $('actions').replaceChildren(...actionsFor(v));
  const related = $('related');
  related.replaceChildren();
  for (const group of v.related) {
    related.append(el('h2', {}, `${group.title} (${group.rows.length})`));
    related.append(el('ul', { class: 'rows' }, ...group.rows.slice(0, 20).map(listItem)));
  }
  if (v.kind === 'backorder') {
    related.append(el('h2', {}, `Calls (${v.calls.length})`));
    related.append(
      el('ul', { class: 'rows' }, ...v.calls.map(([when, what]) => el('li', {}, `${when}: ${what}`))),
    );
  }
  // New buttons take the in-flight state too.
  for (const b of document.querySelectorAll('button')) (b as HTMLButtonElement).disabled = busy > 0;
}

async function load(ref: RowRef | null): Promise<void> {
  const v = await guarded(() => call<RowView>('sidebarView', ref));
  if (v) render(v);
}

async function goTo(ref: RowRef): Promise<void> {
  await guarded(() => call('sidebarJump', ref));
  selection = `${ref.sheet}!${ref.row}`;
  switchTab('row');
  await load(ref);
}

async function poll(): Promise<void> {
  if (busy === 0) {
    try {
      const ref = await call<RowRef | null>('sidebarSelection');
      const key = ref ? `${ref.sheet}!${ref.row}` : '';
      if (key !== selection) {
        selection = key;
        if (ref && ref.row >= 2) await load(ref);
      }
    } catch {
      // A missed poll is retried on the next tick.
    }
  }
  setTimeout(() => void poll(), POLL_MS);
}

function switchTab(which: 'row' | 'list'): void {
  $('tab-row').setAttribute('aria-pressed', String(which === 'row'));
  $('tab-list').setAttribute('aria-pressed', String(which === 'list'));
  $('row-panel').hidden = which !== 'row';
  $('list-panel').hidden = which !== 'list';
}

async function showList(): Promise<void> {
  const f = new FormData($<HTMLFormElement>('filters'));
  const filter = {
    ...(str(f, 'customer') ? { customer: str(f, 'customer') } : {}),
    ...(str(f, 'sku') ? { sku: str(f, 'sku') } : {}),
    ...(str(f, 'rep') ? { rep: str(f, 'rep') } : {}),
    ...(str(f, 'status') ? { status: str(f, 'status') } : {}),
    when: String(f.get('when') ?? 'any'),
  };
  const rows = await guarded(() => call<ListRow[]>('sidebarList', filter));
  if (rows)
    $('list').replaceChildren(...(rows.length ? rows.map(listItem) : [el('li', {}, 'Nothing matches.')]));
}

async function start(): Promise<void> {
  $('tab-row').addEventListener('click', () => switchTab('row'));
  $('tab-list').addEventListener('click', () => {
    switchTab('list');
    void showList();
  });
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    void showList();
  });
  const status = await guarded(() => call<SidebarStatus>('sidebarStatus'));
  if (status) {
    $('status').textContent = `${status.user} · ${status.today}`;
    if (status.lastTriggerFailure) {
      $('failure').textContent = `The daily run failed: ${status.lastTriggerFailure}`;
      $('failure').hidden = false;
    }
  }
  void poll();
}

void start();
