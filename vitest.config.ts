import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Rebuilds dist/cli/ once, before any test runs the bin as a process.
    globalSetup: ['test/support/global-setup.ts'],
    // CI reads the totals from the JSON report (.ci/run prints "tests: N passed, N failed").
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: 'test-results/vitest.json' } : undefined,
  },
});
