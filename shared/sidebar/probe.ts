/**
 * What the sidebar's speed probe (addon/src/ui/probe.ts) makes of its timings, in a real Sheet: the
 * round trip of one `google.script.run` (the cost model's `roundTrip`, which the server cannot time
 * itself: addon/src/measure.ts), and whether calls sent at once run at once. Each parallel call
 * reports when the server began and ended it; `overlap` is how much of their wall time they shared:
 * 1 when all ran side by side (a view split into parallel calls would take the longest part), 0
 * when Google ran them one after another (it would take their sum). That number decides whether
 * views split across calls (docs/addon.md, "Parallel calls") can win. Pure.
 */

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Server-side spans [start, end] (ms) of calls sent together. */
export type Span = readonly [start: number, end: number];

/**
 * How far calls sent together ran at once: (sum of their own times − wall time) ÷ (sum − longest).
 * 1: fully side by side; 0: one after another; a single call or none: 0.
 */
export function overlap(spans: readonly Span[]): number {
  if (spans.length < 2) return 0;
  const own = spans.map(([s, e]) => Math.max(0, e - s));
  const sum = own.reduce((n, d) => n + d, 0);
  const longest = Math.max(...own);
  const wall = Math.max(...spans.map(([, e]) => e)) - Math.min(...spans.map(([s]) => s));
  if (sum === longest) return 0;
  return Math.min(1, Math.max(0, (sum - wall) / (sum - longest)));
}

export interface ProbeReport {
  /** Median ms of an empty `google.script.run` call, from the sidebar and back. */
  readonly roundTripMs: number;
  /** Each round trip measured (ms). */
  readonly roundTrips: readonly number[];
  /** Calls sent at once, and how far they ran at once (0…1). */
  readonly parallelCalls: number;
  readonly overlap: number;
  /** Wall time (ms) from sending the parallel calls to the last answer. */
  readonly parallelWallMs: number;
}
