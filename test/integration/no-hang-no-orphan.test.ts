// Nothing hangs and no process outlives its operation, over ssh and on the
// local transport. The servers run on this machine, so the tests look at
// their files and processes (/proc) directly, from outside tide.
//
// - A FIFO where a file should be, a stalled write, a stalled copy: each ends
//   in a CommandTimeoutError naming the server, what was being done and the
//   limit; an apply that meets one releases the state lock.
// - A nonsense TIDE_COMMAND_TIMEOUT_SECONDS is refused before anything runs.
// - An installer cut off by a dropped ssh connection, or left running by a
//   tide killed with SIGKILL, is killed (with its process group) before the
//   undo or the recovery touches the site: it never writes again.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import yaml from 'js-yaml';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { LocalTransport } from '../../src/transport/local.js';
import { newRunTag, reapRun } from '../../src/transport/run-tag.js';
import type { SshTransport } from '../../src/transport/ssh.js';
import type { Transport } from '../../src/transport/types.js';
import { git, removeGitCliRepos } from '../helpers/git-cli.js';
import type { TestSshServer } from './env/types.js';
import { commitAll, makeFleet, operationRecords, REPO_ROOT, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { waitFor } from './support/probe.js';
import { deployUserDir, sshTransportTo } from './support/ssh.js';

const services = inject('services');
const [web1] = services.ssh.servers as [TestSshServer, TestSshServer];
const scratch = join(services.dir, `no-hang-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const opened: SshTransport[] = [];

afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
  removeGitCliRepos();
});

type Kind = 'ssh' | 'local';
const TRANSPORTS: Kind[] = ['ssh', 'local'];

function transportFor(kind: Kind): Transport {
  if (kind === 'local') return new LocalTransport('web1');
  const t = sshTransportTo(web1, services);
  opened.push(t);
  return t;
}

/** Processes (pid → comm) whose environment carries TIDE_RUN=<tag>.… */
function taggedProcesses(tag: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const env = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      if (env.some((v) => v.startsWith(`TIDE_RUN=${tag}.`))) found.set(Number(pid), readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** A running process (a zombie is dead: this container's init may not reap orphans). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function parentOf(pid: number): { ppid: number; comm: string } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return { ppid, comm };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fifo(path: string): void {
  rmSync(path, { force: true });
  execFileSync('mkfifo', [path]);
}

describe.each(TRANSPORTS)('file calls have a limit (%s)', (kind) => {
  const t = transportFor(kind);
  // Written by web1's deploy user (ssh) or by the test's own user (local).
  const dir = deployUserDir(web1, join(scratch, `files-${kind}`));

  it('readFile of a FIFO ends in a timeout naming the server, the file and the limit', async () => {
    const path = join(dir, 'settings.json');
    fifo(path);
    const started = Date.now();
    const error = await t.readFile(path, { timeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'COMMAND_TIMEOUT', server: 'web1', timeoutMs: 500 });
    expect((error as Error).message).toBe(`server web1: reading ${path} timed out after 500 ms and was killed`);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('a stalled writeFile ends in a timeout and leaves neither the file nor a temp file', async () => {
    const path = join(dir, 'big.bin');
    const tag = newRunTag();
    // Large enough that the writer is still at work when it is found (locally
    // 8 MiB could be written before a 100 ms poll saw it); looked for without pause.
    const writing = t.writeFile(path, Buffer.alloc(128 * 1024 * 1024, 7), 0o644, { timeoutMs: 2000, tag }).catch((e: unknown) => e);
    // A disk that stops answering: the command writing the temp file stops.
    const until = Date.now() + 10_000;
    while (![...taggedProcesses(tag).values()].includes('cat')) {
      if (Date.now() > until) throw new Error('the writing command never showed up');
      await new Promise((r) => setImmediate(r));
    }
    for (const [pid, comm] of taggedProcesses(tag)) if (comm === 'cat') process.kill(pid, 'SIGSTOP');
    const error = await writing;
    expect(error).toMatchObject({ code: 'COMMAND_TIMEOUT', server: 'web1' });
    expect((error as Error).message).toBe(`server web1: writing ${path} timed out after 2 s and was killed`);
    expect(readdirSync(dir).filter((f) => f.includes('big.bin'))).toEqual([]);
    await waitFor(() => taggedProcesses(tag).size === 0, 5000);
  });

  it('copyFileTo from a FIFO ends in a timeout; the destination is not created', async () => {
    const source = join(dir, 'backup.tar.gz');
    const dest = join(dir, 'copies', 'backup.tar.gz');
    fifo(source);
    const started = Date.now();
    const error = await t.copyFileTo(source, t, dest, 0o600, { timeoutMs: 800 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'COMMAND_TIMEOUT', timeoutMs: 800 });
    expect((error as Error).message).toBe(`server web1: copying web1:${source} → web1:${dest} timed out after 800 ms and was killed`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(join(dir, 'copies')) ? readdirSync(join(dir, 'copies')) : []).toEqual([]);
  });
});

describe('process groups over ssh', () => {
  const t = transportFor('ssh');

  it('reapRun kills what a run left behind on the server, and only that run', async () => {
    const tag = newRunTag();
    const other = newRunTag();
    const beat = join(deployUserDir(web1, join(scratch, 'reap-ssh')), 'beat');
    await t.exec(`(trap "" TERM; while :; do date +%s.%N >> ${beat}; sleep 0.1; done) >/dev/null 2>&1 &`, { tag });
    await t.exec('sleep 30 >/dev/null 2>&1 &', { tag: other });
    await waitFor(() => existsSync(beat), 5000);
    expect(taggedProcesses(tag).size).toBeGreaterThan(0);
    expect(await reapRun(t, tag, { graceMs: 300 })).toHaveLength(1);
    expect(taggedProcesses(tag).size).toBe(0);
    const size = statSync(beat).size;
    await pause(500);
    expect(statSync(beat).size).toBe(size);
    expect(taggedProcesses(other).size).toBe(1);
    await reapRun(t, other);
    expect(taggedProcesses(other).size).toBe(0);
  });

  it('a timeout kills its own command’s group and no other', async () => {
    const tag = newRunTag();
    const [timedOut, sibling] = await Promise.allSettled([
      t.exec('sleep 30', { tag, timeoutMs: 300 }),
      t.exec('sleep 1.5; echo finished', { tag, timeoutMs: 20_000 }),
    ]);
    expect((timedOut as PromiseRejectedResult).reason).toMatchObject({ code: 'COMMAND_TIMEOUT' });
    expect(sibling).toMatchObject({ status: 'fulfilled', value: { exitCode: 0, stdout: 'finished\n' } });
  });
});

// ---------------------------------------------------------------- applies

/** A php-notes fleet with no sites; on `local`, web1 is reached with transport: local. */
function fleetFor(kind: Kind, name: string): TestFleet {
  const fleet = makeFleet(services, `${name}-${kind}`, { keepSites: false });
  if (kind === 'local') {
    const path = join(fleet.dir, 'servers/web1.yaml');
    const server = yaml.load(readFileSync(path, 'utf8')) as Record<string, unknown>;
    for (const field of ['host', 'port', 'user', 'hostKey', 'identity']) delete server[field];
    writeFileSync(path, yaml.dump({ ...server, transport: 'local' }));
  }
  // Only web1, so nothing else is planned.
  writeFleetFile(fleet, 'platforms/notes.yaml', {
    kind: 'Platform', name: 'notes', servers: ['web1'], driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public',
    commands: { install: 'php bin/install.php' },
  });
  writeFleetFile(fleet, 'platforms/brochure.yaml', { kind: 'Platform', name: 'brochure', servers: ['web1'], driver: 'static', source: { path: 'platforms/brochure' } });
  rmSync(join(fleet.dir, 'servers/web2.yaml'));
  return fleet;
}

/** An installer that, the first time, records its pid and writes a heartbeat every 0.1 s for ever; then installs. */
function hangingInstaller(fleet: TestFleet): { started: string; beat: string; platform: Record<string, unknown> } {
  const root = fleet.roots.web1!;
  const started = join(root, 'installer-started');
  const beat = join(root, 'installer-heartbeat');
  const install = `if [ ! -e ${started} ]; then echo $$ > ${started}; while :; do date +%s.%N >> ${beat}; sleep 0.1; done; fi; php bin/install.php`;
  const platform = { kind: 'Platform', name: 'notes', servers: ['web1'], driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public', commands: { install } };
  return { started, beat, platform };
}

function startTide(fleet: TestFleet, args: string[]) {
  return execa('node', [join(REPO_ROOT, 'dist/cli/bin.js'), ...args], { cwd: fleet.dir, env: { ...fleet.env, NO_COLOR: '1' }, reject: false, all: true });
}

/** The heartbeat no longer grows: whatever wrote it is gone. Returns its last beat (epoch seconds). */
async function stopped(beat: string): Promise<number> {
  const size = statSync(beat).size;
  await pause(1000);
  expect(statSync(beat).size).toBe(size);
  return Number(readFileSync(beat, 'utf8').trim().split('\n').pop());
}

const lockFile = (fleet: TestFleet) => join(fleet.dir, '.git/tide/state.lock');

describe.each(TRANSPORTS)('an apply on %s', (kind) => {
  it('refuses a TIDE_COMMAND_TIMEOUT_SECONDS that is not a number of seconds, before anything runs', async () => {
    const fleet = fleetFor(kind, 'badtimeout');
    writeFleetFile(fleet, 'sites/bt.example.test.yaml', { kind: 'Site', name: 'bt.example.test', platform: 'brochure', server: 'web1' });
    commitAll(fleet, 'one site');
    const run = await tide(fleet, ['apply', '--yes'], { TIDE_COMMAND_TIMEOUT_SECONDS: 'thirty' });
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain('TIDE_COMMAND_TIMEOUT_SECONDS is "thirty", not a number of seconds; nothing was run.');
    expect(git(fleet.dir, 'branch', '--list', 'tide-state').trim()).toBe('');
    expect(existsSync(fleet.roots.web1!)).toBe(false);
    expect(existsSync(lockFile(fleet))).toBe(false);
  });

  it('verifying a site whose settings.json is a FIFO ends in a timeout and releases the lock', async () => {
    const fleet = fleetFor(kind, 'fifo');
    const site = { kind: 'Site', name: `fifo-${kind}.example.test`, platform: 'notes', server: 'web1' };
    writeFleetFile(fleet, `sites/fifo-${kind}.example.test.yaml`, site);
    commitAll(fleet, 'one PHP site');
    const first = await tide(fleet, ['apply', '--yes']);
    expect(first.exitCode, first.all).toBe(0);

    fifo(join(fleet.roots.web1!, `sites/fifo-${kind}.example.test/settings.json`));
    writeFleetFile(fleet, `sites/fifo-${kind}.example.test.yaml`, { ...site, aliases: [`www.fifo-${kind}.example.test`] });
    commitAll(fleet, 'an alias: the site is verified');
    const started = Date.now();
    const run = await execa('node', [join(REPO_ROOT, 'dist/cli/bin.js'), 'apply', '--yes'], {
      cwd: fleet.dir, env: { ...fleet.env, NO_COLOR: '1', TIDE_IO_TIMEOUT_SECONDS: '2' }, reject: false, all: true, timeout: 90_000,
    });
    expect(run.timedOut, 'tide apply hung').toBe(false);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/server web1: reading \S+\/sites\/fifo-(ssh|local)\.example\.test\/settings\.json timed out after 2 s and was killed/);
    expect(existsSync(lockFile(fleet))).toBe(false);
    const verify = operationRecords(fleet).find((r) => r.operation === `site/fifo-${kind}.example.test/verify`)!;
    expect(['rolled-back', 'failed']).toContain(verify.status);
    expect(verify.error).toMatch(/timed out after 2 s/);
  });

  it('killed with SIGKILL during an installer: the next apply kills the installer’s group before recovery, and it never writes again', async () => {
    const fleet = fleetFor(kind, 'sigkill');
    const { started, beat, platform } = hangingInstaller(fleet);
    writeFleetFile(fleet, 'platforms/notes.yaml', platform);
    writeFleetFile(fleet, `sites/killed-${kind}.example.test.yaml`, { kind: 'Site', name: `killed-${kind}.example.test`, platform: 'notes', server: 'web1' });
    commitAll(fleet, 'a site whose first install hangs');
    const first = startTide(fleet, ['apply', '--yes']);
    await waitFor(() => existsSync(beat), 90_000);
    first.kill('SIGKILL');
    await first;
    const installer = Number(readFileSync(started, 'utf8'));
    await pause(500);
    expect(alive(installer), 'the installer outlived tide, as an orphan does').toBe(true);

    const lock = JSON.parse(readFileSync(lockFile(fleet), 'utf8'));
    expect((await tide(fleet, ['unlock', '--force', lock.id])).exitCode).toBe(0);
    const second = await tide(fleet, ['apply', '--yes']);
    expect(second.exitCode, second.all).toBe(0);
    expect(alive(installer)).toBe(false);
    const lastBeat = await stopped(beat);
    // Gone before recovery acted: its last beat is older than the record marked interrupted.
    const interrupted = operationRecords(fleet).find((r) => r.operation === `site/killed-${kind}.example.test/install` && r.status === 'interrupted') as { finishedAt?: string } | undefined;
    expect(interrupted).toBeDefined();
    expect(lastBeat * 1000).toBeLessThan(Date.parse(interrupted!.finishedAt!));
    expect(operationRecords(fleet).filter((r) => r.status === 'running')).toEqual([]);
  });
});

describe('an apply over ssh whose connection drops mid-command', () => {
  it('kills the cut-off installer’s group before the undo: it never writes into the site again', async () => {
    const fleet = fleetFor('ssh', 'dropped');
    const { started, beat, platform } = hangingInstaller(fleet);
    writeFleetFile(fleet, 'platforms/notes.yaml', platform);
    writeFleetFile(fleet, 'sites/dropped.example.test.yaml', { kind: 'Site', name: 'dropped.example.test', platform: 'notes', server: 'web1' });
    commitAll(fleet, 'a site whose first install hangs');
    const run = startTide(fleet, ['apply', '--yes']);
    await waitFor(() => existsSync(beat), 90_000);
    // The sshd process serving tide's connection: the installer's nearest sshd ancestor.
    const installer = Number(readFileSync(started, 'utf8'));
    let pid = installer;
    while (!parentOf(pid).comm.startsWith('sshd')) pid = parentOf(pid).ppid;
    expect(pid).toBeGreaterThan(1);
    process.kill(pid, 'SIGKILL');

    const done = await run;
    expect(done.exitCode).toBe(1);
    expect(done.all).toMatch(/install site dropped\.example\.test on web1 rolled-back/);
    expect(alive(installer)).toBe(false);
    await stopped(beat);
    expect(existsSync(join(fleet.roots.web1!, 'sites/dropped.example.test'))).toBe(false);
    const record = operationRecords(fleet).find((r) => r.operation === 'site/dropped.example.test/install')!;
    expect(record.status).toBe('rolled-back');
    expect(record.error).toMatch(/connection was lost|without an exit status/);
    expect(existsSync(lockFile(fleet))).toBe(false);
    // The operator's view: the next apply installs it cleanly.
    const again = await tide(fleet, ['apply', '--yes']);
    expect(again.exitCode, again.all).toBe(0);
    expect(readFileSync(join(fleet.roots.web1!, 'sites/dropped.example.test/settings.json'), 'utf8')).toContain('"db"');
  });
});
