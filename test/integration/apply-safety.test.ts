// What must never go wrong: an unknown host key, a failing installer, two
// applies at once, a crash half-way, a stale plan, a state branch pushed by
// someone else.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { siteDatabaseNames } from '../../src/services/db/mariadb/index.js';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { allGitObjects, commitAll, expectNoSecretsStored, list, makeFleet, operationRecords, REPO_ROOT, serverYaml, stateFile, tide, writeFleetFile } from './support/fleet.js';
import { pageWhen, sql, waitFor } from './support/probe.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];

afterAll(() => removeGitCliRepos());

function site(name: string, platform: string, server = 'web1', extra: Record<string, unknown> = {}) {
  return { kind: 'Site', name, platform, server, ...extra };
}

describe('host keys are pinned', () => {
  it('refuses to connect to a server whose key is not the pinned one, and runs nothing there', async () => {
    const fleet = makeFleet(services, 'hostkey', { keepSites: false });
    // web1 pinned with web2's key: as if someone sat between tide and web1.
    writeFileSync(join(fleet.dir, 'servers/web1.yaml'), serverYaml(web1, services, fleet.roots.web1!, { hostKey: web2.hostKey }));
    writeFleetFile(fleet, 'sites/hk.example.test.yaml', site('hk.example.test', 'brochure'));
    commitAll(fleet, 'wrong pin');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/host key/i);
    expect(run.all).toContain('SHA256:');
    expect(existsSync(fleet.roots.web1!)).toBe(false); // not even tide's directories
    expect(existsSync(join(web1.http.configDir, 'tide-hk.example.test.conf'))).toBe(false);
    const records = operationRecords(fleet);
    const verify = records.find((r) => r.operation === 'server/web1/verify')!;
    expect(verify.status).not.toBe('ok');
    expect(verify.error).toMatch(/HOST_KEY_MISMATCH|host key/i);
    // web2 is unaffected: its own operations went on.
    expect(records.find((r) => r.operation === 'server/web2/verify')!.status).toBe('ok');
    expect(records.find((r) => r.operation === 'site/hk.example.test/install')).toBeUndefined();
    expect(run.all).toMatch(/skipped: .*did not succeed/);
  });

  it('tide keyscan prints the key to pin', async () => {
    const fleet = makeFleet(services, 'keyscan', { keepSites: false });
    const run = await tide(fleet, ['keyscan', `127.0.0.1:${web1.port}`]);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout.split('\n')).toContain(web1.hostKey);
    expect(run.stderr).toMatch(/SHA256:\S+ ssh-ed25519/);
  });
});

describe('a failed install is rolled back', () => {
  it('leaves no database, user, vhost or files behind, and a failed record on the state branch', async () => {
    const fleet = makeFleet(services, 'rollback', { keepSites: false });
    // The installer creates its tables, then fails.
    writeFleetFile(fleet, 'platforms/notes.yaml', {
      kind: 'Platform', name: 'notes', servers: ['web1', 'web2'], driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public',
      commands: { install: 'php bin/install.php && echo "disk full" >&2 && exit 1' },
    });
    writeFleetFile(fleet, 'sites/broken.example.test.yaml', site('broken.example.test', 'notes'));
    commitAll(fleet, 'a site whose install fails');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/install site broken\.example\.test on web1 rolled-back after .*exited with 1: disk full/);

    const { name, user } = siteDatabaseNames('broken.example.test');
    expect(await sql(services, `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${name}'`)).toEqual([]);
    expect(await sql(services, `SELECT User FROM mysql.user WHERE User = '${user}'`)).toEqual([]);
    expect(existsSync(join(fleet.roots.web1!, 'sites/broken.example.test'))).toBe(false);
    expect(existsSync(join(web1.http.configDir, 'tide-broken.example.test.conf'))).toBe(false);
    expect(stateFile(fleet, 'state/sites/broken.example.test.json')).toBeNull();

    const record = operationRecords(fleet).find((r) => r.operation === 'site/broken.example.test/install')!;
    expect(record.status).toBe('rolled-back');
    expect(record.error).toContain('exited with 1');
    expect(record.error).toContain('disk full');
    expect(record.tasks.find((t) => t.name.startsWith('run the script installer'))!.status).toBe('failed');
    expect(record.tasks.find((t) => t.name.startsWith('create database'))!.status).toBe('undone');
    // The generated password never left the server (and the server no longer has it).
    expect(allGitObjects(fleet.dir)).not.toContain(services.db.adminPassword);
    expect(run.all).not.toContain(services.db.adminPassword);
  });
});

