/**
 * The CLI against the memory a process may use (local-store/memory-limit.ts), as real processes
 * whose heap is made small with Node's own flag instead of a workbook of gigabytes: a command warns
 * from 80 % of it and, from 95 %, is refused before it reads anything, naming both ways out; never
 * "FATAL ERROR: Reached heap limit".
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchWorkbook, saveWorkbook, withHistory } from '../../bench/workbooks';
import { MEMORY_PER_BYTE, memoryBudget } from '../../local-store/memory-limit';
import { workbookDiskBytes } from '../../local-store/workbook-file';
import { BIN, tempDir } from '../support/cli';

/** V8's heap limit in a process given `mb` MB of old space. */
const heapWith = (mb: number) =>
  Number(
    spawnSync(
      'node',
      [`--max-old-space-size=${mb}`, '-p', 'require("v8").getHeapStatistics().heap_size_limit'],
      {
        encoding: 'utf8',
      },
    ).stdout,
  );

/** A CLI process whose V8 old space is `mb` MB. */
const cliWithHeap = (dir: string, mb: number, ...args: string[]) =>
  spawnSync('node', [`--max-old-space-size=${mb}`, BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BACKORDER_DESK_TODAY: '2026-11-23', BACKORDER_DESK_ACTOR: 'rep' },
  });

describe('a workbook near the memory a command may use', () => {
  it('prices the bytes on disk against the heap', () => {
    const limit = 4 * 2 ** 30;
    expect(memoryBudget(limit / MEMORY_PER_BYTE / 2, limit).level).toBe('ok');
    expect(memoryBudget((limit * 0.85) / MEMORY_PER_BYTE, limit).level).toBe('warn');
    const full = memoryBudget(limit / MEMORY_PER_BYTE, limit);
    expect(full.level).toBe('full');
    expect(full.message).toMatch(
      /^The workbook file and its history are 341 MB: reading them takes about 4,096 MB of the 4,096 MB of memory this process may use \(100 %\), so nothing was read; give Node more \(NODE_OPTIONS=--max-old-space-size=8192\), and move old history out: `backorder-desk archive/,
    );
  });

  it('warns from 80 %, and from 95 % refuses every command before reading, check and archive too', async () => {
    const dir = tempDir();
    const path = join(dir, 'shop.json');
    await saveWorkbook(path, withHistory(benchWorkbook(12_000, 300), 45_000), 'shop');
    const need = (await workbookDiskBytes(path)) * MEMORY_PER_BYTE;
    // Old spaces (in MB) big enough for the CLI to start: one whose heap the workbook needs more
    // than 95 % of, and one it needs 80–95 % of (Node adds the young generation to the flag's size).
    const sizes = Array.from({ length: 40 }, (_, i) => 32 + i * 2).map((mb) => ({
      mb,
      share: need / heapWith(mb),
    }));
    const tight = sizes.find((s) => s.share >= 0.95)?.mb as number;
    const roomy = sizes.find((s) => s.share >= 0.8 && s.share < 0.95)?.mb as number;
    expect(tight).toBeDefined();
    expect(roomy).toBeDefined();
    const before = statSync(path).mtimeMs;

    for (const args of [
      ['do', 'allocate', '--workbook', 'shop.json'],
      ['check', '--workbook', 'shop.json'],
      ['archive', '--workbook', 'shop.json', '--before', '2026-01-01', '--to', 'old.json'],
    ]) {
      const refused = cliWithHeap(dir, tight, ...args);
      expect(refused.status, args.join(' ')).toBe(1);
      expect(refused.stderr).toMatch(
        /reading them takes about \d+ MB of the \d+ MB of memory this process may use/,
      );
      expect(refused.stderr).toContain('NODE_OPTIONS=--max-old-space-size=');
      expect(refused.stderr).toContain('backorder-desk archive --workbook FILE --before YYYY-MM-DD');
      expect(refused.stderr).not.toMatch(/heap limit|internal error/i);
    }
    expect(statSync(path).mtimeMs).toBe(before);

    // Below the refusal a command runs to its end, and says how close it came.
    const warned = cliWithHeap(dir, roomy, 'export', '--workbook', 'shop.json', '--tab', 'Settings');
    expect(warned.status).toBe(0);
    expect(warned.stdout).toContain('UndoKeep');
    expect(warned.stderr).toMatch(
      /^warning: The workbook file and its history are \d+ MB: .* of memory this process may use \((8\d|9[0-4]) %\): past it every command is refused/m,
    );
  }, 60_000);
});
