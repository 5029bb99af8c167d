/**
 * The accountant's export delivers every line it marks: on the demo distributor (427 invoices, five
 * QuickBooks files), a write that fails marks nothing, the retry carries every line, a customer name
 * typed on two lines stays one CSV field, and a batch can be exported again without re-marking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { workbookFileOf, writeWorkbookFile } from '../../local-store/workbook-file';
import { simulateDemo } from '../../shared/demo/simulate';
import type { IsoDate } from '../../shared/primitives/dates';
import { QUICKBOOKS_HEADER } from '../../shared/reports/invoice-export';
import { renderWorkbook } from '../../shared/setup/render-workbook';
import { cli, tempDir } from '../support/cli';

const TODAY = '2026-11-23' as IsoDate;
const CELLS = { face: 'api' as const, timeZone: 'America/New_York', currencyDigits: 2 };
const w = ['--workbook', 'w.json'];

type Row = Record<string, string>;
const json = async (dir: string, tab: string) =>
  JSON.parse((await cli(dir, 'export', ...w, '--tab', tab, '--format', 'json')).stdout) as Row[];

let pending = 0;
const exportedCount = async (dir: string) =>
  (await json(dir, 'Invoices')).filter((l) => String(l.Exported) === 'true').length;

/** The demo distributor with two hostile customer names on its invoice lines. */
async function demo(): Promise<string> {
  const dir = tempDir();
  const wb = simulateDemo({ today: TODAY });
  const invoices = wb.invoices.map((l, i) =>
    i === 0
      ? { ...l, customer: 'Harbor Builders\n=HYPERLINK("http://x","y")' }
      : i === 1
        ? { ...l, customer: '\u0000=1+1' }
        : l,
  );
  pending = invoices.filter((l) => !l.exported).length;
  await writeWorkbookFile(
    join(dir, 'w.json'),
    workbookFileOf('demo', CELLS.timeZone, renderWorkbook({ ...wb, invoices }, CELLS)),
  );
  return dir;
}

const rowsOf = (dir: string, names: readonly string[]) =>
  names.flatMap((n) => parse(readFileSync(join(dir, n), 'utf8'), { columns: true }) as Row[]);

describe('invoices: every marked line is delivered', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await demo();
  });

  it('a failed write marks nothing; the retry carries every line in every file', async () => {
    expect(pending).toBeGreaterThan(100 * 2); // a split export: the case that lost files
    const failed = await cli(dir, 'invoices', ...w, '--format', 'quickbooks', '--out', 'gone/qb.csv');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/gone/);
    const total = (await json(dir, 'Invoices')).length;
    expect(await exportedCount(dir)).toBe(total - pending);

    const good = await cli(dir, 'invoices', ...w, '--format', 'quickbooks', '--out', 'qb.csv');
    expect(good.stderr).toBe('');
    const names = /→ (.*) \(export batch 1\)/.exec(good.stdout)?.[1]?.split(', ') ?? [];
    expect(names.length).toBeGreaterThan(2);
    expect(names.slice(0, 2)).toEqual(['qb.csv', 'qb-2.csv']);
    const rows = rowsOf(dir, names);
    expect(rows.length).toBe(pending);
    for (const r of rows) expect(Object.keys(r)).toEqual([...QUICKBOOKS_HEADER]);
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\0\t\r\n]/);
    expect(rows.map((r) => r.Customer)).toContain(`'\u0000=1+1`);
    expect(rows.map((r) => r.Customer)).toContain('Harbor Builders\n=HYPERLINK("http://x","y")');
    expect(await exportedCount(dir)).toBe(total);
    const log = (await json(dir, 'Log')).at(-1) as Row;
    expect(log.Summary).toMatch(
      /^export batch 1: \d+ invoice\(s\), \d+ line\(s\) for quickbooks in \d file\(s\)$/,
    );
    expect(log.Detail).toMatch(/^batch 1; files qb\.csv, qb-2\.csv/);
  });

  it('exports a batch again, every line of it, and marks nothing', async () => {
    const before = readFileSync(join(dir, 'w.json'), 'utf8');
    const again = await cli(
      dir,
      'invoices',
      ...w,
      '--format',
      'xero',
      '--again',
      '--batch',
      '1',
      '--out',
      'x.csv',
    );
    expect(again.stdout).toMatch(/line\(s\) → x\.csv \(exported again\)/);
    expect(parse(readFileSync(join(dir, 'x.csv'), 'utf8'), { columns: true }).length).toBe(pending);
    const missing = await cli(dir, 'invoices', ...w, '--format', 'xero', '--again', '--batch', '7');
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/batch 7; batches: 1\n$/) });
    const after = await json(dir, 'Invoices');
    expect(after.filter((l) => String(l.ExportBatch) === '1').length).toBe(pending);
    expect(JSON.parse(before).sheets.length).toBe(
      JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8')).sheets.length,
    );
    expect((await json(dir, 'Log')).at(-1)?.Summary).toMatch(/^exported again \(batch 1\)/);
    expect((await cli(dir, 'invoices', ...w, '--format', 'xero', '--batch', '1')).code).toBe(2);
  });
});
