import { defineConfig } from 'vitest/config';

// The integration tests: real sshd, nginx, php-fpm and MariaDB on loopback,
// shared by every file, so the files run one at a time. `npm test` runs them
// beside the unit tests (test/run-suites.mjs).
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    testTimeout: 120_000,
    // beforeAll hooks run whole applies on real services: give them a test's time.
    hookTimeout: 300_000,
    globalSetup: ['test/integration/global-setup.ts'],
    // One file at a time: the files share one set of servers.
    maxWorkers: 1,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.integration.json' },
  },
});
