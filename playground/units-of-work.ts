/**
 * The playground's units of work on a workbook file other processes share (the CLI, a cron sync):
 * one unit at a time in this process, each under the file's lock (the lock serialises processes), on
 * the file as it is on disk (reloaded when another process saved it meanwhile), and saved before the
 * lock is let go when it changed the twin. Without a shared file (tests) units just run one at a time.
 */

/** The workbook file behind the twin, shared with other processes (local-store/shared-workbook.ts). */
export interface SharedFile {
  lock(): Promise<{ release(): Promise<void> }>;
  /** Under the lock: reloads the twin when another process saved the file since. */
  refresh(): Promise<boolean>;
  save(): Promise<void>;
}

export class UnitsOfWork {
  private queue: Promise<unknown> = Promise.resolve();
  private inside = false;
  private dirty = false;

  constructor(
    private readonly file: SharedFile | undefined,
    /** Saves the twin where no shared file does (tests): the playground's own save. */
    private readonly save: () => Promise<void>,
  ) {}

  /** Notes a change of the twin; false when no unit is running (the caller saves at once). */
  changed(): boolean {
    if (!this.inside) return false;
    this.dirty = true;
    return true;
  }

  run<T>(work: () => T | Promise<T>): Promise<T> {
    const unit = async () => {
      const lock = await this.file?.lock();
      this.inside = true;
      try {
        await this.file?.refresh();
        const out = await work();
        if (this.dirty) await (this.file ? this.file.save() : this.save());
        return out;
      } finally {
        this.inside = false;
        this.dirty = false;
        await lock?.release();
      }
    };
    const next = this.queue.then(unit, unit);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
