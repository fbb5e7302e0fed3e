// The CLI as a script relies on it: apply applies what is committed, exit
// codes and refusals can be trusted, and a refusal changes nothing (no lock
// taken, no record). The built `tide` runs in a child process on quickstart
// fleets (local transport: nothing but files), each with its own root.

import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { operationRecords, REPO_ROOT } from './support/fleet.js';

const BIN = join(REPO_ROOT, 'dist/cli/bin.js');
const work = tempDir('tide-cli-scripting-');
afterAll(removeGitCliRepos);

function tide(args: string[], cwd: string, input?: string) {
  return execa('node', [BIN, ...args], { cwd, reject: false, env: { NO_COLOR: '1' }, ...(input === undefined ? {} : { input }) });
}

/** `tide init` of the quickstart, its server root moved into this test's directory. */
async function quickstart(name: string): Promise<string> {
  const dir = join(work, name);
  const init = await tide(['init', dir], work);
  expect(init.exitCode, init.stderr).toBe(0);
  const server = join(dir, 'servers/local.yaml');
  writeFileSync(server, readFileSync(server, 'utf8').replace(/^root: .*$/m, `root: ${join(work, `${name}-root`)}`));
  git(dir, 'commit', '-qam', 'a root of its own');
  return dir;
}

async function applied(name: string): Promise<string> {
  const dir = await quickstart(name);
  const run = await tide(['apply', '--yes'], dir);
  expect(run.exitCode, run.stderr).toBe(0);
  return dir;
}

const stateTip = (dir: string): string | null => {
  try {
    return git(dir, 'rev-parse', '--verify', '-q', 'tide-state').trim();
  } catch {
    return null;
  }
};

describe('apply applies what is committed', () => {
  it('refuses a changed tracked file, a new fleet file and a new platform file, naming them; applies nothing', async () => {
    const dir = await quickstart('dirty');
    const site = join(dir, 'sites/docs.example.test.yaml');
    const committed = readFileSync(site, 'utf8');
    writeFileSync(site, `${committed}aliases: [www.docs.example.test]\n`);
    const changed = await tide(['apply', '--yes'], dir);
    expect(changed.exitCode).toBe(1);
    expect(changed.stderr).toMatch(/tide: The work tree has changes that are not committed \(M sites\/docs\.example\.test\.yaml\); tide apply applies and records commit [0-9a-f]{7}, so nothing was applied\./);
    expect(changed.stderr).toContain('add --allow-dirty');
    writeFileSync(site, committed);
    rmSync(join(dir, 'sites/hello.example.test.yaml'));
    const deleted = await tide(['apply', '--yes'], dir);
    expect(deleted.exitCode).toBe(1);
    expect(deleted.stderr).toContain('(D sites/hello.example.test.yaml)');
    git(dir, 'checkout', '--', 'sites/hello.example.test.yaml');

    writeFileSync(join(dir, 'sites/new.example.test.yaml'), 'kind: Site\nname: new.example.test\nplatform: hello-static\n');
    writeFileSync(join(dir, 'platforms/hello-static/src/extra.html'), '<p>not committed</p>\n');
    const untracked = await tide(['apply', '--yes'], dir);
    expect(untracked.exitCode).toBe(1);
    expect(untracked.stderr).toContain('(?? platforms/hello-static/src/extra.html, ?? sites/new.example.test.yaml)');
    expect(stateTip(dir)).toBeNull();

    // Files tide does not read do not count.
    rmSync(join(dir, 'sites/new.example.test.yaml'));
    rmSync(join(dir, 'platforms/hello-static/src/extra.html'));
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
    writeFileSync(join(dir, 'README.md'), 'our own notes on this fleet\n');
    mkdirSync(join(dir, '.scratch'));
    writeFileSync(join(dir, '.scratch/draft.yaml'), 'kind: Site\n');
    const clean = await tide(['apply', '--yes'], dir);
    expect(clean.exitCode, clean.stderr).toBe(0);
  });

  it('applies a dirty work tree with --allow-dirty, and records that it was dirty', async () => {
    const dir = await applied('allow-dirty');
    const site = join(dir, 'sites/docs.example.test.yaml');
    writeFileSync(site, `${readFileSync(site, 'utf8')}aliases: [www.docs.example.test]\n`);
    const run = await tide(['apply', '--yes', '--allow-dirty'], dir);
    expect(run.exitCode, run.stderr).toBe(0);
    const verify = operationRecords({ dir }).find((r) => r.operation === 'site/docs.example.test/verify')!;
    expect((verify as unknown as { uncommitted: string[] }).uncommitted).toEqual(['M sites/docs.example.test.yaml']);
    const head = git(dir, 'rev-parse', '--short=7', 'HEAD').trim();
    expect(git(dir, 'log', '-1', '--format=%s', 'tide-state').trim()).toBe(`verify site docs.example.test on local: ok (desired ${head} + uncommitted changes)`);
  });

  it('refuses a repository without commits', async () => {
    const dir = join(work, 'no-commits');
    await cp(join(REPO_ROOT, 'examples/quickstart'), dir, { recursive: true });
    git(dir, 'init', '-q', '-b', 'main');
    const run = await tide(['apply', '--yes'], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`tide: ${dir} has no commits yet; tide apply records the commit it applies, so nothing was applied.`);
    expect(existsSync(join(dir, '.git/tide/state.lock'))).toBe(false);
    expect(stateTip(dir)).toBeNull();
  });

  it('finds the repository root from a subdirectory, as git does', async () => {
    const dir = await quickstart('subdir');
    const plan = await tide(['plan'], join(dir, 'sites'));
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).toBe((await tide(['plan'], dir)).stdout);
    expect(plan.stdout).toMatch(/^Plan: 1 to deploy, 2 to install, 1 to verify\.$/m);
    const run = await tide(['apply', '--yes'], join(dir, 'platforms/hello-static/src'));
    expect(run.exitCode, run.stderr).toBe(0);
    expect(stateTip(dir)).not.toBeNull();
    const again = await tide(['plan', '--detailed-exitcode', '--repo', 'sites'], dir);
    expect(again.exitCode, again.stdout).toBe(0);
  });
});

