/**
 * What an execution would cost in real Apps Script, from what the twin counted: in Apps Script time
 * follows the service calls made and the cells they move, plus a round trip per `google.script.run`
 * and a commit of the writes at the end. Three parameter sets from published measurements
 * (docs/twin.md, "Cost model"): `low` the fastest reported, `high` the slowest, `central` between.
 */
import type { CallCounter } from './counter';

export interface CostParameters {
  /** One google.script.run call, sidebar to server and back (s). */
  readonly roundTrip: number;
  /** One service call (s). */
  readonly perCall: number;
  /**
   * One call that only makes or asks a range object (LOCAL_CALLS) (s): measured about 3 ms for a
   * getRange and its getValue in a loop; `high` prices it as a full service call.
   */
  readonly perLocalCall: number;
  /** One cell read or written by getValues / setValues and their kin (s). */
  readonly perCell: number;
  /** Committing an execution's writes (s), when it wrote anything. */
  readonly commit: number;
  /**
   * One cell a TextFinder search covers (s): the search runs on Google's side over every cell of its
   * range, so its cost grows with the tab, not with what it finds (docs/twin.md, "Cost model").
   */
  readonly perScannedCell: number;
}

export const COST: Readonly<Record<'low' | 'central' | 'high', CostParameters>> = {
  low: {
    roundTrip: 0.3,
    perCall: 0.02,
    perLocalCall: 0.001,
    perCell: 12e-6,
    commit: 0.3,
    perScannedCell: 1e-6,
  },
  central: {
    roundTrip: 0.6,
    perCall: 0.06,
    perLocalCall: 0.003,
    perCell: 50e-6,
    commit: 0.45,
    perScannedCell: 2.5e-6,
  },
  high: {
    roundTrip: 1.5,
    perCall: 0.16,
    perLocalCall: 0.16,
    perCell: 100e-6,
    commit: 0.6,
    perScannedCell: 5e-6,
  },
};

/**
 * Calls that make a range or read its coordinates, and a TextFinder before its search: Apps Script
 * answers them without a trip to the spreadsheet (docs/twin.md, "Cost model").
 */
export const LOCAL_CALLS: ReadonlySet<string> = new Set([
  'Sheet.getRange',
  'Range.getRow',
  'Range.getColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.createTextFinder',
]);

/** Estimated seconds of what `counter` recorded, as `executions` calls from the sidebar or menu. */
export function estimateSeconds(counter: CallCounter, executions = 1): Record<keyof typeof COST, number> {
  let calls = 0;
  let local = 0;
  for (const [kind, n] of Object.entries(counter.counts))
    if (LOCAL_CALLS.has(kind)) local += n;
    else calls += n;
  const cells = counter.cells.read + counter.cells.written;
  const out = {} as Record<keyof typeof COST, number>;
  for (const [name, p] of Object.entries(COST) as [keyof typeof COST, CostParameters][])
    out[name] =
      Math.round(
        (executions * p.roundTrip +
          calls * p.perCall +
          local * p.perLocalCall +
          cells * p.perCell +
          counter.cells.scanned * p.perScannedCell +
          (counter.cells.written > 0 ? p.commit : 0)) *
          100,
      ) / 100;
  return out;
}
