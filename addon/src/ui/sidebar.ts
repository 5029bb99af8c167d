/**
 * The sidebar (runs in the browser, inside Google's sandboxed iframe). It follows the selected row by
 * polling sidebarFollow (the selection, and a new row's view in the same call), shows the row's view and the actions that fit it, and sends
 * every action with the row versions it showed, so a stale click is refused by the server. Every value
 * from the sheet is set as text (textContent, input values), never as HTML. The Lists tab is
 * list-panel.ts. Buttons are disabled while
 * a call is in flight; every failure shows the server's reason.
 */
import type { Command } from '../../../shared/commands/schema';
import type { SearchMemory } from '../../../shared/io/search-memory';
import type { ActionReply, FollowReply, RowRef, RowView, SidebarStatus } from '../../../shared/sidebar/rpc';
import { actionsFor } from './actions';
import { $, el } from './dom';
import { listPanel } from './list-panel';
import { listReader } from './list-reader';
import { probe } from './probe';
import { ViewCache } from './view-cache';
import { viewReader } from './view-reader';
import { failureText, whileBusy } from './while-busy';
import { working } from './working';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [fn: string]: unknown;
}
declare const google: { script: { run: Runner } };

const POLL_MS = 1500;
let busy = 0;
let current: RowView | null = null;
const views = new ViewCache();
let selection = '';
/**
 * The searches of the last view the server sent (a view's or an action's reply): sent with the next
 * view, whose rows for the same keys (the same order, the same SKU's queue) are then read without
 * searching again (shared/io/search-memory.ts).
 */
let recent: SearchMemory | undefined;

/** A view fresh from the server: kept for a revisit, and its searches for the next view. */
function received(v: RowView): void {
  views.put(v);
  if (v.memory) recent = v.memory;
}

/** google.script.run as a promise (asynchronous, JSON-only arguments, the server's error on failure). */
function call<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler(reject);
    (runner[fn] as (...a: unknown[]) => void)(...args);
  });
}

/** Views read in three calls sent at once where Google runs them side by side (view-reader.ts). */
const reader = viewReader(call);

// The speed probe for a real Sheet, run from the browser console (ui/probe.ts); logs its report.
(globalThis as { backorderDeskProbe?: () => Promise<unknown> }).backorderDeskProbe = async () => {
  const report = await probe(call);
  console.log(JSON.stringify(report));
  return report;
};

function setBusy(on: boolean): void {
  busy += on ? 1 : -1;
  for (const b of document.querySelectorAll('button')) (b as HTMLButtonElement).disabled = busy > 0;
}

/**
 * The answer to the last action, at the top of the sidebar where the eye is: done (notice), refused
 * (error, with the server's reason once), or busy; it stays until the next action.
 */
function show(id: 'error' | 'notice', text: string): void {
  const box = $('error' === id ? 'error' : 'notice');
  box.textContent = text;
  box.hidden = text === '';
  if (id === 'notice') $('error').hidden = true;
  if (text !== '') $('answer').scrollIntoView?.({ block: 'nearest' });
}

async function guarded<T>(
  work: () => Promise<T>,
  answer = true,
  requestId?: string,
  what?: string,
): Promise<T | undefined> {
  setBusy(true);
  // The last answer goes as the next action starts, so it is never read as this one's.
  if (answer) show('notice', '');
  const done = working(call, requestId, what);
  try {
    return await work();
  } catch (e) {
    show('error', failureText(e));
    return undefined;
  } finally {
    done();
    setBusy(false);
  }
}

