/**
 * The sync service's container image installs no optional dependency (Dockerfile: `npm ci
 * --omit=optional`), so exceljs and its 175 packages are not there. The prebuilt CLI, run as the
 * image runs it from a folder whose node_modules lacks exceljs, does everything but an xlsx export,
 * which it refuses with what to do instead (cli/optional-module.ts).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli';

const run = promisify(execFile);
const root = join(__dirname, '../..');

/** The built CLI with every installed package but exceljs, as the image has it. */
function slimInstall(): string {
  const dir = tempDir();
  cpSync(join(root, 'dist/cli'), join(dir, 'dist/cli'), { recursive: true });
  cpSync(join(root, 'bin/backorder-desk.mjs'), join(dir, 'bin/backorder-desk.mjs'));
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules')))
    if (name !== 'exceljs') symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  return dir;
}

async function cli(dir: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [join(dir, 'bin/backorder-desk.mjs'), ...args], {
      cwd: dir,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('CLI without the optional exceljs (the sync image)', () => {
  it('runs its commands, and refuses an xlsx export with what to do instead', async () => {
    const dir = slimInstall();
    expect((await cli(dir, 'init', '--workbook', 'w.json')).code).toBe(0);
    const csv = await cli(dir, 'export', '--workbook', 'w.json', '--tab', 'Orders');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toMatch(/^OrderID,/);
    const xlsx = await cli(
      dir,
      'export',
      '--workbook',
      'w.json',
      '--tab',
      'Orders',
      '--format',
      'xlsx',
      '--out',
      'o.xlsx',
    );
    expect(xlsx.code).toBe(1);
    expect(xlsx.stderr).toContain('export --format xlsx needs the exceljs package');
    expect(xlsx.stderr).toContain('export as csv');
    expect(xlsx.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  }, 60_000);
});
