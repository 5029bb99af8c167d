/**
 * The playground page: the workbook's tabs as grids (frozen header, formula results, dropdowns,
 * conditional colours, protected columns marked), the Extensions menu, and the sidebar beside them.
 * Clicking a row selects it in the twin, which the sidebar follows as it does in Sheets. Every value is
 * set as text. The grid refreshes when a sidebar call returns, and every few seconds for the sync service.
 */
import { chartSvg, type SheetView } from './sheet-chart';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let sheetName = 'Orders';
let selectedRow = 0;
let editing = false;

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  const out = (await r.json()) as T & { error?: string };
  if (!r.ok && out.error) throw new Error(out.error);
  return out;
}

function toast(text: string): void {
  const t = $('toast');
  t.textContent = text;
  t.hidden = false;
  setTimeout(() => (t.hidden = true), 6000);
}

function dialog(text: string, html?: string, height = 0): void {
  $('dialog-text').textContent = text;
  const frame = $('dialog-frame');
  frame.replaceChildren();
  if (html) {
    // The add-on's own dialog page (links built from file names and base64), sandboxed.
    const f = document.createElement('iframe');
    f.setAttribute('sandbox', 'allow-downloads');
    f.srcdoc = html;
    // As tall as the add-on asked for (HtmlOutput.setHeight), so every link of a split export shows.
    f.style.cssText = `width:100%;height:${Math.max(120, height)}px;border:0`;
    frame.append(f);
  }
  $('dialog').hidden = false;
}

function renderSheet(v: SheetView): void {
  const table = $<HTMLTableElement>('table');
  const [first = [], ...rows] = v.values;
  // A report tab (Aging) has rows wider than its title row: the grid is as wide as its widest row.
  const width = Math.max(first.length, ...rows.map((r) => r.length));
  const header = Array.from({ length: width }, (_, c) => first[c] ?? '');
  // The Status column stays in view at the grid's right edge, however far the tab scrolls.
  const pinned = header.indexOf('Status');
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  hr.append(Object.assign(document.createElement('th'), { className: 'rownum', textContent: '' }));
  header.forEach((h, c) => {
    const th = document.createElement('th');
    th.textContent = h;
    const owner = v.owners[c] ?? '';
    if (!owner.startsWith('user') && owner !== 'report') {
      th.classList.add('protected');
      th.title = `Kept by Backorder Desk (${owner})`;
    }
    if (v.lists[c]) th.classList.add('list');
    if (c === pinned) th.classList.add('pinned');
    hr.append(th);
  });
  head.append(hr);
  const bodyEl = document.createElement('tbody');
  rows.forEach((r, i) => {
    const rowNumber = i + 2;
    const tr = document.createElement('tr');
    tr.dataset.row = String(rowNumber);
    if (rowNumber === selectedRow) tr.classList.add('selected');
    const color = v.colors[rowNumber];
    if (color) tr.style.background = color;
    tr.append(
      Object.assign(document.createElement('th'), { className: 'rownum', textContent: String(rowNumber) }),
    );
    header.forEach((_, c) => {
      const td = document.createElement('td');
      td.textContent = r[c] ?? '';
      if ((v.owners[c] ?? '').startsWith('user')) td.classList.add('editable');
      if (c === pinned) {
        td.classList.add('pinned');
        td.style.background = color ?? '#fff';
      }
      td.addEventListener('dblclick', () => edit(td, v, rowNumber, c));
      tr.append(td);
    });
    tr.addEventListener('click', () => void select(rowNumber));
    bodyEl.append(tr);
  });
  table.replaceChildren(head, bodyEl);
  $('chart').replaceChildren(...v.charts.map(chartSvg));
  $('where').textContent =
    `${v.name}: ${rows.length} rows${selectedRow ? ` · row ${selectedRow} selected` : ''}`;
  // The row colours this tab uses, each a swatch with its meaning (text, never HTML).
  $('colours').replaceChildren(
    ...v.legend.map((l) => {
      const swatch = Object.assign(document.createElement('span'), {
        className: 'swatch',
        textContent: l.meaning,
      });
      swatch.style.background = l.background;
      return swatch;
    }),
  );
}

function edit(td: HTMLTableCellElement, v: SheetView, row: number, col: number): void {
  if (!(v.owners[col] ?? '').startsWith('user'))
    return void toast('This column is kept by Backorder Desk: use the sidebar.');
  editing = true;
  const list = v.lists[col];
  const input = list ? document.createElement('select') : document.createElement('input');
  if (input instanceof HTMLSelectElement && list)
    for (const o of ['', ...list])
      input.append(Object.assign(document.createElement('option'), { value: o, textContent: o }));
  input.value = td.textContent ?? '';
  td.replaceChildren(input);
  input.focus();
  const done = async (commit: boolean) => {
    editing = false;
    if (commit)
      try {
        await getJson('/api/edit', {
          method: 'POST',
          body: JSON.stringify({ sheet: v.name, row, col, value: input.value }),
        });
      } catch (e) {
        toast((e as Error).message);
      }
    // The cell holds the editor until the tab is drawn again, changed or not.
    shownVersion = '';
    await refresh();
  };
  input.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') void done(true);
    if ((e as KeyboardEvent).key === 'Escape') void done(false);
  });
  input.addEventListener('blur', () => void done(true), { once: true });
}

async function select(row: number): Promise<void> {
  selectedRow = row;
  await getJson('/api/select', { method: 'POST', body: JSON.stringify({ sheet: sheetName, row }) });
  for (const tr of document.querySelectorAll('tbody tr'))
    tr.classList.toggle('selected', (tr as HTMLElement).dataset.row === String(row));
  $('where').textContent = `${sheetName}: row ${row} selected`;
}

