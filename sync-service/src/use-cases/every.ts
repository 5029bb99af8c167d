/**
 * `sync --every MINUTES`: runs the sync, waits, runs again, until told to stop (SIGTERM, SIGINT); a
 * stop request lets the run in flight finish and ends the wait at once. A failed run is reported and
 * the loop goes on: the next run starts from what the spreadsheet holds, so nothing is lost.
 */

export interface EveryOptions {
  readonly minutes: number;
  readonly signal: AbortSignal;
  readonly runOnce: () => Promise<void>;
  readonly onError: (e: unknown) => void;
  /** Resolves after `ms` or as soon as the signal aborts. */
  readonly wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const interruptibleWait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** Returns the number of runs made. */
export async function runEvery(o: EveryOptions): Promise<number> {
  const wait = o.wait ?? interruptibleWait;
  let runs = 0;
  while (!o.signal.aborted) {
    try {
      await o.runOnce();
    } catch (e) {
      o.onError(e);
    }
    runs += 1;
    if (o.signal.aborted) break;
    await wait(o.minutes * 60_000, o.signal);
  }
  return runs;
}
