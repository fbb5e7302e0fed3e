// The one-writer lock: exclusive, names its holder, knows a dead holder on
// this host, and is broken only by its own id.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { TideError } from '../../src/errors.js';
import { acquireStateLock, age, forceUnlock, readStateLock, type StateLockInfo, StateLockedError, stateLockPath } from '../../src/state/lock.js';
import { rejection } from '../helpers/errors.js';
import { removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos);


/** A lock written as another run would have left it. */
function plantLock(gitDir: string, holder: Partial<StateLockInfo>): StateLockInfo {
  const info: StateLockInfo = {
    id: 'c0ffee42',
    pid: process.pid,
    host: hostname(),
    user: 'alice',
    command: 'tide apply',
    startedAt: new Date().toISOString(),
    ...holder,
  };
  mkdirSync(`${gitDir}/tide`, { recursive: true });
  writeFileSync(stateLockPath(gitDir), JSON.stringify(info));
  return info;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('state lock', () => {
  it('is taken, read and released', async () => {
    const gitDir = tempDir('tide-lock-');
    const lock = await acquireStateLock(gitDir, { command: 'tide apply --plan p.json' });
    expect(lock.path).toBe(`${gitDir}/tide/state.lock`);
    expect(lock.info).toMatchObject({ pid: process.pid, host: hostname(), command: 'tide apply --plan p.json' });
    expect(lock.info.id).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toEqual(lock.info);
    expect(await readStateLock(gitDir)).toEqual(lock.info);
    await lock.release();
    expect(existsSync(lock.path)).toBe(false);
    expect(await readStateLock(gitDir)).toBeNull();
    await lock.release(); // twice is harmless
    const again = await acquireStateLock(gitDir, { command: 'tide apply' });
    expect(again.info.id).not.toBe(lock.info.id);
    await again.release();
  });

  it('refuses a second holder, naming the first and its age', async () => {
    const gitDir = tempDir('tide-lock-');
    const first = await acquireStateLock(gitDir, { command: 'tide apply' });
    const error = await rejection(acquireStateLock(gitDir, { command: 'tide apply' }));
    expect(error).toBeInstanceOf(StateLockedError);
    expect(error.code).toBe('STATE_LOCKED');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`lock ${first.info.id}`);
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain(`${first.info.user}@${hostname()}`);
    expect(error.message).toContain('started just now');
    expect(error.message).not.toContain('stale');
    expect(error.hint).toBe(`if that run is gone, break the lock with 'tide unlock --force ${first.info.id}'`);
    expect(await readStateLock(gitDir)).toEqual(first.info);
    await first.release();
  });

  it('says how long ago the holder started', async () => {
    const gitDir = tempDir('tide-lock-');
    plantLock(gitDir, { startedAt: new Date(Date.now() - 3 * 60_000 - 5_000).toISOString(), host: 'web1.example' });
    const error = (await rejection(acquireStateLock(gitDir, { command: 'tide apply' }))) as StateLockedError;
    expect(error.message).toContain(`lock c0ffee42, pid ${process.pid}, alice@web1.example, 'tide apply', started 3 minutes ago.`);
    expect(error.stale).toBe(false);
  });

  it('calls a lock stale when its holder ran on this host and its process is gone', async () => {
    const gitDir = tempDir('tide-lock-');
    const pid = deadPid();
    plantLock(gitDir, { pid });
    const error = (await rejection(acquireStateLock(gitDir, { command: 'tide apply' }))) as StateLockedError;
    expect(error.message).toContain(`pid ${pid}`);
    expect(error.message).toContain('its process is gone: the lock is stale');
    expect(error.stale).toBe(true);
    // On another host the pid says nothing.
    plantLock(gitDir, { pid, host: 'elsewhere.example' });
    const remote = (await rejection(acquireStateLock(gitDir, { command: 'tide apply' }))) as StateLockedError;
    expect(remote.stale).toBe(false);
    expect(remote.message).not.toContain('stale');
  });

  it('is broken by forceUnlock only with its own id', async () => {
    const gitDir = tempDir('tide-lock-');
    expect((await rejection(forceUnlock(gitDir, 'c0ffee42'))).code).toBe('STATE_NOT_LOCKED');
    const planted = plantLock(gitDir, { pid: deadPid() });
    const wrong = await rejection(forceUnlock(gitDir, 'deadbeef'));
    expect(wrong.code).toBe('STATE_LOCK_MISMATCH');
    expect(wrong.message).toContain('c0ffee42');
    expect(wrong.message).toContain('deadbeef');
    expect(await readStateLock(gitDir)).toEqual(planted);
    expect(await forceUnlock(gitDir, 'c0ffee42')).toEqual(planted);
    expect(await readStateLock(gitDir)).toBeNull();
    const lock = await acquireStateLock(gitDir, { command: 'tide apply' });
    await lock.release();
  });

  it('names an empty or garbage leftover and lets unlock --force clear it', async () => {
    for (const leftover of ['', '{"id": "c0ff', 'not a lock\n']) {
      const gitDir = tempDir('tide-lock-');
      mkdirSync(`${gitDir}/tide`, { recursive: true });
      writeFileSync(stateLockPath(gitDir), leftover);
      const blocked = await rejection(acquireStateLock(gitDir, { command: 'tide apply' }));
      expect(blocked.code).toBe('STATE_LOCK_CORRUPT');
      expect(blocked.message).toContain(leftover === '' ? 'it is empty' : 'not a tide lock');
      const id = /unlock --force ([0-9a-f]{8})'/.exec(blocked.hint ?? '')?.[1];
      expect(blocked.hint).toBe(`If no tide run is active, clear it with 'tide unlock --force ${id}'.`);
      expect((await rejection(forceUnlock(gitDir, 'deadbeef'))).code).toBe('STATE_LOCK_MISMATCH');
      expect(await forceUnlock(gitDir, id!)).toEqual({ leftover: id });
      expect(existsSync(stateLockPath(gitDir))).toBe(false);
      const lock = await acquireStateLock(gitDir, { command: 'tide apply' });
      await lock.release();
    }
  });

  it('unlock --force also removes staged copies a crash left beside the lock', async () => {
    const gitDir = tempDir('tide-lock-');
    const planted = plantLock(gitDir, { pid: deadPid() });
    const staged = `${stateLockPath(gitDir)}.0badf00d.new`;
    writeFileSync(staged, '');
    utimesSync(staged, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    expect(await forceUnlock(gitDir, planted.id)).toEqual(planted);
    expect(readdirSync(`${gitDir}/tide`)).toEqual([]);
  });

  it('release leaves a lock that is no longer its own', async () => {
    const gitDir = tempDir('tide-lock-');
    const broken = await acquireStateLock(gitDir, { command: 'tide apply' });
    await forceUnlock(gitDir, broken.info.id);
    const next = await acquireStateLock(gitDir, { command: 'tide apply' });
    await broken.release();
    expect(await readStateLock(gitDir)).toEqual(next.info);
    await next.release();
  });

  it('gives exactly one of many concurrent acquirers the lock', async () => {
    const gitDir = tempDir('tide-lock-');
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => acquireStateLock(gitDir, { command: 'tide apply' })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as TideError).code).toBe('STATE_LOCKED');
  });

  it('words ages', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const ago = (ms: number): string => age(new Date(now - ms).toISOString(), now);
    expect(ago(500)).toBe('just now');
    expect(ago(12_000)).toBe('12 seconds ago');
    expect(ago(60_000)).toBe('1 minute ago');
    expect(ago(3 * 3_600_000 + 1)).toBe('3 hours ago');
    expect(ago(2 * 86_400_000)).toBe('2 days ago');
    expect(age('not a date', now)).toBe('at an unknown time');
  });
});
