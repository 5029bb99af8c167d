/**
 * One contender for the lease race test: for each round it says "ready R", waits for the file
 * `go-R` in the lease folder (all contenders start together), tries the lease `sheet-R` and prints
 * "R won" or "R lost". Winners keep their lease, and stay alive until the file `done` exists. Bundled and run by test/sync-service/feeds/lease.test.ts: node racer.mjs DIR ROUNDS
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { takeLease } from '../../sync-service/src/feeds/lease';

const [dir, rounds] = [process.argv[2] as string, Number(process.argv[3])];
const nap = new Int32Array(new SharedArrayBuffer(4));
for (let r = 1; r <= rounds; r++) {
  process.stdout.write(`ready ${r}\n`);
  // A racer left behind by a failed test gives up after a minute instead of spinning on.
  const end = Date.now() + 60_000;
  while (!existsSync(join(dir, `go-${r}`))) {
    if (Date.now() > end) process.exit(3);
    Atomics.wait(nap, 0, 0, 5);
  }
  const lease = await takeLease(dir, `sheet-${r}`, `racer ${process.pid}`, 60_000);
  process.stdout.write(`${r} ${typeof lease === 'string' ? 'lost' : 'won'}\n`);
}
// A winner stays alive until every racer has answered: a lease whose holder process is gone is free
// (a killed sync's lease is taken over at once), so an early exit would hand it to a slow racer.
const end = Date.now() + 60_000;
while (!existsSync(join(dir, 'done')) && Date.now() < end) Atomics.wait(nap, 0, 0, 5);
process.exit(0);
