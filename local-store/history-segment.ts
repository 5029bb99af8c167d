/**
 * History beside the workbook file. Past `SEGMENT_FROM_ROWS` rows of history, the rows of the
 * tabs that only grow (Log, Shipments, Invoices, Calls, ETA History, Notifications) leave the JSON
 * file for a segment beside it, `<file>.history-<generation>.jsonl`, one record a line: a new row
 * (`["Log", cell, …]`) or a cell written over (`{"t":"Shipments","r":12,"c":9,"v":46000}`, row and
 * column 0-based in the tab's values, the header being row 0). A command appends its history
 * records and never rewrites the rows before them; the JSON file keeps the tabs a command decides
 * from, and names the segment with how many of its bytes are committed (`HistoryRef.bytes`).
 *
 * The order of a save makes a crash lose nothing acknowledged: the records are appended and synced
 * first, then the JSON file is replaced (atomically) with the new committed length. A crash between
 * the two leaves records past the committed length, which a reader ignores and the next save cuts
 * off. A segment is only ever appended to; one written whole (a compaction, when dead records
 * weigh as much as live ones, or any save that removes rows) gets a new generation and name, so the
 * JSON file on disk always names a segment that is complete up to its committed length.
 * docs/design.md, "The local workbook file".
 */
import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DeskError } from '../shared/primitives/errors';
import { TABS } from '../shared/workbook';

/** A cell as the file stores it (as workbook-file.ts `Stored`). */
export type Stored = string | number | boolean | null;

/** The tabs whose rows go to the segment: history, which commands add to and rarely change. */
export const HISTORY_TAB_NAMES: ReadonlySet<string> = new Set(
  (['log', 'shipments', 'invoices', 'calls', 'etaHistory', 'notifications'] as const).map(
    (k) => TABS[k].name,
  ),
);

/**
 * Below this many rows of history a workbook stays one file, which a person can copy or mail
 * whole; a year of a busy desk is well past it (about 2 rows of history per order line).
 */
export const SEGMENT_FROM_ROWS = 5_000;

/** What the JSON file says of its segment. */
export interface HistoryRef {
  /** The segment's file name, in the JSON file's folder. */
  readonly file: string;
  readonly generation: string;
  /** Bytes of the segment that are committed; anything after them is a save that did not finish. */
  readonly bytes: number;
  /** The segment's bytes when it was written whole: a compaction is due past twice that and 1 MiB. */
  readonly compactedBytes: number;
}

interface HistorySheet {
  properties: { title: string };
  values: Stored[][];
}

const isHistory = (sheet: HistorySheet) => HISTORY_TAB_NAMES.has(sheet.properties.title);

/** Rows of history below the headers: what decides whether a workbook keeps a segment. */
export function historyRows(sheets: readonly HistorySheet[]): number {
  return sheets.reduce((n, s) => n + (isHistory(s) ? Math.max(0, s.values.length - 1) : 0), 0);
}

/** The sheets as the JSON file keeps them beside a segment: history tabs hold their header only. */
export function withoutHistory<S extends HistorySheet>(sheets: readonly S[]): S[] {
  return sheets.map((s) => (isHistory(s) ? { ...s, values: s.values.slice(0, 1) } : s));
}

const prefixOf = (mainPath: string) => `${basename(mainPath)}.history-`;

/** The first line of a segment: what it is and which generation, so a stray file is never read as one. */
const headerLine = (generation: string) =>
  `${JSON.stringify({ segment: 'backorder-desk/history', generation })}\n`;

/** A new row of a history tab, as a segment line. */
export const appendRecord = (tab: string, row: readonly Stored[]) => `${JSON.stringify([tab, ...row])}\n`;
/** A cell written over in a history tab, as a segment line. */
export const writeRecord = (tab: string, row: number, col: number, value: Stored) =>
  `${JSON.stringify({ t: tab, r: row, c: col, v: value })}\n`;

