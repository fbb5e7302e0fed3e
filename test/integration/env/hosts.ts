// The test servers are prepared the way a user prepares a production server:
// examples/prepare-server.sh makes each one's deploy user (in www-data), its
// root and vhost directory, nginx's include line and a sudoers entry for
// exactly that server's check and reload commands. Both servers live on this
// machine, so each gets its own user, root and vhost directory.
//
// Users and sudoers files are named after this run (tide-<run>-web1), so test
// runs side by side never change each other's accounts, and all of them are
// removed at teardown (or when the process exits without one).

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { execa } from 'execa';

export const WEB_GROUP = 'www-data';
export const PREPARE_SCRIPT = resolve(import.meta.dirname, '../../../examples/prepare-server.sh');

export interface PreparedHost {
  user: string;
  root: string;
  configDir: string;
  sudoersFile: string;
}

export interface HostSpec {
  name: string;
  root: string;
  configDir: string;
  /** nginx's conf.d-style file the include line goes in. */
  includeFile: string;
  check: string;
  reload: string;
  authorizedKey: string;
  /** prepare-server.sh's --php-pools settings: the helper for per-site pools, in this run's temp dir. */
  pools: { helper: string; confDir: string; socketDir: string; poolDir: string; tmpDir: string; reload: string; check: string };
}

const created: { users: string[]; files: string[] } = { users: [], files: [] };

/** A user name for this run: tide-<6 hex>-<role>. */
export function runUserNamer(): (role: string) => string {
  const run = randomBytes(3).toString('hex');
  return (role) => `tide-${run}-${role}`;
}

// useradd and usermod lock /etc/passwd and /etc/group (and fail if another
// holds the lock): environments starting side by side take turns.
let userChanges: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const turn = userChanges.then(task, task);
  userChanges = turn.catch(() => undefined);
  return turn;
}

async function run(what: string, command: string, args: string[]): Promise<void> {
  const r = await execa(command, args, { reject: false, all: true });
  if (r.exitCode !== 0) {
    throw new Error(`integration env: ${what} failed (exit ${r.exitCode})\n  command: ${r.command}\n${r.all}`);
  }
}

/** Runs examples/prepare-server.sh for one test server. */
export async function prepareHost(user: string, spec: HostSpec): Promise<PreparedHost> {
  const sudoersFile = `/etc/sudoers.d/${user}`;
  created.users.push(user);
  created.files.push(sudoersFile);
  await oneAtATime(() => run(`preparing ${spec.name} with examples/prepare-server.sh`, 'sh', [
    PREPARE_SCRIPT, '--user', user, '--group', WEB_GROUP, '--root', spec.root, '--vhost-dir', spec.configDir,
    '--web-server', 'nginx', '--include-file', spec.includeFile, '--check', spec.check, '--reload', spec.reload,
    '--sudoers-file', sudoersFile, '--authorized-key', spec.authorizedKey,
    '--php-pools', '--php-pool-helper', spec.pools.helper, '--php-pool-conf-dir', spec.pools.confDir, '--php-pool-dir', spec.pools.poolDir,
    '--php-socket-dir', spec.pools.socketDir, '--php-tmp-dir', spec.pools.tmpDir, '--php-reload', spec.pools.reload, '--php-check', spec.pools.check,
  ]));
  return { user, root: spec.root, configDir: spec.configDir, sudoersFile };
}

/**
 * A deliberately badly prepared host: a user that can log in, and nothing
 * else (not in the web group, no sudo, a root and a vhost directory it cannot
 * write, the vhost directory not included by nginx).
 */
export async function prepareBrokenHost(user: string, dir: string, authorizedKey: string): Promise<PreparedHost> {
  const root = join(dir, 'root');
  const configDir = join(dir, 'vhosts');
  created.users.push(user);
  await oneAtATime(() => run('creating the badly prepared user', 'useradd', [
    '--system', '--user-group', '--home-dir', dir, '--no-create-home', '--shell', '/bin/bash', '--password', '*', user,
  ]));
  await mkdir(join(dir, '.ssh'), { recursive: true });
  await mkdir(root, { recursive: true });
  await mkdir(configDir, { recursive: true });
  await run('authorizing the client key for the badly prepared user', 'sh', ['-c',
    `cp "$1" "$2/.ssh/authorized_keys" && chown -R "$3:$3" "$2/.ssh" && chmod 0700 "$2/.ssh"`, 'sh', authorizedKey, dir, user]);
  return { user, root, configDir, sudoersFile: '' };
}

/** Site pool users the pool helper made for this run's deploy users (a test that failed before deleting its site leaves them). */
function poolUsersOf(deployUsers: string[]): string[] {
  const comments = new Set(deployUsers.map((user) => `tide php pool of ${user}`));
  return readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'))
    .filter((fields) => comments.has(fields[4] ?? '')).map((fields) => fields[0]!);
}

/** Removes the users and sudoers files this run made. Synchronous, so it also works from process.on('exit'). */
export function removeHostsSync(): void {
  for (const user of poolUsersOf(created.users)) {
    try {
      execFileSync('userdel', ['-f', user], { stdio: 'ignore' });
      execFileSync('groupdel', [user], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
  for (const file of created.files.splice(0)) {
    try {
      execFileSync('rm', ['-f', file]);
    } catch {
      // Best effort.
    }
  }
  for (const user of created.users.splice(0)) {
    try {
      // -f: even if one of its processes outlived the daemons.
      execFileSync('userdel', ['-f', user], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
}

process.on('exit', removeHostsSync);
