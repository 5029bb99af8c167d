/**
 * The playground behind `npm start`: one local twin spreadsheet served three ways at once. The page
 * (the workbook's tabs as grids, the Extensions menu, the real built Sidebar.html in a 300 px panel)
 * talks to the built Code.js running in the twin's Apps Script runtime; google.script.run is bridged
 * over HTTP (asynchronous, JSON-only, failures carry the server's error, as Google's does). The twin's
 * Sheets API face listens on a second loopback port, and the sync service pulls the demo vendor feed
 * through it on an interval. Every change is saved to the workbook file, atomically.
 */

import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MENU_ITEMS, RPC_NAMES } from '../addon/src/menu-items';
import { columnLetter } from '../shared/sheet/a1';
import { AppsScriptRuntime } from '../twin/apps-script/runtime';
import { SheetsApiTwin } from '../twin/sheets-api';
import type { TwinSpreadsheet } from '../twin/spreadsheet';
import { illegalValueAt, wireCopy } from './page/script-run-payload';
import { sheetVersion, sheetView } from './sheet-view';
import { type SharedFile, UnitsOfWork } from './units-of-work';

export interface PlaygroundOptions {
  readonly twin: TwinSpreadsheet;
  readonly dist: string;
  readonly page: string;
  readonly save: () => Promise<void>;
  /** With it, every request runs under the file's lock on the file as it is (see `exclusive`). */
  readonly file?: SharedFile;
  readonly user?: string;
  readonly now?: () => number;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export class Playground {
  readonly api: SheetsApiTwin;
  readonly token = randomUUID();
  private server: Server | undefined;
  private saving = Promise.resolve();
  private readonly units: UnitsOfWork;

  private constructor(
    private readonly o: PlaygroundOptions,
    /** The built Code.js running in the twin, HtmlService serving the built Sidebar.html. */
    readonly rt: AppsScriptRuntime,
    private readonly files: { page: string; pageJs: string; sidebar: string },
  ) {
    this.api = new SheetsApiTwin({
      tokens: { [this.token]: 'demo-sync-service' },
      onChange: () => this.changed(),
    });
    this.api.add(o.twin);
    this.units = new UnitsOfWork(o.file, () => this.save());
  }

  /** Loads the built add-on (o.dist) and page (o.page) and wires them to the twin. */
  static async open(o: PlaygroundOptions): Promise<Playground> {
    const [code, sidebar, bridge, page, pageJs, manifest] = await Promise.all([
      readFile(join(o.dist, 'Code.js'), 'utf8'),
      readFile(join(o.dist, 'Sidebar.html'), 'utf8'),
      readFile(join(o.page, 'bridge.js'), 'utf8'),
      readFile(join(o.page, 'index.html'), 'utf8'),
      readFile(join(o.page, 'page.js'), 'utf8'),
      readFile(join(o.dist, 'appsscript.json'), 'utf8'),
    ]);
    let playground: Playground | undefined;
    const rt = new AppsScriptRuntime({
      twin: o.twin,
      code,
      files: { Sidebar: sidebar },
      scopes: (JSON.parse(manifest) as { oauthScopes: string[] }).oauthScopes,
      user: o.user ?? 'rep@harbor-supply.example',
      ...(o.now ? { now: o.now } : {}),
      onChange: () => playground?.changed(),
    });
    // The sidebar as Google serves it to the page, with google.script.run bridged to this server.
    const bridged = sidebar.replace('<head>', () => `<head><script>${bridge}</script>`);
    playground = new Playground(o, rt, { page, pageJs, sidebar: bridged });
    return playground;
  }

  /** A change to the twin: saved at the end of the unit of work, or now outside one. */
  changed(): void {
    if (!this.units.changed()) void this.save();
  }

  /** Runs `work` as one unit of work on the shared file (units-of-work.ts). */
  exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    return this.units.run(work);
  }

  /** Saves after a change, one save at a time (the file is written atomically by `save`). */
  save(): Promise<void> {
    this.saving = this.saving.then(() => this.o.save()).catch(() => undefined);
    return this.saving;
  }

  async listen(port: number): Promise<{ url: string; apiUrl: string }> {
    const apiUrl = await this.api.listen(0);
    this.server = createServer((req, res) => {
      // What reads or changes the workbook runs as one unit under the file's lock; the page's static
      // files do not need it.
      const unit = /^\/(api|rpc)\//.test(req.url ?? '/');
      (unit ? this.exclusive(() => this.handle(req, res)) : this.handle(req, res)).catch((e) =>
        json(res, 500, { error: e instanceof Error ? e.message : String(e) }),
      );
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', () => resolve());
    });
    return { url: `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`, apiUrl };
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    await this.api.close();
    await this.saving;
  }

