// tide daemon following a fleet repository served over real smart HTTP
// (git http-backend on loopback, token required), applying to the real
// servers of the test environment. Checked as an operator would: the site
// served by nginx, the state branch on the remote, /metrics read with a
// Prometheus parser, the webhook's answers, the exit code and the lock.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { getMetricsFromStream, type PromData, type PromHistogramData } from 'prom2javascript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sign } from '../../src/daemon/webhook.js';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { startDaemon, type DaemonEvent, type DaemonProcess } from './support/daemon.js';
import { commitAll, makeFleet, operationRecords, stateFile, writeFleetFile, type TestFleet } from './support/fleet.js';
import { startGitHttpServer, type GitHttpServer } from './support/git-http.js';
import { pageWhen } from './support/probe.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];
const TOKEN = 'fleet-repo-token-5f0c1e';
const WEBHOOK_SECRET = 'webhook-secret-9a7b3c';
const INTERVAL_S = 3;

let fleet: TestFleet;
let gitServer: GitHttpServer;
/** The bare repository the git server serves (the "remote"), and a developer's clone of it. */
let remote: { dir: string };
let dev: string;
let daemon: DaemonProcess | null = null;

function daemonEnv(): NodeJS.ProcessEnv {
  return { ...fleet.env, TIDE_GIT_TOKEN: TOKEN, TIDE_WEBHOOK_SECRET: WEBHOOK_SECRET };
}

/**
 * git over HTTP to the server in this process: asynchronously (a synchronous
 * child would block the event loop the server answers on).
 */
async function gitHttp(dir: string, ...args: string[]): Promise<void> {
  await execa('git', args, { cwd: dir });
}

/** Commits in the developer's clone and pushes over HTTP; returns the commit. */
async function push(message: string, write: () => void): Promise<string> {
  write();
  const commit = commitAll({ dir: dev }, message);
  await gitHttp(dev, 'push', '-q', 'origin', 'main');
  return commit;
}

const short = (commit: string) => commit.slice(0, 7);
const isDone = (commit: string) => (e: DaemonEvent) => e.event === 'reconcile.done' && e.commit === short(commit);

beforeAll(async () => {
  fleet = makeFleet(services, 'daemon', { keepSites: false });
  // A platform whose install takes a while: SIGTERM arrives while it runs.
  const notes = readFileSync(join(fleet.dir, 'platforms/notes.yaml'), 'utf8');
  writeFileSync(join(fleet.dir, 'platforms/slow-notes.yaml'),
    notes.replace(/^name: notes$/m, 'name: slow-notes').replace('install: php bin/install.php', 'install: sleep 4 && php bin/install.php'));
  commitAll(fleet, 'slow platform');
  const root = tempDir('tide-daemon-remote-');
  git(root, 'clone', '-q', '--bare', fleet.dir, 'fleet.git');
  remote = { dir: join(root, 'fleet.git') };
  gitServer = await startGitHttpServer(root, { user: 'x-access-token', token: TOKEN });
  dev = tempDir('tide-daemon-dev-');
  const authed = gitServer.url('fleet.git').replace('http://', `http://x-access-token:${TOKEN}@`);
  await gitHttp(dev, 'clone', '-q', authed, '.');
});

afterAll(async () => {
  await daemon?.stop('SIGKILL');
  await gitServer?.close();
  removeGitCliRepos();
});

