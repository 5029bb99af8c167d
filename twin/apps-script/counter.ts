/**
 * Counts every Apps Script service call the script makes, per kind ("Range.getValues",
 * "SpreadsheetApp.getActiveSpreadsheet"…), and the cells value reads and writes move, so tests can
 * assert how many reads and writes an action made and the cost model (cost-model.ts) can price it; an optional per-call latency (a real, blocking wait) makes slowness visible, as in Apps Script
 * where every call crosses to Google's servers.
 */

export class CallCounter {
  readonly counts: Record<string, number> = {};
  /**
   * Cells moved by value reads (getValues, getFormulas, getNotes) and writes (setValues …), and cells
   * a TextFinder search covered (scanned on Google's side, whatever it found).
   */
  readonly cells = { read: 0, written: 0, scanned: 0 };
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));

  constructor(public latencyMs = 0) {}

  hit(kind: string, cells?: { read?: number; written?: number; scanned?: number }): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    this.cells.read += cells?.read ?? 0;
    this.cells.written += cells?.written ?? 0;
    this.cells.scanned += cells?.scanned ?? 0;
    if (this.latencyMs > 0) Atomics.wait(this.sleeper, 0, 0, this.latencyMs);
  }

  /** Calls of kinds matching a pattern, e.g. /^Range\.(setValues|setValue)/ for writes. */
  total(pattern: RegExp): number {
    return Object.entries(this.counts).reduce((n, [k, v]) => (pattern.test(k) ? n + v : n), 0);
  }

  reset(): void {
    for (const k of Object.keys(this.counts)) delete this.counts[k];
    this.cells.read = 0;
    this.cells.written = 0;
    this.cells.scanned = 0;
  }
}
