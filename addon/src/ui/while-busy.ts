/**
 * An action refused because another rep's action held the document lock is tried again, a few
 * times and a pause apart, and the person reads that it is (addon/src/busy.ts). The caller keeps
 * the request's RequestID across tries, so a try that did land (its reply lost) is answered with
 * its earlier outcome and never applied twice. Any other refusal is the caller's at once.
 */
import { BUSY_MESSAGE } from '../busy';

export const BUSY_RETRIES = 3;
export const BUSY_PAUSE_MS = 2000;

export async function whileBusy<T>(
  attempt: () => Promise<T>,
  onBusy: (attempt: number, of: number) => void,
  pause: (ms: number) => Promise<unknown> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (e) {
      const busy = e instanceof Error && e.message.startsWith(BUSY_MESSAGE);
      if (!busy || tries > BUSY_RETRIES) throw e;
      onBusy(tries, BUSY_RETRIES);
      await pause(BUSY_PAUSE_MS);
    }
  }
}
