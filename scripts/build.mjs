#!/usr/bin/env node
/**
 * The one build of the add-on (addon/dist is owned by this script alone; clasp's rootDir points at
 * it): esbuild bundles addon/src/main.ts into Code.js as an IIFE under the global `BackorderDesk`,
 * then one delegating top-level function is appended per export of the entry, read from esbuild's
 * metafile (of an ESM pass: an IIFE's metafile lists no exports), so Apps Script sees `function onOpen(e) { return BackorderDesk.onOpen(e); }`.
 * appsscript.json is copied beside it. Prints the size of each output.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'addon', 'dist');
const GLOBAL = 'BackorderDesk';

/**
 * Bundles an entry for Apps Script: an IIFE under `globalName`, then one top-level delegating function
 * per export (read from an ESM pass's metafile: an IIFE's metafile lists no exports).
 */
export async function bundleForAppsScript(entry, globalName = GLOBAL, { minify = true, alias = {} } = {}) {
  const iife = await build({
    alias,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2020',
    minify,
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const probe = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'probe',
    logLevel: 'silent',
  });
  const exports = Object.values(probe.metafile.outputs).find((o) => o.entryPoint)?.exports ?? [];
  if (exports.length === 0) throw new Error(`${entry} exports nothing`);
  const stubs = exports
    .map((name) => `function ${name}() { return ${globalName}.${name}.apply(this, arguments); }`)
    .join('\n');
  return { code: `${iife.outputFiles[0]?.text ?? ''}\n${stubs}\n`, exports };
}

/**
 * How a script for the browser is bundled (the sidebar, the playground's page): one minified IIFE.
 * ES2020: the sidebar merges views with the core, whose money arithmetic uses BigInt; every browser
 * Google Sheets supports runs it.
 */
const BROWSER = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  minify: true,
  write: false,
  logLevel: 'warning',
};

/**
 * A sidebar or dialog as one self-contained HTML file (HtmlService serves single files): the page's
 * TypeScript bundled for the browser and its CSS inlined where the HTML marks them.
 */
export async function buildHtml(name) {
  const ui = join(root, 'addon', 'src', 'ui');
  const js = await build({
    ...BROWSER,
    entryPoints: [join(ui, `${name}.ts`)],
    legalComments: 'none',
  });
  const code = (js.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script');
  const css = await readFile(join(ui, `${name}.css`), 'utf8');
  const html = await readFile(join(ui, `${name}.html`), 'utf8');
  return html.replace('/*CSS*/', () => css).replace('/*JS*/', () => code);
}

const HTML_FILES = { Sidebar: 'sidebar' };

/**
 * Writes a file whole or not at all (a temporary file renamed over it): a build while tests or the
 * playground read the same files (npm test runs files in parallel, npm start rebuilds) never shows
 * them a half-written one.
 */
async function writeWhole(path, data) {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

export async function buildAddon({ quiet = false } = {}) {
  await mkdir(dist, { recursive: true });
  const { code, exports } = await bundleForAppsScript(join(root, 'addon', 'src', 'main.ts'), GLOBAL, {
    // date-fns' locale machinery is 42 KB of the 150 KB budget: the add-on uses its tested stand-in.
    alias: { 'date-fns': join(root, 'addon', 'src', 'date-fns-lite.ts') },
  });
  const files = {
    'Code.js': code,
    'appsscript.json': await readFile(join(root, 'addon', 'appsscript.json')),
  };
  for (const [file, source] of Object.entries(HTML_FILES)) files[`${file}.html`] = await buildHtml(source);
  const outputs = Object.keys(files);
  for (const [file, data] of Object.entries(files)) await writeWhole(join(dist, file), data);
  // Nothing else stays in addon/dist: clasp pushes the whole folder.
  for (const file of await readdir(dist))
    if (!outputs.includes(file) && !file.endsWith('.tmp'))
      await rm(join(dist, file), { recursive: true, force: true });
  const sizes = {};
  for (const file of outputs) sizes[file] = (await stat(join(dist, file))).size;
  if (!quiet)
    for (const [f, n] of Object.entries(sizes))
      process.stdout.write(`addon/dist/${f}  ${(n / 1024).toFixed(1)} KB\n`);
  return { exports, sizes, outputs };
}

/** The local playground's page and google.script.run bridge (npm start), into playground/dist. */
export async function buildPlayground() {
  const page = join(root, 'playground', 'page');
  const out = join(root, 'playground', 'dist');
  await mkdir(out, { recursive: true });
  for (const name of ['page', 'bridge']) {
    const { outputFiles } = await build({
      ...BROWSER,
      entryPoints: [join(page, `${name}.ts`)],
      outfile: join(out, `${name}.js`),
    });
    for (const f of outputFiles) await writeWhole(f.path, f.contents);
  }
  await writeWhole(join(out, 'index.html'), await readFile(join(page, 'index.html')));
  return out;
}

/**
 * The packages bundled into a Node program: the small ones every command loads. Loading them from
 * node_modules cost about 150 ms at every start (zod's ESM entry alone 108 ms, against 10 ms for
 * the 26 KB of it the bundle keeps; date-fns re-exports some 250 files). The heavy packages (the
 * Sheets client, exceljs, the formula engine) stay external: only the commands that use them load
 * them, from chunks of their own.
 */
const BUNDLED = ['date-fns', 'zod', 'csv-parse', 'csv-stringify', 'proper-lockfile', 'nodemailer'];

/** The packages a Node bundle loads from node_modules: the dependencies, optional ones included. */
async function externals() {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  return Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter(
    (name) => !BUNDLED.includes(name),
  );
}

/** One Node program bundled into dist/NAME/ as ESM, the heavy packages external (node_modules loads them). */
async function buildNode(name, entry, quiet) {
  const out = join(root, 'dist', name);
  await rm(out, { recursive: true, force: true });
  const result = await build({
    entryPoints: { [name === 'cli' ? 'main' : name]: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The heavy packages stay external (node_modules loads them); the small ones are bundled.
    external: await externals(),
    // Bundled CommonJS packages (proper-lockfile, nodemailer) require Node's own modules.
    banner: {
      js: "import { createRequire as __bdeskRequire } from 'node:module'; const require = __bdeskRequire(import.meta.url);",
    },
    outdir: out,
    metafile: true,
    logLevel: 'warning',
  });
  if (!quiet)
    for (const [f, o] of Object.entries(result.metafile.outputs))
      process.stdout.write(`${f}  ${(o.bytes / 1024).toFixed(1)} KB\n`);
  return join(out, `${name === 'cli' ? 'main' : name}.js`);
}

/**
 * The `backorder-desk` CLI (the sync service included) as plain JavaScript in dist/cli/, so a command
 * starts without compiling TypeScript at run time. The heavy packages (exceljs, the Sheets client, the
 * formula engine) are imported by the commands that use them only, so they land in chunks of their
 * own and a plain command never loads them.
 */
export function buildCli({ quiet = false } = {}) {
  return buildNode('cli', join(root, 'cli', 'main.ts'), quiet);
}

/** `npm start`'s composition root (start/start.ts: the demo, the playground and the sync loop) in dist/start/. */
export function buildStart({ quiet = false } = {}) {
  return buildNode('start', join(root, 'start', 'start.ts'), quiet);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cliOnly = process.argv.includes('--cli');
  (cliOnly
    ? buildCli()
    : buildAddon().then(() => Promise.all([buildCli({ quiet: true }), buildStart({ quiet: true })]))
  ).catch((e) => {
    process.stderr.write(`build failed: ${e.message}\n`);
    process.exitCode = 1;
  });
}
