// The daemon and the state lock. Every apply takes the lock of the clone it
// runs in (apply/session.ts); the daemon's clone is its own, so when the
// fleet repository is a local path the daemon also holds that repository's
// lock for each turn: a `tide apply` there and the daemon never overlap.
// (Between clones and machines the guard is the state push, which must
// fast-forward.)
//
// A daemon killed mid-turn (SIGKILL, power loss) leaves its lock behind. Its
// next start breaks a lock that a daemon on this host took and whose process
// is gone, so that recovery can run; any other holder is left to a human.

import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { findGitDirs } from '../repo/git-dir.js';
import { acquireStateLock, age, forceUnlock, isStale, readStateLock, type StateLockHandle } from '../state/lock.js';
import type { DaemonLogger } from './types.js';

export const DAEMON_LOCK_COMMAND = 'tide daemon';

/** The common git dir of a remote given as a local path (or file:// URL); null for a network remote. */
export function localRemoteGitDir(remote: string, cwd: string): string | null {
  const path = remote.startsWith('file://') ? new URL(remote).pathname : /^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[\w.-]+@[\w.-]+:/.test(remote) ? null : remote;
  if (path === null) return null;
  const dir = isAbsolute(path) ? path : resolve(cwd, path);
  return existsSync(dir) ? findGitDirs(dir)?.commonDir ?? null : null;
}

export async function acquireDaemonLock(gitDir: string): Promise<StateLockHandle> {
  return acquireStateLock(gitDir, { command: DAEMON_LOCK_COMMAND });
}

/** Breaks a lock left by a daemon of this host whose process is gone; returns whether it did. */
export async function breakDeadDaemonLock(gitDir: string, log: DaemonLogger): Promise<boolean> {
  const holder = await readStateLock(gitDir).catch(() => null);
  if (!holder || !holder.command.startsWith(DAEMON_LOCK_COMMAND) || !isStale(holder)) return false;
  await forceUnlock(gitDir, holder.id);
  log.warn('lock.broken', { gitDir, lock: holder.id, pid: holder.pid, started: holder.startedAt, reason: 'left by a daemon whose process is gone' });
  return true;
}

/** Why the lock at `gitDir` looks stuck (held by a gone process, or longer than `stuckAfterMs`), or null. */
export async function stuckLock(gitDir: string, stuckAfterMs: number, now = Date.now()): Promise<string | null> {
  let holder;
  try {
    holder = await readStateLock(gitDir);
  } catch (error) {
    return (error as Error).message;
  }
  if (!holder) return null;
  if (isStale(holder)) return `lock ${holder.id} held by pid ${holder.pid}, which is gone ('${holder.command}', started ${age(holder.startedAt, now)})`;
  if (now - Date.parse(holder.startedAt) > stuckAfterMs) return `lock ${holder.id} held by '${holder.command}' since ${age(holder.startedAt, now)}`;
  return null;
}
