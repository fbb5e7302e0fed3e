// The crash campaign at length: TIDE_CRASH_KILLS (default 200) SIGKILLs of
// tide at random points of real applies, each recovered by a plain apply
// (support/crash-campaign.ts). Prints the seed and the figures: kills,
// recovered, rows written after kills, rows lost.

import { describe, expect, inject, it } from 'vitest';
import { runCrashCampaign } from '../../integration/support/crash-campaign.js';

const services = inject('services');

describe('crash campaign (bench)', () => {
  it('recovers from every kill', async () => {
    const kills = Number(process.env.TIDE_CRASH_KILLS ?? 200);
    const seed = Number(process.env.TIDE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const report = await runCrashCampaign(services, { kills, seed, tag: 'bench', log: (line) => console.log(line) });
    console.log(`\nkills ${report.kills}, recovered ${report.recovered}, rounds ${report.rounds}, rows written after kills ${report.rowsWrittenAfterKills}, rows lost ${report.lostRows}, seed ${seed}`);
    console.log(`kills by phase: ${JSON.stringify(report.byPhase)}`);
    expect(report.failure).toBeUndefined();
  });
});
