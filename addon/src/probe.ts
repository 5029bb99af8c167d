/**
 * The server half of the sidebar's speed probe (addon/src/ui/probe.ts, shared/sidebar/probe.ts):
 * `probeEcho` does nothing (a round trip is all its cost), `probeWait` holds its execution for a
 * while and says when it began and ended, so calls sent at once show whether Google ran them at once.
 * Neither touches the spreadsheet.
 */

/** An empty call: what a `google.script.run` round trip costs. */
export function probeEcho(): number {
  return Date.now();
}

/** Waits `ms` (at most 5 s) and returns when it began and ended, server time. */
export function probeWait(ms: number): [number, number] {
  const start = Date.now();
  Utilities.sleep(Math.max(0, Math.min(5000, Number(ms) || 0)));
  return [start, Date.now()];
}
