/**
 * The local workbook file: one JSON file holding every tab of a spreadsheet, shaped like the Sheets API
 * sees a spreadsheet (properties, sheets with their properties, cell values as `UNFORMATTED_VALUE`
 * with dates as serial numbers, formulas, and the metadata setup installs), so the CLI, the local twin
 * and a real spreadsheet all speak one model. Saves are atomic and durable: a temporary file beside
 * it, synced, then renamed over it, so a crash or a power loss never leaves half a workbook. Past
 * `SEGMENT_FROM_ROWS` rows of history, the history tabs' rows live in a segment beside the file that
 * commands append to (history-segment.ts); reading gives the whole workbook either way.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod/mini';
import { chartOn } from '../shared/reports/aging-charts';
import { columnLetter } from '../shared/sheet/a1';
import type { RawTab } from '../shared/sheet/codec';
import { writeFileDurably } from './durable-file';
import { checkFence, type Fence } from './file-fence';
import {
  appendSegment,
  applySegment,
  type HistoryRef,
  historyRows,
  type LoadedSegment,
  loadSegment,
  removeOtherSegments,
  SEGMENT_FROM_ROWS,
  segmentBytes,
  withoutHistory,
  writeSegment,
} from './history-segment';
import { tooLongToRead, workbookText } from './text-limit';

export { type Fence, fileVersion } from './file-fence';

/** A cell as the file stores it (UNFORMATTED_VALUE: dates are serial numbers). */
export type Stored = string | number | boolean | null;

/**
 * The grid is checked in one plain loop over its cells rather than a zod schema per cell: the file
 * is validated once, and every cell is decoded (and refused with its A1 address) by the core's codec
 * anyway. A zod union per cell cost 130–180 ms at 50,000 order lines for a check that only says
 * "each cell is text, a number, a boolean or empty"; what is traded is zod's path to the bad cell,
 * which the message names instead (sheet, row, column).
 */
function badCell(v: unknown): string | undefined {
  if (!Array.isArray(v)) return 'is not a list of rows';
  for (let r = 0; r < v.length; r++) {
    const row = v[r];
    if (!Array.isArray(row)) return `row ${r + 1} is not a list of cells`;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const t = typeof cell;
      if (cell !== null && t !== 'string' && t !== 'number' && t !== 'boolean')
        return `cell ${columnLetter(c)}${r + 1} holds ${JSON.stringify(cell)}`;
    }
  }
  return undefined;
}

const isGrid = (v: unknown): v is Stored[][] => badCell(v) === undefined;

const GridSchema = z.custom<Stored[][]>(isGrid, {
  error: 'must be rows of cells, each text, a number, TRUE/FALSE or empty (null)',
});

