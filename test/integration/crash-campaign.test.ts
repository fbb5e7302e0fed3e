// 20 SIGKILLs of tide at random points of real applies, each followed by a
// plain apply that must recover without losing a row (see
// support/crash-campaign.ts). TIDE_CRASH_SEED replays a campaign; the seed
// is printed either way. `npm run bench:crash` runs 200.

import { afterAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { runCrashCampaign } from './support/crash-campaign.js';

const services = inject('services');
afterAll(() => removeGitCliRepos());

describe('crash campaign', () => {
  it('recovers from 20 kills at random points with every row, nothing left over and an empty plan', async () => {
    const seed = Number(process.env.TIDE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const report = await runCrashCampaign(services, { kills: 20, seed, tag: 'crash-campaign', log: (line) => console.log(line) });
    expect(report.failure, `seed ${seed}`).toBeUndefined();
    expect(report).toMatchObject({ kills: 20, recovered: 20, lostRows: 0 });
  }, 1_200_000);
});
