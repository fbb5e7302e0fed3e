// A few SIGKILLs of tide at random points of real applies, each followed by a
// plain apply that must recover without losing a row (see
// support/crash-campaign.ts). TIDE_CRASH_SEED replays a campaign; the seed
// is printed either way. Kept short to hold the suite under 20 minutes;
// one kill in each phase. `npm run bench:crash` runs 200 (TIDE_CRASH_KILLS
// sets the count here).

import { afterAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { runCrashCampaign } from './support/crash-campaign.js';

const KILLS = Number(process.env.TIDE_CRASH_KILLS ?? 5);
const services = inject('services');
afterAll(() => removeGitCliRepos());

describe('crash campaign', () => {
  it('recovers from kills at random points with every row, nothing left over and an empty plan', async () => {
    const seed = Number(process.env.TIDE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const report = await runCrashCampaign(services, { kills: KILLS, seed, tag: 'crash-campaign', log: (line) => console.log(line) });
    expect(report.failure, `seed ${seed}`).toBeUndefined();
    expect(report).toMatchObject({ kills: KILLS, recovered: KILLS, lostRows: 0 });
  }, 1_200_000);
});
