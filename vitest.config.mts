import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // examples/: integrations' own suites, written against the testing library as a user would.
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/node-version.setup.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
