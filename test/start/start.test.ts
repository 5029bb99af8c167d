/**
 * The README's commands as a newcomer runs them, as real processes: `npm start`'s entry builds the
 * demo workbook and ships today's orders; the `backorder-desk` bin answers with the contract's exit
 * codes.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../support/cli';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

describe('processes', () => {
  it('npm start builds the demo, allocates, ships and prints what happened', async () => {
    const dir = tempDir();
    const env = {
      ...process.env,
      BACKORDER_DESK_DEMO: join(dir, 'demo.json'),
      BACKORDER_DESK_TODAY: '2026-11-23',
      BACKORDER_DESK_SERVE: '0',
    };
    const first = await run('node', [join(ROOT, 'bin/start.mjs')], { env, cwd: ROOT });
    expect(first.stdout).toMatch(/building a demo distributor: 300 SKUs in 3 warehouses/);
    expect(first.stdout).toMatch(
      /Shipped \d+ units today\. \d+ backorders are open \(\d+ past their expected date\)\./,
    );
    const again = await run('node', [join(ROOT, 'bin/start.mjs')], { env, cwd: ROOT });
    expect(again.stdout).toContain('reopening');
    const check = await run('node', [BIN, 'check', '--workbook', join(dir, 'demo.json')], { env });
    expect(check.stdout.split('\n')[0]).toBe('workbook OK: every tab, column and balance checks out');
    expect(check.stdout).toMatch(
      /^alert: low stock: \S+ at (MAIN|EAST|WEST) has \d+ free, under its reorder point \d+/m,
    );
    // The verdict stays on screen: a few alerts, then how many more (the demo has hundreds).
    const lines = check.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines[lines.length - 1]).toMatch(
      /^… and \d+ more alerts \(\d+ in all; check --json lists every one/,
    );
  });

  it('the bin exits 2 on usage and 1 on refusal', async () => {
    const bin = BIN;
    await expect(run('node', [bin, 'do'])).rejects.toMatchObject({ code: 2 });
    await expect(
      run('node', [
        bin,
        'do',
        'fulfill',
        '--workbook',
        join(tempDir(), 'w.json'),
        '--create',
        '--backorder',
        'BO-1',
      ]),
    ).rejects.toMatchObject({
      code: 1,
      stderr: 'backorder-desk: Backorders: backorder BO-1 not found\n',
    });
  });
});