  /** Runs a function of Code.js as Apps Script would, with a JSON round trip on both sides. */
  private run(fn: string, args: unknown[]): { value?: unknown; error?: string } {
    try {
      const value = this.rt.run(fn, ...wireCopy(args));
      // A return value Google cannot carry (a Date, also nested) reaches the page as null.
      return { value: illegalValueAt(value) === undefined ? wireCopy(value) : null };
    } catch (e) {
      return { error: e instanceof Error ? e.message.replace(/^Exception: /, '') : String(e) };
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://playground');
    const path = url.pathname;
    const send = (type: string, text: string) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(text);
    };
    if (req.method === 'GET' && path === '/') return send('text/html; charset=utf-8', this.files.page);
    if (req.method === 'GET' && path === '/page.js')
      return send('text/javascript; charset=utf-8', this.files.pageJs);
    if (req.method === 'GET' && path === '/sidebar')
      return send('text/html; charset=utf-8', this.files.sidebar);
    if (req.method === 'GET' && path === '/api/workbook')
      return json(res, 200, {
        title: this.o.twin.file.properties.title,
        sheets: this.o.twin.file.sheets.filter((s) => !s.properties.hidden).map((s) => s.properties.title),
        menu: MENU_ITEMS,
        active: this.rt.env.active ?? null,
      });
    if (req.method === 'GET' && path.startsWith('/api/sheet/')) {
      // The page asks every few seconds with the version it shows: an unchanged tab is one short
      // answer, not the whole tab again (the Log is megabytes).
      const name = decodeURIComponent(path.slice('/api/sheet/'.length));
      const version = sheetVersion(this.o.twin, name);
      if (url.searchParams.get('since') === version) return json(res, 200, { unchanged: true, version });
      return json(res, 200, { ...sheetView(this.o.twin, name), version });
    }
    if (req.method === 'POST' && path.startsWith('/rpc/')) {
      const fn = path.slice('/rpc/'.length);
      if (!(RPC_NAMES as readonly string[]).includes(fn))
        return json(res, 404, { error: `No server function ${fn}` });
      const args = (await body(req)) as unknown[];
      return json(res, 200, this.run(fn, Array.isArray(args) ? args : []));
    }
    if (req.method === 'POST' && path.startsWith('/api/menu/')) {
      const fn = path.slice('/api/menu/'.length);
      if (!MENU_ITEMS.some(([, f]) => f === fn)) return json(res, 404, { error: `No menu item ${fn}` });
      const b = (await body(req)) as { prompt?: string; confirm?: boolean };
      const ui = this.rt.ui;
      const seen = { alerts: ui.alerts.length, dialogs: ui.dialogs.length, toasts: this.rt.toasts.length };
      ui.promptAnswers.length = 0;
      ui.alertAnswers.length = 0;
      if (b.prompt !== undefined) ui.promptAnswers.push({ button: 'OK', text: String(b.prompt) });
      if (b.confirm !== undefined) ui.alertAnswers.push(b.confirm ? 'YES' : 'NO');
      const out = this.run(fn, []);
      return json(res, 200, {
        ...out,
        alerts: ui.alerts.slice(seen.alerts),
        dialogs: ui.dialogs.slice(seen.dialogs),
        toasts: this.rt.toasts.slice(seen.toasts),
      });
    }
    if (req.method === 'POST' && path === '/api/select') {
      const b = (await body(req)) as { sheet: string; row: number };
      const sheet = this.o.twin.sheetNamed(String(b.sheet));
      this.rt.env.active = {
        sheetId: sheet.properties.sheetId,
        row: Number(b.row) - 1,
        col: 0,
        rows: 1,
        cols: 1,
      };
      return json(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/api/edit') {
      const b = (await body(req)) as { sheet: string; row: number; col: number; value: string };
      const view = sheetView(this.o.twin, String(b.sheet));
      const owner = view.owners[Number(b.col)];
      if (!owner?.startsWith('user') || Number(b.row) < 2)
        return json(res, 403, {
          error: `${b.sheet} column ${view.values[0]?.[Number(b.col)]} is kept by Backorder Desk (${owner}); use the sidebar`,
        });
      const list = view.lists[Number(b.col)];
      if (list && b.value !== '' && !list.includes(b.value))
        return json(res, 400, { error: `Expected one of ${list.join(', ')}, got "${b.value}"` });
      // A person's typing is data: the twin stores it as Sheets would with USER_ENTERED, but text that
      // looks like a formula is kept as text (the apostrophe Sheets users type).
      const value = /^[=+\-@]/.test(b.value) ? `'${b.value}` : b.value;
      this.o.twin.write(
        `'${b.sheet}'!${columnLetter(Number(b.col))}${Number(b.row)}`,
        [[value]],
        'USER_ENTERED',
      );
      this.changed();
      return json(res, 200, { ok: true });
    }
    if (req.method === 'GET' && path.startsWith('/api/invoices/')) {
      const format = path.slice('/api/invoices/'.length);
      const out = this.run('exportInvoicesCsv', [format]);
      if (out.error) return json(res, 409, { error: out.error });
      // Every file of a split export goes to the page: marking all lines Exported and delivering one
      // file would lose the others.
      const files = out.value as { name: string; csv: string; batch: number }[];
      if (files.length === 0) return json(res, 409, { error: 'No invoice file was produced' });
      const batch = files[0]?.batch ?? 0;
      return json(res, 200, {
        files: files.map(({ name, csv }) => ({ name, csv })),
        note: `Export batch ${batch}: ${files.length} files (the importer's limit per file). Save each one; the lines are marked Exported, and a lost file can be exported again from Extensions → Export invoices for ${format === 'xero' ? 'Xero' : 'QuickBooks'}… ("again ${batch}").`,
      });
    }
    json(res, 404, { error: `Nothing at ${path}` });
  }
}