describe('tide daemon with auto-apply, polling every 3 s', () => {
  let cache: string;

  it('clones over HTTP with the token and applies the fleet; the state branch arrives on the remote', async () => {
    cache = join(tempDir('tide-daemon-cache-'), 'clone');
    daemon = await startDaemon(['--repo', gitServer.url('fleet.git'), '--interval', `${INTERVAL_S}s`, '--auto-apply', '--cache-dir', cache], daemonEnv(), fleet.dir);
    const first = git(remote.dir, 'rev-parse', 'main').trim();
    const done = await daemon.waitFor('the first reconcile', isDone(first), { timeoutMs: 90_000 });
    expect(done.result).toBe('applied');
    await daemon.waitFor('the state push', (e) => e.event === 'state.pushed');
    const platform = JSON.parse(stateFile(remote, 'state/platforms/slow-notes.json')!);
    expect(Object.keys(platform.deployments).sort()).toEqual(['web1', 'web2']);
    // The token is a secret: not in the cache's config, not in the log.
    expect(readFileSync(join(cache, '.git/config'), 'utf8')).not.toContain(TOKEN);
    expect(daemon.output()).not.toContain(TOKEN);
  });

  it('applies a pushed commit that adds a site within two poll intervals', async () => {
    const from = daemon!.events.length;
    const commit = await push('add notes.daemon.test', () =>
      writeFleetFile({ dir: dev }, 'sites/notes.daemon.test.yaml', { kind: 'Site', name: 'notes.daemon.test', platform: 'notes', server: 'web1' }));
    const pushedAt = Date.now();
    const seen = await daemon!.waitFor('the poll that sees the pushed commit', (e) => e.event === 'fetch.new-commit' && e.commit === short(commit), { from });
    // Two intervals (with their 10% jitter), and 1.5 s for the fetch itself on a busy machine.
    expect(Date.parse(seen.time) - pushedAt).toBeLessThan(2 * INTERVAL_S * 1100 + 1500);
    await daemon!.waitFor('a reconcile of the pushed commit', (e) => e.event === 'reconcile.started' && e.commit === short(commit), { from });
    const done = await daemon!.waitFor('the reconcile to end', isDone(commit), { from });
    expect(done.result).toBe('applied');
    await daemon!.waitFor('the state push', (e) => e.event === 'state.pushed', { from });

    const page = await pageWhen(web1.http.port, 'notes.daemon.test', (p) => p.status === 200);
    expect(page.body).toContain('Notes of notes.daemon.test');
    const site = JSON.parse(stateFile(remote, 'state/sites/notes.daemon.test.json')!);
    expect(site).toMatchObject({ server: 'web1', lastOperation: { action: 'install', status: 'ok' } });
    const record = operationRecords(remote).find((r) => r.action === 'install' && r.target.name === 'notes.daemon.test' && r.status === 'ok');
    expect(record).toBeDefined();
  });

  it('serves /metrics as Prometheus text that counts the install', async () => {
    const res = await fetch(daemon!.url('/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    // A real exposition-format parser: it throws on a line it cannot read.
    const metrics = await getMetricsFromStream(Readable.from([await res.text()]));
    const samples = (name: string) => metrics[name]!.data as PromData[];
    const installs = samples('tide_operations_total').find((m) => m.labels.kind === 'site' && m.labels.action === 'install' && m.labels.result === 'ok');
    expect(installs?.value).toBe(1);
    expect(metrics.tide_operation_duration_seconds!.type).toBe('histogram');
    const durations = metrics.tide_operation_duration_seconds!.data as PromHistogramData[];
    const install = durations.find((m) => m.labels.kind === 'site' && m.labels.action === 'install');
    expect(install?.count).toBe(1);
    expect(install!.sum).toBeGreaterThan(0);
    expect(samples('tide_reconciles_total').find((m) => m.labels.result === 'applied')?.value).toBe(2);
    const lastSync = samples('tide_last_successful_sync_timestamp_seconds')[0]!.value;
    expect(Math.abs(lastSync - Date.now() / 1000)).toBeLessThan(120);
    expect(samples('tide_fetch_failures_total')[0]!.value).toBe(0);
    expect(samples('tide_pending_operations')[0]!.value).toBe(0);
    // Low cardinality: no label names a site or a commit.
    for (const [name, metric] of Object.entries(metrics).filter(([n]) => n.startsWith('tide_') && !n.startsWith('tide_process') && !n.startsWith('tide_nodejs'))) {
      for (const sample of metric.data) expect(Object.keys(sample.labels).every((l) => ['kind', 'action', 'result', 'le'].includes(l)), name).toBe(true);
    }
    expect((await fetch(daemon!.url('/readyz'))).status).toBe(200);
  });

  it('serves the status page at / with the new site and its last operation', async () => {
    const res = await fetch(daemon!.url('/?q=notes.daemon.test'));
    expect(res.status).toBe(200);
    const html = await res.text();
    // The site's row, with its last operation.
    expect(html).toMatch(/<tr><td>notes\.daemon\.test<\/td>[^\n]*>install ok<\/a>/);
  });

  it('on SIGTERM during an install lets it finish, pushes its record, releases the lock and exits 0', async () => {
    const from = daemon!.events.length;
    await push('add slow.daemon.test', () =>
      writeFleetFile({ dir: dev }, 'sites/slow.daemon.test.yaml', { kind: 'Site', name: 'slow.daemon.test', platform: 'slow-notes', server: 'web2' }));
    await daemon!.waitFor('the slow install to start', (e) => e.event === 'operation.started' && e.target === 'slow.daemon.test', { from });
    const code = await daemon!.stop('SIGTERM');
    expect(code, daemon!.output()).toBe(0);
    const finished = daemon!.events.slice(from).find((e) => e.event === 'operation.finished' && e.target === 'slow.daemon.test');
    expect(finished?.status).toBe('ok');
    expect(existsSync(join(cache, '.git/tide/state.lock'))).toBe(false);
    const record = operationRecords(remote).filter((r) => r.target.name === 'slow.daemon.test');
    expect(record.map((r) => r.status)).toEqual(['ok']);
    const page = await pageWhen(web2.http.port, 'slow.daemon.test', (p) => p.status === 200);
    expect(page.body).toContain('Notes of slow.daemon.test');
    daemon = null;
  });

  it('after SIGKILL during an install, the restart breaks the dead lock, recovers the interrupted record first, then applies', async () => {
    const args = ['--repo', gitServer.url('fleet.git'), '--interval', `${INTERVAL_S}s`, '--auto-apply', '--cache-dir', cache];
    // Pushed before the start: the daemon's first reconcile runs the slow install.
    const commit = await push('add crash.daemon.test', () =>
      writeFleetFile({ dir: dev }, 'sites/crash.daemon.test.yaml', { kind: 'Site', name: 'crash.daemon.test', platform: 'slow-notes', server: 'web1' }));
    daemon = await startDaemon(args, daemonEnv(), fleet.dir);
    await daemon.waitFor('the slow install to start', (e) => e.event === 'operation.started' && e.target === 'crash.daemon.test');
    // Killed once the run has marked the install as running on the daemon's (unpushed) state branch.
    await until('the running marker', () => git(cache, 'ls-tree', '--name-only', 'tide-state', 'state/running/').trim() !== '');
    expect(await daemon.stop('SIGKILL')).toBeUndefined();
    expect(existsSync(join(cache, '.git/tide/state.lock')), 'the killed daemon left its lock').toBe(true);

    daemon = await startDaemon(args, daemonEnv(), fleet.dir);
    const done = await daemon.waitFor('the reconcile after the restart', isDone(commit), { timeoutMs: 60_000 });
    expect(done.result).toBe('applied');
    // The dead daemon's lock is broken before anything runs; the interrupted install is reported, and its
    // repair (a check of the site, recorded as a verify) is the first operation to start, before the plan's.
    const at = (match: (e: DaemonEvent) => boolean) => daemon!.events.findIndex(match);
    const broken = at((e) => e.event === 'lock.broken');
    const interrupted = at((e) => e.event === 'operation.interrupted' && e.target === 'crash.daemon.test' && e.action === 'install');
    const firstStarted = daemon.events.find((e) => e.event === 'operation.started');
    expect(broken, daemon.output()).toBeGreaterThanOrEqual(0);
    expect(interrupted).toBeGreaterThan(broken);
    expect(firstStarted).toMatchObject({ action: 'verify', target: 'crash.daemon.test' });
    expect(daemon.events.indexOf(firstStarted!)).toBeGreaterThan(interrupted);
    await daemon.waitFor('the state push', (e) => e.event === 'state.pushed');

    // On the remote state branch, what a user checks: the killed install marked interrupted, no marker left, the site recorded.
    const records = operationRecords(remote).filter((r) => r.target.name === 'crash.daemon.test');
    expect(records.filter((r) => r.action === 'install').map((r) => r.status)).toContain('interrupted');
    expect(git(remote.dir, 'ls-tree', '--name-only', 'tide-state', 'state/running/').trim()).toBe('');
    expect(JSON.parse(stateFile(remote, 'state/sites/crash.daemon.test.json')!)).toMatchObject({ server: 'web1' });
    const page = await pageWhen(web1.http.port, 'crash.daemon.test', (p) => p.status === 200);
    expect(page.body).toContain('Notes of crash.daemon.test');
    expect((await fetch(daemon.url('/readyz'))).status).toBe(200);
    expect(await daemon.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(cache, '.git/tide/state.lock'))).toBe(false);
    daemon = null;
  });
});

/** Polls `check` every 100 ms until it holds (30 s at most). */
async function until(what: string, check: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 30_000; !check(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > deadline) throw new Error(`no ${what} within 30 s`);
  }
}

