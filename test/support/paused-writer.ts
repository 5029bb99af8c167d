/**
 * A writer that can be paused between its read and its write, for the stalled-writer test: it opens
 * the workbook file under its lock, reads Orders, says "read", then waits in a synchronous loop (as a
 * process starved of CPU would sit) until the file `<workbook>.go` exists, and at once writes a note
 * into Orders!A2. It prints "saved" or the refusal. Run: node bin/run-ts.mjs test/support/paused-writer.ts FILE
 */
import { existsSync } from 'node:fs';
import { FileSpreadsheet } from '../../local-store/file-spreadsheet';

const path = process.argv[2] as string;
const port = await FileSpreadsheet.open(path, 'Backorder Desk', 'a paused writer (test)');
await port.read(['Orders']);
process.stdout.write('read\n');
const nap = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(`${path}.go`)) Atomics.wait(nap, 0, 0, 20);
try {
  await port.write([
    { tab: 'Orders', writes: [{ row: 1, col: 0, value: 'paused writer was here' }], appends: [] },
  ]);
  process.stdout.write('saved\n');
} catch (e) {
  process.stdout.write(`refused: ${(e as Error).message}\n`);
}
