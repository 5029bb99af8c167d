/**
 * History beside the workbook file (local-store/history-segment.ts): past SEGMENT_FROM_ROWS rows
 * of history the history tabs' rows live in a segment that saves append to, and a read gives the
 * whole workbook either way. What a person relies on: the segment's committed bytes are never
 * rewritten by a save that only adds history; a save killed between its append and the JSON file's
 * replacement loses nothing acknowledged and leaves a workbook that opens; a workbook file copied
 * without its history says so; compaction and row removal write a new generation whole.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSpreadsheet } from '../../local-store/file-spreadsheet';
import { SEGMENT_FROM_ROWS } from '../../local-store/history-segment';
import {
  readWorkbookFile,
  type Sheet,
  type WorkbookFile,
  workbookFileOf,
  writeWorkbookFile,
} from '../../local-store/workbook-file';
import { applyPatch, type TabPatch } from '../../shared/sheet/codec';
import { cli, tempDir } from '../support/cli';

const LOG_HEADER = ['LogID', 'Summary'];

/** A workbook of raw tabs: a few orders and shipments, and `logRows` rows of Log. */
function rawWorkbook(logRows: number): WorkbookFile {
  return workbookFileOf('segments', 'America/New_York', [
    {
      name: 'Orders',
      values: [
        ['OrderID', 'Qty'],
        ['SO-1', 3],
        ['SO-2', 5],
      ],
    },
    {
      name: 'Shipments',
      values: [
        ['ShipmentID', 'DeliveredAt'],
        ['SH-1', ''],
        ['SH-2', 46000],
      ],
    },
    {
      name: 'Log',
      values: [LOG_HEADER, ...Array.from({ length: logRows }, (_, i) => [`LG-${i + 1}`, `action ${i + 1}`])],
    },
  ]);
}

const tabOf = (file: WorkbookFile | undefined, name: string) =>
  (file?.sheets.find((s) => s.properties.title === name) as Sheet | undefined)?.values;
const segments = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.includes('.history-'))
    .sort();
const bytesOf = (path: string) => readFileSync(path);
const sheetsOf = async (path: string) => (await readWorkbookFile(path))?.sheets;

async function saved(logRows: number) {
  const dir = tempDir();
  const path = join(dir, 'w.json');
  const file = rawWorkbook(logRows);
  await writeWorkbookFile(path, file);
  return { dir, path, file };
}

/** One save through the port the CLI uses, under its lock, and what the read must then show. */
async function save(path: string, patches: TabPatch[], expected: WorkbookFile): Promise<void> {
  const port = await FileSpreadsheet.open(path, 'segments', 'history-segment.test');
  await port.read(['Orders', 'Shipments', 'Log']);
  await port.write(patches);
  for (const p of patches) applyPatch(tabOf(expected, p.tab) as never, p);
}

const addLog = (id: string): TabPatch => ({ tab: 'Log', writes: [], appends: [[id, `did ${id}`]] });

