/**
 * A Google spreadsheet as a SpreadsheetPort, through the Sheets API v4 with a client handed in.
 * Reading: one `spreadsheets.get` (time zone, which tabs exist, their ids and grid sizes) and one
 * `values.batchGet` of every tab asked for that exists (`UNFORMATTED_VALUE`, `SERIAL_NUMBER`), and a
 * second for tabs asked for by their last rows (tail-read.ts). Writing,
 * whatever the number of rows: at most one `spreadsheets.batchUpdate` adding tabs (each sized to its
 * columns) and growing grids that the new rows would overflow (Google answers 400 "exceeds grid
 * limits" for a write past a sheet's grid, docs/fidelity.md S6), one `values.batchUpdate` with `RAW`
 * (so text from people or vendors is never parsed as a formula) holding every changed cell and new
 * row, and one `spreadsheets.batchUpdate` removing rows (undo, archive), in that order; the requests
 * are built in write-requests.ts. Set up's rules and formulas are setup-calls.ts. Requests are
 * counted for tests and the benchmark.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { SpreadsheetPort } from '../../../shared/ports';
import { DeskError } from '../../../shared/primitives/errors';
import type { FormulaCell } from '../../../shared/setup/formula-check';
import type { Cell } from '../../../shared/sheet/cells';
import type { RawTab, TabPatch } from '../../../shared/sheet/codec';
import { type Grid, type Growth, gridNeeds, NEW_SHEET, planGrowth } from '../../../shared/sheet/grid-plan';
import { quoted } from './a1';
import { fromGoogleError } from './errors';
import { Retrier } from './retry';
import { dressSheets, readFormulas, type SheetsCalls, writeOwnFormulas } from './setup-calls';
import { type TailHead, tailHead, tailHeadRanges, tailRange, tailTab } from './tail-read';
import {
  addSheetRequests,
  appendRequests,
  type ChartHeld,
  chunksUnder,
  patchRequests,
  rowText,
} from './write-requests';

export class SheetsSpreadsheet implements SpreadsheetPort {
  readonly calls = { get: 0, batchGet: 0, batchUpdate: 0, valuesBatchUpdate: 0 };
  private ids = new Map<string, number>();
  /** Charts per tab as the spreadsheet holds them (from the metadata read). */
  private charts = new Map<string, ChartHeld[]>();
  private rows = new Map<string, number>();
  private widths = new Map<string, number>();
  /** Each tab's grid (rows × columns), from the metadata read, kept current as this port grows it. */
  private grids = new Map<string, Grid>();
  /** Each tab's rows as last read: a row deletion is verified against them before it is retried. */
  private readRows = new Map<string, RawTab['values']>();

  constructor(
    private readonly api: sheets_v4.Sheets,
    readonly spreadsheetId: string,
    private readonly retrier: Retrier = new Retrier(),
    private readonly maxBodyBytes = 2 * 1024 * 1024,
  ) {}

  private async call<T>(what: string, fn: () => Promise<{ data: T }>): Promise<T> {
    try {
      return (await this.retrier.run(fn)).data;
    } catch (e) {
      if (e instanceof DeskError) throw e;
      throw fromGoogleError(e, what);
    }
  }

  /**
   * Where the rows a deletion removes stand now: "there" (each still at the index it was read at),
   * "gone" (none left anywhere in its tab: an earlier attempt whose answer was lost deleted them), or
   * "moved". Rows are recognised by their content as read, so a retry never deletes by index alone.
   */
  private async deletionState(targets: readonly { tab: string; at: number; row: readonly Cell[] }[]) {
    const tabs = [...new Set(targets.map((t) => t.tab))];
    this.calls.batchGet += 1;
    const res = await this.api.spreadsheets.values.batchGet({
      spreadsheetId: this.spreadsheetId,
      ranges: tabs.map(quoted),
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    const now = new Map(tabs.map((t, i) => [t, (res.data.valueRanges?.[i]?.values ?? []) as Cell[][]]));
    const same = (a: readonly Cell[] | undefined, b: readonly Cell[]) => rowText(a ?? []) === rowText(b);
    if (targets.every((t) => same(now.get(t.tab)?.[t.at], t.row))) return 'there';
    if (targets.every((t) => !(now.get(t.tab) ?? []).some((r) => same(r, t.row)))) return 'gone';
    return 'moved';
  }

  private meta: Promise<string> | undefined;

  /** Every sheet's grid, from the metadata the port fetches first anyway (no request of its own). */
  async cellsUsed(): Promise<number> {
    await this.timeZone();
    let cells = 0;
    for (const g of this.grids.values()) cells += g.rows * g.cols;
    return cells;
  }

  /** The tabs' names, from the metadata the port fetches first anyway (no request of its own). */
  async tabNames(): Promise<readonly string[]> {
    await this.timeZone();
    return [...this.ids.keys()];
  }

  /**
   * The spreadsheet's time zone and tabs, fetched once per port (one CLI command or one sync run) and
   * kept current as this port adds tabs.
   */
  timeZone(): Promise<string> {
    this.meta ??= (async () => {
      this.calls.get += 1;
      const meta = await this.call('spreadsheets.get', () =>
        this.api.spreadsheets.get({
          spreadsheetId: this.spreadsheetId,
          fields: 'properties.timeZone,sheets.properties,sheets.charts',
        }),
      );
      for (const s of meta.sheets ?? []) {
        if (!s.properties?.title) continue;
        this.ids.set(s.properties.title, s.properties.sheetId ?? 0);
        this.grids.set(s.properties.title, {
          rows: s.properties.gridProperties?.rowCount ?? NEW_SHEET.rows,
          cols: s.properties.gridProperties?.columnCount ?? NEW_SHEET.cols,
        });
        this.charts.set(s.properties.title, (s.charts ?? []) as ChartHeld[]);
      }
      return meta.properties?.timeZone ?? 'America/New_York';
    })();
    return this.meta;
  }

  /**
   * One batchGet of the tabs asked for; a tab in `tails` is read by its last rows (tail-read.ts),
   * which takes a second batchGet, and then the highest ids of those tabs come back too.
   */
  async read(
    tabNames: readonly string[],
    tails: Readonly<Record<string, number>> = {},
  ): Promise<{ tabs: Record<string, RawTab>; timeZone: string; highestIds?: Record<string, number> }> {
    const timeZone = await this.timeZone();
    const present = tabNames.filter((n) => this.ids.has(n));
    const tabs: Record<string, RawTab> = {};
    if (present.length === 0) return { tabs, timeZone };
    const whole = present.filter((n) => tails[n] === undefined);
    const tailed = present.filter((n) => tails[n] !== undefined);
    const first = await this.batchGet([...whole.map(quoted), ...tailed.flatMap(tailHeadRanges)]);
    whole.forEach((name, i) => {
      this.keep(tabs, name, first[i] ?? []);
    });
    if (tailed.length === 0) return { tabs, timeZone };
    const heads = tailed.map((name, i) =>
      tailHead(name, first[whole.length + 2 * i]?.[0] ?? [], first[whole.length + 2 * i + 1] ?? []),
    );
    const asks = tailed.map((name, i) =>
      tailRange(name, heads[i] as TailHead, tails[name] as number, this.grids.get(name)?.rows ?? 0),
    );
    const second = await this.batchGet(asks.map((a) => a.range));
    const highestIds: Record<string, number> = {};
    tailed.forEach((name, i) => {
      const head = heads[i] as TailHead;
      this.keep(tabs, name, tailTab(name, head, asks[i]?.from ?? 1, second[i] ?? []).values);
      if (head.keyedByA) Object.assign(highestIds, head.highestIds);
    });
    return { tabs, timeZone, highestIds };
  }

  /** Values of `ranges`, one list of rows per range, in one counted request. */
  private async batchGet(ranges: readonly string[]): Promise<Cell[][][]> {
    this.calls.batchGet += 1;
    const res = await this.call('values.batchGet', () =>
      this.api.spreadsheets.values.batchGet({
        spreadsheetId: this.spreadsheetId,
        ranges: [...ranges],
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
      }),
    );
    return ranges.map((_, i) => (res.valueRanges?.[i]?.values ?? []) as Cell[][]);
  }

  /** A tab as read: its rows (the last with content is where new rows go), width, and the rows kept. */
  private keep(tabs: Record<string, RawTab>, name: string, values: RawTab['values']): void {
    this.rows.set(name, values.length);
    this.widths.set(
      name,
      values.reduce((m, r) => Math.max(m, r.length), 0),
    );
    tabs[name] = { name, values };
    this.readRows.set(name, values);
  }

  /**
   * The grids this write needs grown (shared/sheet/grid-plan.ts): appendDimension for existing tabs (new
   * ones are sized by their addSheet); refuses before any request past Google's 10 million cells.
   */
  private growing(patches: readonly TabPatch[], newTabs: readonly RawTab[]): Growth[] {
    const needs = gridNeeds(
      (tab) => (this.grids.has(tab) ? (this.rows.get(tab) ?? 0) : undefined),
      patches,
      newTabs,
    );
    return planGrowth(
      needs.map((n) => ({ ...n, have: this.grids.get(n.name) })),
      () => [...this.grids.values()].reduce((n, g) => n + g.rows * g.cols, 0),
    );
  }

  /** The port's request helper, for Set up's calls (setup-calls.ts). */
  private get setupCalls(): SheetsCalls {
    return {
      api: this.api,
      spreadsheetId: this.spreadsheetId,
      calls: this.calls,
      call: (what, fn) => this.call(what, fn),
    };
  }

  dress(tabs: Record<string, RawTab>): Promise<string[]> {
    return dressSheets(this.setupCalls, tabs);
  }

  formulas(columns: readonly { tab: string; col: number }[]): Promise<ReadonlyMap<number, string>[]> {
    return readFormulas(this.setupCalls, columns);
  }

  /** Our own formulas (setup-calls.ts), then the patches (the Log row) as every write goes. */
  async writeFormulas(cells: readonly FormulaCell[], patches: readonly TabPatch[]): Promise<void> {
    if (cells.length === 0) return;
    await writeOwnFormulas(this.setupCalls, cells);
    await this.write(patches);
  }

  async write(patches: readonly TabPatch[], newTabs: readonly RawTab[] = []): Promise<void> {
    const growths = this.growing(patches, newTabs);
    // Before the values: grids grown, tabs created, and a built tab's charts and number formats, so a
    // run cut short after its values leaves nothing of its look undone (a rerun finds the values in
    // place and writes nothing); one cut short before them writes them all again.
    const { prelude, data, removals } = patchRequests(patches, newTabs, {
      rows: (tab) => this.rows.get(tab) ?? 0,
      width: (tab) => this.widths.get(tab) ?? 0,
      sheetId: (tab) => this.ids.get(tab),
      charts: (tab) => this.charts.get(tab) ?? [],
    });
    const grown = appendRequests(growths, (tab) => this.ids.get(tab));
    const added = addSheetRequests(newTabs, growths, Math.max(-1, ...this.ids.values()) + 1);
    for (const [name, grid] of [...grown.grids, ...added.grids]) this.grids.set(name, grid);
    const structure = [...grown.requests, ...added.requests, ...prelude];
    if (structure.length > 0) {
      this.calls.batchUpdate += 1;
      const added = await this.call('spreadsheets.batchUpdate', () =>
        this.api.spreadsheets.batchUpdate({
          spreadsheetId: this.spreadsheetId,
          requestBody: { requests: structure },
        }),
      );
      for (const r of added.replies ?? [])
        if (r.addSheet?.properties?.title)
          this.ids.set(r.addSheet.properties.title, r.addSheet.properties.sheetId ?? 0);
    }
    // One request, unless the body would pass 2 MB: then consecutive chunks. (Only a write that large
    // loses the one-request atomicity the crash-safety tests rely on; see docs/sync.md.)
    for (const chunk of chunksUnder(data, this.maxBodyBytes)) {
      this.calls.valuesBatchUpdate += 1;
      await this.call('values.batchUpdate', () =>
        this.api.spreadsheets.values.batchUpdate({
          spreadsheetId: this.spreadsheetId,
          requestBody: { valueInputOption: 'RAW', data: chunk },
        }),
      );
    }
    if (removals.length > 0) {
      // A retried deletion is checked first: if the lost attempt was applied, the rows now at those
      // indices are others (an open order line), and deleting by index again would remove them.
      const targets = patches.flatMap((p) =>
        (p.deletes ?? []).map((at) => ({ tab: p.tab, at, row: this.readRows.get(p.tab)?.[at] ?? [] })),
      );
      let attempt = 0;
      this.calls.batchUpdate += 1;
      await this.call('spreadsheets.batchUpdate', async () => {
        attempt += 1;
        if (attempt > 1) {
          const state = await this.deletionState(targets);
          if (state === 'gone') return { data: {} };
          if (state === 'moved')
            throw new DeskError(
              'STALE',
              'spreadsheets.batchUpdate: the rows to remove moved after an attempt whose answer was lost; nothing more was removed. Run `check`, then the command again.',
            );
        }
        return this.api.spreadsheets.batchUpdate({
          spreadsheetId: this.spreadsheetId,
          requestBody: { requests: removals },
        });
      });
    }
  }
}
