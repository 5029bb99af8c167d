/**
 * The sidebar's speed probe: its arithmetic (how far calls sent together overlapped), and the probe
 * itself run against the built Code.js in the twin, whose executions run one after another (a Node
 * process runs one at a time), so the probe must report no overlap there and a wall time of the sum.
 */
import { describe, expect, it } from 'vitest';
import { probe } from '../../addon/src/ui/probe';
import { median, overlap } from '../../shared/sidebar/probe';
import { openDesk } from '../support/addon';

describe('speed probe', () => {
  it('says how far calls sent together ran at once', () => {
    expect(
      overlap([
        [0, 1000],
        [0, 1000],
        [0, 1000],
      ]),
    ).toBe(1);
    expect(
      overlap([
        [0, 1000],
        [1000, 2000],
        [2000, 3000],
      ]),
    ).toBe(0);
    expect(
      overlap([
        [0, 1000],
        [500, 1500],
      ]),
    ).toBe(0.5);
    expect(overlap([[0, 1000]])).toBe(0);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBe(0);
  });

  it('reports no overlap against executions that run one after another', async () => {
    const desk = await openDesk();
    const call = <T>(fn: string, ...args: unknown[]) => Promise.resolve(desk.run<T>(fn, ...args));
    const report = await probe(call, 3, 3, 50);
    expect(report.roundTrips).toHaveLength(3);
    expect(report.parallelCalls).toBe(3);
    expect(report.overlap).toBe(0);
    expect(report.parallelWallMs).toBeGreaterThanOrEqual(150);
    // Nothing of the spreadsheet was read or written.
    expect(desk.rt.counter.total(/^(Range|Sheet|Spreadsheet)\./)).toBe(0);
  });
});
