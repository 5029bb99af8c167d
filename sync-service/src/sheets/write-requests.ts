/**
 * The requests that carry patches to a Google spreadsheet through the Sheets API, built without a
 * call: every changed cell and new row as value ranges (consecutive cells of a row as one range,
 * cells as plain values for `RAW`), the rows to remove, highest first, and what goes before the
 * values (tabs added, grids grown, charts added or changed, a rebuilt tab's number formats), and the
 * value ranges split under a body size. The port (sheets-spreadsheet.ts) sends them in its order and
 * keeps the state.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { chartOn } from '../../../shared/reports/aging-charts';
import { columnLetter } from '../../../shared/sheet/a1';
import type { Cell } from '../../../shared/sheet/cells';
import type { RawTab, TabPatch } from '../../../shared/sheet/codec';
import { type Grid, type Growth, NEW_SHEET } from '../../../shared/sheet/grid-plan';
import { quoted } from './a1';
import { numberFormatRequests } from './format-requests';

/** A chart as the spreadsheet holds it (from the metadata read). */
export interface ChartHeld {
  readonly chartId?: number | null;
  readonly spec?: unknown;
}

/** What the port knows of each tab, as the requests need it. */
export interface TabsAt {
  /** Rows as read: where new rows go. */
  rows(tab: string): number;
  /** The widest row as read: how far a rebuilt tab's rewrite must reach. */
  width(tab: string): number;
  sheetId(tab: string): number | undefined;
  charts(tab: string): readonly ChartHeld[];
}

type Plain = string | number | boolean;

const plain = (c: Cell): Plain => (c === null ? '' : c instanceof Date ? c.toISOString() : c);

/**
 * Whether a chart spec as Google returns it holds every field we set, as we set it: Google adds its
 * defaults (and a person's styling) and orders keys its own way, so comparing whole specs would resend
 * the chart on every rebuild and reset what a person styled.
 */
export function covers(have: unknown, want: unknown): boolean {
  if (Array.isArray(want))
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => covers(have[i], w));
  if (want !== null && typeof want === 'object') {
    if (have === null || typeof have !== 'object') return false;
    return Object.entries(want).every(([k, w]) => covers((have as Record<string, unknown>)[k], w));
  }
  return have === want;
}

/** A row's content as comparable text, trailing empty cells dropped (as the API trims them). */
export const rowText = (row: readonly Cell[]) => {
  const cells = row.map(plain);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return JSON.stringify(cells);
};

/** Splits value ranges into consecutive groups whose JSON stays under `limit` bytes each. */
export function chunksUnder(
  data: readonly sheets_v4.Schema$ValueRange[],
  limit: number,
): sheets_v4.Schema$ValueRange[][] {
  const chunks: sheets_v4.Schema$ValueRange[][] = [];
  let current: sheets_v4.Schema$ValueRange[] = [];
  let size = 64; // the envelope: {"valueInputOption":"RAW","data":[…]}
  for (const range of data) {
    const bytes = Buffer.byteLength(JSON.stringify(range)) + 1;
    if (current.length > 0 && size + bytes > limit) {
      chunks.push(current);
      current = [];
      size = 64;
    }
    current.push(range);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** addChart or updateChartSpec only where the tab's charts (`have`, as read) differ from the ones wanted. */
export function chartChanges(
  p: TabPatch,
  sheetId: number | undefined,
  have: readonly ChartHeld[],
): sheets_v4.Schema$Request[] {
  if (!p.charts || sheetId === undefined) return [];
  const requests: sheets_v4.Schema$Request[] = [];
  p.charts.forEach((wanted, i) => {
    const chart = chartOn(wanted, sheetId) as sheets_v4.Schema$EmbeddedChart;
    const current = have[i];
    if (!current) requests.push({ addChart: { chart } });
    else if (!covers(current.spec, chart.spec))
      requests.push({ updateChartSpec: { chartId: current.chartId, spec: chart.spec } });
  });
  return requests;
}

/** The requests of `patches` and `newTabs`: before the values, the values, and the rows to remove. */
export function patchRequests(
  patches: readonly TabPatch[],
  newTabs: readonly RawTab[],
  at: TabsAt,
): {
  prelude: sheets_v4.Schema$Request[];
  data: sheets_v4.Schema$ValueRange[];
  removals: sheets_v4.Schema$Request[];
} {
  const prelude: sheets_v4.Schema$Request[] = [];
  const data: sheets_v4.Schema$ValueRange[] = [];
  const cell = (tab: string, row: number, col: number) => `${quoted(tab)}!${columnLetter(col)}${row + 1}`;
  const block = (tab: string, row: number, values: Cell[][]) => {
    if (values.length > 0) data.push({ range: cell(tab, row, 0), values: values.map((r) => r.map(plain)) });
  };
  for (const t of newTabs) block(t.name, 0, t.values as Cell[][]);
  const removals: sheets_v4.Schema$Request[] = [];
  for (const p of patches) {
    prelude.push(...chartChanges(p, at.sheetId(p.tab), at.charts(p.tab)));
    if (p.replace) {
      // Pad to the old size so nothing of the previous content survives the rewrite.
      const width = Math.max(at.width(p.tab), ...p.replace.map((r) => r.length));
      const height = Math.max(at.rows(p.tab), p.replace.length);
      if (p.numberFormats)
        prelude.push(...numberFormatRequests(at.sheetId(p.tab), p.numberFormats, { height, width }));
      block(
        p.tab,
        0,
        Array.from({ length: height }, (_, r) =>
          Array.from({ length: width }, (_, c) => p.replace?.[r]?.[c] ?? ''),
        ),
      );
      continue;
    }
    // Consecutive cells of a row go out as one range.
    const sorted = [...p.writes].sort((a, b) => a.row - b.row || a.col - b.col);
    for (let i = 0; i < sorted.length; ) {
      const first = sorted[i] as (typeof sorted)[number];
      const run: Cell[] = [first.value];
      let j = i + 1;
      while (j < sorted.length && sorted[j]?.row === first.row && sorted[j]?.col === first.col + run.length) {
        run.push((sorted[j] as (typeof sorted)[number]).value);
        j += 1;
      }
      data.push({ range: cell(p.tab, first.row, first.col), values: [run.map(plain)] });
      i = j;
    }
    block(p.tab, at.rows(p.tab), p.appends);
    const sheetId = at.sheetId(p.tab);
    for (const at of [...(p.deletes ?? [])].sort((a, b) => b - a))
      removals.push({
        deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: at, endIndex: at + 1 } },
      });
  }
  return { prelude, data, removals };
}

