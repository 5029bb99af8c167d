/**
 * Once before every test file: rebuilds the prebuilt CLI (dist/cli/) from the sources, so tests that
 * run `backorder-desk` as real processes never run a stale build.
 */
// @ts-expect-error: the build script is plain JavaScript.
import { buildCli } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildCli({ quiet: true });
}
