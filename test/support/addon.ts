/**
 * The built add-on in the twin, as tests drive it: builds addon/dist once per test file, loads the
 * real Code.js and Sidebar.html into an Apps Script runtime over a fresh spreadsheet (virtual clock
 * 2026-11-23 10:00 New York), and offers what a person does in Sheets: run a menu item, type rows
 * into a tab, select a row, call a sidebar function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { newWorkbookFile, type WorkbookFile, workbookFileOf } from '../../local-store/workbook-file';
import { simulateDemo } from '../../shared/demo/simulate';
import type { IsoDate } from '../../shared/primitives/dates';
import { renderWorkbook } from '../../shared/setup/render-workbook';
import { normalizeHeader } from '../../shared/sheet/columns';
import { AppsScriptRuntime } from '../../twin/apps-script/runtime';
import type { ProjectState } from '../../twin/apps-script/services';
import { TwinSpreadsheet } from '../../twin/spreadsheet';

export const NOW = Date.parse('2026-11-23T15:00:00Z');
const dist = join(__dirname, '../../addon/dist');

interface Built {
  code: string;
  files: Record<string, string>;
  /** The manifest's oauthScopes: the twin enforces them as Apps Script does. */
  scopes: string[];
}

let built: Promise<Built> | undefined;

/**
 * The add-on as test/support/global-setup.ts built it before any file ran, read once per test file
 * (vitest isolates files) as Apps Script would get it.
 */
export function builtAddon(): Promise<Built> {
  built ??= (async () => {
    const { outputs } = inject('addonBuild');
    const files: Record<string, string> = {};
    for (const f of outputs)
      if (f.endsWith('.html')) files[f.replace(/\.html$/, '')] = readFileSync(join(dist, f), 'utf8');
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    return { code: readFileSync(join(dist, 'Code.js'), 'utf8'), files, scopes: manifest.oauthScopes };
  })();
  return built;
}

export interface Desk {
  readonly twin: TwinSpreadsheet;
  readonly rt: AppsScriptRuntime;
  run<T = unknown>(fn: string, ...args: unknown[]): T;
  /** Types rows under a tab's headers (by header name), as a person pasting them would. */
  type(tab: string, rows: Record<string, unknown>[]): void;
  select(tab: string, row: number): void;
  /** A tab's rows as objects by header (computed formula values included). */
  rows(tab: string): Record<string, unknown>[];
}

export async function openDesk(
  options: { file?: WorkbookFile; user?: string; now?: () => number; project?: ProjectState } = {},
): Promise<Desk> {
  const { code, files, scopes } = await builtAddon();
  const file = options.file ?? newWorkbookFile('Add-on test', 'America/New_York');
  const now = options.now ?? (() => NOW);
  const twin = new TwinSpreadsheet(file, () => new Date(now()));
  const rt = new AppsScriptRuntime({
    twin,
    code,
    files,
    scopes,
    ...(options.project ? { project: options.project } : {}),
    user: options.user ?? 'rep@harbor.example',
    now,
  });
  const header = (tab: string) => (twin.sheetNamed(tab).values[0] ?? []).map((h) => String(h ?? ''));
  return {
    twin,
    rt,
    run: <T>(fn: string, ...args: unknown[]) => rt.run(fn, ...args) as T,
    type(tab, rows) {
      const h = header(tab);
      const values = rows.map((r) => {
        const out: unknown[] = h.map(() => '');
        for (const [k, v] of Object.entries(r)) {
          const at = h.findIndex((x) => normalizeHeader(x) === normalizeHeader(k));
          if (at < 0) throw new Error(`${tab} has no column ${k}`);
          out[at] = v;
        }
        return out;
      });
      twin.append(`${tab}!A1`, values, 'USER_ENTERED');
    },
    select(tab, row) {
      const sheetId = twin.sheetNamed(tab).properties.sheetId;
      rt.env.active = { sheetId, row: row - 1, col: 0, rows: 1, cols: 1 };
    },
    rows(tab) {
      // Numbers as numbers, dates as the text the sheet shows them as (their cells carry a date format).
      const raw = twin.read(tab, { valueRenderOption: 'UNFORMATTED_VALUE' }).values ?? [];
      const shown = twin.read(tab, { valueRenderOption: 'FORMATTED_VALUE' }).values ?? [];
      const [h = [], ...rest] = raw;
      return rest.map((r, ri) =>
        Object.fromEntries(
          h.map((k, i) => {
            const text = String(shown[ri + 1]?.[i] ?? '');
            return [String(k), /^\d{4}-\d{2}-\d{2}/.test(text) ? text : (r[i] ?? '')];
          }),
        ),
      );
    },
  };
}