/**
 * addSheet for each new tab, with ids from `firstId` on, each sized as `growths` say (else a new
 * sheet's 1,000 × 26), then its charts, highlights and number formats; and the grid each gets.
 */
export function addSheetRequests(
  newTabs: readonly RawTab[],
  growths: readonly Growth[],
  firstId: number,
): { requests: sheets_v4.Schema$Request[]; grids: [string, Grid][] } {
  const sheets = newTabs.map((tab, i) => ({ tab, sheetId: firstId + i }));
  const grids: [string, Grid][] = [];
  const requests = [
    ...sheets.map(({ tab, sheetId }) => {
      const grid = growths.find((g) => g.name === tab.name)?.to ?? NEW_SHEET;
      grids.push([tab.name, grid]);
      return {
        addSheet: {
          properties: {
            sheetId,
            title: tab.name,
            gridProperties: { frozenRowCount: 1, rowCount: grid.rows, columnCount: grid.cols },
          },
        },
      };
    }),
    ...sheets.flatMap(({ tab, sheetId }) =>
      (tab.charts ?? []).map((c) => ({ addChart: { chart: chartOn(c, sheetId) } })),
    ),
    ...sheets.flatMap(({ tab, sheetId }) =>
      (tab.formats ?? []).map((rule) => ({
        addConditionalFormatRule: { index: 0, rule: chartOn(rule, sheetId) },
      })),
    ),
    ...sheets.flatMap(({ tab, sheetId }) => numberFormatRequests(sheetId, tab.numberFormats)),
  ] as sheets_v4.Schema$Request[];
  return { requests, grids };
}

/** appendDimension for each existing tab a write grows (a new tab's addSheet has its size), and its grid. */
export function appendRequests(
  growths: readonly Growth[],
  sheetIdOf: (tab: string) => number | undefined,
): { requests: sheets_v4.Schema$Request[]; grids: [string, Grid][] } {
  const grids: [string, Grid][] = [];
  const requests = growths.flatMap((g) => {
    const sheetId = sheetIdOf(g.name);
    if (sheetId === undefined) return [];
    grids.push([g.name, g.to]);
    return [
      ...(g.to.rows > g.from.rows
        ? [{ appendDimension: { sheetId, dimension: 'ROWS', length: g.to.rows - g.from.rows } }]
        : []),
      ...(g.to.cols > g.from.cols
        ? [{ appendDimension: { sheetId, dimension: 'COLUMNS', length: g.to.cols - g.from.cols } }]
        : []),
    ];
  });
  return { requests, grids };
}
