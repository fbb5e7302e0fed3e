// The one-writer lock for apply: `<gitDir>/tide/state.lock`, created with
// O_EXCL so exactly one run holds it. It names its holder so that a blocked
// user can tell whether that run is still alive, and break it if not.
// Pass the common git dir (StateWriter.gitDir): linked worktrees share it.

import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TideError } from '../errors.js';

export interface StateLockInfo {
  /** Short random hex, what `tide unlock --force` takes. */
  id: string;
  pid: number;
  host: string;
  user: string;
  command: string;
  /** ISO 8601. */
  startedAt: string;
}

export interface StateLockHandle {
  readonly info: StateLockInfo;
  readonly path: string;
  /** Removes the lock if it is still this run's (a forced unlock may have broken it). */
  release(): Promise<void>;
}

/** Another run holds the state lock. */
export class StateLockedError extends TideError {
  constructor(
    readonly holder: StateLockInfo,
    /** The holder ran on this host and its process is gone. */
    readonly stale: boolean,
  ) {
    const h = holder;
    super(
      'STATE_LOCKED',
      `The state is locked by another run: lock ${h.id}, pid ${h.pid}, ${h.user}@${h.host}, '${h.command}', started ${age(h.startedAt)}` +
        (stale ? '; its process is gone: the lock is stale.' : '.'),
      { retryable: true, hint: `if that run is gone, break the lock with 'tide unlock --force ${h.id}'` },
    );
  }
}

export function stateLockPath(gitDir: string): string {
  return join(gitDir, 'tide', 'state.lock');
}

/** Takes the lock, or throws StateLockedError naming whoever holds it. */
export async function acquireStateLock(gitDir: string, { command }: { command: string }): Promise<StateLockHandle> {
  const path = stateLockPath(gitDir);
  await mkdir(join(gitDir, 'tide'), { recursive: true });
  const info: StateLockInfo = {
    id: randomBytes(4).toString('hex'),
    pid: process.pid,
    host: hostname(),
    user: currentUser(),
    command,
    startedAt: new Date().toISOString(),
  };
  const file = await createExclusive(path, gitDir);
  try {
    await file.writeFile(`${JSON.stringify(info, null, 2)}\n`);
  } finally {
    await file.close();
  }
  let released = false;
  return {
    info,
    path,
    async release() {
      if (released) return;
      released = true;
      const current = await readStateLock(gitDir).catch(() => null);
      if (current?.id === info.id) await unlink(path).catch(ignoreMissing);
    },
  };
}

async function createExclusive(path: string, gitDir: string): Promise<FileHandle> {
  for (;;) {
    try {
      return await open(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readStateLock(gitDir);
    // Released between our open and our read: try again.
    if (holder) throw new StateLockedError(holder, isStale(holder));
  }
}

/** The current holder, or null when the state is not locked. */
export async function readStateLock(gitDir: string): Promise<StateLockInfo | null> {
  const path = stateLockPath(gitDir);
  // A lock is empty for the instant between its creation and its write.
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const info = parseLock(text);
    if (info) return info;
    if (attempt >= 5) {
      throw new TideError('STATE_LOCK_CORRUPT', `The state lock ${path} cannot be read.`, {
        hint: `If no tide run is active, remove ${path}.`,
      });
    }
    await sleep(20);
  }
}

/** Breaks the lock, only if `id` names it (a lock taken since by another run stays). Returns what was removed. */
export async function forceUnlock(gitDir: string, id: string): Promise<StateLockInfo> {
  const holder = await readStateLock(gitDir);
  if (!holder) throw new TideError('STATE_NOT_LOCKED', 'The state is not locked; there is nothing to unlock.');
  if (holder.id !== id) {
    throw new TideError(
      'STATE_LOCK_MISMATCH',
      `The state lock is ${holder.id} (pid ${holder.pid}, ${holder.user}@${holder.host}, '${holder.command}', started ${age(holder.startedAt)}), not ${id}; it was left alone.`,
      { hint: `Check that run first; to break it, run 'tide unlock --force ${holder.id}'.` },
    );
  }
  await unlink(stateLockPath(gitDir)).catch(ignoreMissing);
  return holder;
}

/** "3 minutes ago", "just now": how long ago an ISO time was. */
export function age(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return 'at an unknown time';
  if (seconds < 0) return 'in the future (clock skew?)';
  if (seconds < 2) return 'just now';
  const units: [string, number][] = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const [unit, size] = units.find(([, s]) => seconds >= s)!;
  const n = Math.floor(seconds / size);
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

function isStale(holder: StateLockInfo): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    // EPERM: alive, owned by another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function parseLock(text: string): StateLockInfo | undefined {
  try {
    const info = JSON.parse(text) as Partial<StateLockInfo>;
    return typeof info.id === 'string' && typeof info.pid === 'number' ? (info as StateLockInfo) : undefined;
  } catch {
    return undefined;
  }
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers).
    return process.env.USER ?? String(process.getuid?.() ?? 'unknown');
  }
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
