/**
 * The sidebar's answer to "another action is running": the same request is tried again a few
 * times, the person is told each time, and any other refusal comes back at once.
 */
import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from '../../../addon/src/busy';
import { BUSY_RETRIES, failureText, whileBusy } from '../../../addon/src/ui/while-busy';

const busy = () => new Error(`${BUSY_MESSAGE}; try again in a few seconds`);
const noPause = () => Promise.resolve();

describe('whileBusy', () => {
  it('tries again while the lock is taken, saying so, and returns the reply once it is free', async () => {
    const seen: string[] = [];
    let calls = 0;
    const reply = await whileBusy(
      async () => {
        calls++;
        if (calls < 3) throw busy();
        return 'done';
      },
      (attempt, of) => seen.push(`${attempt}/${of}`),
      noPause,
    );
    expect(reply).toBe('done');
    expect(calls).toBe(3);
    expect(seen).toEqual([`1/${BUSY_RETRIES}`, `2/${BUSY_RETRIES}`]);
  });

  it('gives up after its retries with the server’s own message', async () => {
    let calls = 0;
    const run = whileBusy(
      async () => {
        calls++;
        throw busy();
      },
      () => {},
      noPause,
    );
    await expect(run).rejects.toThrow(BUSY_MESSAGE);
    expect(calls).toBe(BUSY_RETRIES + 1);
  });

  it('returns any other refusal at once, untried', async () => {
    let calls = 0;
    const run = whileBusy(
      async () => {
        calls++;
        throw new Error('Orders SO-1#1 changed since you looked; reload and try again');
      },
      () => {},
      noPause,
    );
    await expect(run).rejects.toThrow('changed since you looked');
    expect(calls).toBe(1);
  });

  it('recognises the busy refusal with the prefix real failures may carry ("Error: …")', async () => {
    for (const prefix of ['Error: ', 'Exception: ', 'ScriptError: ']) {
      let calls = 0;
      const reply = await whileBusy(
        async () => {
          calls++;
          if (calls < 2) throw new Error(`${prefix}${BUSY_MESSAGE}; try again in a few seconds`);
          return 'done';
        },
        () => {},
        noPause,
      );
      expect(reply).toBe('done');
      expect(calls).toBe(2);
    }
    expect(failureText(new Error('Error: Order SO-1 is on hold'))).toBe('Order SO-1 is on hold');
  });
});
