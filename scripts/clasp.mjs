#!/usr/bin/env node
/**
 * clasp as this repository pins it: tools/clasp holds @google/clasp at the README's version with its
 * own lockfile, installed there on first use (`npm ci`), so `npm ci` at the root never downloads its
 * 209 MB of googleapis. `npm run clasp -- <args>` runs it with the arguments given; `npm run push`
 * uses it after the build and the tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'tools', 'clasp');
const bin = join(dir, 'node_modules', '.bin', process.platform === 'win32' ? 'clasp.cmd' : 'clasp');
const pinned = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies['@google/clasp'];
const installed = join(dir, 'node_modules', '@google', 'clasp', 'package.json');
const have = existsSync(installed) ? JSON.parse(readFileSync(installed, 'utf8')).version : undefined;

if (have !== pinned) {
  console.error(`Installing @google/clasp ${pinned} into tools/clasp (once)…`);
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (ci.status !== 0) process.exit(ci.status ?? 1);
}
const run = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
