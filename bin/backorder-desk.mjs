#!/usr/bin/env node
// The `backorder-desk` command (PRODUCT.md section 7): runs the CLI prebuilt into dist/cli/ by
// `npm ci` (the prepare script) or `npm run build`; builds it first when it is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(built)) {
  const { buildCli } = await import('../scripts/build.mjs');
  await buildCli({ quiet: true });
}
// A reader that stops early (`backorder-desk … | head`) is not a failure of the command, whose work
// is done by the time it prints: the output it no longer wants is dropped, the exit code kept.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  // A person at a terminal sees long work going on (cli/progress.ts); a pipe or a log never does.
  ...(process.stderr.isTTY ? { terminal: { write: (s) => process.stderr.write(s) } } : {}),
});