describe('one writer', () => {
  it('of two concurrent applies exactly one runs; the other names the holder of the lock', async () => {
    const fleet = makeFleet(services, 'concurrent', { keepSites: false });
    writeFleetFile(fleet, 'sites/one.example.test.yaml', site('one.example.test', 'brochure'));
    commitAll(fleet, 'one site');
    const [a, b] = await Promise.all([tide(fleet, ['apply', '--yes']), tide(fleet, ['apply', '--yes'])]);
    const codes = [a.exitCode, b.exitCode].sort();
    expect(codes).toEqual([0, 1]);
    const loser = a.exitCode === 1 ? a : b;
    expect(loser.all).toMatch(/locked by another run: lock [0-9a-f]+, pid \d+, .*started/);
    expect(loser.all).toContain('tide unlock --force');
    const installs = operationRecords(fleet).filter((r) => r.operation === 'site/one.example.test/install');
    expect(installs).toHaveLength(1);
    expect((await pageWhen(web1.http.port, 'one.example.test', (p) => p.status === 200)).status).toBe(200);
  });

  it('tide unlock --force breaks a lock left by a run that is gone', async () => {
    const fleet = makeFleet(services, 'unlock', { keepSites: false });
    const lockPath = join(fleet.dir, '.git/tide/state.lock');
    mkdirSync(join(fleet.dir, '.git/tide'), { recursive: true });
    writeFileSync(lockPath, JSON.stringify({ id: 'abcd1234', pid: 999999, host: 'gone.example', user: 'ci', command: 'tide apply', startedAt: new Date(Date.now() - 3_600_000).toISOString() }));
    const blocked = await tide(fleet, ['apply', '--yes']);
    expect(blocked.exitCode).toBe(1);
    expect(blocked.all).toMatch(/lock abcd1234, pid 999999, ci@gone\.example, 'tide apply', started 1 hour ago/);
    const wrong = await tide(fleet, ['unlock', '--force', 'ffff0000']);
    expect(wrong.exitCode).toBe(1);
    expect(existsSync(lockPath)).toBe(true);
    const right = await tide(fleet, ['unlock', '--force', 'abcd1234']);
    expect(right.exitCode, right.all).toBe(0);
    expect(existsSync(lockPath)).toBe(false);
  });
});

describe('crash recovery', () => {
  it('marks operations left running as interrupted, cleans up the half-done install, then installs', async () => {
    const fleet = makeFleet(services, 'crash', { keepSites: false });
    const marker = join(fleet.roots.web1!, 'install-started');
    writeFleetFile(fleet, 'platforms/notes.yaml', {
      kind: 'Platform', name: 'notes', servers: ['web1', 'web2'], driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public',
      commands: { install: `php bin/install.php && if [ ! -e ${marker} ]; then touch ${marker}; sleep 60; fi` },
    });
    writeFleetFile(fleet, 'sites/crash.example.test.yaml', site('crash.example.test', 'notes'));
    commitAll(fleet, 'a site whose first install hangs');
    const first = execa('node', [join(REPO_ROOT, 'dist/cli/bin.js'), 'apply', '--yes'], { cwd: fleet.dir, env: { ...fleet.env }, reject: false });
    await waitFor(() => existsSync(marker), 60_000);
    first.kill('SIGKILL');
    await first;
    // The crashed run left its lock; the operator breaks it.
    const lock = JSON.parse(readFileSync(join(fleet.dir, '.git/tide/state.lock'), 'utf8'));
    expect((await tide(fleet, ['unlock', '--force', lock.id])).exitCode).toBe(0);
    // The hanging install is left running (other operations may have been cut off too).
    const running = operationRecords(fleet).filter((r) => r.status === 'running');
    expect(running.map((r) => r.operation)).toContain('site/crash.example.test/install');

    const second = await tide(fleet, ['apply', '--yes']);
    expect(second.exitCode, second.all).toBe(0);
    expect(second.all).toContain('left unfinished by an earlier run');
    const records = operationRecords(fleet);
    for (const r of running) expect(records.find((x) => x.id === r.id)!.status).toBe('interrupted');
    expect(records.filter((r) => r.status === 'running')).toEqual([]);
    const page = await pageWhen(web1.http.port, 'crash.example.test', (p) => p.status === 200);
    expect(page.body).toContain('Welcome to crash.example.test');
    expect(await sql(services, `SELECT COUNT(*) FROM \`${siteDatabaseNames('crash.example.test').name}\`.notes`)).toEqual([['1']]);
    expectNoSecretsStored(fleet);
    expect(fleet.passwords.size).toBe(1);
  });
});

