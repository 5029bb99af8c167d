/**
 * The CLI on a workbook with a year's worth of history beside it (local-store/history-segment.ts):
 * the same commands leave the same workbook as on the one-file form, a command that only adds
 * history appends to the segment without rewriting what it holds, and `check` reads it whole.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_TODAY, benchWorkbook, withHistory } from '../../bench/workbooks';
import { SEGMENT_FROM_ROWS } from '../../local-store/history-segment';
import { readWorkbookFile, workbookFileOf, writeWorkbookFile } from '../../local-store/workbook-file';
import { renderWorkbook } from '../../shared/setup/render-workbook';
import { cli, tempDir } from '../support/cli';

const segmentOf = (dir: string) => readdirSync(dir).find((n) => n.startsWith('seg.json.history-')) as string;

describe('the CLI on a workbook whose history is kept beside it', () => {
  it('decides as on one file, and appends history without rewriting it', async () => {
    const dir = tempDir();
    const wb = withHistory(benchWorkbook(200, 60), SEGMENT_FROM_ROWS + 600);
    const file = workbookFileOf(
      'history',
      'America/New_York',
      renderWorkbook(wb, { face: 'api', timeZone: 'America/New_York', currencyDigits: 2 }),
    );
    writeFileSync(join(dir, 'one.json'), JSON.stringify(file));
    await writeWorkbookFile(join(dir, 'seg.json'), file);
    const segment = segmentOf(dir);
    expect(segment).toBeDefined();

    const run = async (name: string, requestId: string, ...args: string[]) => {
      const r = await cli(
        dir,
        ...args,
        '--workbook',
        name,
        '--today',
        BENCH_TODAY,
        '--actor',
        'rep',
        '--request-id',
        requestId,
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return r.stdout;
    };
    for (const name of ['one.json', 'seg.json']) await run(name, 'r1', 'do', 'allocate');
    const allocated = await readWorkbookFile(join(dir, 'seg.json'));
    expect(segmentOf(dir)).toBe(segment);
    const committed = readFileSync(join(dir, segment));
    const orders = allocated?.sheets.find((s) => s.properties.title === 'Orders')?.values ?? [];
    const header = orders[0] as string[];
    const order = orders.find((r) => Number(r[header.indexOf('QtyAllocated')]) > 0)?.[0] as string;
    for (const name of ['one.json', 'seg.json']) await run(name, 'r2', 'do', 'ship', '--order', order);

    // One segment still, grown by the shipment's rows only: what it held is byte for byte as it was.
    expect(
      readdirSync(dir)
        .filter((n) => n.includes('.history-'))
        .sort(),
    ).toEqual([segmentOf(dir), readdirSync(dir).find((n) => n.startsWith('one.json.history-'))].sort());
    const after = readFileSync(join(dir, segment));
    expect(after.subarray(0, committed.length).equals(committed)).toBe(true);
    expect(after.length).toBeGreaterThan(committed.length);
    const one = await readWorkbookFile(join(dir, 'one.json'));
    const seg = await readWorkbookFile(join(dir, 'seg.json'));
    expect(seg?.sheets).toEqual(one?.sheets);
    const log = seg?.sheets.find((s) => s.properties.title === 'Log')?.values ?? [];
    expect(JSON.stringify(log.at(-1))).toContain('ship');
    expect((await cli(dir, 'check', '--workbook', 'seg.json')).code).toBe(0);
  }, 60_000);
});