describe('exit codes and refusals a script can trust', () => {
  it('--target or --server naming nothing is an error with the closest name, and applies nothing', async () => {
    const dir = await quickstart('unknown-names');
    const target = await tide(['apply', '--yes', '--target', 'site/helo.example.test'], dir);
    expect(target.exitCode).toBe(1);
    expect(target.stderr).toContain('tide: --target site/helo.example.test: the fleet and the state branch have no site named helo.example.test; nothing was done.');
    expect(target.stderr).toContain('Did you mean --target site/hello.example.test?');
    const far = await tide(['apply', '--yes', '--target', 'platform/wordpress'], dir);
    expect(far.exitCode).toBe(1);
    expect(far.stderr).toContain('Known platforms: hello-static (tide status lists them).');
    const server = await tide(['apply', '--yes', '--server', 'locall'], dir);
    expect(server.exitCode).toBe(1);
    expect(server.stderr).toContain('Did you mean --server local?');
    expect(stateTip(dir)).toBeNull();
    expect((await tide(['apply', '--yes', '--target', 'site/hello.example.test'], dir)).exitCode).toBe(0);
    const verify = await tide(['verify', '--server', 'web9'], dir);
    expect(verify.exitCode).toBe(1);
    expect(verify.stderr).toContain('--server web9: the fleet and the state branch have no server named web9');
  });

  it('cancelling at the prompt exits 1 and applies nothing', async () => {
    const dir = await quickstart('cancel');
    // script(1) gives tide a terminal, so it asks; the answer is not 'yes'.
    const run = await execa('script', ['-qec', `node ${BIN} apply`, '/dev/null'], { cwd: dir, reject: false, input: 'no\n', env: { NO_COLOR: '1' } });
    expect(run.stdout).toContain("Apply these 4 operations? Only 'yes' is accepted:");
    expect(run.stdout).toContain('apply cancelled; nothing was changed.');
    expect(run.exitCode).toBe(1);
    expect(stateTip(dir)).toBeNull();
  });

  it('restore of an unknown backup and login without a login command are refused before the lock, and not recorded', async () => {
    const dir = await applied('refusals');
    const tip = stateTip(dir);
    // Another run holds the lock: a refusal must not even wait for it.
    const lock = join(dir, '.git/tide/state.lock');
    const holder = JSON.stringify({ id: 'c0ffee42', pid: process.pid, host: hostname(), user: userInfo().username, command: 'tide apply', startedAt: new Date().toISOString() });
    writeFileSync(lock, holder);
    for (const locked of [true, false]) {
      const restore = await tide(['restore', 'hello.example.test', '--backup', 'nope'], dir);
      expect(restore.exitCode).toBe(1);
      expect(restore.stderr).toContain('tide: Site hello.example.test has no backup nope.');
      expect(restore.stderr).not.toMatch(/locked/);
      const login = await tide(['login', 'hello.example.test'], dir);
      expect(login.exitCode).toBe(1);
      expect(login.stderr).toContain('tide: Platform hello-static (static driver) has no login command; nothing was done.');
      expect(login.stdout).toBe('');
      expect(stateTip(dir)).toBe(tip);
      if (locked) {
        expect(readFileSync(lock, 'utf8')).toBe(holder);
        rmSync(lock);
      } else {
        expect(existsSync(lock)).toBe(false);
      }
    }
  });

  it('verify adds a commit only when it found something to record', async () => {
    const dir = await applied('verify-quiet');
    const tip = stateTip(dir);
    const quiet = await tide(['verify', '--detailed-exitcode'], dir);
    expect(quiet.exitCode, quiet.stdout + quiet.stderr).toBe(0);
    expect(quiet.stdout).toContain('No drift');
    expect(quiet.stdout).toContain('Nothing new to record; tide-state is unchanged.');
    expect(stateTip(dir)).toBe(tip);
    rmSync(join(work, 'verify-quiet-root/sites/docs.example.test'), { recursive: true });
    const drift = await tide(['verify', '--detailed-exitcode'], dir);
    expect(drift.exitCode, drift.stdout).toBe(2);
    expect(stateTip(dir)).not.toBe(tip);
    expect(git(dir, 'log', '-1', '--format=%s', 'tide-state')).toMatch(/; 1 drifted/);
  });
});

