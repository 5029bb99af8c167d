/**
 * A lease per spreadsheet, so two sync instances never sync the same spreadsheet at once, kept in a
 * lease folder shared by the instances (a volume, or the host's temp folder for instances on one
 * machine). Leases cost the Sheets API nothing; instances on separate hosts without a shared folder
 * rely on the scheduler to run one at a time (docs/sync.md).
 *
 * A lease is a numbered generation file, `<key>.lease.<n>`, holding who took it, until when, and its
 * process. Taking it is an atomic exclusive create of the next generation: the file is written whole
 * to a temporary name and hard-linked into place (`link` fails when the name exists), so of any number
 * of instances that find generation n expired, exactly one creates n + 1; the others see it and step
 * back. An unlink-then-create takeover (a hand-written one, or proper-lockfile's stale removal) lets
 * two racers both win: one removes the lock the other has just made.
 *
 * A lease ends when it is released, when it expires (the holder renews it while it runs), or at once
 * when its holder was a process on this host that is no longer running (a killed sync).
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface Lease {
  release(): Promise<void>;
}

interface Held {
  readonly holder: string;
  readonly until: number;
  readonly host?: string;
  readonly pid?: number;
  readonly released?: boolean;
}

const safe = (key: string) => key.replace(/[^A-Za-z0-9._-]/g, '_');

/** Whether a process of this host still runs (`kill(pid, 0)`: ESRCH means it is gone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function active(held: Held, now: number): boolean {
  if (held.released || held.until <= now) return false;
  if (held.host === hostname() && held.pid !== undefined && held.pid !== process.pid)
    return running(held.pid);
  return true;
}

/** Writes `body` to `path` whole, via a temporary file: `exclusive` links it (fails if `path` exists). */
async function place(dir: string, path: string, body: string, exclusive: boolean): Promise<boolean> {
  const tmp = join(dir, `.${randomUUID()}.tmp`);
  await writeFile(tmp, body);
  try {
    if (!exclusive) {
      await rename(tmp, path);
      return true;
    }
    await link(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * Takes the lease on `key` for `ms` (renewed every quarter of it while held), or returns the current
 * holder's description. `now` is injectable for tests of expiry.
 */
export async function takeLease(
  dir: string,
  key: string,
  holder: string,
  ms: number,
  now = Date.now(),
): Promise<Lease | string> {
  await mkdir(dir, { recursive: true });
  const prefix = `${safe(key)}.lease.`;
  const body = (until: number, released = false) =>
    JSON.stringify({ holder, until, host: hostname(), pid: process.pid, released } satisfies Held);
  for (let attempt = 0; attempt < 5; attempt++) {
    const generations = (await readdir(dir))
      .filter((f) => f.startsWith(prefix) && /^\d+$/.test(f.slice(prefix.length)))
      .map((f) => Number(f.slice(prefix.length)));
    const top = Math.max(0, ...generations);
    if (top > 0) {
      let held: Held;
      try {
        held = JSON.parse(await readFile(join(dir, `${prefix}${top}`), 'utf8')) as Held;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // cleaned up meanwhile: look again
        throw e;
      }
      if (active(held, now)) return `${held.holder} until ${new Date(held.until).toISOString()}`;
    }
    const mine = join(dir, `${prefix}${top + 1}`);
    if (!(await place(dir, mine, body(now + ms), true))) continue; // another took it first: look again
    for (const g of generations) await rm(join(dir, `${prefix}${g}`), { force: true });
    let until = now + ms;
    const skew = now - Date.now(); // an injected clock stays the lease's clock
    const renewing = setInterval(
      () => {
        until = Date.now() + skew + ms;
        void place(dir, mine, body(until), false).catch(() => undefined);
      },
      Math.max(1000, ms / 4),
    );
    renewing.unref();
    return {
      async release() {
        clearInterval(renewing);
        await place(dir, mine, body(until, true), false);
      },
    };
  }
  return 'another instance (it took the expired lease first)';
}
