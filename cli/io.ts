/**
 * What the CLI gets from its process, handed in so tests run it in-process: output, environment,
 * folder, and the clock and randomness of the Sheets retry policy.
 */
import type { RetryPolicy } from '../sync-service/src/sheets/retry';
import type { Terminal } from './progress';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  /** Time and randomness of the Sheets retry policy (tests run a 65-second storm instantly). */
  readonly retry?: Partial<RetryPolicy>;
  /** Ends `sync --every` (default: SIGTERM or SIGINT). */
  readonly stop?: AbortSignal;
  /** stderr when it is a terminal: long work shows a progress line there (cli/progress.ts). */
  readonly terminal?: Terminal;
}
