/**
 * Runs the CLI in-process with captured output and a temporary folder, as a script would call it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bdesk-'));
}

export async function cli(cwd: string, ...argv: string[]): Promise<CliRun> {
  return cliWith({}, cwd, ...argv);
}

/** A sync configuration in `dir` (`feeds.json`) with one vendor whose CSV feed holds no rows. */
export function emptyFeed(dir: string): void {
  writeFileSync(join(dir, 'feed.csv'), 'PO,Line,ETA\n');
  const vendor = {
    vendor: 'Acme',
    source: { file: 'feed.csv' },
    format: 'csv',
    mapping: { po: 'PO', line: 'Line', eta: 'ETA' },
  };
  writeFileSync(join(dir, 'feeds.json'), JSON.stringify({ vendors: [vendor] }));
}

/** Retries with no real waiting: the policy's arithmetic runs, the clock does not. */
export const INSTANT_RETRY = { sleep: async () => {} };

/** The CLI with extra environment (e.g. the twin's URL and a test token for --spreadsheet). */

export async function cliWith(env: Record<string, string>, cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: { BACKORDER_DESK_TODAY: '2026-11-23', BACKORDER_DESK_ACTOR: 'tester', ...env },
    retry: INSTANT_RETRY,
    cwd,
  });
  return { code, stdout, stderr };
}

/** The `backorder-desk` bin; test/support/global-setup.ts rebuilt dist/cli/ from the sources first. */
export const BIN = join(__dirname, '../../bin/backorder-desk.mjs');
