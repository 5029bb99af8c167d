/**
 * A command reads its workbook into memory whole: the JSON text, the parsed cells and the decoded
 * rows take several times the bytes on disk (GNU time's peak RSS at 200,000 order lines and a year
 * of history, 108 MB of files: 839 MiB for a `do ship`, 958 MiB for `do allocate`, 1,005 MiB for
 * `check`, at most 10 times the bytes; 7 times at 500,000 lines). Past the heap V8 gives a process
 * (`heap_size_limit`, about 4 GB by default on a 64-bit machine) it would die with "FATAL ERROR:
 * Reached heap limit", so the files' bytes are priced at MEMORY_PER_BYTE before anything is read:
 * from 80 % every command warns, and from 95 % every command, the ways out included (they read it
 * whole too), is refused, naming both ways out: more memory for Node, and old history moved out.
 */
import { getHeapStatistics } from 'node:v8';
import { DeskError } from '../shared/primitives/errors';
import { grouped } from '../shared/primitives/quantity';
import type { TextBudget } from './text-limit';

/** Bytes of memory a command needs per byte of workbook file and history (measured ≤ 10; 12 for margin). */
export const MEMORY_PER_BYTE = 12;
const WARN_SHARE = 0.8;
const FULL_SHARE = 0.95;

const mb = (n: number) => `${grouped(Math.round(n / 1_048_576))} MB`;

/** Where a workbook of `bytes` on disk stands against the memory this process may use. */
export function memoryBudget(bytes: number, limit = getHeapStatistics().heap_size_limit): TextBudget {
  const need = bytes * MEMORY_PER_BYTE;
  const share = need / limit;
  const level = share >= FULL_SHARE ? 'full' : share >= WARN_SHARE ? 'warn' : 'ok';
  // Room for twice the need, in the MB Node's flag takes.
  const more = Math.ceil((need * 2) / 1_048_576 / 1024) * 1024;
  const held = `The workbook file and its history are ${mb(bytes)}: reading them takes about ${mb(need)} of the ${mb(limit)} of memory this process may use (${Math.floor(share * 100)} %)`;
  const wayOut = `give Node more (NODE_OPTIONS=--max-old-space-size=${more}), and move old history out: \`backorder-desk archive --workbook FILE --before YYYY-MM-DD --to ARCHIVE.json\``;
  const message =
    level === 'full'
      ? `${held}, so nothing was read; ${wayOut}`
      : level === 'warn'
        ? `${held}: past it every command is refused; ${wayOut}`
        : held;
  return { level, message };
}

/** Refuses, before any read, a workbook whose files this process could not hold in memory. */
export function assertFitsInMemory(bytes: number, limit?: number): void {
  const budget = memoryBudget(bytes, limit);
  if (budget.level === 'full') throw new DeskError('REFUSED', budget.message);
}
