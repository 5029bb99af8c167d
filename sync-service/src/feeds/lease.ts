/**
 * A lease per spreadsheet, so two sync instances never sync the same spreadsheet at once: a lock file
 * created exclusively (`wx`) in a lease folder shared by the instances (a volume, or the host's temp
 * folder for instances on one machine), holding who took it and until when. An expired lease (a
 * crashed holder) is taken over. Leases cost the Sheets API nothing; instances on separate hosts
 * without a shared folder rely on the scheduler to run one at a time (docs/sync.md).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Lease {
  release(): Promise<void>;
}

const fileOf = (dir: string, key: string) => join(dir, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}.lease`);

/** Takes the lease on `key` for `ms`, or returns the current holder's description. */
export async function takeLease(
  dir: string,
  key: string,
  holder: string,
  ms: number,
  now = Date.now(),
): Promise<Lease | string> {
  await mkdir(dir, { recursive: true });
  const file = fileOf(dir, key);
  const body = JSON.stringify({ holder, until: now + ms });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, body, { flag: 'wx' });
      return { release: () => rm(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let current: { holder: string; until: number };
      try {
        current = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        current = { holder: 'unknown', until: 0 };
      }
      if (current.until > now) return `${current.holder} until ${new Date(current.until).toISOString()}`;
      await rm(file, { force: true }); // expired: its holder died; take it over
    }
  }
  return 'another instance (it took the expired lease first)';
}
