/**
 * `sync --every`: runs, waits, runs again; a stop request lets the run in flight finish and ends the
 * wait; a failed run is reported and the loop goes on.
 */
import { describe, expect, it } from 'vitest';
import { runEvery } from '../../../sync-service/src/use-cases/every';
import { cli, tempDir } from '../../support/cli';

describe('runEvery', () => {
  it('keeps going after a failure and stops cleanly after the run in flight', async () => {
    const controller = new AbortController();
    const events: string[] = [];
    let n = 0;
    const runs = await runEvery({
      minutes: 15,
      signal: controller.signal,
      runOnce: async () => {
        n += 1;
        events.push(`run ${n}`);
        if (n === 2) throw new Error('Google is busy');
        if (n === 3) controller.abort(); // SIGTERM arrives while run 3 is in flight
      },
      onError: (e) => events.push(`error: ${(e as Error).message}`),
      wait: async (ms) => {
        events.push(`wait ${ms / 60_000} min`);
      },
    });
    expect(runs).toBe(3);
    expect(events).toEqual([
      'run 1',
      'wait 15 min',
      'run 2',
      'error: Google is busy',
      'wait 15 min',
      'run 3',
    ]);
  });

  it('refuses a nonsense interval', async () => {
    const r = await cli(
      tempDir(),
      'sync',
      '--workbook',
      'w.json',
      '--create',
      '--feeds',
      'missing.json',
      '--every',
      'soon',
    );
    expect(r.code).toBe(1); // the configuration is read first: it is missing
    expect(r.stderr).toContain('missing.json: not a readable JSON file');
  });
});
