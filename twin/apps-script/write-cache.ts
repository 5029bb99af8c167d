/**
 * An execution's write cache, as Apps Script keeps one: `setValues` and the other value writes of a
 * script are not sent to the spreadsheet when called but queued, and committed when the script reads
 * the spreadsheet, calls `SpreadsheetApp.flush()`, or ends. Until then another execution (a second
 * rep's click) reads the spreadsheet as it was. Releasing a lock does not commit: that is why the
 * LockService reference says to flush before releasing it (fidelity A1–A3).
 */
export class WriteCache {
  private readonly pending: (() => void)[] = [];

  /** Queues a write; it lands in the spreadsheet at the next commit. */
  defer(write: () => void): void {
    this.pending.push(write);
  }

  /** Applies every queued write in order (a read, a flush or the end of the execution). */
  commit(): void {
    while (this.pending.length > 0) (this.pending.shift() as () => void)();
  }

  get size(): number {
    return this.pending.length;
  }
}