describe('history beside the workbook file', () => {
  it('keeps a small workbook one file and a large one two, reading the same workbook back', async () => {
    const small = await saved(10);
    expect(readdirSync(small.dir)).toEqual(['w.json']);
    expect(await readWorkbookFile(small.path)).toEqual({ ...small.file, version: 1 });

    const large = await saved(SEGMENT_FROM_ROWS);
    expect(segments(large.dir)).toHaveLength(1);
    const main = JSON.parse(readFileSync(large.path, 'utf8'));
    expect(main.version).toBe(2);
    expect(tabOf(main, 'Log')).toEqual([LOG_HEADER]);
    expect(tabOf(main, 'Orders')).toEqual(tabOf(large.file, 'Orders'));
    const back = await readWorkbookFile(large.path);
    expect(tabOf(back, 'Log')).toEqual(tabOf(large.file, 'Log'));
    expect(tabOf(back, 'Shipments')).toEqual(tabOf(large.file, 'Shipments'));
  });

  it('appends what a save adds to history and never rewrites the committed bytes', async () => {
    const { dir, path } = await saved(SEGMENT_FROM_ROWS);
    const expected = (await readWorkbookFile(path)) as WorkbookFile;
    const [segment] = segments(dir);
    const before = bytesOf(join(dir, segment as string));
    await save(
      path,
      [
        { tab: 'Orders', writes: [{ row: 1, col: 1, value: 2 }], appends: [] },
        { tab: 'Shipments', writes: [{ row: 1, col: 1, value: 46001 }], appends: [['SH-3', '']] },
        addLog('LG-X1'),
      ],
      expected,
    );
    await save(
      path,
      [addLog('LG-X2'), { tab: 'Shipments', writes: [{ row: 3, col: 3, value: 'wide' }], appends: [] }],
      expected,
    );
    expect(segments(dir)).toEqual([segment]);
    const after = bytesOf(join(dir, segment as string));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.length - before.length).toBeLessThan(300);
    expect(await sheetsOf(path)).toEqual(expected.sheets);
  });

  it('appends after its own last save when one port saves again without re-reading (no lock)', async () => {
    const { path } = await saved(SEGMENT_FROM_ROWS);
    const expected = (await readWorkbookFile(path)) as WorkbookFile;
    const port = await FileSpreadsheet.open(path);
    for (const id of ['LG-A', 'LG-B', 'LG-C']) {
      await port.read(['Log']);
      await port.write([addLog(id)]);
      applyPatch(tabOf(expected, 'Log') as never, addLog(id));
    }
    expect(await sheetsOf(path)).toEqual(expected.sheets);
  });

  it('loses nothing acknowledged when a save is killed between its append and the file (and the next save cuts its records off)', async () => {
    const { dir, path } = await saved(SEGMENT_FROM_ROWS);
    const expected = (await readWorkbookFile(path)) as WorkbookFile;
    await save(path, [addLog('LG-ACKED')], expected);
    const child = spawn('node', [RUN_TS, CRASHING_SAVE, path]);
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    const signal = await new Promise((r) => child.once('exit', (_code, sig) => r(sig)));
    expect(out).toBe('appended\n');
    expect(signal).toBe('SIGKILL');
    const [segment] = segments(dir);
    expect(readFileSync(join(dir, segment as string), 'utf8')).toContain('LG-CRASHED');
    // The workbook opens as the acknowledged saves left it: the killed save's records are not in it.
    expect(await sheetsOf(path)).toEqual(expected.sheets);
    await save(path, [addLog('LG-NEXT')], expected);
    expect(await sheetsOf(path)).toEqual(expected.sheets);
    expect(readFileSync(join(dir, segment as string), 'utf8')).not.toContain('crashed');
  }, 30_000);

  it('tells a person who copied the file without its history what to do, as an error, not a crash', async () => {
    const { dir, path } = await saved(SEGMENT_FROM_ROWS);
    copyFileSync(path, join(dir, 'copy.json'));
    const copied = await cli(dir, 'check', '--workbook', 'copy.json');
    expect(copied.code).toBe(1);
    expect(copied.stderr).toMatch(
      /copy\.json keeps its history in w\.json\.history-\w+\.jsonl.*copy or move the two files together/,
    );
    expect(copied.stderr).not.toMatch(/internal error|\n\s+at /);
    const [segment] = segments(dir) as [string];
    writeFileSync(join(dir, segment), readFileSync(join(dir, segment)).subarray(0, 100));
    const short = await cli(dir, 'check', '--workbook', 'w.json');
    expect(short.stderr).toMatch(/the history file is damaged/);
    expect(short.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('says so when the file was copied without its history, or its history is missing or short', async () => {
    const { dir, path } = await saved(SEGMENT_FROM_ROWS);
    copyFileSync(path, join(dir, 'copy.json'));
    await expect(readWorkbookFile(join(dir, 'copy.json'))).rejects.toThrow(
      /copy\.json keeps its history in w\.json\.history-\w+\.jsonl, the history of another workbook file: it was copied or renamed apart from its history/,
    );
    const [segment] = segments(dir) as [string];
    writeFileSync(join(dir, segment), readFileSync(join(dir, segment)).subarray(0, 100));
    await expect(readWorkbookFile(path)).rejects.toThrow(
      /holds 100 bytes, fewer than the \d+ .*committed: the history file is damaged/,
    );
    writeFileSync(
      join(dir, segment),
      `{"segment":"backorder-desk/history","generation":"x"}\n${'\n'.repeat(200_000)}`,
    );
    await expect(readWorkbookFile(path)).rejects.toThrow(/line 1: expected the history of generation/);
    copyFileSync(path, join(dir, 'moved.json'));
    writeFileSync(
      join(dir, 'moved.json'),
      readFileSync(path, 'utf8').replace(/w\.json\.history-/, 'moved.json.history-'),
    );
    await expect(readWorkbookFile(join(dir, 'moved.json'))).rejects.toThrow(
      /moved\.json keeps its history \(Log, Shipments, .*\) beside it in moved\.json\.history-\w+\.jsonl, which is missing/,
    );
  });

  it('writes a new generation whole when rows go, or when dead records would weigh as much as live ones', async () => {
    const { dir, path } = await saved(SEGMENT_FROM_ROWS);
    const expected = (await readWorkbookFile(path)) as WorkbookFile;
    const [first] = segments(dir);
    await save(path, [{ tab: 'Log', writes: [], appends: [], deletes: [5] }], expected);
    const [second] = segments(dir);
    expect(second).not.toBe(first);
    expect(await sheetsOf(path)).toEqual(expected.sheets);
    // A cell rewritten again and again: each save appends a record, until the segment is written whole.
    const big = 'x'.repeat(200_000);
    for (let i = 0; i < 12; i++)
      await save(
        path,
        [{ tab: 'Log', writes: [{ row: 1, col: 1, value: `${i}${big}` }], appends: [] }],
        expected,
      );
    const [third] = segments(dir);
    expect(third).not.toBe(second);
    expect(await sheetsOf(path)).toEqual(expected.sheets);
    // Below the threshold again (archive moved history out): one file, the segment removed.
    await save(
      path,
      [
        {
          tab: 'Log',
          writes: [],
          appends: [],
          deletes: Array.from({ length: SEGMENT_FROM_ROWS - 10 }, (_, i) => i + 1),
        },
      ],
      expected,
    );
    expect(readdirSync(dir)).toEqual(['w.json']);
    expect(await sheetsOf(path)).toEqual(expected.sheets);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(1);
  });
});

const RUN_TS = join(__dirname, '../../bin/run-ts.mjs');
const CRASHING_SAVE = join(__dirname, '../support/crashing-history-save.ts');