describe('the state lock from the command line', () => {
  it('a run killed while it moved the state branch leaves git\'s lock of the branch too: unlock --force, and the next apply removes it and records that it did', async () => {
    const dir = await quickstart('killed-in-move');
    // What the kill leaves: the state lock naming a process that is gone, and refs/heads/tide-state.lock holding the commit it was to move to.
    const gone = await execa('sh', ['-c', 'echo $$']);
    const startedAt = new Date(Date.now() - 60_000);
    mkdirSync(join(dir, '.git/tide'), { recursive: true });
    writeFileSync(join(dir, '.git/tide/state.lock'), JSON.stringify({ id: 'dead0001', pid: Number(gone.stdout), host: hostname(),
      user: userInfo().username, command: 'tide apply', startedAt: startedAt.toISOString() }));
    const refLock = join(dir, '.git/refs/heads/tide-state.lock');
    writeFileSync(refLock, `${git(dir, 'rev-parse', 'HEAD').trim()}\n`);
    const killedAt = new Date(Date.now() - 30_000);
    utimesSync(refLock, killedAt, killedAt);
    const unlock = await tide(['unlock', '--force', 'dead0001'], dir);
    expect(unlock.exitCode, unlock.stderr).toBe(0);
    const run = await tide(['apply', '--yes'], dir);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(existsSync(refLock)).toBe(false);
    expect(git(dir, 'log', '--format=%B', 'tide-state')).toContain(`Removed refs/heads/tide-state.lock, left at ${killedAt.toISOString()} by a run that died before it moved the branch.`);
    expect(operationRecords({ dir }).map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('names an empty leftover lock, and unlock --force clears it', async () => {
    const dir = await quickstart('leftover');
    mkdirSync(join(dir, '.git/tide'), { recursive: true });
    writeFileSync(join(dir, '.git/tide/state.lock'), '');
    const blocked = await tide(['apply', '--yes'], dir);
    expect(blocked.exitCode).toBe(1);
    expect(blocked.stderr).toMatch(/cannot be read \(it is empty\): a leftover of a crashed run\./);
    const id = /tide unlock --force ([0-9a-f]{8})/.exec(blocked.stderr)?.[1];
    expect((await tide(['unlock'], dir)).stdout).toContain(`Clear it with: tide unlock --force ${id}`);
    const cleared = await tide(['unlock', '--force', id!], dir);
    expect(cleared.exitCode, cleared.stderr).toBe(0);
    expect(cleared.stdout).toBe(`Removed the unreadable lock ${id}.`);
    expect((await tide(['apply', '--yes'], dir)).exitCode).toBe(0);
  });
});
