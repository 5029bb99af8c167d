/**
 * Which version of a workbook file is on disk, and the fence a save checks against it: a writer that
 * read one version (and holds the lock) may replace only that version, so one that stalled past its
 * lock never saves over a newer change (docs/cli.md, "Saves").
 */
import { stat } from 'node:fs/promises';
import { DeskError } from '../shared/primitives/errors';

/**
 * Which version of the file is on disk: its inode, size and modification time in nanoseconds, or
 * "absent". Every save renames a new file into place, so a save by anyone changes the inode.
 */
export async function fileVersion(path: string): Promise<string> {
  const s = await stat(path, { bigint: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  return s ? `${s.ino}:${s.size}:${s.mtimeNs}` : 'absent';
}

/** The version a writer read, and its lock: what a save checks before it replaces anything. */
export interface Fence {
  readonly expected: string;
  readonly stillHeld?: () => Promise<void>;
}

/** Refuses as stale when the lock is lost or the file is no longer the version the writer read. */
export async function checkFence(path: string, fence: Fence | undefined): Promise<void> {
  if (!fence) return;
  await fence.stillHeld?.();
  const now = await fileVersion(path);
  if (now !== fence.expected)
    throw new DeskError(
      'STALE',
      `${path} was saved by another process after this one read it (this process was paused past its lock); nothing was written. Run the command again.`,
    );
}
