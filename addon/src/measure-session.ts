/**
 * The calls every action makes about its own execution, timed for `measureSpeed` (measure.ts): the
 * active spreadsheet, the document lock asked for, taken and released, and the signed-in user.
 * Every action makes each once (server.ts, who-when.ts), five calls the cost model prices as
 * metadata calls (60 ms central) for want of a published figure: a release of a held order at
 * 50,000 lines is 2.65 s central with that price and meets its 2.5 s target if these cost 30 ms
 * or less (docs/twin.md, "Cost model"). The lock is asked for without waiting: a person acting
 * meanwhile keeps it, and the time of a refused `tryLock` is still one call's.
 */

/** Median milliseconds of one call of each kind, over `n` tries. */
export function sessionCallTimes(
  n: number,
  median: (xs: number[]) => number,
): Record<'getActiveSpreadsheet' | 'getDocumentLock' | 'tryLock' | 'releaseLock' | 'getActiveUser', number> {
  const runs = {
    getActiveSpreadsheet: [] as number[],
    getDocumentLock: [] as number[],
    tryLock: [] as number[],
    releaseLock: [] as number[],
    getActiveUser: [] as number[],
  };
  const time = <T>(into: number[], fn: () => T): T => {
    const t = Date.now();
    const out = fn();
    into.push(Date.now() - t);
    return out;
  };
  for (let i = 0; i < n; i++) {
    time(runs.getActiveSpreadsheet, () => SpreadsheetApp.getActiveSpreadsheet());
    time(runs.getActiveUser, () => Session.getActiveUser().getEmail());
    const lock = time(runs.getDocumentLock, () => LockService.getDocumentLock());
    if (!lock) continue;
    const held = time(runs.tryLock, () => lock.tryLock(0));
    if (held) time(runs.releaseLock, () => lock.releaseLock());
  }
  const of = (xs: number[]) => (xs.length > 0 ? median(xs) : 0);
  return {
    getActiveSpreadsheet: of(runs.getActiveSpreadsheet),
    getDocumentLock: of(runs.getDocumentLock),
    tryLock: of(runs.tryLock),
    releaseLock: of(runs.releaseLock),
    getActiveUser: of(runs.getActiveUser),
  };
}
