/**
 * Progress on long work, for a person at a terminal only: once a command has run a second, one line
 * on stderr says what runs and for how long ("backorder-desk do allocate: working… 4 s"), rewritten
 * in place each second and wiped before anything else is written and when the command ends. A script
 * (stderr not a terminal: the bin gives no `terminal`) never sees it, so pipes and logs stay as the
 * CLI contract has them (docs/cli.md).
 */

/** stderr when it is a terminal, and the clock the line follows (tests give their own). */
export interface Terminal {
  write(text: string): void;
  readonly clock?: Clock;
}

export interface Clock {
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    // The line never keeps a finished command's process alive.
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** Quiet for this long: a quick command shows nothing. */
export const QUIET_MS = 1000;
/** Moves the cursor to the start of the line and wipes it. */
const WIPE = '\r\u001b[K';

export interface Ticker {
  /** Wipes the line (before other output); it comes back at the next tick. */
  clear(): void;
  /** Stops the line for good and wipes it. */
  stop(): void;
}

/** A command's output: where its progress line must be wiped first. */
interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly terminal?: Terminal;
}

/**
 * The output a command runs with: `io` itself when there is no terminal or no `label`, else `io`
 * whose writes first wipe the progress line; `stop` ends the line.
 */
export function withProgress<T extends Output>(io: T, label: string | undefined): { io: T; stop(): void } {
  if (!io.terminal || label === undefined) return { io, stop: () => {} };
  const running = ticker(label, io.terminal);
  const wipingFirst = (write: (s: string) => void) => (s: string) => {
    running.clear();
    write(s);
  };
  return {
    io: { ...io, stdout: wipingFirst(io.stdout), stderr: wipingFirst(io.stderr) },
    stop: running.stop,
  };
}

export function ticker(label: string, terminal: Terminal): Ticker {
  const clock = terminal.clock ?? SYSTEM_CLOCK;
  const started = clock.now();
  let shown = false;
  const clear = () => {
    if (!shown) return;
    terminal.write(WIPE);
    shown = false;
  };
  const cancel = clock.every(QUIET_MS, () => {
    const ms = clock.now() - started;
    if (ms < QUIET_MS) return;
    terminal.write(`${WIPE}${label}: working… ${Math.floor(ms / 1000)} s`);
    shown = true;
  });
  return {
    clear,
    stop: () => {
      cancel();
      clear();
    },
  };
}
