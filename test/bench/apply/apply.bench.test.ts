// tide apply installing 40 static sites on the two loopback servers, beside
// the baseline (baseline.ts) run in the same process, interleaved, so the
// ratio holds on a noisy machine. Prints a table; asserts only that both did
// the work (every site answers), not a time.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../../helpers/git-cli.js';
import { commitAll, makeFleet, tide, writeFleetFile } from '../../integration/support/fleet.js';
import { pageWhen } from '../../integration/support/probe.js';
import { runBaseline } from './baseline.js';

const services = inject('services');
const SITES = Number(process.env.TIDE_BENCH_SITES ?? 40);
const ROUNDS = Number(process.env.TIDE_BENCH_ROUNDS ?? 3);

afterAll(() => removeGitCliRepos());

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

it(`installs ${SITES} static sites: tide vs a ControlMaster shell script`, async () => {
  const [web1, web2] = services.ssh.servers;
  const tideTimes: number[] = [];
  const baseTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // tide: servers verified and the platform deployed first (not timed), then the sites.
    const fleet = makeFleet(services, `bench-${round}`, { keepSites: false });
    expect((await tide(fleet, ['apply', '--yes'])).exitCode).toBe(0);
    const names = Array.from({ length: SITES }, (_, i) => `t${round}-${i}.bench.test`);
    names.forEach((name, i) => writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, platform: 'brochure', server: i % 2 ? 'web2' : 'web1' }));
    commitAll(fleet, `${SITES} sites`);
    const started = performance.now();
    const run = await tide(fleet, ['apply', '--yes']);
    tideTimes.push(performance.now() - started);
    expect(run.exitCode, run.all).toBe(0);
    expect((await pageWhen(web2!.http.port, names[1]!, (p) => p.status === 200)).status).toBe(200);

    // Baseline: the same commands for as many sites, into its own root.
    const plan = [web1!, web2!].map((server, s) => {
      const root = join(server.root, `baseline-${round}`);
      mkdirSync(join(root, 'sites'), { recursive: true });
      return { server, root, docroot: join(fleet.roots[server.name]!, 'platforms/brochure'),
        sites: Array.from({ length: SITES / 2 }, (_, i) => `b${round}-${s}-${i}.bench.test`) };
    });
    baseTimes.push(await runBaseline(services, plan));
    expect((await pageWhen(web1!.http.port, plan[0]!.sites[0]!, (p) => p.status === 200)).status).toBe(200);
  }
  const t = median(tideTimes);
  const b = median(baseTimes);
  console.log([
    '',
    `apply benchmark: ${SITES} static sites on 2 servers, ${ROUNDS} interleaved rounds (medians)`,
    `  tide apply      ${(t / 1000).toFixed(2)} s   rounds: ${tideTimes.map((x) => (x / 1000).toFixed(2)).join(', ')}`,
    `  baseline (ssh)  ${(b / 1000).toFixed(2)} s   rounds: ${baseTimes.map((x) => (x / 1000).toFixed(2)).join(', ')}`,
    `  tide / baseline ${(t / b).toFixed(2)}   (target <= 1.5)`,
    '',
  ].join('\n'));
});
