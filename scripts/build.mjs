#!/usr/bin/env node
/**
 * The one build of the add-on (addon/dist is owned by this script alone; clasp's rootDir points at
 * it): esbuild bundles addon/src/main.ts into Code.js as an IIFE under the global `BackorderDesk`,
 * then one delegating top-level function is appended per export of the entry, read from esbuild's
 * metafile (of an ESM pass: an IIFE's metafile lists no exports), so Apps Script sees `function onOpen(e) { return BackorderDesk.onOpen(e); }`.
 * appsscript.json is copied beside it. Prints the size of each output.
 */
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'addon', 'dist');
const GLOBAL = 'BackorderDesk';

export async function buildAddon({ quiet = false } = {}) {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await build({
    entryPoints: [join(root, 'addon', 'src', 'main.ts')],
    outfile: join(dist, 'Code.js'),
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    minify: true,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // An IIFE has no exports in the metafile; an ESM pass of the same entry (not written) lists them.
  const probe = await build({
    entryPoints: [join(root, 'addon', 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'probe',
    logLevel: 'silent',
  });
  const exports = Object.values(probe.metafile.outputs).find((o) => o.entryPoint)?.exports ?? [];
  if (exports.length === 0) throw new Error('the add-on entry exports nothing');
  const stubs = exports
    .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
    .join('\n');
  const code = await readFile(join(dist, 'Code.js'), 'utf8');
  await writeFile(join(dist, 'Code.js'), `${code}\n${stubs}\n`);
  await copyFile(join(root, 'addon', 'appsscript.json'), join(dist, 'appsscript.json'));
  const sizes = {};
  for (const file of ['Code.js', 'appsscript.json']) sizes[file] = (await stat(join(dist, file))).size;
  if (!quiet)
    for (const [f, n] of Object.entries(sizes))
      process.stdout.write(`addon/dist/${f}  ${(n / 1024).toFixed(1)} KB\n`);
  return { exports, sizes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAddon().catch((e) => {
    process.stderr.write(`build failed: ${e.message}\n`);
    process.exitCode = 1;
  });
}
