// The lock under faults that a real run meets rarely but must survive: a disk
// that fills while the lock is being written (a crash at that instant leaves
// the same thing), and a forced unlock plus a new holder landing while the old
// holder is releasing. The file system is real; only the timing of those
// events is forced, by wrapping node:fs/promises.

import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { acquireStateLock, readStateLock, stateLockPath } from '../../src/state/lock.js';
import { removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

const faults = vi.hoisted(() => ({
  /** Every write under a tide/ directory fails with ENOSPC after creating its file. */
  diskFull: false,
  /** Runs once, right after the next read of this path returns. */
  afterRead: undefined as undefined | { path: string; then(): void },
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const inTide = (path: unknown): boolean => String(path).includes('/tide/');
  const failingHandle = (handle: import('node:fs/promises').FileHandle) => new Proxy(handle, {
    get(target, key) {
      if (key === 'writeFile' || key === 'write') return async () => { throw enospc(); };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const wrapped = {
    ...real,
    async writeFile(path: Parameters<typeof real.writeFile>[0], data: string, options?: Parameters<typeof real.writeFile>[2]) {
      if (!faults.diskFull || !inTide(path)) return real.writeFile(path, data, options);
      await real.writeFile(path, '', options);
      throw enospc();
    },
    async open(...args: Parameters<typeof real.open>) {
      const handle = await real.open(...args);
      return faults.diskFull && inTide(args[0]) ? failingHandle(handle) : handle;
    },
    async readFile(...args: Parameters<typeof real.readFile>) {
      const text = await real.readFile(...args);
      const hook = faults.afterRead;
      if (hook && String(args[0]) === hook.path) {
        faults.afterRead = undefined;
        hook.then();
      }
      return text;
    },
  };
  return { ...wrapped, default: wrapped };
});

afterEach(() => {
  faults.diskFull = false;
  faults.afterRead = undefined;
});
afterAll(removeGitCliRepos);

describe('state lock under faults', () => {
  it('a write that fails while the lock is taken leaves no lock behind', async () => {
    const gitDir = tempDir('tide-lock-');
    faults.diskFull = true;
    await expect(acquireStateLock(gitDir, { command: 'tide apply' })).rejects.toThrow(/ENOSPC/);
    faults.diskFull = false;
    expect(existsSync(stateLockPath(gitDir))).toBe(false);
    const next = await acquireStateLock(gitDir, { command: 'tide apply' });
    await next.release();
  });

  it('release does not remove a lock another run took while it was releasing', async () => {
    const gitDir = tempDir('tide-lock-');
    const path = stateLockPath(gitDir);
    const mine = await acquireStateLock(gitDir, { command: 'tide apply' });
    // The instant after the releasing run has read its own lock: the user breaks it
    // (tide unlock --force) and another run takes the lock.
    const theirs = { id: 'feedf00d', pid: process.pid, host: 'other.example', user: 'bob', command: 'tide apply', startedAt: new Date().toISOString() };
    faults.afterRead = { path, then: () => writeFileSync(path, JSON.stringify(theirs)) };
    await mine.release();
    expect(faults.afterRead).toBeUndefined(); // the race did happen
    expect(await readStateLock(gitDir)).toEqual(theirs);
  });
});
