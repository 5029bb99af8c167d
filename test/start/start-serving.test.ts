/**
 * `npm start` as a newcomer runs it, serving: the demo is built, the first sync moves vendor ETAs, and
 * the terminal's count of late backorders is the workbook's after that sync (the Aging tab is rebuilt
 * with it), not the count from before the feed.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../support/cli';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGINT');
});

/** Resolves with everything printed once `line` appears (or rejects when the process ends first). */
function until(proc: ChildProcess, line: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (line.test(out)) resolve(out);
    });
    proc.once('exit', (code) => reject(new Error(`npm start ended (${code}) before ${line}:\n${out}`)));
  });
}

describe('npm start, serving', () => {
  it('says how many backorders are late after the first sync, as the workbook has it', async () => {
    const dir = tempDir();
    const today = '2026-11-23';
    const demo = join(dir, 'demo.json');
    child = spawn('node', [join(ROOT, 'bin/start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', BACKORDER_DESK_DEMO: demo, BACKORDER_DESK_TODAY: today },
    });
    const out = await until(child, /Backorder Desk is running at http:\/\/127\.0\.0\.1:\d+\//);
    const after =
      /• after the vendor feed: (\d+) backorders open, (\d+) past their expected date; Aging tab rebuilt/.exec(
        out,
      );
    expect(after, out).not.toBeNull();
    const backorders = JSON.parse(
      (await run('node', [BIN, 'export', '--workbook', demo, '--tab', 'Backorders', '--format', 'json']))
        .stdout,
    ) as { QtyRemaining: number; ExpectedDate: string }[];
    const open = backorders.filter((b) => b.QtyRemaining > 0);
    const late = open.filter((b) => b.ExpectedDate !== '' && b.ExpectedDate < today);
    expect([Number(after?.[1]), Number(after?.[2])]).toEqual([open.length, late.length]);
    // The Aging tab the owner opens was rebuilt after the feed: it says the same.
    const aging = (await run('node', [BIN, 'export', '--workbook', demo, '--tab', 'Aging'])).stdout;
    expect(aging).toContain(`Overdue (past expected date),${late.length},`);
    expect(aging).toContain(`Open backorders,${open.length},`);
  }, 180_000);
});
