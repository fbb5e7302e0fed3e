// A few SIGKILLs of tide at random points of real applies, each followed by a
// plain apply that must recover without losing a row (see
// support/crash-campaign.ts). Kept short to hold the suite under 20 minutes:
// one kill in each phase, with a fixed seed so the suite's time does not
// depend on the draw (TIDE_CRASH_SEED sets another; the seed is printed).
// `npm run bench:crash` runs 200 kills with a random seed (TIDE_CRASH_KILLS
// sets the count here).

import { afterAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { runCrashCampaign } from './support/crash-campaign.js';

const KILLS = Number(process.env.TIDE_CRASH_KILLS ?? 5);
const services = inject('services');
afterAll(() => removeGitCliRepos());

describe('crash campaign', () => {
  it('recovers from kills at random points with every row, nothing left over and an empty plan', async () => {
    const seed = Number(process.env.TIDE_CRASH_SEED ?? 1129);
    const report = await runCrashCampaign(services, { kills: KILLS, seed, tag: 'crash-campaign', log: (line) => console.log(line) });
    expect(report.failure, `seed ${seed}`).toBeUndefined();
    expect(report).toMatchObject({ kills: KILLS, recovered: KILLS, lostRows: 0 });
    // Every phase was killed (the phases come in turn, each until a kill lands).
    expect(Object.values(report.byPhase).filter((n) => n > 0), JSON.stringify(report.byPhase)).toHaveLength(Math.min(KILLS, 5));
  }, 1_200_000);
});
