#!/usr/bin/env node
import { resolve } from 'node:path';
// Runs a TypeScript entry file with tsx's loader registered: `node bin/run-ts.mjs path/to/file.ts [args…]`.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: run-ts.mjs FILE.ts [args…]\n');
  process.exit(2);
}
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(resolve(entry)).href);
