/**
 * The local workbook file: one JSON file holding every tab of a spreadsheet, shaped like the Sheets API
 * sees a spreadsheet (properties, sheets with their properties, cell values as `UNFORMATTED_VALUE`
 * with dates as serial numbers, formulas, and the metadata setup installs), so the CLI, the local twin
 * and a real spreadsheet all speak one model. Saves are atomic and durable: a temporary file beside
 * it, synced, then renamed over it, so a crash or a power loss never leaves half a workbook.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import { DeskError } from '../shared/primitives/errors';
import { chartOn } from '../shared/reports/aging-charts';
import type { Cell } from '../shared/sheet/cells';
import { columnLetter, type RawTab } from '../shared/sheet/codec';
import { writeFileDurably } from './durable-file';
import { tooLongToRead, workbookText } from './text-limit';

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
  version: z.literal(1),
  properties: z.object({
    spreadsheetId: z.string(),
    title: z.string(),
    timeZone: z.string(),
    locale: z.string(),
  }),
  sheets: z.array(SheetSchema),
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

/** A new workbook file holding these tabs in order, header rows frozen, each tab's charts on it. */
export function workbookFileOf(title: string, timeZone: string, tabs: readonly RawTab[]): WorkbookFile {
  const file = newWorkbookFile(title, timeZone);
  file.sheets = tabs.map((tab, index) => ({
    properties: { sheetId: index, title: tab.name, index, gridProperties: { frozenRowCount: 1 } },
    values: tab.values as Sheet['values'],
    formulas: {},
    columnFormats: {},
    metadata: tab.charts
      ? { charts: tab.charts.map((c, i) => ({ chartId: index * 100 + i, ...chartOn(c, index) })) }
      : {},
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

/** Reads a workbook file; a missing file is `undefined`, a damaged one an error naming the field. */
export async function readWorkbookFile(path: string): Promise<WorkbookFile | undefined> {
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

/**
 * Which version of the file is on disk: its inode, size and modification time in nanoseconds, or
 * "absent". Every save renames a new file into place, so a save by anyone changes the inode.
 */
export async function fileVersion(path: string): Promise<string> {
  const s = await stat(path, { bigint: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  return s ? `${s.ino}:${s.size}:${s.mtimeNs}` : 'absent';
}

/**
 * Writes atomically and durably (durable-file.ts). `expected`, when given, is the version this writer
 * read: just before the rename the file must still be that version and `stillHeld` must pass (the
 * lock), else nothing is replaced and the save is refused as stale, so a writer that stalled past its
 * lock can never save over a newer change.
 */
export async function writeWorkbookFile(
  path: string,
  file: WorkbookFile,
  fence?: { expected: string; stillHeld?: () => Promise<void> },
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileDurably(path, workbookText(path, file), async () => {
    if (!fence) return;
    await fence.stillHeld?.();
    const now = await fileVersion(path);
    if (now !== fence.expected)
      throw new DeskError(
        'STALE',
        `${path} was saved by another process after this one read it (this process was paused past its lock); nothing was written. Run the command again.`,
      );
  });
}

/** Cells as the core's codec takes them (the file never holds Date objects). */
export function sheetValues(sheet: Sheet): Cell[][] {
  return sheet.values as Cell[][];
}
