/**
 * One writer at a time on a local workbook file. Every process that reads a workbook to change it
 * (a CLI command, a sync run, the playground) holds this lock from its read to its write, so a
 * change is always built on the file as it is and no save overwrites another's: without it five
 * concurrent `do ship` runs each printed "done" and two or three of the shipments were lost.
 *
 * The lock is proper-lockfile's (a `<file>.lock` directory made atomically by mkdir, its mtime
 * refreshed every 2 s, taken over when it has not been refreshed for 10 s, so a process killed with
 * SIGKILL never blocks the file for good). Beside it `<file>.lock-owner` names the holder, so a
 * process that cannot get the lock within its wait says who has it. Decision: a well-kept library
 * over our own, because stale-lock takeover and compromise detection are easy to get subtly wrong.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { DeskError } from '../shared/primitives/errors';

export const LOCK_WAIT_MS = 20_000;

/** The owner file's first line names the holder; the second is its token. */
const firstLine = (text: string) => text.split('\n')[0]?.trim() ?? '';
/**
 * How long a lock may go unrefreshed before another process takes it over: 10 s, or
 * BACKORDER_DESK_LOCK_STALE_MS (at least proper-lockfile's floor of 2 s; tests of a paused writer use it).
 */
const staleMs = () => Math.max(2000, Number(process.env.BACKORDER_DESK_LOCK_STALE_MS) || 10_000);

export interface WorkbookLock {
  /** Throws when the lock was lost (taken over as stale) since it was taken: nothing may be written. */
  assertHeld(): void;
  /**
   * assertHeld, and the owner file still names this holder: a process paused past the lock's staleness
   * finds another's name there even before proper-lockfile's timer notices the takeover.
   */
  verify(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes the lock on `path`, waiting up to `waitMs`; `what` names the holder for others ("do ship").
 * Refuses with the holder's name when the wait runs out.
 */
export async function lockWorkbook(
  path: string,
  what: string,
  waitMs: number = LOCK_WAIT_MS,
): Promise<WorkbookLock> {
  await mkdir(dirname(path), { recursive: true });
  const owner = `${path}.lock-owner`;
  let lost: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(path, {
      realpath: false, // the workbook may not exist yet: init and import create it
      stale: staleMs(),
      update: staleMs() / 5,
      retries: {
        retries: Math.ceil(waitMs / 100),
        factor: 1,
        minTimeout: 50,
        maxTimeout: 150,
        randomize: true,
      },
      onCompromised: (e) => {
        lost = e;
      },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    const holder = firstLine(await readFile(owner, 'utf8').catch(() => '')) || 'another process';
    throw new DeskError(
      'BUSY',
      `${path} is in use by ${holder}; waited ${Math.round(waitMs / 1000)} s. Nothing was changed: run the command again when it has finished.`,
    );
  }
  const token = randomUUID();
  const mine = `${what} (pid ${process.pid} on ${hostname()}, since ${new Date().toISOString()})\n${token}\n`;
  await writeFile(owner, mine);
  const stale = (why: string) =>
    new DeskError(
      'STALE',
      `${path}: this process lost its lock on the workbook (${why}); nothing was written. Run the command again.`,
    );
  const held = {
    assertHeld() {
      if (lost) throw stale(lost.message);
    },
    async verify() {
      held.assertHeld();
      const now = await readFile(owner, 'utf8').catch(() => '');
      if (now !== mine) throw stale(`taken over by ${firstLine(now) || 'another process'}`);
    },
    async release() {
      // The owner file is removed only while it is ours: a process that lost the lock leaves the new
      // holder's name in place.
      if ((await readFile(owner, 'utf8').catch(() => '')) === mine) await rm(owner, { force: true });
      await release().catch(() => undefined); // already released or taken over: nothing to undo
    },
  };
  return held;
}
