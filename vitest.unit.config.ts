import { defineConfig } from 'vitest/config';

// Unit tests alone, without the integration environment
// (`npx vitest run --config vitest.unit.config.ts`). `npm test` runs them
// beside the integration tests (test/run-suites.mjs).
export default defineConfig({
  test: {
    // test/github runs the bundled action against a fake GitHub API: no services either.
    include: ['test/unit/**/*.test.ts', 'test/github/**/*.test.ts'],
    // Installs php (for the Drupal driver's tests) on a fresh machine.
    globalSetup: ['test/unit/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.unit.json' },
  },
});
