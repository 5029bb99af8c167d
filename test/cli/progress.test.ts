/**
 * Progress on long work only at a terminal (cli/progress.ts): nothing in the first second, then one
 * line on stderr rewritten in place, wiped before any output and at the end. A run whose stderr is
 * not a terminal gets no `terminal` from the bin, so every other CLI test checks that output.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { type Clock, QUIET_MS, ticker } from '../../cli/progress';
import { cli, tempDir } from '../support/cli';

const WIPE = '\r\u001b[K';

/** A clock the test moves, and the ticks it owes. */
function testClock() {
  let t = 1_000_000;
  const ticks: (() => void)[] = [];
  let stopped = 0;
  const clock: Clock = {
    now: () => t,
    every: (_ms, fn) => {
      ticks.push(fn);
      return () => {
        stopped++;
      };
    },
  };
  const pass = (ms: number) => {
    t += ms;
    for (const fn of ticks) fn();
  };
  return { clock, pass, stopped: () => stopped };
}

describe('CLI progress at a terminal', () => {
  it('stays quiet for a second, then says what runs and for how long, and wipes itself', () => {
    const { clock, pass, stopped } = testClock();
    const written: string[] = [];
    const t = ticker('backorder-desk do allocate', { write: (s) => written.push(s), clock });
    pass(QUIET_MS / 2);
    expect(written).toEqual([]);
    pass(QUIET_MS * 3);
    pass(QUIET_MS);
    expect(written).toEqual([
      `${WIPE}backorder-desk do allocate: working… 3 s`,
      `${WIPE}backorder-desk do allocate: working… 4 s`,
    ]);
    t.clear();
    t.stop();
    expect(written.slice(2)).toEqual([WIPE]);
    expect(stopped()).toBe(1);
  });

  it('wipes the line before the command prints, and at the end', async () => {
    const dir = tempDir();
    await cli(dir, 'init', '--workbook', 'w.json');
    const { clock, pass, stopped } = testClock();
    // stderr's terminal line and the command's output, in the order they were written.
    const seen: string[] = [];
    const out: string[] = [];
    const code = await main(['do', 'allocate', '--workbook', 'w.json'], {
      // The command has been running two seconds when it prints.
      stdout: (s) => {
        out.push(s);
        seen.push('output');
      },
      stderr: (s) => {
        out.push(s);
        seen.push('output');
      },
      env: { BACKORDER_DESK_TODAY: '2026-11-23', BACKORDER_DESK_ACTOR: 'tester' },
      cwd: dir,
      terminal: {
        write: (s) => {
          seen.push(s);
        },
        clock: {
          ...clock,
          every: (ms, fn) => {
            const cancel = clock.every(ms, fn);
            pass(2 * QUIET_MS);
            return cancel;
          },
        },
      },
    });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/LG-/);
    expect(seen).toEqual([`${WIPE}backorder-desk do allocate: working… 2 s`, WIPE, 'output']);
    expect(stopped()).toBe(1);
  });
});
