// The daemon's schedules on real servers, with the scheduler's clock in the
// test's hands: 50 sites' cron (web1, no database) and one notes site's
// scheduled backups with retention (web2, MariaDB), ticked minute by minute;
// a periodic verify that finds nothing and then finds drift (and repairs it
// with selfHeal); a restarted scheduler that picks up from the state branch.

import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Scheduler, type TickResult } from '../../src/daemon/schedules/scheduler.js';
import { jobKey } from '../../src/daemon/schedules/jobs.js';
import { createMetrics } from '../../src/daemon/metrics.js';
import { reconcileCommit } from '../../src/daemon/reconcile.js';
import { lastSlot, slotOffset } from '../../src/daemon/schedules/slots.js';
import { loadDesired } from '../../src/fleet/context.js';
import type { DesiredState } from '../../src/model/kinds.js';
import { git, removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, list, makeFleet, serverYaml, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';

const services = inject('services');
const web1 = services.ssh.servers.find((s) => s.name === 'web1')!;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The fleet's verify interval: a week, so a verify slot seldom falls near the apply (see quietStart). */
const VERIFY = 7 * 24 * HOUR;
const CRON_SITES = Array.from({ length: 50 }, (_, i) => `c${String(i).padStart(2, '0')}.cron.test`);
const FAILING = CRON_SITES[7]!;
const BACKED = 'backed.example.test';
/** The scheduler's start, set once the fleet is applied (see quietStart). */
let T0 = 0;

let fleet: TestFleet;
let desired: DesiredState;
const at = (ms: number) => new Date(T0 + ms);
const commits = (): number => Number(git(fleet.dir, 'rev-list', '--count', 'tide-state').trim());
const siteDir = (server: 'web1' | 'web2', site: string) => join(fleet.roots[server]!, 'sites', site);
const cronRuns = (site: string): string[] => {
  const file = join(siteDir('web1', site), 'cron-runs');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
};
const stateTree = (dir: string): string[] => git(fleet.dir, 'ls-tree', '--name-only', `tide-state:${dir}`).split('\n').filter(Boolean);
const monthRecords = (): string[] => git(fleet.dir, 'ls-tree', '-r', '--name-only', 'tide-state', 'operations')
  .split('\n').filter((p) => /^operations\/\d{4}-\d\d\//.test(p));
const reload = async () => (desired = (await loadDesired(fleet.dir, undefined, fleet.dir)).desired);
const scheduler = (startedAt: number) => new Scheduler({ repoDir: fleet.dir, desired: () => desired, env: fleet.env, cwd: fleet.dir, startedAt });

beforeAll(async () => {
  fleet = makeFleet(services, 'schedules', { keepSites: false });
  writeFleetFile(fleet, 'tide.yaml', { kind: 'Fleet', name: 'schedules', id: fleet.id, concurrency: { total: 8, perServer: 8 }, verify: { every: '1w' } });
  // web1 without a database: 50 sites installed in seconds; web2 with MariaDB for a backup with a dump.
  const noDb = { ...serverYamlServices(), db: { type: 'none' } };
  writeFileSync(join(fleet.dir, 'servers', 'web1.yaml'), serverYaml(web1, services, fleet.roots.web1!, { services: noDb }));
  mkdirSync(join(fleet.dir, 'platforms', 'crontest'), { recursive: true });
  writeFileSync(join(fleet.dir, 'platforms', 'crontest', 'index.html'), 'cron test\n');
  writeFleetFile(fleet, 'platforms/crontest.yaml', {
    kind: 'Platform', name: 'crontest', servers: ['web1'], driver: 'script', source: { path: 'platforms/crontest' }, docroot: '.',
    // A site whose dir holds fail-cron fails its cron (exit 3, after printing something).
    commands: { install: 'true', cron: 'if [ -e "$TIDE_SITE_DIR/fail-cron" ]; then echo "cron of $TIDE_SITE_NAME broke"; exit 3; fi; date +%s%N >> "$TIDE_SITE_DIR/cron-runs"' },
  });
  for (const name of CRON_SITES) writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, platform: 'crontest', cron: '1m' });
  writeFleetFile(fleet, `sites/${BACKED}.yaml`, { kind: 'Site', name: BACKED, platform: 'notes', server: 'web2', backups: { every: '1m', keep: 2 } });
  commitAll(fleet, '50 cron sites and a backed-up notes site');
  const applyStarted = Date.now();
  const applied = await tide(fleet, ['apply', '--yes']);
  expect(applied.exitCode, applied.all).toBe(0);
  writeFileSync(join(siteDir('web1', FAILING), 'fail-cron'), '');
  await reload();
  T0 = quietStart(applyStarted);
}, 240_000);
afterAll(() => removeGitCliRepos());

/**
 * A minute from which the first ticks (T0 + 1..4 min) hold cron and backups
 * only: no server's verify slot (every week) falls between the apply, which
 * recorded the servers as verified, and T0 + 5 min.
 */
