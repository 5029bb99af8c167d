/**
 * An action refused because another rep's action held the document lock is tried again, a few
 * times and a pause apart, and the person reads that it is (addon/src/busy.ts). The caller keeps
 * the request's RequestID across tries, so a try that did land (its reply lost) is answered with
 * its earlier outcome and never applied twice. Any other refusal is the caller's at once.
 */
import { BUSY_MESSAGE } from '../busy';

export const BUSY_RETRIES = 3;

/**
 * A failure's message as the person should read it. What `google.script.run` hands the failure
 * handler is not documented: public sidebar code strips a leading "Error: " (or "Exception: ") from
 * it, so the prefix is taken off here whether it comes or not (docs/fidelity.md A42, inference).
 */
export function failureText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/^(?:Uncaught )?(?:Error|Exception|ScriptError):\s*/, '');
}
export const BUSY_PAUSE_MS = 2000;

export async function whileBusy<T>(
  /** One try; `tries` counts from 1, for the server to know a first try from a repeated one. */
  attempt: (tries: number) => Promise<T>,
  onBusy: (attempt: number, of: number) => void,
  pause: (ms: number) => Promise<unknown> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(tries);
    } catch (e) {
      // With or without a prefix ("Error: …"), as real google.script.run failures may carry one.
      const busy = failureText(e).startsWith(BUSY_MESSAGE);
      if (!busy || tries > BUSY_RETRIES) throw e;
      onBusy(tries, BUSY_RETRIES);
      await pause(BUSY_PAUSE_MS);
    }
  }
}