/** Whether a cell's number format shows a date (the number is then a date serial). */
export const isDatePattern = (pattern: string | undefined) =>
  !!pattern && /[yd]/i.test(pattern) && !/[#0]/.test(pattern);

export const SheetSchema = z.object({
  properties: z.object({
    sheetId: z.number(),
    title: z.string(),
    index: z.number(),
    /** Hidden from people (the add-on's index tab), as the Sheets API's `SheetProperties.hidden`. */
    hidden: z.optional(z.boolean()),
    gridProperties: z.object({
      frozenRowCount: z.optional(z.number()),
      /** The grid's size, as Google keeps it (twin/grid.ts); absent in files the CLI made. */
      rowCount: z.optional(z.number()),
      columnCount: z.optional(z.number()),
    }),
  }),
  values: GridSchema,
  /** A1 → formula text, e.g. { "H2": "=F2-G2" }; the values grid holds the last computed result. */
  formulas: z.record(z.string(), z.string()),
  /** Column letter → number format pattern (dates, money). */
  columnFormats: z.record(z.string(), z.string()),
  /** Everything else setup installs, kept as the Sheets API shapes (validation, protection, charts…). */
  metadata: z.record(z.string(), z.unknown()),
});
export type Sheet = z.infer<typeof SheetSchema>;

export const WorkbookFileSchema = z.object({
  format: z.literal('backorder-desk/workbook'),
  /** 2 when the history tabs' rows are in a segment beside the file (`history`). */
  version: z.union([z.literal(1), z.literal(2)]),
  properties: z.object({
    spreadsheetId: z.string(),
    title: z.string(),
    timeZone: z.string(),
    locale: z.string(),
  }),
  sheets: z.array(SheetSchema),
  history: z.optional(
    z.object({
      file: z.string(),
      generation: z.string(),
      bytes: z.number(),
      compactedBytes: z.number(),
    }),
  ),
});
export type WorkbookFile = z.infer<typeof WorkbookFileSchema>;

export function newWorkbookFile(title: string, timeZone = 'America/New_York'): WorkbookFile {
  return {
    format: 'backorder-desk/workbook',
    version: 1,
    properties: { spreadsheetId: `local-${randomUUID()}`, title, timeZone, locale: 'en_US' },
    sheets: [],
  };
}

/** A tab's charts as the file keeps them: on its sheet, numbered from its sheet id. */
export const chartsOn = (charts: readonly object[], sheetId: number) =>
  charts.map((c, i) => ({ chartId: sheetId * 100 + i, ...chartOn(c, sheetId) }));

/** A new workbook file holding these tabs in order, header rows frozen, each tab's charts on it. */
export function workbookFileOf(title: string, timeZone: string, tabs: readonly RawTab[]): WorkbookFile {
  const file = newWorkbookFile(title, timeZone);
  file.sheets = tabs.map((tab, index) => ({
    properties: { sheetId: index, title: tab.name, index, gridProperties: { frozenRowCount: 1 } },
    values: tab.values as Sheet['values'],
    formulas: {},
    columnFormats: {},
    metadata: tab.charts ? { charts: chartsOn(tab.charts, index) } : {},
  }));
  return file;
}

export function newSheet(file: WorkbookFile, title: string, header: string[]): Sheet {
  const sheetId = file.sheets.reduce((m, s) => Math.max(m, s.properties.sheetId + 1), 0);
  const sheet: Sheet = {
    properties: { sheetId, title, index: file.sheets.length, gridProperties: { frozenRowCount: 1 } },
    values: [header],
    formulas: {},
    columnFormats: {},
    metadata: {},
  };
  file.sheets.push(sheet);
  return sheet;
}

export function sheetByTitle(file: WorkbookFile, title: string): Sheet | undefined {
  return file.sheets.find((s) => s.properties.title === title);
}

/**
 * Reads a workbook file, with its history segment when it has one; a missing file is `undefined`, a
 * damaged one an error naming the field. A segment gone between reading the file and reading it (a
 * writer replaced both) is followed to the new one once.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookFile | undefined> {
  const read = await readWorkbookFileDeferred(path);
  if (read?.segment) applySegment(read.segment, read.file.sheets);
  return read?.file;
}

/**
 * A workbook file with its history segment loaded but not yet put into its sheets (their history
 * tabs hold their headers): `applySegment` replays it, segment-rows.ts serves it row by row.
 */
export async function readWorkbookFileDeferred(
  path: string,
): Promise<{ file: WorkbookFile; segment?: LoadedSegment } | undefined> {
  for (let attempt = 0; ; attempt++) {
    const file = await readMainFile(path);
    if (!file?.history) return file && { file };
    const ref = file.history;
    try {
      return { file, segment: await loadSegment(path, ref) };
    } catch (e) {
      if (attempt > 0) throw e;
      const again = await readMainFile(path).catch(() => undefined);
      if (again?.history?.file === ref.file) throw e;
    }
  }
}

async function readMainFile(path: string): Promise<WorkbookFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw tooLongToRead(path, e) ?? e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not a Backorder Desk workbook (not JSON: ${(e as Error).message})`);
  }
  const parsed = WorkbookFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path} is not a valid Backorder Desk workbook: ${issue?.path.join('.')} ${issue?.message}${gridDetail(json, issue?.path)}`,
    );
  }
  return parsed.data;
}