function quietStart(applyStarted: number): number {
  const offsets = ['web1', 'web2'].map((server) => slotOffset(jobKey('verify', server), VERIFY));
  const t0 = Math.ceil(Date.now() / MINUTE) * MINUTE;
  // A later start cannot help: once a slot has passed since the apply, the verify is due.
  if (offsets.some((offset) => lastSlot(t0 + 5 * MINUTE, VERIFY, offset) > applyStarted)) {
    throw new Error('A server\'s weekly verify slot falls within minutes of now; run the test again in a few minutes.');
  }
  return t0;
}

function serverYamlServices() {
  const h = web1.http;
  return { http: { type: 'nginx', port: h.port, httpsPort: h.httpsPort, configDir: h.configDir, check: h.check, reload: h.reload, fastcgi: h.fastcgi } };
}

/** The scheduler of the first ticks, kept running through the verify tests (as a daemon would be). */
let daemon: Scheduler;
let daemonAt = 0;

describe('scheduled cron and backups', () => {
  const ticks: TickResult[] = [];

  it('runs 50 sites\' cron over three ticks with exactly one state commit per tick', async () => {
    daemon = scheduler(T0);
    const before = commits();
    for (const minute of [1, 2, 3]) {
      const started = Date.now();
      const tick = await daemon.tick(at(minute * MINUTE));
      ticks.push(tick);
      console.log(`tick ${minute}: ${tick.ran.length} runs in ${Date.now() - started} ms`);
      expect(commits()).toBe(before + minute);
      expect(tick.ran.filter((r) => r.job.kind === 'cron')).toHaveLength(50);
      expect(tick.ran.filter((r) => r.job.kind === 'backup').map((r) => r.status)).toEqual(['ok']);
      expect(tick.ran.filter((r) => r.job.kind === 'verify')).toEqual([]);
    }
    for (const site of CRON_SITES) expect(cronRuns(site), site).toHaveLength(site === FAILING ? 0 : 3);
    const message = git(fleet.dir, 'log', '-1', '--format=%B', 'tide-state');
    expect(message).toMatch(/^schedules: backup 1 ok, cron 49 ok, cron 1 rolled-back\n/);
  });

  it('keeps one record and log per site for successful cron runs, and every failure\'s own', () => {
    const latest = stateTree('operations/cron');
    expect(latest.filter((p) => p.endsWith('.json'))).toHaveLength(50);
    expect(latest.filter((p) => p.endsWith('.log'))).toHaveLength(50);
    const cronRecords = monthRecords().filter((p) => p.includes('-cron-site-'));
    // Three failed runs of the one failing site, two files each; no successful run is kept there.
    expect(cronRecords).toHaveLength(6);
    expect(cronRecords.every((p) => p.includes(FAILING))).toBe(true);
    const failed = JSON.parse(stateFile(fleet, `operations/cron/${FAILING}.json`)!);
    expect(failed.status).toBe('rolled-back');
    expect(stateFile(fleet, `operations/cron/${FAILING}.log`)).toContain(`cron of ${FAILING} broke`);
    expect(JSON.parse(stateFile(fleet, `state/sites/${FAILING}.json`)!).lastOperation).toMatchObject({ action: 'cron', status: 'rolled-back' });
    const ok = JSON.parse(stateFile(fleet, `operations/cron/${CRON_SITES[0]}.json`)!);
    expect(ok).toMatchObject({ action: 'cron', status: 'ok', target: { kind: 'site', name: CRON_SITES[0] } });
    expect(Date.parse(ok.startedAt)).toBeGreaterThanOrEqual(T0 + 3 * MINUTE);
    expect(git(fleet.dir, 'ls-tree', '-r', '--name-only', 'tide-state', 'state/running')).toBe('');
  });

  it('took a backup each tick and keeps the newest two: archives on the server, records on the state branch', () => {
    const recorded = JSON.parse(stateFile(fleet, `state/sites/${BACKED}.json`)!);
    expect(recorded.backups).toHaveLength(2);
    const archives = list(join(fleet.roots.web2!, 'backups', BACKED));
    expect(archives).toEqual(recorded.backups.map((b: { id: string }) => `${b.id}.tar.gz`).sort());
    const ids = ticks.flatMap((t) => t.ran.filter((r) => r.job.kind === 'backup').map((r) => r.recordId));
    expect(recorded.backups.map((b: { id: string }) => b.id)).toEqual(ids.slice(1));
    const members = execFileSync('tar', ['-tzf', join(fleet.roots.web2!, 'backups', BACKED, archives[1]!)], { encoding: 'utf8' });
    expect(members).toContain('database.sql.gz');
    expect(members).toContain(`${BACKED}/settings.json`);
    expectNoSecretsStored(fleet);
  });

  it('a tick with nothing due takes no lock and adds nothing', async () => {
    const before = commits();
    const tick = await daemon.tick(at(3 * MINUTE + 1));
    expect(tick.ran).toEqual([]);
    expect(commits()).toBe(before);
  });
});