/** The version of the tab on screen (the server answers "unchanged" to it) and each tab's scroll. */
let shownVersion = '';
const scrolls = new Map<string, { top: number; left: number }>();

async function refresh(): Promise<void> {
  if (editing) return;
  const name = sheetName;
  const since = shownVersion ? `?since=${encodeURIComponent(shownVersion)}` : '';
  const v = await getJson<(SheetView & { version: string }) | { unchanged: true; version: string }>(
    `/api/sheet/${encodeURIComponent(name)}${since}`,
  );
  // A tab changed meanwhile (the person clicked another) answers for the old one: dropped.
  if (name !== sheetName || 'unchanged' in v) return;
  renderSheet(v);
  shownVersion = v.version;
}

async function openTab(name: string): Promise<void> {
  const grid = $('grid');
  scrolls.set(sheetName, { top: grid.scrollTop, left: grid.scrollLeft });
  sheetName = name;
  shownVersion = '';
  selectedRow = 0;
  for (const b of document.querySelectorAll('#tabs button'))
    b.setAttribute('aria-selected', String((b as HTMLElement).textContent === name));
  await refresh();
  // Each tab opens where it was left, a tab not opened before at its top.
  const at = scrolls.get(name) ?? { top: 0, left: 0 };
  grid.scrollTop = at.top;
  grid.scrollLeft = at.left;
}

/** Export invoices for an importer: OK exports the new lines; "again 3" a batch again. */
function exportAsk(importer: string): { prompt: string } | null {
  const typed = window.prompt(
    `Export invoices for ${importer}: OK exports every line not exported yet. To export a batch again, type "again" and its number.`,
    '',
  );
  return typed === null ? null : { prompt: typed };
}

const ASKS: Record<string, (() => { prompt?: string; confirm?: boolean } | null) | undefined> = {
  menuReceivePo: () => {
    const po = window.prompt('Receive PO: PO number to receive in full');
    return po === null ? null : { prompt: po };
  },
  menuExportQuickBooks: () => exportAsk('QuickBooks Online'),
  menuExportXero: () => exportAsk('Xero'),
  menuReorder: () => ({
    confirm: window.confirm('Create purchase orders for every SKU under its reorder point?'),
  }),
  menuCheckWorkbook: () => ({ confirm: false }),
};

async function runMenu(fn: string): Promise<void> {
  $('extensions').classList.remove('open');
  if (fn === 'menuOpenSidebar')
    return void ($('sidebar') as HTMLIFrameElement).contentWindow?.location.reload();
  const ask = ASKS[fn]?.();
  if (ask === null) return;
  const out = await getJson<{
    error?: string;
    alerts: string[];
    toasts: string[];
    dialogs: { title: string; html: string; height?: number }[];
  }>(`/api/menu/${fn}`, { method: 'POST', body: JSON.stringify(ask ?? {}) });
  if (out.error) dialog(out.error);
  for (const t of out.toasts) toast(t);
  const shown = out.alerts.filter((a) => !a.startsWith('prompt:'));
  if (out.dialogs.length > 0)
    dialog(out.dialogs.map((d) => d.title).join('\n'), out.dialogs[0]?.html, out.dialogs[0]?.height);
  else if (shown.length > 0) dialog(shown.join('\n\n'));
  const list = await getJson<{ sheets: string[] }>('/api/workbook');
  renderTabs(list.sheets);
  await refresh();
}

function renderTabs(sheets: string[]): void {
  $('tabs').replaceChildren(
    ...sheets.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('aria-selected', String(s === sheetName));
      b.textContent = s;
      b.addEventListener('click', () => void openTab(s));
      return b;
    }),
  );
}

async function start(): Promise<void> {
  const wb = await getJson<{ title: string; sheets: string[]; menu: [string, string][] }>('/api/workbook');
  $('title').textContent = wb.title;
  renderTabs(wb.sheets);
  const menu = $('extensions');
  menu.querySelector('ul')?.replaceChildren(
    ...wb.menu.map(([label, fn]) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', () => void runMenu(fn));
      li.append(b);
      return li;
    }),
  );
  menu.querySelector('button')?.addEventListener('click', () => menu.classList.toggle('open'));
  $('dialog-close').addEventListener('click', () => ($('dialog').hidden = true));
  for (const id of ['qbo', 'xero'])
    $(id).addEventListener('click', async (e) => {
      // A failed export (nothing to export) is shown as a message instead of downloading an error.
      e.preventDefault();
      const r = await fetch(($(id) as HTMLAnchorElement).href);
      const out = (await r.json()) as {
        error?: string;
        files?: { name: string; csv: string }[];
        note?: string;
      };
      if (!r.ok || !out.files) return dialog(out.error ?? 'No invoice file was produced');
      const links = out.files.map((f) => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([f.csv], { type: 'text/csv' }));
        a.download = f.name;
        a.textContent = f.name;
        return a;
      });
      // One file downloads at once; a split export lists every file, each its own download.
      if (links.length === 1) return void links[0]?.click();
      dialog(out.note ?? '');
      const list = document.createElement('ul');
      list.id = 'invoice-files';
      for (const a of links) {
        const li = document.createElement('li');
        li.append(a);
        list.append(li);
      }
      $('dialog-frame').append(list);
    });
  await openTab(wb.sheets.includes('Orders') ? 'Orders' : (wb.sheets[0] ?? ''));
  setInterval(() => void refresh(), 4000);
  // The sidebar's bridge says when a server call returned: what it wrote shows at once.
  window.addEventListener('message', (e) => {
    const sidebar = ($('sidebar') as HTMLIFrameElement).contentWindow;
    if (e.source === sidebar && (e.data as { type?: string } | null)?.type === 'backorder-desk:ran')
      void refresh();
  });
}

void start();
