/**
 * A save that dies between its two steps, for the crash test of the history segment: it opens the
 * workbook file under its lock, adds a Log row and writes a Shipments cell, and the process is
 * killed (SIGKILL, as a power cut would stop it) right after the segment's records are appended and
 * synced, just before the JSON file would be replaced with their committed length. The fence's lock
 * check runs at exactly those two points, so its second run is the kill.
 * Run: node bin/run-ts.mjs test/support/crashing-history-save.ts FILE
 */

import { appendRecord, writeRecord } from '../../local-store/history-segment';
import { appendWorkbookFile, fileVersion, readWorkbookFile } from '../../local-store/workbook-file';

const path = process.argv[2] as string;
const expected = await fileVersion(path);
const file = await readWorkbookFile(path);
if (!file?.history) throw new Error(`${path} keeps no history segment`);
let checks = 0;
const records =
  appendRecord('Log', ['LG-CRASHED', 'crashed save']) + writeRecord('Shipments', 1, 1, 'crashed');
await appendWorkbookFile(path, file, file.history, records, {
  expected,
  stillHeld: async () => {
    checks += 1;
    if (checks === 2) {
      process.stdout.write('appended\n');
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => {});
    }
  },
});
process.stdout.write('saved\n');