/**
 * 001's worked example typed into a set-up workbook: CASE-1 with 15 on hand, SO-1 for 20 at 12.50,
 * PO-1 for 10 promised on `promised`.
 */
export function typeWorkedExample(desk: Desk, orderDate = '2026-11-20', promised = '2026-12-01'): void {
  desk.type('Inventory', [
    { SKU: 'CASE-1', Warehouse: 'MAIN', Product: 'Oak case', OnHand: 15, Vendor: 'Summit' },
  ]);
  const order = { Line: 1, OrderDate: orderDate, Warehouse: 'MAIN' };
  desk.type('Orders', [
    { ...order, OrderID: 'SO-1', Customer: 'Harbor Builders', SKU: 'CASE-1', Qty: 20, UnitPrice: 12.5 },
  ]);
  desk.type('POs', [
    {
      PO: 'PO-1',
      Line: 1,
      Vendor: 'Summit',
      SKU: 'CASE-1',
      Qty: 10,
      PromisedDate: promised,
      Warehouse: 'MAIN',
    },
  ]);
}

/** The demo's simulated weeks up to 2026-11-23 (`days` of them, `skus` SKUs), set up, in the twin. */
export async function simulatedDesk(days: number, skus: number): Promise<Desk> {
  const wb = simulateDemo({ today: '2026-11-23' as IsoDate, days, skus });
  const file = workbookFileOf(
    'Demo',
    'America/New_York',
    renderWorkbook(wb, { face: 'api', timeZone: 'America/New_York', currencyDigits: 2 }),
  );
  const desk = await openDesk({ file });
  desk.run('menuSetUpWorkbook');
  return desk;
}

/**
 * A set-up workbook with one unit of LAST-1 on hand and one order line for 1 of it per id (SO-<id>,
 * rows 2, 3, … of Orders, oldest first): the shop where reps race for the last unit.
 */
export async function lastUnitShop(
  ids: readonly string[],
  options: Parameters<typeof openDesk>[0] = {},
): Promise<Desk> {
  const desk = await openDesk(options);
  desk.run('menuSetUpWorkbook');
  desk.type('Inventory', [{ SKU: 'LAST-1', Warehouse: 'MAIN', OnHand: 1 }]);
  desk.type(
    'Orders',
    ids.map((id, i) => ({
      OrderID: `SO-${id}`,
      Line: 1,
      OrderDate: `2026-11-${String(10 + i).padStart(2, '0')}`,
      Customer: `Customer ${id}`,
      SKU: 'LAST-1',
      Qty: 1,
      Warehouse: 'MAIN',
    })),
  );
  return desk;
}

/** `lastUnitShop` with PO-1 bringing 5 of LAST-1, promised for 1 December: the waiting orders' truck. */
export async function lastUnitShopWithPo(ids: readonly string[]): Promise<Desk> {
  const desk = await lastUnitShop(ids);
  desk.type('POs', [
    {
      PO: 'PO-1',
      Line: 1,
      Vendor: 'Summit',
      SKU: 'LAST-1',
      Qty: 5,
      PromisedDate: '2026-12-01',
      Warehouse: 'MAIN',
    },
  ]);
  return desk;
}
