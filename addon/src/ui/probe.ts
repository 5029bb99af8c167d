/**
 * The sidebar's speed probe, for the first real Sheet: in the browser console of the sidebar's frame
 * (right-click the sidebar ▸ Inspect, pick the `userHtmlFrame` context), `await backorderDeskProbe()`
 * times `rounds` empty `google.script.run` calls one after another (the cost model's round trip,
 * which the server cannot time: addon/src/measure.ts), then sends `parallel` calls at once, each
 * holding its execution `waitMs`, and reports how far Google ran them side by side
 * (shared/sidebar/probe.ts). Nothing in the spreadsheet is read or written. docs/addon.md, "Parallel
 * calls", says what the numbers decide.
 */
import { median, overlap, type ProbeReport, type Span } from '../../../shared/sidebar/probe';

type Call = <T>(fn: string, ...args: unknown[]) => Promise<T>;

export async function probe(call: Call, rounds = 5, parallel = 4, waitMs = 2000): Promise<ProbeReport> {
  const roundTrips: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await call<number>('probeEcho');
    roundTrips.push(Math.round(performance.now() - t));
  }
  const t = performance.now();
  const spans = await Promise.all(Array.from({ length: parallel }, () => call<Span>('probeWait', waitMs)));
  return {
    roundTripMs: median(roundTrips),
    roundTrips,
    parallelCalls: parallel,
    overlap: overlap(spans),
    parallelWallMs: Math.round(performance.now() - t),
  };
}