describe('periodic verify', () => {
  it('adds no commit when it finds nothing, records drift when it does, leaves it to a person without selfHeal, and repairs it with selfHeal', async () => {
    // web2 holds one site, so its verify is quick: the test watches web2's slots.
    const slot = lastSlot(T0 + 5 * MINUTE + VERIFY, VERIFY, slotOffset(jobKey('verify', 'web2'), VERIFY));
    // Just before web2's verify slot the cron and backups run (web1's verify too if its slot has come);
    // at the slot, web2's verify alone.
    await daemon.tick(new Date(slot - 1));
    const before = commits();
    const clean = await daemon.tick(new Date(slot));
    expect(clean.ran.map((r) => r.job.key)).toEqual([jobKey('verify', 'web2')]);
    expect(clean.drift).toEqual([]);
    expect(commits()).toBe(before);

    // Someone removes the site's vhost. Without selfHeal the verify records the drift and an
    // auto-applying daemon leaves it alone (it is reported, not repaired).
    const vhost = join(services.ssh.servers.find((s) => s.name === 'web2')!.http.configDir, `tide-${BACKED}.conf`);
    rmSync(vhost);
    const reported = await daemon.tick(new Date(slot + VERIFY));
    expect(reported.drift.map((f) => f.name)).toEqual([BACKED]);
    expect(reported.healed).toBeUndefined();
    const { metrics } = createMetrics();
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const auto = await reconcileCommit({ repoDir: fleet.dir, commit: git(fleet.dir, 'rev-parse', 'HEAD').trim(), env: fleet.env, cwd: fleet.dir,
      autoApply: true, signal: new AbortController().signal, log: silent, metrics });
    expect(auto.result).toBe('no-changes');
    expect(auto.plan.operations.map((o) => o.id)).toEqual([`site/${BACKED}/verify`]);
    expect(existsSync(vhost)).toBe(false);
    expect(JSON.parse(stateFile(fleet, `state/sites/${BACKED}.json`)!).drift).toEqual([expect.stringContaining('vhost')]);

    // selfHeal is turned on in the fleet: the next verify repairs what it finds.
    writeFleetFile(fleet, 'tide.yaml', { kind: 'Fleet', name: 'schedules', id: fleet.id, concurrency: { total: 8, perServer: 8 }, verify: { every: '1w' }, selfHeal: true });
    commitAll(fleet, 'self-heal');
    await reload();
    const drifting = commits();
    const found = await daemon.tick(new Date(slot + 2 * VERIFY));
    expect(found.drift.map((f) => f.name)).toEqual([BACKED]);
    expect(found.healed).toEqual([`site/${BACKED}`]);
    // One commit for the tick (cron, backups, both verifies, the drift), then the repair's apply.
    const log = git(fleet.dir, 'log', '--format=%s', `-${commits() - drifting}`, 'tide-state').split('\n').filter(Boolean);
    expect(log.filter((l) => l.startsWith('schedules: '))).toEqual([log[log.length - 1]]);
    expect(log[log.length - 1]).toMatch(/^schedules: backup 1 ok, cron 49 ok, cron 1 rolled-back, verify [12] ok, 1 drifted$/);
    expect(log[0]).toMatch(new RegExp(`^verify site ${BACKED.replace(/\./g, '\\.')} on web2: ok`));
    expect(existsSync(vhost)).toBe(true);
    expect(JSON.parse(stateFile(fleet, `state/sites/${BACKED}.json`)!).drift).toBeUndefined();
    daemonAt = slot + 2 * VERIFY;
  });
});

describe('a restarted scheduler', () => {
  it('runs what a slot missed during the downtime, once, and nothing else: the last runs come from the state branch', async () => {
    const last = daemonAt + 5 * MINUTE;
    await daemon.tick(new Date(last));
    // Down for 20 seconds: the sites whose slot fell in that gap run at the first tick after the restart.
    const restart = last + 20_000;
    // What the state branch says each site's last cron run was (when it started).
    const lastRun = (site: string) => Date.parse(JSON.parse(stateFile(fleet, `operations/cron/${site}.json`)!).startedAt);
    const missed = CRON_SITES.filter((site) => {
      const slot = lastSlot(restart, MINUTE, slotOffset(jobKey('cron', site), MINUTE));
      return slot > lastRun(site) && site !== FAILING;
    });
    expect(missed.length).toBeGreaterThan(3);
    expect(missed.length).toBeLessThan(25);
    const runsBefore = new Map(CRON_SITES.map((site) => [site, cronRuns(site).length]));
    const restarted = scheduler(restart);
    const tick = await restarted.tick(new Date(restart + 1));
    expect(tick.ran.filter((r) => r.job.kind === 'verify')).toEqual([]);
    const ran = tick.ran.filter((r) => r.job.kind === 'cron').map((r) => r.job.target).filter((site) => site !== FAILING).sort();
    expect(ran).toEqual(missed);
    for (const site of CRON_SITES) expect(cronRuns(site).length - runsBefore.get(site)!, site).toBe(missed.includes(site) ? 1 : 0);
    // And again right away: nothing is due.
    expect((await restarted.tick(new Date(restart + 2))).ran).toEqual([]);
  });
});
