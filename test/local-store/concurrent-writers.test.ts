/**
 * Many `backorder-desk` processes on one workbook file at once, as a cron sync beside a person's
 * commands or a script firing several ships would run them: each takes the workbook's lock for its
 * read–write cycle (local-store/workbook-lock.ts), so every process that says "done" is in
 * the file, every refusal is exit 1 with its reason, and `check` is clean afterwards. Without the lock
 * (tried: FileSpreadsheet opened without a holder) the last writer wins and shipments are lost.
 * Real processes, because the race is between processes.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SEGMENT_FROM_ROWS } from '../../local-store/history-segment';
import { readWorkbookFile, type WorkbookFile, writeWorkbookFile } from '../../local-store/workbook-file';
import { lockWorkbook } from '../../local-store/workbook-lock';
import { BIN, cli, cliWith } from '../support/cli';
import { shopWith } from '../support/shop';

const run = promisify(execFile);

/** `n` processes each shipping its own order, all started at once. */
async function shipAtOnce(dir: string, n: number) {
  const env = { ...process.env, BACKORDER_DESK_TODAY: '2026-11-23', BACKORDER_DESK_ACTOR: 'rep' };
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      run('node', [BIN, 'do', 'ship', '--workbook', 'w.json', '--order', `SO-${i + 1}`], {
        cwd: dir,
        env,
      }).then(
        (r) => ({ order: `SO-${i + 1}`, code: 0, out: r.stdout }),
        (e: { code?: number; stderr?: string }) => ({
          order: `SO-${i + 1}`,
          code: e.code ?? -1,
          out: e.stderr ?? '',
        }),
      ),
    ),
  );
}

/**
 * The shop with its Log grown past SEGMENT_FROM_ROWS rows of old actions, so its history lives in a
 * segment beside the file that every ship appends to (local-store/history-segment.ts).
 */
async function withSegment(dir: string): Promise<string> {
  const path = join(dir, 'w.json');
  const file = (await readWorkbookFile(path)) as WorkbookFile;
  const log = file.sheets.find((s) => s.properties.title === 'Log')?.values as (string | number | null)[][];
  const header = log[0] as string[];
  for (let i = 1; i <= SEGMENT_FROM_ROWS; i++) {
    const row: (string | number | null)[] = header.map(() => '');
    row[header.indexOf('LogID')] = `LG-${String(1000 + i).padStart(6, '0')}`;
    row[header.indexOf('When')] = 46_000 + i / 1000;
    row[header.indexOf('Action')] = 'ship';
    row[header.indexOf('Summary')] = `old action ${i}`;
    row[header.indexOf('Detail')] = '{"expired":true}';
    log.push(row);
  }
  await writeWorkbookFile(path, file);
  expect(readdirSync(dir).some((n) => n.startsWith('w.json.history-'))).toBe(true);
  return dir;
}

describe('one writer at a time on a workbook file', () => {
  for (const [n, segment] of [
    [5, false],
    [20, false],
    [20, true],
  ] as const)
    it(`${n} concurrent do ship${segment ? ', history in a segment' : ''}: every "done" is in the file, every refusal is exit 1 with a reason`, async () => {
      const dir = segment ? await withSegment(await shopWith(n)) : await shopWith(n);
      const before = (await readWorkbookFile(join(dir, 'w.json')))?.sheets.find(
        (s) => s.properties.title === 'Log',
      )?.values.length as number;
      const outcomes = await shipAtOnce(dir, n);
      const done = outcomes.filter((o) => o.code === 0);
      for (const o of done) expect(o.out).toMatch(/^ship: done \(LG-\d+\) Order SO-\d+/);
      for (const o of outcomes.filter((x) => x.code !== 0)) {
        expect(o.code).toBe(1);
        expect(o.out).toMatch(/^backorder-desk: .*w\.json is in use by backorder-desk do ship/);
      }
      const file = await readWorkbookFile(join(dir, 'w.json'));
      const tab = (name: string) => file?.sheets.find((s) => s.properties.title === name)?.values ?? [];
      const shipments = tab('Shipments');
      const orderCol = (shipments[0] ?? []).findIndex((h) => String(h).replace(/\s/g, '') === 'OrderID');
      const shipped = new Set(shipments.slice(1).map((r) => String(r[orderCol])));
      expect([...shipped].sort()).toEqual(done.map((o) => o.order).sort());
      expect(tab('Log').length - before).toBe(done.length);
      // With a 20 s wait and a short cycle each, nobody should have to give up here.
      expect(done.length).toBe(n);
      expect((await cli(dir, 'check', '--workbook', 'w.json')).code).toBe(0);
    }, 120_000);
});