/** Writes every history row of `sheets` to a new segment beside `mainPath`, synced; returns its ref. */
export async function writeSegment(mainPath: string, sheets: readonly HistorySheet[]): Promise<HistoryRef> {
  const generation = randomUUID().slice(0, 8);
  const file = `${prefixOf(mainPath)}${generation}.jsonl`;
  const handle = await open(join(dirname(mainPath), file), 'wx');
  let bytes = 0;
  try {
    // In pieces of about a megabyte: a year of history is past what one string may hold.
    let chunk = headerLine(generation);
    const flush = async () => {
      const buf = Buffer.from(chunk, 'utf8');
      await handle.write(buf);
      bytes += buf.length;
      chunk = '';
    };
    for (const sheet of sheets) {
      if (!isHistory(sheet)) continue;
      for (let r = 1; r < sheet.values.length; r++) {
        chunk += appendRecord(sheet.properties.title, sheet.values[r] ?? []);
        if (chunk.length > 1_000_000) await flush();
      }
    }
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { file, generation, bytes, compactedBytes: bytes };
}

/**
 * Appends `records` after the committed bytes of the segment (cutting off what an unfinished save
 * left past them) and syncs; returns the ref the JSON file must then commit. `beforeAppend` runs
 * first: the caller checks there that it still holds the lock and the file it read.
 */
export async function appendSegment(
  mainPath: string,
  ref: HistoryRef,
  records: string,
  beforeAppend?: () => Promise<void>,
): Promise<HistoryRef> {
  await beforeAppend?.();
  const buf = Buffer.from(records, 'utf8');
  const handle = await open(join(dirname(mainPath), ref.file), 'r+');
  try {
    const { size } = await handle.stat();
    if (size < ref.bytes)
      throw new DeskError(
        'BAD_INPUT',
        `${ref.file} holds ${size} bytes, fewer than the ${ref.bytes} ${mainPath} committed: the history file is damaged; nothing was written`,
      );
    await handle.truncate(ref.bytes);
    await handle.write(buf, 0, buf.length, ref.bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { ...ref, bytes: ref.bytes + buf.length };
}

/** Whether appending `more` bytes would let dead records weigh as much as live ones: write it whole. */
export const compactionDue = (ref: HistoryRef, more: number) =>
  ref.bytes + more > 2 * ref.compactedBytes + 1_048_576;

/** Removes the segments of `mainPath` other than `keep` (older generations, or unfinished ones). */
export async function removeOtherSegments(mainPath: string, keep?: string): Promise<void> {
  const paths = await segmentPaths(mainPath);
  await Promise.all(paths.filter((p) => basename(p) !== keep).map((p) => rm(p, { force: true })));
}

/** The bytes of every segment beside `mainPath` (an unfinished compaction's too: it is read as bytes). */
export async function segmentBytes(mainPath: string): Promise<number> {
  const sizes = await Promise.all((await segmentPaths(mainPath)).map((p) => stat(p).then((s) => s.size)));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Every segment file beside `mainPath`, whatever its generation. */
async function segmentPaths(mainPath: string): Promise<string[]> {
  const dir = dirname(mainPath);
  const prefix = prefixOf(mainPath);
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith(prefix) && n.endsWith('.jsonl')).map((n) => join(dir, n));
}

export const isCell = (v: unknown): v is Stored =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The committed bytes of the segment `ref` names, read once. A segment that is missing, short, not
 * this file's or of another generation is an error naming the file.
 */
export async function loadSegment(mainPath: string, ref: HistoryRef): Promise<LoadedSegment> {
  const where = join(dirname(mainPath), ref.file);
  if (!ref.file.startsWith(prefixOf(mainPath)) || basename(ref.file) !== ref.file)
    throw new DeskError(
      'BAD_INPUT',
      `${mainPath} keeps its history in ${ref.file}, the history of another workbook file: it was copied or renamed apart from its history; copy or move the two files together, keeping their names`,
    );
  const buf = await readFile(where).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
    throw new DeskError(
      'BAD_INPUT',
      `${mainPath} keeps its history (${[...HISTORY_TAB_NAMES].join(', ')}) beside it in ${ref.file}, which is missing: a workbook file and its history are copied and moved together`,
    );
  });
  if (buf.length < ref.bytes)
    throw new DeskError(
      'BAD_INPUT',
      `${where} holds ${buf.length} bytes, fewer than the ${ref.bytes} ${mainPath} committed: the history file is damaged`,
    );
  const first = buf.indexOf(10);
  const end = first < 0 || first > ref.bytes ? ref.bytes : first;
  let head: { segment?: unknown; generation?: unknown } | undefined;
  try {
    head = JSON.parse(buf.toString('utf8', 0, end));
  } catch {
    head = undefined;
  }
  if (head?.segment !== 'backorder-desk/history' || head.generation !== ref.generation)
    throw damaged(where, 1, `expected the history of generation ${ref.generation}`);
  return { where, buf, bytes: ref.bytes, firstRecord: Math.min(end + 1, ref.bytes) };
}

/** A segment's committed bytes, from its first record on (line 2). */
export interface LoadedSegment {
  readonly where: string;
  readonly buf: Buffer;
  readonly bytes: number;
  /** Where line 2, the first record, starts. */
  readonly firstRecord: number;
}

export const damaged = (where: string, line: number, what: string) =>
  new DeskError('BAD_INPUT', `${where} line ${line}: ${what}; the history file is damaged`);

/** A new row's cells, or a line that is not one of `tab`'s rows as an error naming the line. */
export function rowRecord(
  record: unknown,
  tabs: ReadonlySet<string>,
  where: string,
  line: number,
): [string, Stored[]] {
  if (!Array.isArray(record) || !tabs.has(record[0] as string))
    throw damaged(
      where,
      line,
      `a row for ${JSON.stringify(Array.isArray(record) ? record[0] : record)}, which is not a history tab here`,
    );
  const tab = record.shift() as string;
  for (const cell of record)
    if (!isCell(cell)) throw damaged(where, line, 'a cell that is not text, a number, TRUE/FALSE or empty');
  return [tab, record];
}

/** A cell written over, or a line that is not one as an error naming the line. */
export function writeOf(
  record: unknown,
  tabs: ReadonlySet<string>,
  where: string,
  line: number,
): { tab: string; row: number; col: number; value: Stored } {
  const w = record as { t?: unknown; r?: unknown; c?: unknown; v?: unknown };
  if (!tabs.has(w?.t as string) || !Number.isInteger(w.r) || !Number.isInteger(w.c) || !isCell(w.v))
    throw damaged(where, line, 'expected a row (["Tab", …]) or a cell written ({"t","r","c","v"})');
  return { tab: w.t as string, row: w.r as number, col: w.c as number, value: w.v };
}

/** Puts a loaded segment's records into `sheets` (whose history tabs hold their headers). */
export function applySegment(segment: LoadedSegment, sheets: readonly HistorySheet[]): void {
  const { where } = segment;
  const tabs = new Map(sheets.filter(isHistory).map((s) => [s.properties.title, s.values]));
  const names = new Set(tabs.keys());
  let line = 1;
  for (const record of records(segment.buf, segment.firstRecord, segment.bytes)) {
    line += 1;
    if (record instanceof SyntaxError) throw damaged(where, line, 'not a JSON record');
    if (Array.isArray(record)) {
      const [tab, row] = rowRecord(record, names, where, line);
      tabs.get(tab)?.push(row);
      continue;
    }
    const w = writeOf(record, names, where, line);
    const row = tabs.get(w.tab)?.[w.row];
    if (!row) throw damaged(where, line, `a cell of row ${w.row + 1}, which it does not hold`);
    while (row.length <= w.col) row.push('');
    row[w.col] = w.value;
  }
}

/** The most bytes decoded to one string at a time: well inside what one string may hold. */
const CHUNK_BYTES = 8_000_000;

/**
 * The records of `buf`'s first `bytes`, in order, one a line: decoded a chunk of whole lines at a
 * time, split, and each line parsed (faster than a Buffer decoded per line, or one array parsed
 * whole); a line that is not JSON is yielded as its SyntaxError, in its place.
 */
function* records(buf: Buffer, from: number, bytes: number): Generator<unknown> {
  let start = from;
  while (start < bytes) {
    let end = Math.min(bytes, start + CHUNK_BYTES);
    if (end < bytes) {
      const nl = buf.indexOf(10, end);
      end = nl < 0 || nl >= bytes ? bytes : nl + 1;
    }
    const text = buf.toString('utf8', start, end);
    start = end;
    const lines = text.split('\n');
    if (text.endsWith('\n')) lines.pop();
    for (const line of lines) {
      try {
        yield JSON.parse(line);
      } catch (e) {
        yield e instanceof SyntaxError ? e : new SyntaxError(String(e));
      }
    }
  }
}