/** For a grid that failed: which sheet, and which row or cell ("; sheet Orders: cell C7 holds {}"). */
function gridDetail(json: unknown, path: readonly PropertyKey[] | undefined): string {
  if (path?.[0] !== 'sheets' || path[2] !== 'values') return '';
  const sheet = (json as { sheets: { properties?: { title?: unknown }; values?: unknown }[] }).sheets[
    path[1] as number
  ];
  return `; sheet ${String(sheet?.properties?.title ?? path[1])}: ${badCell(sheet?.values)}`;
}

/** The bytes of a workbook file and of its history segments beside it (0 when it is missing). */
export async function workbookDiskBytes(path: string): Promise<number> {
  const main = await stat(path).catch(() => undefined);
  if (!main) return 0;
  return main.size + (await segmentBytes(path));
}

/**
 * Writes the whole workbook atomically and durably (durable-file.ts): one file, or past
 * `SEGMENT_FROM_ROWS` rows of history the file and a new segment of its history (written first;
 * the file then names it, and older segments are removed). `fence`, when given, is the version this
 * writer read: just before the rename the file must still be that version and the lock still held,
 * else nothing is replaced and the save is refused as stale, so a writer that stalled past its lock
 * can never save over a newer change. Sets `file.history` to what was written.
 */
export async function writeWorkbookFile(path: string, file: WorkbookFile, fence?: Fence): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  if (historyRows(file.sheets) < SEGMENT_FROM_ROWS) {
    const { history: _, ...whole } = file;
    await writeFileDurably(path, workbookText(path, { ...whole, version: 1 }), () => checkFence(path, fence));
    delete file.history;
    file.version = 1;
    await removeOtherSegments(path);
    return;
  }
  const ref = await writeSegment(path, file.sheets);
  try {
    await writeMain(path, file, ref, fence);
  } catch (e) {
    await rm(join(dirname(path), ref.file), { force: true });
    throw e;
  }
  await removeOtherSegments(path, ref.file);
}

/** The JSON file beside a segment: the tabs a command decides from, the history tabs' headers, `ref`. */
async function writeMain(path: string, file: WorkbookFile, ref: HistoryRef, fence?: Fence): Promise<void> {
  const main = { ...file, version: 2 as const, sheets: withoutHistory(file.sheets), history: ref };
  await writeFileDurably(path, workbookText(path, main), () => checkFence(path, fence));
  file.history = ref;
  file.version = 2;
}

/**
 * Saves a workbook that keeps a segment (`history`, as read) when its history only gained rows and
 * cells (`records`, segment lines): they are appended after the committed bytes and synced, then the
 * file is replaced with the new committed length. A crash between the two leaves the records uncommitted: the read
 * ignores them and the next save cuts them off. Both steps check the fence first.
 */
export async function appendWorkbookFile(
  path: string,
  file: WorkbookFile,
  history: HistoryRef,
  records: string,
  fence?: Fence,
): Promise<void> {
  const ref = await appendSegment(path, history, records, () => checkFence(path, fence));
  await writeMain(path, file, ref, fence);
}

/**
 * Copies a workbook file with its history segment, the copy's segment named after the copy (a file
 * copied alone would name the original's segment, which a read refuses).
 */
export async function copyWorkbookFile(from: string, to: string): Promise<void> {
  const main = JSON.parse(await readFile(from, 'utf8')) as WorkbookFile;
  if (main.history) {
    const file = `${basename(to)}.history-${main.history.generation}.jsonl`;
    await copyFile(join(dirname(from), main.history.file), join(dirname(to), file));
    main.history = { ...main.history, file };
  }
  await writeFileDurably(to, JSON.stringify(main));
  await removeOtherSegments(to, main.history?.file);
}
