/**
 * Command-line conventions a script or a log collector relies on: `--version`, usage on stdout when
 * asked for and on stderr (exit 2) when no command is given, and JSON log lines carrying the
 * `severity` Cloud Logging reads (with the `level` earlier scripts read).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import packageJson from '../../package.json' with { type: 'json' };
import { cli, emptyFeed, tempDir } from '../support/cli';

describe('command-line conventions', () => {
  it('prints its version, and its usage where the caller looks for it', async () => {
    expect(await cli(tempDir(), '--version')).toEqual({
      code: 0,
      stdout: `${packageJson.version}\n`,
      stderr: '',
    });
    const asked = await cli(tempDir(), '--help');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/^usage: backorder-desk COMMAND/);
    const none = await cli(tempDir());
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/^usage: backorder-desk COMMAND/);
  });

  it('answers --json on the commands that report', async () => {
    const dir = tempDir();
    const init = JSON.parse((await cli(dir, 'init', '--workbook', 'w.json', '--json')).stdout);
    expect(init).toMatchObject({ workbook: 'w.json', created: true });
    expect(init.report).toContain('Orders: created with 26 columns');
    writeFileSync(join(dir, 'inv.csv'), 'SKU,Warehouse,OnHand\nA,MAIN,5\n');
    writeFileSync(
      join(dir, 'ord.csv'),
      'OrderID,Line,OrderDate,Customer,SKU,Qty,UnitPrice\nSO-1,1,2026-11-20,Elm,A,2,3\n',
    );
    const w = ['--workbook', 'w.json'];
    await cli(dir, 'import', ...w, '--tab', 'Inventory', '--csv', 'inv.csv');
    await cli(dir, 'import', ...w, '--tab', 'Orders', '--csv', 'ord.csv', '--allocate');
    await cli(dir, 'do', 'ship', ...w, '--order', 'SO-1');
    const invoices = await cli(dir, 'invoices', ...w, '--format', 'xero', '--out', 'x.csv', '--json');
    expect(invoices.stderr).toBe('');
    expect(JSON.parse(invoices.stdout)).toEqual({
      invoices: 1,
      lines: 1,
      files: ['x.csv'],
      batch: 1,
      again: false,
    });
  });

  it('gives its JSON log lines a Cloud Logging severity', async () => {
    const dir = tempDir();
    emptyFeed(dir);
    let stdout = '';
    const code = await main(
      ['sync', '--workbook', 'w.json', '--create', '--feeds', 'feeds.json', '--every', '60', '--json'],
      {
        stdout: (s) => {
          stdout += s;
        },
        stderr: () => {},
        env: { BACKORDER_DESK_TODAY: '2026-11-23', BACKORDER_DESK_LEASES: join(dir, 'leases') },
        cwd: dir,
        stop: AbortSignal.abort(),
      },
    );
    expect(code).toBe(0);
    const last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(last).toMatchObject({ severity: 'INFO', level: 'info', event: 'sync.stopped' });
  });
});
