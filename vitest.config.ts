import { defineConfig } from 'vitest/config';

// The integration tests: real sshd, nginx, php-fpm and MariaDB on loopback.
// Two files run at a time, each worker with its own set of servers
// (global-setup.ts starts one per worker; a worker's files run one after
// another on it). `npm test` runs them beside the unit tests
// (test/run-suites.mjs). `--maxWorkers=1` runs them one at a time on one set.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    testTimeout: 120_000,
    // beforeAll hooks run whole applies on real services: give them a test's time.
    hookTimeout: 300_000,
    globalSetup: ['test/integration/global-setup.ts'],
    setupFiles: ['test/integration/env/worker-services.ts'],
    // Two: the files spend much of their time waiting on servers, and the machine has two CPUs.
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.integration.json' },
  },
});
