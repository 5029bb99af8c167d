/**
 * A workbook file that a long-running process keeps in memory (npm start's playground and its sync
 * loop) while CLI commands may change it on disk. Each unit of work takes the workbook's lock
 * (workbook-lock.ts), reloads the file when another process saved it since (its version, inode, size
 * and mtime, differs from the last read or save), runs, and saves before letting go, so neither side overwrites
 * the other's change.
 */
import { fileVersion, readWorkbookFile, type WorkbookFile, writeWorkbookFile } from './workbook-file';
import { lockWorkbook, type WorkbookLock } from './workbook-lock';

export class SharedWorkbookFile {
  private seen: string | undefined;

  constructor(
    readonly path: string,
    /** What holds the workbook in memory (the twin of npm start): its `file` is reloaded and saved. */
    readonly twin: { file: WorkbookFile },
    private readonly holder: string,
  ) {}

  private stamp(): Promise<string> {
    return fileVersion(this.path);
  }

  lock(): Promise<WorkbookLock> {
    return lockWorkbook(this.path, this.holder);
  }

  /** Under the lock: takes another process's save into memory. Returns whether it did. */
  async refresh(): Promise<boolean> {
    const now = await this.stamp();
    if (now === this.seen) return false;
    const file = await readWorkbookFile(this.path);
    if (file) this.twin.file = file;
    this.seen = now;
    return true;
  }

  /** Under the lock: writes the workbook as it stands in memory (atomically). */
  async save(): Promise<void> {
    // Saved only over the version last read or saved: a save by anyone else since is never overwritten.
    await writeWorkbookFile(
      this.path,
      this.twin.file,
      this.seen === undefined ? undefined : { expected: this.seen },
    );
    this.seen = await this.stamp();
  }
}
