import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/github/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 120_000,
    // beforeAll hooks run whole applies on real services: give them a test's time.
    hookTimeout: 300_000,
    // Real sshd, nginx, php-fpm and MariaDB on loopback for the integration tests.
    globalSetup: ['test/integration/global-setup.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
