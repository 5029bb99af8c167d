/**
 * The prebuilt CLI as a user waits for it: wall time of real `backorder-desk` processes
 * (`--help`, `check` on a small workbook, `do ship` on a workbook of 1,000 and of 50,000 order
 * lines, `do allocate` of everything on a fresh 50,000-line workbook; median
 * of five), and where the time of one `do ship` at 50,000 lines goes, measured in this process:
 * load (read and validate the file), decode (tabs to records), decide (the core), save (apply the
 * patches and write the file atomically). `cliWithHistory` times commands on workbooks with 100,000
 * rows of history behind them, with each process's peak RSS and the bytes of the file it leaves.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { FileSpreadsheet } from '../local-store/file-spreadsheet';
import { copyWorkbookFile, readWorkbookFile } from '../local-store/workbook-file';
import { ALL_TAB_NAMES, decodeLoaded, planAction } from '../shared/plans';
import { BENCH_TODAY, benchWorkbook, saveWorkbook, withHistory } from './workbooks';

const root = join(import.meta.dirname ?? 'bench', '..');
const BIN = join(root, 'bin', 'backorder-desk.mjs');
const RUNS = 5;
const env = { ...process.env, BACKORDER_DESK_TODAY: BENCH_TODAY, BACKORDER_DESK_ACTOR: 'bench' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const cli = (cwd: string, ...args: string[]) =>
  execFileSync('node', [BIN, ...args], { cwd, env, encoding: 'utf8' });

async function wall(cwd: string, args: string[], before?: () => Promise<void>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await before?.();
    const t = performance.now();
    try {
      cli(cwd, ...args);
    } catch {
      // a refusal (exit 1) is timed like a success: the user waits for it all the same
    }
    ms.push(performance.now() - t);
  }
  return Math.round(median(ms));
}

/** A workbook of `lines` order lines, allocated, and an order of it with stock reserved. */
async function allocated(dir: string, lines: number, history = 0): Promise<{ file: string; order: string }> {
  const file = join(dir, `w${lines}-${history}.json`);
  await saveWorkbook(file, withHistory(benchWorkbook(lines), history));
  await copyWorkbookFile(file, `${file}.fresh`);
  cli(dir, 'do', 'allocate', '--workbook', file);
  const port = await FileSpreadsheet.open(file);
  const read = await port.read(ALL_TAB_NAMES);
  const { workbook } = decodeLoaded(read.tabs, read.timeZone, 'api');
  const order = workbook.orders.find((l) => l.qtyAllocated > 0)?.orderId as string;
  await copyWorkbookFile(file, `${file}.template`);
  return { file, order };
}

/** The bytes of a workbook file's history segments beside it (none when it is one file). */
const segmentBytes = (file: string) =>
  readdirSync(dirname(file))
    .filter((n) => n.startsWith(`${basename(file)}.history-`))
    .reduce((n, name) => n + statSync(join(dirname(file), name)).size, 0);

/**
 * One CLI process: wall ms and peak RSS (MiB, GNU time's %M), and the bytes it wrote: the workbook
 * file it replaced, and what it appended to the history segment beside it.
 */
function measured(
  cwd: string,
  file: string,
  args: string[],
): { wallMs: number; peakRssMiB: number; bytesWritten: number } {
  const segment = segmentBytes(file);
  const t = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS %M', 'node', BIN, ...args], {
    cwd,
    env,
    encoding: 'utf8',
  });
  const rss = Number(/RSS (\d+)/.exec(run.stderr ?? '')?.[1] ?? 0);
  return {
    wallMs: Math.round(performance.now() - t),
    peakRssMiB: Math.round(rss / 1024),
    bytesWritten: statSync(file).size + Math.max(0, segmentBytes(file) - segment),
  };
}

/**
 * Commands on workbooks with history behind them (`results.cli.withHistory`): 1,000 and 50,000
 * order lines, with 100,000 rows of history across Log, Shipments and Invoices; `do ship` of one
 * order and `check`, each a fresh process on a fresh copy; median of three by wall time.
 */
export async function cliWithHistory() {
  const dir = mkdtempSync(join(tmpdir(), 'bdesk-history-'));
  const out: Record<string, unknown>[] = [];
  for (const lines of [1_000, 50_000]) {
    const history = 100_000;
    const { file, order } = await allocated(dir, lines, history);
    for (const [command, args] of [
      ['do ship', ['do', 'ship', '--workbook', file, '--order', order]],
      ['check', ['check', '--workbook', file]],
    ] as const) {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        await copyWorkbookFile(`${file}.template`, file);
        runs.push(measured(dir, file, [...args]));
      }
      const mid = [...runs].sort((a, b) => a.wallMs - b.wallMs)[1];
      out.push({ lines, historyRows: history, command, ...mid });
    }
  }
  return out;
}

export async function cliTiming() {
  const dir = mkdtempSync(join(tmpdir(), 'bdesk-bench-'));
  writeFileSync(join(dir, 'i.csv'), 'SKU,Warehouse,OnHand\nA,MAIN,5\n');
  writeFileSync(
    join(dir, 'o.csv'),
    'OrderID,Line,OrderDate,Customer,SKU,Qty\nSO-1,1,2026-11-20,Harbor,A,2\n',
  );
  cli(dir, 'import', '--workbook', 'small.json', '--tab', 'Inventory', '--csv', 'i.csv');
  cli(dir, 'import', '--workbook', 'small.json', '--tab', 'Orders', '--csv', 'o.csv');
  const out: Record<string, unknown> = {
    helpMs: await wall(dir, ['--help']),
    checkSmallMs: await wall(dir, ['check', '--workbook', 'small.json']),
  };
  for (const lines of [1_000, 50_000]) {
    const { file, order } = await allocated(dir, lines);
    out[`doShip${lines}Ms`] = await wall(dir, ['do', 'ship', '--workbook', file, '--order', order], () =>
      copyWorkbookFile(`${file}.template`, file),
    );
    if (lines !== 50_000) continue;
    // Allocate all as the user waits for it: load, decode, decide, save (not the decided core alone).
    out.doAllocateAll50000Ms = await wall(dir, ['do', 'allocate', '--workbook', file], () =>
      copyWorkbookFile(`${file}.fresh`, file),
    );
    const split = {
      loadMs: [] as number[],
      decodeMs: [] as number[],
      decideMs: [] as number[],
      saveMs: [] as number[],
    };
    for (let i = 0; i < RUNS; i++) {
      await copyWorkbookFile(`${file}.template`, file);
      let t = performance.now();
      const port = await FileSpreadsheet.open(file);
      split.loadMs.push(performance.now() - t);
      t = performance.now();
      const read = await port.read(ALL_TAB_NAMES);
      const loaded = decodeLoaded(read.tabs, read.timeZone, 'api');
      split.decodeMs.push(performance.now() - t);
      t = performance.now();
      const plan = planAction(loaded, { action: 'ship', orderId: order } as never, {
        today: BENCH_TODAY,
        now: `${BENCH_TODAY}T12:00:00.000Z`,
        actor: 'bench',
        requestId: `bench-ship-${i}`,
      });
      split.decideMs.push(performance.now() - t);
      t = performance.now();
      await port.write(plan.patches);
      split.saveMs.push(performance.now() - t);
    }
    out.doShip50000Split = Object.fromEntries(
      Object.entries(split).map(([k, v]) => [k, Math.round(median(v))]),
    );
    const check = await readWorkbookFile(file);
    out.doShip50000Bytes = JSON.stringify(check).length;
  }
  return out;
}
