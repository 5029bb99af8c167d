import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default leaves a core free (n − 1), so a 2-core machine ran the suite on one: 240 s
    // against 171 s on two. Most tests wait on processes, HTTP and a browser, so two keep busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Rebuilds dist/cli/ once, before any test runs the bin as a process.
    globalSetup: ['test/support/global-setup.ts'],
    // CI reads the totals from the JSON report (.ci/run prints "tests: N passed, N failed").
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: 'test-results/vitest.json' } : undefined,
  },
});