const requestId = () => `sb-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** One action, tried again (same RequestID) while another rep's action holds the document lock. */
function callAction(request: object, ref: unknown): Promise<ActionReply> {
  return whileBusy(
    (attempt) => call<ActionReply>('sidebarAction', { ...request, attempt }, ref),
    (attempt, of) =>
      show('notice', `Another action is running on this spreadsheet; trying again (${attempt} of ${of})…`),
  );
}

async function act(command: Command, withStock = false): Promise<boolean> {
  const view = current;
  if (!view) return false;
  const expected = withStock ? view.expectedWithStock : view.expected;
  // The view's searches go with it: the action reads the rows it found without searching again.
  const request = {
    command: { ...command, expected },
    requestId: requestId(),
    ...(view.memory ? { memory: view.memory } : {}),
  };
  const c = command as Partial<Record<'orderId' | 'backorderId' | 'po' | 'line', string | number>>;
  const what = `${command.action} ${c.orderId ?? c.backorderId ?? c.po ?? ''}${c.line === undefined ? '' : ` line ${c.line}`}`;
  const reply = await guarded(() => callAction(request, view.ref), true, request.requestId, what);
  if (!reply) return false;
  show('notice', reply.messages.join('\n') || `${command.action} done (${reply.logId})`);
  received(reply.view);
  render(reply.view);
  // The kept list says what was done to its entry, with the status the reply shows for it.
  if (c.backorderId !== undefined) {
    const own = reply.view.kind === 'backorder' && reply.view.title.startsWith(`${c.backorderId}:`);
    lists.acted(String(c.backorderId), command.action, own ? reply.view.status : undefined);
  }
  return true;
}

/**
 * While the rep fills in an order's form, or reads a held order's row (its release form is shown
 * open), the rows its action will read are found (`sidebarPrepare`); the view the action is sent
 * from then carries those searches, so the action reads its rows by row number. Nothing is prepared
 * while a call is in flight (a revisit's kept view is shown while the fresh one is read, and the
 * fresh one is rendered, and prepared, next); a preparation that comes back after the rep moved on
 * is dropped.
 */
function prepare(command: Command): void {
  const view = current;
  if (!view?.ref || busy > 0) return;
  const request = { command, ...(view.memory ? { memory: view.memory } : {}) };
  call<{ memory?: SearchMemory }>('sidebarPrepare', request, view.ref)
    .then((r) => {
      if (r.memory && current === view) current = { ...view, memory: r.memory };
    })
    .catch(() => undefined);
}

function render(v: RowView): void {
  current = v;
  $('title').textContent = v.title;
  $('badge').textContent = v.status;
  const facts = $('facts');
  facts.replaceChildren(...v.facts.flatMap(([k, val]) => [el('dt', {}, k), el('dd', {}, val)]));
  $('actions').replaceChildren(...actionsFor(v, act, prepare));
  const related = $('related');
  related.replaceChildren();
  for (const group of v.related) {
    related.append(el('h2', {}, `${group.title} (${group.rows.length})`));
    related.append(el('ul', { class: 'rows' }, ...group.rows.slice(0, 20).map((r) => lists.item(r))));
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

/**
 * The row's view: the one shown last for it at once (buttons still disabled), then the fresh one
 * read from the spreadsheet (view-cache.ts).
 */
async function load(ref: RowRef | null): Promise<void> {
  const v = await guarded(() => {
    const seen = views.get(ref);
    if (seen) render(seen);
    return reader.view(ref, recent);
  }, false);
  if (v) {
    received(v);
    render(v);
  }
}

/** The row panel while a row's first view is read: its name, and nothing of the row shown before. */
function loading(what: string): void {
  current = null;
  $('title').textContent = `${what}…`;
  $('badge').textContent = '';
  for (const id of ['facts', 'actions', 'related']) $(id).replaceChildren();
}

/**
 * A list entry's "Go": the row's last view at once when the sidebar has one (else its name while it
 * is read), then in one call the selection moved to the row and its fresh view (`sidebarGo`).
 */
async function goTo(ref: RowRef, what: string): Promise<void> {
  switchTab('row');
  const reply = await guarded(() => {
    const seen = views.get(ref);
    if (seen) render(seen);
    else loading(what);
    return reader.go(ref, recent);
  }, false);
  if (!reply) return;
  selection = `${ref.sheet}!${ref.row}`;
  if (reply.view) {
    received(reply.view);
    render(reply.view);
  }
}

/**
 * Follows the selection: the poll brings the new row's view in the same call when the sidebar has
 * none of it (one round trip for a click on a row); a row it has a view of is shown at once and
 * confirmed.
 */
async function poll(): Promise<void> {
  if (busy === 0) {
    try {
      const { ref, view } = await call<FollowReply>('sidebarFollow', {
        shown: selection,
        cached: views.keys(),
        ...(recent ? { memory: recent } : {}),
      });
      const key = ref ? `${ref.sheet}!${ref.row}` : '';
      if (key !== selection) {
        selection = key;
        if (view) {
          received(view);
          render(view);
        } else if (ref && ref.row >= 2) await load(ref);
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

const lists = listPanel({ list: listReader(call, reader), guarded, goTo });

async function start(): Promise<void> {
  $('tab-row').addEventListener('click', () => switchTab('row'));
  $('tab-list').addEventListener('click', () => {
    switchTab('list');
    lists.reopen();
  });
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    void lists.read();
  });
  const status = await guarded(() => call<SidebarStatus>('sidebarStatus'), false);
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
