/**
 * The twin's Sheets API v4 face on loopback HTTP: the routes the sync service's googleapis client
 * calls, with Google's request and response shapes and error bodies
 * (`{"error":{"code":400,"message":…,"status":"INVALID_ARGUMENT"}}`). A missing or unknown bearer
 * token is 401, an unknown spreadsheet 404, a bad range 400. For tests: per-route fault schedules
 * (429/500/503, delays, "commit then drop the connection"), a per-principal limit of 60 requests a
 * minute answered with 429 like the real quota, and a log of every request.
 * https://developers.google.com/sheets/api/reference/rest
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { batchUpdate } from './batch-update';
import { TwinError } from './errors';
import type { ReadOptions, TwinSpreadsheet } from './spreadsheet';

export interface Fault {
  /** Matched against "METHOD path" (path without the query), e.g. /values:batchUpdate/. */
  readonly route?: RegExp;
  readonly status?: 401 | 403 | 429 | 500 | 503;
  readonly delayMs?: number;
  /** Apply the request, then destroy the socket before answering (a lost response). */
  readonly dropAfterCommit?: boolean;
  /** How many matching requests it hits (default 1; unlimited inside a time window). */
  times?: number;
  /** A window on the twin's clock (ms) when the fault is live; outside it the fault is skipped. */
  readonly from?: number;
  readonly until?: number;
  /** Hit only every n-th matching request inside the window (2 = half of them). */
  readonly every?: number;
  /** Internal: matching requests seen, for `every`. */
  seen?: number;
}

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly bodyBytes: number;
  /** The response body's bytes (what a read downloads). */
  readonly responseBytes?: number;
  readonly status: number;
  readonly ms: number;
  readonly principal: string;
  /** The request body as JSON, kept for the requests a test asks for (see `keepBodies`). */
  readonly body?: unknown;
}

export interface SheetsApiOptions {
  /** Accepted bearer tokens → principal (who the quota counts against). */
  readonly tokens: Record<string, string>;
  /** Requests per minute per principal; past it, 429 (default 60, like the real quota). */
  readonly perMinute?: number;
  /** Called after every request that changed a spreadsheet (the twin saves its file here). */
  readonly onChange?: (spreadsheet: TwinSpreadsheet) => Promise<void> | void;
  readonly now?: () => number;
  /** Keep each request's parsed JSON body in the log (tests that inspect what was written). */
  readonly keepBodies?: boolean;
}

const INJECTED: Record<number, string> = {
  401: 'Request had invalid authentication credentials (injected).',
  403: 'The caller does not have permission (injected).',
  429: 'Quota exceeded (injected).',
  500: 'Internal error encountered (injected).',
  503: 'The service is currently unavailable (injected).',
};

