#!/usr/bin/env node
// `npm start`: the demo (start/start.ts), built with esbuild into dist/start/ on every start (about
// 0.2 s, so an edited source is never served stale), then run as plain JavaScript.
import { pathToFileURL } from 'node:url';
import { buildStart } from '../scripts/build.mjs';

await import(pathToFileURL(await buildStart({ quiet: true })).href);
