import { defineConfig } from 'vitest/config';

// The crash campaign at length (npm run bench:crash), in the same real
// environment as the integration tests. TIDE_CRASH_KILLS sets the number of
// kills (200), TIDE_CRASH_SEED replays a campaign.
export default defineConfig({
  test: {
    include: ['test/bench/crash/*.bench.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    testTimeout: 4 * 3600_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
