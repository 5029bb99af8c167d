/**
 * A file replaced whole and durably: the text goes to a temporary file in the same folder, which is
 * synced to disk, renamed over the target, and the folder is synced so the rename itself survives a
 * power loss (rename alone is atomic, not durable). A failed write (a full disk, a folder that is not
 * there) removes its temporary file and leaves the target as it was.
 *
 * `beforeReplace` runs after the temporary file is safely on disk and just before the rename: the
 * workbook file checks there that it still holds the lock and that the file is still the one it read.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileDurably(
  path: string,
  text: string | Uint8Array,
  beforeReplace?: () => Promise<void>,
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeReplace?.();
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    // Name the file the person asked for, not the temporary one; the code stays for the caller.
    const err = e as NodeJS.ErrnoException;
    if (err.syscall) err.message = `cannot write ${path}: ${err.code} (${err.syscall ?? 'write'} failed)`;
    throw err;
  }
  await syncFolder(dirname(path));
}

/** fsync of a folder, so a rename in it is on disk; a platform that cannot (Windows) is let be. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EISDIR / EPERM on platforms without directory fsync: the rename is still atomic.
  } finally {
    await handle.close();
  }
}
