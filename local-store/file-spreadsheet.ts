/**
 * The local workbook file as a SpreadsheetPort: reads hand out copies of whole tabs, a write applies
 * every patch in memory and saves the file once, atomically. Calls are counted so tests can assert one
 * read and at most one write per action.
 *
 * Opened with a holder's name (`lockAs`), the port reads the file under the workbook's lock
 * (workbook-lock.ts) and holds it until the write that follows saves and releases it; a later read
 * takes the lock again and re-reads the file. So every read–write cycle is built on the file as it
 * is, and no other process saves in between. `release()` ends a cycle that wrote nothing.
 *
 * Past SEGMENT_FROM_ROWS rows of history the file keeps them in a segment beside it
 * (history-segment.ts): the port holds it unreplayed, so a scoped command reads its rows one by one
 * (`rowSource`, segment-rows.ts) and a save that only adds history appends it (file-patches.ts
 * `historyRecords`); anything else replays it first.
 */

import type { RowSource } from '../shared/io/scope-contract';
import { tabSource } from '../shared/io/tab-source';
import type { SpreadsheetPort } from '../shared/ports';
import type { FormulaCell } from '../shared/setup/formula-check';
import { columnLetter } from '../shared/sheet/a1';
import type { Cell } from '../shared/sheet/cells';
import type { RawTab, TabPatch } from '../shared/sheet/codec';
import { addTabs, historyRecords, patchTab } from './file-patches';
import { applySegment, compactionDue, HISTORY_TAB_NAMES, type LoadedSegment } from './history-segment';
import { assertFitsInMemory } from './memory-limit';
import { ROWS_UP_TO_BYTES, SegmentRows } from './segment-rows';
import {
  appendWorkbookFile,
  fileVersion,
  newWorkbookFile,
  readWorkbookFileDeferred,
  sheetByTitle,
  type WorkbookFile,
  workbookDiskBytes,
  writeWorkbookFile,
} from './workbook-file';
import { lockWorkbook, type WorkbookLock } from './workbook-lock';

export class FileSpreadsheet implements SpreadsheetPort {
  readonly calls = { read: 0, write: 0 };
  private lock: WorkbookLock | undefined;
  /** The version of the file this port's copy was read from (workbook-file.ts `fileVersion`). */
  private version = 'absent';
  /**
   * The history segment as read and not yet put into `file`'s history tabs (which then hold their
   * headers): a scoped command takes its rows from it (segment-rows.ts), anything else replays it.
   */
  private segment: LoadedSegment | undefined;
  /** A save appended history while the segment was not replayed: the copy lacks it, read it again. */
  private stale = false;

  private constructor(
    readonly path: string,
    private copy: WorkbookFile,
    readonly created: boolean,
    private readonly lockAs: string | undefined,
    private readonly lockWaitMs: number | undefined,
  ) {}

  /** The workbook's time zone, without replaying anything. */
  get timeZone(): string {
    return this.copy.properties.timeZone;
  }

  /**
   * The workbook as read, every row in it (a deferred segment is replayed first). After a save that
   * appended history to a segment left unreplayed, the copy lacks it until the next read: asking then
   * is a bug, refused rather than answered without those rows.
   */
  get file(): WorkbookFile {
    if (this.stale) throw new Error(`${this.path}: the workbook copy is stale after a save; read it again`);
    this.replay();
    return this.copy;
  }

  /**
   * Opens a workbook file, or starts a new empty one (saved on the first write) when it is missing.
   * `lockAs` names this process for the lock (e.g. "backorder-desk do ship"); without it no lock is
   * taken (a process that is alone with the file, such as npm start's demo builder).
   */
  static async open(
    path: string,
    title = 'Backorder Desk',
    lockAs?: string,
    lockWaitMs?: number,
  ): Promise<FileSpreadsheet> {
    // A locking port reads the file once, under the lock its first cycle then holds: validating a
    // 50,000-line workbook costs a quarter of a second, so it is not read before and again after.
    const lock = lockAs ? await lockWorkbook(path, lockAs, lockWaitMs) : undefined;
    try {
      const diskBytes = await workbookDiskBytes(path);
      assertFitsInMemory(diskBytes);
      // The version is taken before the read: a save in between makes the copy look older than it
      // is, so the fence refuses (safe), never the other way round.
      const version = await fileVersion(path);
      const read = await readWorkbookFileDeferred(path);
      const port = new FileSpreadsheet(
        path,
        read?.file ?? newWorkbookFile(title),
        read === undefined,
        lockAs,
        lockWaitMs,
      );
      port.segment = read?.segment;
      port.lock = lock;
      port.version = version;
      port.diskBytes = diskBytes;
      return port;
    } catch (e) {
      await lock?.release();
      throw e;
    }
  }

  /** The bytes of the file and its history segment when opened (local-store/memory-limit.ts). */
  diskBytes = 0;

  /** The size on disk of the file this port's copy was read from (0 when there was none). */
  get bytes(): number {
    return Number(this.version.split(':')[1]) || 0;
  }

  /** Takes the lock when this port locks and does not hold it yet, and re-reads the file under it. */
  private async locked(): Promise<void> {
    if (!this.lockAs || this.lock) {
      if (this.stale) await this.reread();
      return;
    }
    this.lock = await lockWorkbook(this.path, this.lockAs, this.lockWaitMs);
    this.version = await fileVersion(this.path);
    await this.reread();
  }

  /** Reads the file again (its segment deferred). */
  private async reread(): Promise<void> {
    const current = await readWorkbookFileDeferred(this.path);
    if (current) {
      this.copy = current.file;
      this.segment = current.segment;
    }
    this.stale = false;
  }

  /** Puts the deferred segment's history into the copy's history tabs. */
  private replay(): void {
    if (!this.segment) return;
    applySegment(this.segment, this.copy.sheets);
    this.segment = undefined;
  }

