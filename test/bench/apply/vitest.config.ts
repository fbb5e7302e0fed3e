import { defineConfig } from 'vitest/config';

// The apply benchmark runs in the same real environment as the integration
// tests (sshd, nginx on loopback), but only when asked: npm run bench:apply.
export default defineConfig({
  test: {
    include: ['test/bench/apply/*.bench.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
