/**
 * The sync service's own retry policy for every Sheets request, POST included (the client retries
 * only GETs and ignores Retry-After): 429, 500, 503 and network timeouts are retried with truncated
 * exponential backoff and jitter, wait = min(2^n s + random ≤ 1 s, 64 s), for a bounded number of
 * attempts; requests are also spaced to stay under the per-minute quota. Writes are safe to repeat:
 * every cell goes to an explicit address (never `values.append`), so a retry after a lost response
 * rewrites the same cells. Time and randomness are injected so tests run a 65-second 429 storm in
 * milliseconds.
 */

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Requests per minute the service allows itself (the real quota is 60 per user). */
  readonly perMinute: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 10,
  perMinute: 55,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => Date.now(),
  random: Math.random,
};

const RETRIED = new Set([429, 500, 502, 503, 504]);

/** A request abandoned by the client's timeout (gaxios aborts it: an AbortError, or its cause). */
export function timedOut(e: unknown): boolean {
  const err = e as { name?: string; cause?: { name?: string } };
  return [err.name, err.cause?.name].some((n) => n === 'AbortError' || n === 'TimeoutError');
}

export function retryable(e: unknown): boolean {
  const err = e as { response?: { status?: number }; code?: string };
  const status = err.response?.status;
  if (status !== undefined) return RETRIED.has(status);
  if (timedOut(e)) return true;
  return ['ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET'].includes(
    String(err.code ?? ''),
  );
}

/** Waits before attempt `n` (1-based retries): min(2^n s + jitter ≤ 1 s, 64 s). */
export function backoffMs(n: number, random: () => number): number {
  return Math.min(2 ** n * 1000 + Math.floor(random() * 1000), 64_000);
}

export class Retrier {
  private readonly sent: number[] = [];
  readonly waits: number[] = [];

  constructor(private readonly policy: RetryPolicy = DEFAULT_RETRY) {}

  /** Spaces requests so no rolling minute holds more than `perMinute` of them. */
  private async pace(): Promise<void> {
    const now = this.policy.now();
    while (this.sent.length > 0 && now - (this.sent[0] as number) >= 60_000) this.sent.shift();
    if (this.sent.length >= this.policy.perMinute) {
      const wait = 60_000 - (now - (this.sent[0] as number));
      this.waits.push(wait);
      await this.policy.sleep(wait);
    }
    this.sent.push(this.policy.now());
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.pace();
      try {
        return await fn();
      } catch (e) {
        if (!retryable(e) || attempt >= this.policy.maxAttempts) throw e;
        const wait = backoffMs(attempt - 1, this.policy.random);
        this.waits.push(wait);
        await this.policy.sleep(wait);
      }
    }
  }
}