  /** Ends a read–write cycle that wrote nothing: lets the next process in. */
  async release(): Promise<void> {
    const held = this.lock;
    this.lock = undefined;
    await held?.release();
  }

  async read(tabNames: readonly string[]): Promise<{ tabs: Record<string, RawTab>; timeZone: string }> {
    return this.tabs(tabNames, true);
  }

  /** The tabs without copying their rows: copying 200,000 rows was a tenth of a `check`. */
  async view(tabNames: readonly string[]): Promise<{ tabs: Record<string, RawTab>; timeZone: string }> {
    return this.tabs(tabNames, false);
  }

  private async tabs(tabNames: readonly string[], copy: boolean) {
    await this.locked();
    this.replay();
    this.calls.read += 1;
    const tabs: Record<string, RawTab> = {};
    for (const name of tabNames) {
      const sheet = sheetByTitle(this.copy, name);
      const values = sheet?.values as Cell[][] | undefined;
      if (values) tabs[name] = { name, values: copy ? values.map((r) => [...r]) : values };
    }
    return { tabs, timeZone: this.copy.properties.timeZone };
  }

  /**
   * The tabs as a RowSource (shared/io/tab-source.ts), read under the lock as `read` is: a command
   * decodes only the rows its scope reaches (sync-service/src/use-cases/run-action.ts).
   */
  async rowSource(): Promise<{ source: RowSource; timeZone: string }> {
    await this.locked();
    if (this.segment && this.segment.bytes > ROWS_UP_TO_BYTES) this.replay();
    this.calls.read += 1;
    const tabs: Record<string, RawTab> = {};
    for (const sheet of this.copy.sheets)
      tabs[sheet.properties.title] = { name: sheet.properties.title, values: sheet.values as Cell[][] };
    const source = tabSource(tabs);
    if (!this.segment) return { source, timeZone: this.copy.properties.timeZone };
    const headers = new Map(
      this.copy.sheets
        .filter((s) => HISTORY_TAB_NAMES.has(s.properties.title))
        .map((s) => [s.properties.title, (s.values[0] ?? []) as Cell[]] as const),
    );
    const history = new SegmentRows(this.segment, headers);
    const pick = (tab: string) => (history.holds(tab) ? history.source : source);
    return {
      source: {
        shape: (tab, lastRow) => pick(tab).shape(tab, lastRow),
        find: (tab, col, pattern, cols) => pick(tab).find(tab, col, pattern, cols),
        rows: (tab, rows, width) => pick(tab).rows(tab, rows, width),
        whole: (tab) => pick(tab).whole(tab),
        column: (tab, rows, col) => (pick(tab).column as NonNullable<RowSource['column']>)(tab, rows, col),
      },
      timeZone: this.copy.properties.timeZone,
    };
  }

  async formulas(columns: readonly { tab: string; col: number }[]): Promise<ReadonlyMap<number, string>[]> {
    await this.locked();
    this.replay();
    return columns.map(({ tab, col }) => {
      const held = new Map<number, string>();
      const letter = columnLetter(col);
      for (const [a1, formula] of Object.entries(sheetByTitle(this.copy, tab)?.formulas ?? {})) {
        const m = /^([A-Z]+)(\d+)$/.exec(a1);
        if (m?.[1] === letter) held.set(Number(m[2]), formula);
      }
      return held;
    });
  }

  /**
   * Our own formulas, kept as the file keeps a spreadsheet's (by A1; the export computes them), and
   * the patches (the Log row), in one save.
   */
  async writeFormulas(cells: readonly FormulaCell[], patches: readonly TabPatch[]): Promise<void> {
    if (cells.length === 0) return;
    await this.locked();
    this.replay();
    for (const c of cells) {
      const sheet = sheetByTitle(this.copy, c.tab);
      if (sheet) sheet.formulas[`${columnLetter(c.col)}${c.row}`] = c.formula;
    }
    await this.write(patches);
  }

  async write(patches: readonly TabPatch[], newTabs: readonly RawTab[] = []): Promise<void> {
    try {
      if (patches.length === 0 && newTabs.length === 0) return;
      // A locking port writes only what it read under its lock: a write with no read first would
      // apply patches built on a file another process may have changed.
      if (this.lockAs && !this.lock)
        throw new Error(`${this.path}: a write without a read under the workbook's lock`);
      this.lock?.assertHeld();
      await this.save(patches, newTabs);
    } finally {
      await this.release();
    }
  }

  private async save(patches: readonly TabPatch[], newTabs: readonly RawTab[]): Promise<void> {
    this.calls.write += 1;
    const history = this.copy.history;
    const records =
      history && newTabs.every((t) => !HISTORY_TAB_NAMES.has(t.name)) && historyRecords(patches);
    const append = history && typeof records === 'string' && !compactionDue(history, records.length);
    // A file written whole holds every row; an append leaves a deferred segment's rows where they are.
    if (!append) this.replay();
    const deferred = this.segment !== undefined;
    addTabs(this.copy, newTabs);
    for (const patch of patches)
      if (!(deferred && HISTORY_TAB_NAMES.has(patch.tab))) patchTab(this.copy, patch, this.path);
    const lock = this.lock;
    // A locking port saves only over the version it read, and only while its lock is still its own.
    const fence = lock ? { expected: this.version, stillHeld: () => lock.verify() } : undefined;
    if (append) {
      await appendWorkbookFile(this.path, this.copy, history, records, fence);
      // The appended rows are on disk, not in the copy: a later use of this port reads the file again.
      if (deferred) {
        this.segment = undefined;
        this.stale = true;
      }
    } else await writeWorkbookFile(this.path, this.copy, fence);
  }
}
