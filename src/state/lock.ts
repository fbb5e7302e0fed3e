// The one-writer lock for apply: `<gitDir>/tide/state.lock`. It names its
// holder so that a blocked user can tell whether that run is still alive, and
// break it if not. Pass the common git dir (StateWriter.gitDir): linked
// worktrees share it. The lock is per clone: between clones and machines,
// `--push` is the guard (its push of the state branch must fast-forward).
//
// Taking it: the holder's facts go to a temporary file of its own, which is
// then hard-linked to the lock path; link(2) fails if the path exists, so the
// lock appears complete or not at all (a crash leaves at most a temporary
// file, never an empty lock). Releasing or breaking it: the lock is renamed
// to a name of our own first and checked there, so a lock another run took in
// the meantime is never removed (it is linked back, again without replacing).

import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
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

/** The lock file cannot be read (empty or garbage: left by a crash of an older tide, or written by hand). */
export class StateLockUnreadableError extends TideError {
  constructor(
    readonly path: string,
    /** What `tide unlock --force` takes to clear it: a digest of its content. */
    readonly leftoverId: string,
    size: number,
  ) {
    super('STATE_LOCK_CORRUPT', `The state lock ${path} cannot be read (${size === 0 ? 'it is empty' : `${size} bytes that are not a tide lock`}): a leftover of a crashed run.`, {
      hint: `If no tide run is active, clear it with 'tide unlock --force ${leftoverId}'.`,
    });
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
  const staged = `${path}.${info.id}.new`;
  try {
    await writeFile(staged, `${JSON.stringify(info, null, 2)}\n`, { flag: 'wx' });
    await linkExclusive(staged, path, gitDir);
  } finally {
    await unlink(staged).catch(ignoreMissing);
  }
  let released = false;
  return {
    info,
    path,
    async release() {
      if (released) return;
      released = true;
      // Leave a lock that is not ours untouched (a forced unlock broke ours, another run took it).
      if ((await lockIdAt(path)) === info.id) await removeIfHolder(path, info.id);
    },
  };
}

async function linkExclusive(staged: string, path: string, gitDir: string): Promise<void> {
  for (;;) {
    try {
      return await link(staged, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readStateLock(gitDir);
    // Released between our link and our read: try again.
    if (holder) throw new StateLockedError(holder, isStale(holder));
  }
}

/** The current holder, or null when the state is not locked; StateLockUnreadableError for a leftover that is no lock. */
export async function readStateLock(gitDir: string): Promise<StateLockInfo | null> {
  const path = stateLockPath(gitDir);
  const text = await readIfPresent(path);
  if (text === null) return null;
  const info = parseLock(text);
  if (!info) throw new StateLockUnreadableError(path, leftoverId(text), Buffer.byteLength(text));
  return info;
}

/**
 * Breaks the lock, only if `id` names it (a lock taken since by another run
 * stays). An unreadable leftover is named by the id its error gives. Returns
 * what was removed.
 */
export async function forceUnlock(gitDir: string, id: string): Promise<StateLockInfo | { leftover: string }> {
  const path = stateLockPath(gitDir);
  await removeOldLeftovers(path);
  const text = await readIfPresent(path);
  if (text === null) throw new TideError('STATE_NOT_LOCKED', 'The state is not locked; there is nothing to unlock.');
  const holder = parseLock(text);
  const current = holder?.id ?? leftoverId(text);
  if (current !== id) throw mismatch(holder, current, id);
  // Changed between our read and our rename: it is someone else's now.
  if (!(await removeIfHolder(path, id))) throw mismatch(parseLock((await readIfPresent(path)) ?? ''), '(a new lock)', id);
  return holder ?? { leftover: id };
}

function mismatch(holder: StateLockInfo | undefined, current: string, id: string): TideError {
  const who = holder ? ` (pid ${holder.pid}, ${holder.user}@${holder.host}, '${holder.command}', started ${age(holder.startedAt)})` : '';
  return new TideError('STATE_LOCK_MISMATCH', `The state lock is ${holder?.id ?? current}${who}, not ${id}; it was left alone.`, {
    hint: `Check that run first; to break it, run 'tide unlock --force ${holder?.id ?? current}'.`,
  });
}

/** Moves the lock aside, removes it if `id` names it, else links it back (never over a newer lock). */
async function removeIfHolder(path: string, id: string): Promise<boolean> {
  const aside = `${path}.${randomBytes(4).toString('hex')}.releasing`;
  try {
    await rename(path, aside);
  } catch (err) {
    ignoreMissing(err as NodeJS.ErrnoException);
    return false;
  }
  try {
    if ((await lockIdAt(aside)) === id) return true;
    // Someone else's: put it back. EEXIST: a third run took the path in this instant; theirs stands.
    await link(aside, path).catch((err: NodeJS.ErrnoException) => { if (err.code !== 'EEXIST') throw err; });
    return false;
  } finally {
    await unlink(aside).catch(ignoreMissing);
  }
}

/** Staged or set-aside copies a crash left beside the lock (older than a minute: no run is still using them). */
async function removeOldLeftovers(path: string): Promise<void> {
  const dir = dirname(path);
  const names = await readdir(dir).catch(() => [] as string[]);
  const mine = new RegExp(`^${basename(path).replace('.', '\\.')}\\.[0-9a-f]+\\.(new|releasing)$`);
  for (const name of names.filter((n) => mine.test(n))) {
    const at = join(dir, name);
    const old = await stat(at).then((s) => Date.now() - s.mtimeMs > 60_000, () => false);
    if (old) await unlink(at).catch(ignoreMissing);
  }
}

/** The id of the lock at `path`: its holder's, or a leftover's digest; null when there is none. */
async function lockIdAt(path: string): Promise<string | null> {
  const text = await readIfPresent(path);
  return text === null ? null : parseLock(text)?.id ?? leftoverId(text);
}

/** How an unreadable lock is named: the first 8 hex digits of its content's sha256. */
function leftoverId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    ignoreMissing(err as NodeJS.ErrnoException);
    return null;
  }
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

/** The holder ran on this host and its process is gone. */
export function isStale(holder: StateLockInfo): boolean {
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