describe('tide daemon without auto-apply, polling hourly, with the webhook', () => {
  it('keeps a pending plan for a commit the webhook announces, long before the next poll', async () => {
    daemon = await startDaemon(['--repo', gitServer.url('fleet.git'), '--interval', '1h', '--cache-dir', join(tempDir('tide-daemon-cache-'), 'c')], daemonEnv(), fleet.dir);
    const head = git(remote.dir, 'rev-parse', 'main').trim();
    expect((await daemon.waitFor('the start-up reconcile', isDone(head))).result).toBe('no-changes');
    const from = daemon.events.length;
    const commit = await push('add brochure.daemon.test', () =>
      writeFleetFile({ dir: dev }, 'sites/brochure.daemon.test.yaml', { kind: 'Site', name: 'brochure.daemon.test', platform: 'brochure', server: 'web2' }));
    const body = JSON.stringify({ ref: 'refs/heads/main', after: commit });
    const hook = (headers: Record<string, string>) => fetch(daemon!.url('/webhook'), {
      method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'push', ...headers },
    });

    const unsigned = await hook({ 'x-github-delivery': 'delivery-1' });
    expect(unsigned.status).toBe(401);
    const forged = await hook({ 'x-github-delivery': 'delivery-2', 'x-hub-signature-256': sign(body, 'not-the-secret') });
    expect(forged.status).toBe(401);
    expect(daemon.events.slice(from).some((e) => e.event === 'reconcile.started')).toBe(false);

    const signed = await hook({ 'x-github-delivery': 'delivery-3', 'x-hub-signature-256': sign(body, WEBHOOK_SECRET) });
    expect(signed.status).toBe(202);
    const done = await daemon.waitFor('the webhook reconcile', isDone(commit), { from, timeoutMs: 30_000 });
    expect(done.result).toBe('planned');
    const plan = await fetch(daemon.url('/plan?format=json')).then((r) => r.json()) as { hash: string; operations: { id: string }[] };
    expect(plan.operations.map((o) => o.id)).toEqual(['site/brochure.daemon.test/install']);
    expect(stateFile(remote, 'state/sites/brochure.daemon.test.json')).toBeNull();

    // The same delivery again (a captured request replayed): ignored, nothing runs.
    const replay = await hook({ 'x-github-delivery': 'delivery-3', 'x-hub-signature-256': sign(body, WEBHOOK_SECRET) });
    expect(replay.status).toBe(200);
    expect(daemon.events.slice(from).filter((e) => e.event === 'reconcile.started')).toHaveLength(1);

    // Applying the reviewed plan by its hash.
    const applyFrom = daemon.events.length;
    expect((await fetch(daemon.url(`/apply?plan=${plan.hash}`), { method: 'POST' })).status).toBe(202);
    expect((await daemon.waitFor('the approved apply', isDone(commit), { from: applyFrom })).result).toBe('applied');
    await daemon.waitFor('the state push', (e) => e.event === 'state.pushed', { from: applyFrom });
    expect(JSON.parse(stateFile(remote, 'state/sites/brochure.daemon.test.json')!).lastOperation).toMatchObject({ action: 'install', status: 'ok' });
  });

  it('shows an unreachable remote on /readyz and in the log, keeps running, and recovers', async () => {
    gitServer.down = true;
    const from = daemon!.events.length;
    await fetch(daemon!.url('/reconcile'), { method: 'POST' });
    const failed = await daemon!.waitFor('a failed fetch', (e) => e.event === 'fetch.failed', { from });
    // What an operator reads at 3 a.m.: what failed, since when, when the next try comes and what to check.
    expect(failed).toMatchObject({ level: 'warn', attempt: 1, failingSince: expect.any(String), hint: expect.stringMatching(/retrying with backoff.*TIDE_GIT_TOKEN/) });
    expect(failed.error).toMatch(/^Cannot fetch the fleet repository /);
    expect(failed.retryInSeconds).toBeGreaterThan(0);
    const ready = await fetch(daemon!.url('/readyz'));
    expect(ready.status).toBe(503);
    expect(await ready.text()).toMatch(/fetch failing/);
    expect((await fetch(daemon!.url('/livez'))).status).toBe(200);

    gitServer.down = false;
    await fetch(daemon!.url('/reconcile'), { method: 'POST' });
    const recovered = await daemon!.waitFor('the fetch to recover', (e) => e.event === 'fetch.recovered', { from, timeoutMs: 60_000 });
    expect(recovered.failingSince).toBe(failed.failingSince);
    expect((await fetch(daemon!.url('/readyz'))).status).toBe(200);
    expect(await daemon!.stop('SIGTERM')).toBe(0);
    daemon = null;
  });
});
