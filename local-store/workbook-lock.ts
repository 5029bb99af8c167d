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
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { DeskError } from '../shared/errors';

export const LOCK_WAIT_MS = 20_000;
const STALE_MS = 10_000;

export interface WorkbookLock {
  /** Throws when the lock was lost (taken over as stale) since it was taken: nothing may be written. */
  assertHeld(): void;
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
      realpath: false, // the workbook may not exist yet: any command creates it
      stale: STALE_MS,
      update: STALE_MS / 5,
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
    const holder = (await readFile(owner, 'utf8').catch(() => '')).trim() || 'another process';
    throw new DeskError(
      'REFUSED',
      `${path} is in use by ${holder}; waited ${Math.round(waitMs / 1000)} s. Nothing was changed: run the command again when it has finished.`,
    );
  }
  await writeFile(
    owner,
    `${what} (pid ${process.pid} on ${hostname()}, since ${new Date().toISOString()})\n`,
  );
  return {
    assertHeld() {
      if (lost)
        throw new DeskError(
          'STALE',
          `${path}: this process lost its lock on the workbook (${lost.message}); nothing was written. Run the command again.`,
        );
    },
    async release() {
      await rm(owner, { force: true });
      await release().catch(() => undefined); // already released or taken over: nothing to undo
    },
  };
}
