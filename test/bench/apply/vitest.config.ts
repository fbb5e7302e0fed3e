import { defineConfig } from 'vitest/config';

// The apply benchmark runs in the same real environment as the integration
// tests (sshd, nginx on loopback), but only when asked: npm run bench:apply.
// One benchmark file at a time, so one's timings never include the other's load.
export default defineConfig({
  test: {
    include: ['test/bench/apply/*.bench.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 4 * 3600_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