describe('a server that does not answer', () => {
  /** A loopback port that accepts connections and never says a word, as a hung SSH server would; counts who connected. */
  async function silentServer(): Promise<{ port: number; connections(): number; close(): void }> {
    const sockets = new Set<Socket>();
    let connections = 0;
    const server = createServer((socket) => {
      connections++;
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    return {
      port: (server.address() as AddressInfo).port,
      connections: () => connections,
      close: () => {
        for (const socket of sockets) socket.destroy();
        server.close();
      },
    };
  }

  /** A fleet with a site on web1 and one on web2, whose SSH port is `port`. */
  function fleetWithWeb2At(tag: string, port: number) {
    const fleet = makeFleet(services, tag, { keepSites: false });
    writeFileSync(join(fleet.dir, 'servers/web2.yaml'), serverYaml(web2, services, fleet.roots.web2!, { port }));
    writeFleetFile(fleet, `sites/${tag}-1.example.test.yaml`, site(`${tag}-1.example.test`, 'brochure', 'web1'));
    writeFleetFile(fleet, `sites/${tag}-2.example.test.yaml`, site(`${tag}-2.example.test`, 'brochure', 'web2'));
    commitAll(fleet, 'a site on each server');
    return fleet;
  }

  it('an apply that finds the state locked connects to no server, runs nothing and exits at once', async () => {
    const silent = await silentServer();
    try {
      const fleet = fleetWithWeb2At('locked', silent.port);
      // Another run, alive on this host, holds the lock.
      mkdirSync(join(fleet.dir, '.git/tide'), { recursive: true });
      writeFileSync(join(fleet.dir, '.git/tide/state.lock'), JSON.stringify({
        id: 'beef0001', pid: process.pid, host: hostname(), user: userInfo().username, command: 'tide apply', startedAt: new Date().toISOString(),
      }));
      const started = Date.now();
      const run = await tide(fleet, ['apply', '--yes']);
      expect(run.exitCode).toBe(1);
      expect(run.all).toMatch(/locked by another run: lock beef0001/);
      // An SSH connection still waiting for its handshake would have held the exit for its 15 s timeout.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(silent.connections()).toBe(0);
      expect(existsSync(fleet.roots.web1!)).toBe(false); // not even tide's directories
      expect(stateFile(fleet, 'state/sites/locked-1.example.test.json')).toBeNull();
    } finally {
      silent.close();
    }
  });

  it('declined at the prompt while a connection waits for its handshake, tide drops it and exits at once', async () => {
    const silent = await silentServer();
    try {
      const fleet = fleetWithWeb2At('declined', silent.port);
      const started = Date.now();
      // script(1) gives tide a terminal, so it asks; the answer is not 'yes'.
      const run = await execa('script', ['-qec', `node ${join(REPO_ROOT, 'dist/cli/bin.js')} apply`, '/dev/null'],
        { cwd: fleet.dir, env: { ...fleet.env, NO_COLOR: '1' }, input: 'no\n', reject: false });
      expect(run.stdout).toContain('tide: apply cancelled; nothing was changed.');
      expect(run.exitCode).toBe(1);
      // The connections start while the plan is shown: web2's got no further than TCP.
      expect(silent.connections()).toBe(1);
      // Before, closing waited for that handshake's 15 s timeout.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(existsSync(fleet.roots.web1!)).toBe(false);
    } finally {
      silent.close();
    }
  });
});

describe('stopping an apply', () => {
  it('on SIGTERM starts nothing new, lets the running operation finish and be recorded, and releases the lock', async () => {
    const fleet = makeFleet(services, 'sigterm', { keepSites: false });
    const marker = join(fleet.roots.web1!, 'install-started');
    // The installer runs until tide has taken the SIGTERM in (then the test lets it end), so the
    // signal always lands while it runs, however slow the machine.
    const release = join(fleet.roots.web1!, 'install-may-end');
    writeFleetFile(fleet, 'tide.yaml', { kind: 'Fleet', name: 'sigterm', id: fleet.id, concurrency: { total: 1, perServer: 1 } });
    writeFleetFile(fleet, 'platforms/notes.yaml', {
      kind: 'Platform', name: 'notes', servers: ['web1'], driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public',
      commands: { install: `php bin/install.php && touch ${marker} && while [ ! -e ${release} ]; do sleep 0.1; done` },
    });
    writeFleetFile(fleet, 'platforms/brochure.yaml', { kind: 'Platform', name: 'brochure', servers: ['web1'], driver: 'static', source: { path: 'platforms/brochure' } });
    writeFleetFile(fleet, 'sites/a-first.example.test.yaml', site('a-first.example.test', 'notes'));
    writeFleetFile(fleet, 'sites/b-later.example.test.yaml', site('b-later.example.test', 'notes'));
    commitAll(fleet, 'two sites, one at a time');
    // The SIGTERM alone: execa would follow it with a SIGKILL after 5 s, and on a busy machine the
    // running install can take longer than that to finish and be recorded.
    const run = execa('node', [join(REPO_ROOT, 'dist/cli/bin.js'), 'apply', '--yes'], { cwd: fleet.dir, env: { ...fleet.env }, reject: false, all: true, forceKillAfterDelay: false });
    await waitFor(() => existsSync(marker), 60_000);
    let printed = '';
    run.all!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    run.kill('SIGTERM');
    await waitFor(() => printed.includes('no new operations will start'), 30_000);
    writeFileSync(release, '');
    const done = await run;
    expect(done.exitCode).toBe(1);
    expect(done.all).toContain('no new operations will start');
    expect(done.all).toMatch(/✓ install site a-first\.example\.test on web1/);
    expect(done.all).toMatch(/- install site b-later\.example\.test on web1 skipped: cancelled/);
    const records = operationRecords(fleet);
    expect(records.find((r) => r.operation === 'site/a-first.example.test/install')!.status).toBe('ok');
    expect(records.find((r) => r.operation === 'site/b-later.example.test/install')).toBeUndefined();
    expect(records.filter((r) => r.status === 'running')).toEqual([]);
    expect(existsSync(join(fleet.dir, '.git/tide/state.lock'))).toBe(false);
    // The next apply picks up where it stopped.
    const next = await tide(fleet, ['apply', '--yes']);
    expect(next.exitCode, next.all).toBe(0);
    expect(next.all).toMatch(/Apply finished: 1 ok, 0 failed, 0 skipped/);
    expectNoSecretsStored(fleet);
    expect(fleet.passwords.size).toBe(2);
  });
});

describe('apply --plan and --push', () => {
  it('refuses a plan made against another desired commit', async () => {
    const fleet = makeFleet(services, 'stale', { keepSites: false });
    writeFleetFile(fleet, 'sites/stale.example.test.yaml', site('stale.example.test', 'brochure'));
    commitAll(fleet, 'one site');
    expect((await tide(fleet, ['plan', '--out', 'plan.json'])).exitCode).toBe(0);
    writeFleetFile(fleet, 'sites/other.example.test.yaml', site('other.example.test', 'brochure'));
    commitAll(fleet, 'another site after the review');
    const run = await tide(fleet, ['apply', '--yes', '--plan', 'plan.json']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/plan\.json is stale: the fleet changed/);
    expect(stateFile(fleet, 'state/servers/web1.json')).toBeNull();
    expect(list(join(fleet.roots.web1!, 'sites'))).toEqual([]);

    expect((await tide(fleet, ['plan', '--out', 'plan.json'])).exitCode).toBe(0);
    const ok = await tide(fleet, ['apply', '--yes', '--plan', 'plan.json']);
    expect(ok.exitCode, ok.all).toBe(0);

    // A plan made before someone else's apply recorded new state is stale too.
    writeFleetFile(fleet, 'sites/third.example.test.yaml', site('third.example.test', 'brochure'));
    commitAll(fleet, 'a third site');
    expect((await tide(fleet, ['plan', '--out', 'plan.json'])).exitCode).toBe(0);
    expect((await tide(fleet, ['apply', '--yes', '--target', 'site/third.example.test'])).exitCode).toBe(0);
    const moved = await tide(fleet, ['apply', '--yes', '--plan', 'plan.json']);
    expect(moved.exitCode).toBe(1);
    expect(moved.all).toMatch(/plan\.json is stale: the state branch moved since it was made/);
  });

  it('pushes the state branch, catches up with a remote that moved before, and fails cleanly when it moved during the apply', async () => {
    const fleet = makeFleet(services, 'push', { keepSites: false });
    // The installer below pushes from a clone this process made: tide logs in to web1 as root here.
    writeFileSync(join(fleet.dir, 'servers/web1.yaml'), serverYaml(services.ssh.servers[0]!, services, fleet.roots.web1!, { user: 'root' }));
    const remote = tempDir('tide-remote-');
    git(remote, 'init', '-q', '--bare');
    git(fleet.dir, 'remote', 'add', 'origin', remote);
    writeFleetFile(fleet, 'sites/push.example.test.yaml', site('push.example.test', 'brochure'));
    commitAll(fleet, 'one site');
    const first = await tide(fleet, ['apply', '--yes', '--push']);
    expect(first.exitCode, first.all).toBe(0);
    expect(git(remote, 'rev-parse', 'tide-state').trim()).toBe(git(fleet.dir, 'rev-parse', 'tide-state').trim());

    // Someone else records state on the remote before our next apply: we catch up (fast-forward) and push on top.
    const other = tempDir('tide-other-');
    git(other, 'clone', '-q', '-b', 'tide-state', remote, '.');
    git(other, 'commit', '-q', '--allow-empty', '-m', 'recorded by someone else');
    git(other, 'push', '-q', 'origin', 'tide-state');
    writeFleetFile(fleet, 'sites/push2.example.test.yaml', site('push2.example.test', 'brochure'));
    commitAll(fleet, 'second site');
    const second = await tide(fleet, ['apply', '--yes', '--push']);
    expect(second.exitCode, second.all).toBe(0);
    expect(git(remote, 'log', '--format=%B', 'tide-state')).toMatch(/install site push2\.example\.test on web1: ok[\s\S]*recorded by someone else/);

    // Someone pushes while our apply runs (the installer itself does it here): our push is refused, nothing forced.
    git(other, 'pull', '-q', '--ff-only', 'origin', 'tide-state');
    writeFleetFile(fleet, 'platforms/notes.yaml', {
      kind: 'Platform', name: 'notes', servers: ['web1', 'web2'], driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public',
      commands: { install: `php bin/install.php && cd ${other} && git -c user.name=o -c user.email=o@x commit -q --allow-empty -m racing && git push -q origin tide-state` },
    });
    writeFleetFile(fleet, 'sites/push3.example.test.yaml', site('push3.example.test', 'notes'));
    commitAll(fleet, 'third site');
    const third = await tide(fleet, ['apply', '--yes', '--push']);
    expect(third.exitCode).toBe(1);
    expect(third.all).toMatch(/origin\/tide-state moved while this apply ran; the state was recorded locally but not pushed/);
    expect(git(remote, 'log', '-1', '--format=%s', 'tide-state').trim()).toBe('racing');
    expect(git(fleet.dir, 'log', '-1', '--format=%B', 'tide-state')).toMatch(/install site push3\.example\.test on web1: ok/);
    expectNoSecretsStored(fleet);
    expect(git(remote, 'cat-file', '--batch-all-objects', '--batch')).not.toContain([...fleet.passwords][0]);
  });
});
