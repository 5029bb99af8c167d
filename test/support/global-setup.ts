/**
 * Once before the test files run: rebuilds the prebuilt CLI (dist/cli/) and the add-on (addon/dist/)
 * from the sources, so tests that run `backorder-desk` as real processes or the built Code.js never
 * run a stale build. Built here once and only read by the tests: files run in parallel, and a
 * rebuild in one would empty addon/dist under another reading it. The add-on build's report (its
 * exports and sizes) is provided to test/addon/build.test.ts.
 */
import type { TestProject } from 'vitest/node';
// @ts-expect-error: the build script is plain JavaScript.
import { buildAddon, buildCli } from '../../scripts/build.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    addonBuild: { exports: string[]; sizes: Record<string, number>; outputs: string[] };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  await buildCli({ quiet: true });
  project.provide('addonBuild', await buildAddon({ quiet: true }));
}