const REASON: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export class SheetsApiTwin {
  readonly log: RequestRecord[] = [];
  readonly faults: Fault[] = [];
  private readonly spreadsheets = new Map<string, TwinSpreadsheet>();
  private readonly windows = new Map<string, number[]>();
  private server: Server | undefined;

  constructor(private readonly options: SheetsApiOptions) {}

  add(spreadsheet: TwinSpreadsheet): void {
    this.spreadsheets.set(spreadsheet.id, spreadsheet);
  }

  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://twin');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    let principal = '';
    const finish = (status: number, payload: unknown) => {
      const text = JSON.stringify(payload);
      this.log.push({
        method,
        path,
        bodyBytes: Buffer.byteLength(body),
        responseBytes: Buffer.byteLength(text),
        status,
        ms: Date.now() - started,
        principal,
        ...(this.options.keepBodies && body ? { body: safeParse(body) } : {}),
      });
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(text);
    };
    const fail = (status: number, message: string) =>
      finish(status, { error: { code: status, message, status: REASON[status] ?? 'INTERNAL' } });
    try {
      principal = this.authenticate(req.headers.authorization);
      const fault = this.takeFault(`${method} ${path}`);
      if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault?.status) return fail(fault.status, INJECTED[fault.status] as string);
      this.rateLimit(principal);
      const result = await this.route(method, path, url.searchParams, body ? JSON.parse(body) : {});
      if (fault?.dropAfterCommit) {
        this.log.push({
          method,
          path,
          bodyBytes: Buffer.byteLength(body),
          status: 0,
          ms: Date.now() - started,
          principal,
        });
        req.socket.destroy();
        return;
      }
      finish(200, result);
    } catch (e) {
      if (e instanceof TwinError) return fail(e.status, e.message);
      if (e instanceof SyntaxError) return fail(400, `Invalid JSON payload received. ${e.message}`);
      fail(500, 'Internal error encountered.');
    }
  }

  private authenticate(header: string | undefined): string {
    const m = /^Bearer (.+)$/.exec(header ?? '');
    if (!m)
      throw new TwinError(
        401,
        'UNAUTHENTICATED',
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    const who = this.options.tokens[m[1] as string];
    if (!who)
      throw new TwinError(
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    return who;
  }

  private takeFault(route: string): Fault | undefined {
    const now = (this.options.now ?? Date.now)();
    for (const [at, f] of this.faults.entries()) {
      if (f.route && !f.route.test(route)) continue;
      const windowed = f.from !== undefined || f.until !== undefined;
      if (windowed && ((f.from !== undefined && now < f.from) || (f.until !== undefined && now >= f.until)))
        continue;
      f.seen = (f.seen ?? 0) + 1;
      if (f.every && f.seen % f.every !== 0) continue;
      if (!windowed) {
        f.times = (f.times ?? 1) - 1;
        if (f.times <= 0) this.faults.splice(at, 1);
      }
      return f;
    }
    return undefined;
  }

  private rateLimit(principal: string): void {
    const now = (this.options.now ?? Date.now)();
    const window = (this.windows.get(principal) ?? []).filter((t) => now - t < 60_000);
    if (window.length >= (this.options.perMinute ?? 60)) {
      this.windows.set(principal, window);
      throw new TwinError(
        429,
        'RESOURCE_EXHAUSTED',
        "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user' of service 'sheets.googleapis.com'.",
      );
    }
    window.push(now);
    this.windows.set(principal, window);
  }

  private spreadsheet(id: string): TwinSpreadsheet {
    const s = this.spreadsheets.get(id);
    if (!s) throw new TwinError(404, 'NOT_FOUND', 'Requested entity was not found.');
    return s;
  }

  private async route(
    method: string,
    path: string,
    q: URLSearchParams,
    body: Record<string, unknown>,
  ): Promise<unknown> {
    const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(path);
    if (!m) throw new TwinError(404, 'NOT_FOUND', `Method not found: ${path}`);
    const s = this.spreadsheet(m[1] as string);
    const rest = m[2] as string;
    const read = (): ReadOptions => ({
      valueRenderOption: (q.get('valueRenderOption') ?? undefined) as ReadOptions['valueRenderOption'],
      dateTimeRenderOption: (q.get('dateTimeRenderOption') ??
        undefined) as ReadOptions['dateTimeRenderOption'],
      majorDimension: (q.get('majorDimension') ?? undefined) as ReadOptions['majorDimension'],
    });
    const input = (v: unknown) => {
      if (v !== 'RAW' && v !== 'USER_ENTERED')
        throw new TwinError(
          400,
          'INVALID_ARGUMENT',
          "Invalid valueInputOption: expected 'RAW' or 'USER_ENTERED'",
        );
      return v;
    };
    const changed = async <T>(out: T) => {
      await this.options.onChange?.(s);
      return out;
    };
    if (method === 'GET' && rest === '') return s.describe(q.get('fields') ?? undefined);
    if (method === 'POST' && rest === ':batchUpdate')
      return changed(batchUpdate(s, (body.requests ?? []) as never[]));
    if (method === 'GET' && rest === '/values:batchGet')
      return { spreadsheetId: s.id, valueRanges: q.getAll('ranges').map((r) => s.read(r, read())) };
    if (method === 'POST' && rest === '/values:batchUpdate') {
      const option = input(body.valueInputOption);
      const data = (body.data ?? []) as { range: string; values: unknown[][] }[];
      // All ranges are checked before any is written: one bad range changes nothing.
      const before = structuredClone(s.file);
      try {
        const responses = data.map((d) => s.write(d.range, d.values ?? [], option));
        return changed({
          spreadsheetId: s.id,
          totalUpdatedRows: responses.reduce((n, r) => n + r.updatedRows, 0),
          totalUpdatedCells: responses.reduce((n, r) => n + r.updatedCells, 0),
          totalUpdatedSheets: new Set(responses.map((r) => r.updatedRange.split('!')[0])).size,
          responses,
        });
      } catch (e) {
        s.file = before;
        throw e;
      }
    }
    if (method === 'POST' && rest === '/values:batchClear')
      return changed({
        spreadsheetId: s.id,
        clearedRanges: ((body.ranges ?? []) as string[]).map((r) => s.clear(r).clearedRange),
      });
    const values = /^\/values\/(.+?)(:append|:clear)?$/.exec(rest);
    if (values) {
      const range = values[1] as string;
      if (method === 'GET' && !values[2]) return s.read(range, read());
      if (method === 'PUT' && !values[2])
        return changed(s.write(range, (body.values ?? []) as unknown[][], input(q.get('valueInputOption'))));
      if (method === 'POST' && values[2] === ':append')
        return changed(s.append(range, (body.values ?? []) as unknown[][], input(q.get('valueInputOption'))));
      if (method === 'POST' && values[2] === ':clear') return changed(s.clear(range));
    }
    throw new TwinError(404, 'NOT_FOUND', `Method not found: ${method} ${path}`);
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
