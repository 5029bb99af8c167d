/**
 * One allocate-all scenario in a process of its own (bench/run.ts starts one per scenario), so no
 * scenario pays for another's heap: prints {"runsMs": [...], ...} as one JSON line.
 * Usage: node bin/run-ts.mjs bench/allocate-one.ts LINES FILL|none RUNS
 */
import { runCommand } from '../shared/commands/run';
import { BENCH_TODAY, benchWorkbook } from './workbooks';

const [linesArg, fillArg, runsArg] = process.argv.slice(2);
const lines = Number(linesArg);
const fill = fillArg === 'none' ? null : Number(fillArg);
const runs = Number(runsArg ?? 7);
const wb = benchWorkbook(lines, 5000, 7, fill);
const ctx = { today: BENCH_TODAY, now: `${BENCH_TODAY}T12:00:00.000Z`, actor: 'bench', requestId: 'bench' };
let shortfalls = 0;
runCommand(wb, { action: 'allocate' }, ctx); // warm-up: JIT and caches, not measured
const runsMs: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  shortfalls = runCommand(wb, { action: 'allocate' }, ctx).result.shortfalls.length;
  runsMs.push(Math.round(performance.now() - t));
}
process.stdout.write(
  `${JSON.stringify({ lines, inventoryRows: wb.inventory.length, shortfalls, runsMs })}\n`,
);