describe('the workbook lock', () => {
  it('refuses after its wait with who holds it, and changes nothing', async () => {
    const dir = await shopWith(1);
    const path = join(dir, 'w.json');
    const held = await lockWorkbook(path, 'backorder-desk sync (a test holding it)');
    try {
      // In process: a busy workbook, told apart from a refusal (the same command may run again).
      await expect(lockWorkbook(path, 'a second holder', 0)).rejects.toMatchObject({ code: 'BUSY' });
      const before = JSON.stringify(await readWorkbookFile(path));
      const r = await cliWith(
        { BACKORDER_DESK_LOCK_WAIT_MS: '300' },
        dir,
        'do',
        'ship',
        '--workbook',
        'w.json',
        '--order',
        'SO-1',
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /w\.json is in use by backorder-desk sync \(a test holding it\) \(pid \d+ on .+\); waited 0 s\. Nothing was changed/,
      );
      expect(JSON.stringify(await readWorkbookFile(path))).toBe(before);
    } finally {
      await held.release();
    }
    expect((await cli(dir, 'do', 'ship', '--workbook', 'w.json', '--order', 'SO-1')).code).toBe(0);
  });

  it('takes over the lock of a process that was killed (not refreshed for 10 s)', async () => {
    const dir = await shopWith(1);
    const lockDir = join(dir, 'w.json.lock');
    mkdirSync(lockDir);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockDir, old, old);
    const r = await cli(dir, 'do', 'ship', '--workbook', 'w.json', '--order', 'SO-1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(lockDir)).toBe(false);
  });

  it('refuses a writer paused past the lock (SIGSTOP after its read): the newer save stands', async () => {
    const dir = await shopWith(1);
    const path = join(dir, 'w.json');
    const env = { ...process.env, BACKORDER_DESK_LOCK_STALE_MS: '2000' };
    const writer = spawn('node', [RUN_TS, PAUSED_WRITER, path], { env });
    let out = '';
    writer.stdout.on('data', (d) => {
      out += String(d);
    });
    try {
      await until(() => out.includes('read\n'));
      writer.kill('SIGSTOP');
      // Another command waits out the stale lock, takes it over and saves its shipment.
      const shipped = await run('node', [BIN, 'do', 'ship', '--workbook', 'w.json', '--order', 'SO-1'], {
        cwd: dir,
        env: { ...env, BACKORDER_DESK_TODAY: '2026-11-23', BACKORDER_DESK_ACTOR: 'rep' },
      });
      expect(shipped.stdout).toMatch(/^ship: done/);
      writeFileSync(`${path}.go`, '');
      writer.kill('SIGCONT');
      await new Promise((r) => writer.once('exit', r));
    } finally {
      writer.kill('SIGKILL'); // a failed run leaves no stopped process behind
    }
    expect(out).toMatch(/refused: .*w\.json.*nothing was written/);
    const file = await readWorkbookFile(path);
    const tab = (name: string) => file?.sheets.find((s) => s.properties.title === name)?.values ?? [];
    expect(JSON.stringify(tab('Orders'))).not.toContain('paused writer was here');
    expect(tab('Shipments').length).toBe(2);
    expect((await cli(dir, 'check', '--workbook', 'w.json')).code).toBe(0);
  }, 60_000);
});

const RUN_TS = join(__dirname, '../../bin/run-ts.mjs');
const PAUSED_WRITER = join(__dirname, '../support/paused-writer.ts');

async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
