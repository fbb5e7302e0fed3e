// Installing static sites on the two loopback servers: tide apply, the floor
// (floor.ts: one ssh and one script per server) and Ansible with pipelining
// (ansible.ts), in this one process, interleaved round by round (the order
// rotates), so every ratio is taken on the same machine at the same time.
// For each site count (TIDE_BENCH_SITES, default 40,400) and each kind of
// login shell (TIDE_BENCH_SHELLS, default fast,slow; hosts.ts). Prints a
// table of medians and ratios; asserts only that each did the work (a site
// of each answers over HTTP), not a time. See README.md.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../../helpers/git-cli.js';
import type { TestServices, TestSshServer } from '../../integration/env/types.js';
import { commitAll, makeFleet, tide, writeFleetFile, type TestFleet } from '../../integration/support/fleet.js';
import { pageWhen } from '../../integration/support/probe.js';
import { deployUserDir } from '../../integration/support/ssh.js';
import { ansiblePlaybook, runAnsible } from './ansible.js';
import { runFloor, type BenchServerPlan } from './floor.js';
import { startSlowHosts, type SlowHosts } from './hosts.js';
import { describeBreakdown, tideBreakdown } from './breakdown.js';
import { serverCpu } from './server-cpu.js';

const services = inject('services');
const list = (v: string | undefined, fallback: string) => (v ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
const SITES = list(process.env.TIDE_BENCH_SITES, '40,400').map(Number);
const SHELLS = list(process.env.TIDE_BENCH_SHELLS, 'fast,slow') as ('fast' | 'slow')[];
const ROUNDS = Number(process.env.TIDE_BENCH_ROUNDS ?? 3);
/** Ansible's rounds (each of its 400-site rounds takes minutes); default ROUNDS. */
const ANSIBLE_ROUNDS = Number(process.env.TIDE_BENCH_ANSIBLE_ROUNDS ?? ROUNDS);
const RESULTS = process.env.TIDE_BENCH_RESULTS;
/** Another tide build (its dist/cli/bin.js), run as a fourth contender in the same rounds: an A/B of two builds on the same machine at the same time. */
const COMPARE_CLI = process.env.TIDE_BENCH_COMPARE_CLI ? resolve(process.env.TIDE_BENCH_COMPARE_CLI) : undefined;

type Tool = 'tide' | 'floor' | 'ansible' | 'compare';
const TOOLS: Tool[] = COMPARE_CLI ? ['tide', 'floor', 'ansible', 'compare'] : ['tide', 'floor', 'ansible'];
interface Row { shell: string; sites: number; times: Record<Tool, number[]> }
const rows: Row[] = [];
let slow: SlowHosts | undefined;

beforeAll(async () => {
  await ansiblePlaybook();
  if (SHELLS.includes('slow')) slow = await startSlowHosts(services);
}, 120_000);

afterAll(async () => {
  await slow?.stop();
  removeGitCliRepos();
  console.log(table());
  if (RESULTS) writeFileSync(RESULTS, JSON.stringify(rows, null, 2));
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function table(): string {
  const lines = [
    '',
    `apply benchmark: static sites on 2 servers, medians of interleaved rounds (load average at the end: ${loadAverage()})`,
    COMPARE_CLI
      ? `| login shell | sites | tide | floor | Ansible | tide / floor | Ansible / tide | compare (${COMPARE_CLI}) | compare / floor | tide / compare | rounds (tide; floor; Ansible; compare) |`
      : '| login shell | sites | tide | floor | Ansible | tide / floor | Ansible / tide | rounds (tide; floor; Ansible) |',
    COMPARE_CLI ? '|---|---|---|---|---|---|---|---|---|---|---|' : '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const [t, f, a, c] = TOOLS.map((k) => (r.times[k].length ? median(r.times[k]) : NaN));
    const each = TOOLS.map((k) => r.times[k].map((x) => (x / 1000).toFixed(2)).join(', ')).join('; ');
    const compared = COMPARE_CLI ? ` ${sec(c!)} | ${(c! / f!).toFixed(2)} | ${(t! / c!).toFixed(3)} |` : '';
    lines.push(`| ${r.shell} | ${r.sites} | ${sec(t!)} | ${sec(f!)} | ${sec(a!)} | ${(t! / f!).toFixed(2)} | ${(a! / t!).toFixed(1)} |${compared} ${each} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** The whole machine's busy CPU time so far (ms, /proc/stat): its delta around a contender is what it cost, servers included. */
function machineBusyMs(): number {
  const f = execFileSync('cat', ['/proc/stat']).toString().split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  return (f[0]! + f[1]! + f[2]! + f[5]! + f[6]!) * 10;
}

function loadAverage(): string {
  return execFileSync('cat', ['/proc/loadavg']).toString().split(' ').slice(0, 3).join(' ');
}

/** The environment with the servers of one kind of host. */
function hostsOf(shell: 'fast' | 'slow'): TestServices {
  return shell === 'fast' ? services : { ...services, ssh: { ...services.ssh, servers: slow!.servers } };
}

/** Removes the vhosts of `prefix` sites and reloads (not timed): later rounds do not test and reload an ever larger config. */
function removeVhosts(servers: TestSshServer[], prefix: string): void {
  for (const s of servers) {
    for (const f of readdirSync(s.http.configDir)) if (f.startsWith(`tide-${prefix}`)) rmSync(join(s.http.configDir, f));
    execFileSync('sh', ['-c', s.http.reload]);
  }
}

function siteNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}.bench.test`);
}

/** Half the sites on each server. */
function split(names: string[], servers: TestSshServer[]): string[][] {
  return servers.map((_, s) => names.filter((_, i) => i % servers.length === s));
}

for (const shell of SHELLS) {
  describe(`${shell} login shell`, () => {
    for (const count of SITES) {
      it(`installs ${count} static sites: tide, the floor and Ansible`, async () => {
        const env = hostsOf(shell);
        const servers = env.ssh.servers;
        const row: Row = { shell, sites: count, times: { tide: [], floor: [], ansible: [], compare: [] } };
        rows.push(row);
        for (let round = 0; round < ROUNDS; round++) {
          const id = `${shell[0]}${count}r${round}`;
          // Not timed: a fleet with its servers verified and platforms deployed (the floor and Ansible use its static platform's code);
          // the other build gets a fleet of its own, set up by itself (its state branch is its own).
          const fleet = makeFleet(env, `bench-${id}`, { keepSites: false });
          expect((await tide(fleet, ['apply', '--yes'])).exitCode).toBe(0);
          const compareFleet = COMPARE_CLI ? makeFleet(env, `bench-${id}c`, { keepSites: false }) : undefined;
          if (compareFleet) expect((await tide(compareFleet, ['apply', '--yes'], {}, 180_000, COMPARE_CLI)).exitCode).toBe(0);
          const docroot = (s: TestSshServer) => join(fleet.roots[s.name]!, 'platforms/brochure');
          const plansFor = (tool: string): BenchServerPlan[] => {
            const names = split(siteNames(`${tool}-${id}-`, count), servers);
            return servers.map((server, s) => {
              const root = deployUserDir(server, join(server.root, `${tool}-${id}`));
              mkdirSync(join(root, 'sites'), { recursive: true });
              execFileSync('chown', [server.user, join(root, 'sites')]);
              return { server, root, docroot: docroot(server), sites: names[s]! };
            });
          };
          /** One timed `tide apply --yes` of `count` new sites named `<prefix>-<id>-N` by the build `cli`. */
          const timedApply = async (on: TestFleet, cli: string | undefined, prefix: string, times: number[]) => {
            const names = siteNames(`${prefix}-${id}-`, count);
            names.forEach((name, i) => writeFleetFile(on, `sites/${name}.yaml`, { kind: 'Site', name, platform: 'brochure', server: servers[i % servers.length]!.name }));
            commitAll(on, `${count} sites`);
            const started = performance.now();
            const startedAt = Date.now();
            // No 3-minute limit: 400 sites on this loaded machine take longer.
            const run = await tide(on, ['apply', '--yes'], {}, 3_600_000, cli);
            times.push(performance.now() - started);
            const endedAt = Date.now();
            expect(run.exitCode, run.all).toBe(0);
            const who = cli ? 'compare' : 'tide';
            console.log(`${shell} ${count} round ${round} ${who}: ${describeBreakdown(tideBreakdown(on, new Set(names), startedAt, endedAt))}`);
            expect((await pageWhen(servers[1]!.http.port, names[1]!, (p) => p.status === 200)).status).toBe(200);
          };
          const runs: Record<Tool, () => Promise<void>> = {
            tide: () => timedApply(fleet, undefined, 't', row.times.tide),
            compare: async () => {
              if (compareFleet) await timedApply(compareFleet, COMPARE_CLI, 'c', row.times.compare);
            },
            floor: async () => {
              const plans = plansFor('f');
              row.times.floor.push(await runFloor(env, plans));
              expect((await pageWhen(servers[0]!.http.port, plans[0]!.sites[0]!, (p) => p.status === 200)).status).toBe(200);
            },
            ansible: async () => {
              if (round >= ANSIBLE_ROUNDS) return;
              const plans = plansFor('a');
              row.times.ansible.push(await runAnsible(env, plans));
              expect((await pageWhen(servers[0]!.http.port, plans[0]!.sites[0]!, (p) => p.status === 200)).status).toBe(200);
            },
          };
          const order = TOOLS;
          const busy: string[] = [];
          const counter = serverCpu(servers);
          const serverMs = () => counter?.ms() ?? NaN;
          for (let i = 0; i < order.length; i++) {
            const tool = order[(i + round) % order.length]!;
            const [machine, server] = [machineBusyMs(), serverMs()];
            await runs[tool]();
            await new Promise((r) => setTimeout(r, 300)); // the servers reap the last connection's processes
            if (tool !== 'ansible' || round < ANSIBLE_ROUNDS) {
              const onServer = serverMs() - server;
              busy.push(`${tool} ${sec(onServer)} (${(onServer / count).toFixed(1)} ms per site; machine ${sec(machineBusyMs() - machine)})`);
            }
          }
          counter?.close();
          console.log(`${shell} ${count} round ${round}: servers' CPU: ${busy.join(', ')}`);
          for (const tool of ['t', 'f', 'a', 'c']) removeVhosts(servers, `${tool}-${id}-`);
          const compared = COMPARE_CLI ? `, compare ${sec(row.times.compare.at(-1)!)}` : '';
          console.log(`${shell} ${count} round ${round}: tide ${sec(row.times.tide.at(-1)!)}, floor ${sec(row.times.floor.at(-1)!)}${round < ANSIBLE_ROUNDS ? `, Ansible ${sec(row.times.ansible.at(-1)!)}` : ''}${compared} (load ${loadAverage()})`);
        }
      });
    }
  });
}
