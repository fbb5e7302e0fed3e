// tide's git object reader against repositories written by git itself: every
// object it reads must be byte-for-byte what `git cat-file` prints.

import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withObjectStore } from '../../src/repo/object-store.js';
import { readFilesAt } from '../../src/repo/git.js';
import { TideError } from '../../src/errors.js';
import { git, makeGitCliRepo as makeRepo, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos);

/** Every object id in the repository, loose or packed. */
function allObjects(dir: string): { oid: string; type: string }[] {
  return git(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype)')
    .trim()
    .split('\n')
    .map((line) => {
      const [oid, type] = line.split(' ');
      return { oid: oid!, type: type! };
    });
}

/** Every object as `git cat-file --batch` prints it (one process for all). */
function catAll(dir: string, oids: string[]): Map<string, { type: string; data: Buffer }> {
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: dir, input: oids.join('\n') + '\n', maxBuffer: 256 * 1024 * 1024 });
  const objects = new Map<string, { type: string; data: Buffer }>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [oid, type, size] = out.toString('latin1', at, eol).split(' ');
    const start = eol + 1;
    objects.set(oid!, { type: type!, data: out.subarray(start, start + Number(size)) });
    at = start + Number(size) + 1;
  }
  return objects;
}

function expectSameAsGit(dir: string): number {
  const objects = allObjects(dir);
  const expected = catAll(dir, objects.map((o) => o.oid));
  withObjectStore(dir, (store) => {
    for (const { oid, type } of objects) {
      const object = store.read(oid);
      expect(object.type, oid).toBe(type);
      expect(object.data.equals(expected.get(oid)!.data), `${type} ${oid} differs from git cat-file`).toBe(true);
    }
  });
  return objects.length;
}

describe('git object store', () => {
  it('reads loose objects exactly as git stores them', () => {
    const dir = makeRepo();
    expect(git(dir, 'count-objects', '-v')).toMatch(/^in-pack: 0$/m);
    expect(expectSameAsGit(dir)).toBeGreaterThan(250);
  });

  it('reads a gc-packed repository with offset deltas', () => {
    const dir = makeRepo();
    git(dir, 'repack', '-q', '-a', '-d', '-f', '--depth=50');
    expect(git(dir, 'count-objects', '-v')).toMatch(/^count: 0$/m);
    // The pack really holds deltas, so chains are being resolved.
    const verify = git(dir, 'verify-pack', '-v', ...globPack(dir));
    expect(verify).toMatch(/chain length = 1[0-9]: /);
    expectSameAsGit(dir);
  });

  it('reads ref deltas (packs written without offset deltas)', () => {
    const dir = makeRepo();
    git(dir, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-q', '-a', '-d', '-f');
    expectSameAsGit(dir);
  });

  it('reads objects spread over several packs and loose files', () => {
    const dir = makeRepo();
    git(dir, 'repack', '-q', '-d');
    writeFileSync(join(dir, 'later.txt'), 'written after the pack\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'later');
    expect(git(dir, 'count-objects', '-v')).toMatch(/^count: [1-9]/m);
    expectSameAsGit(dir);
  });

  it('reads a bare repository and a linked worktree', () => {
    const dir = makeRepo();
    const bare = join(tempDir('tide-bare-'), 'fleet.git');
    git(dir, 'clone', '-q', '--bare', dir, bare);
    expectSameAsGit(bare);
    const linked = join(tempDir('tide-linked-'), 'checkout');
    git(dir, 'worktree', 'add', '-q', linked, 'HEAD~1');
    const files = readFilesAt(linked, git(linked, 'rev-parse', 'HEAD').trim(), 'sites', {
      enter: () => true,
      take: (path) => path.endsWith('site-3.json'),
    });
    expect(files).toEqual([{ path: 'sites/site-3.json', text: expect.stringContaining('"round": 4') }]);
  });

  it('names the missing object and the repository when an object is absent', () => {
    const dir = makeRepo();
    const missing = '0123456789abcdef0123456789abcdef01234567';
    let error: unknown;
    withObjectStore(dir, (store) => {
      try {
        store.read(missing);
      } catch (err) {
        error = err;
      }
    });
    expect(error).toBeInstanceOf(TideError);
    expect((error as TideError).code).toBe('GIT_OBJECT_MISSING');
    expect((error as TideError).message).toContain(missing);
    expect((error as TideError).message).toContain(join(dir, '.git', 'objects'));
  });
});

describe('readFilesAt', () => {
  it('returns the files under a prefix at a commit, with paths and UTF-8 text', () => {
    const dir = makeRepo();
    git(dir, 'repack', '-q', '-a', '-d');
    const commit = git(dir, 'rev-parse', 'HEAD~2').trim();
    const files = readFilesAt(dir, commit, '', { enter: () => true, take: (p) => !p.startsWith('sites/') || p === 'sites/site-7.json' });
    expect(files.map((f) => f.path).sort()).toEqual(['big.txt', 'sites/site-7.json', 'unicode ünï.txt']);
    expect(files.find((f) => f.path === 'unicode ünï.txt')!.text).toBe('round 3 — ✓\n');
    expect(files.find((f) => f.path === 'sites/site-7.json')!.text).toBe(git(dir, 'show', `${commit}:sites/site-7.json`));
  });

  it('returns nothing for a prefix the commit does not have', () => {
    const dir = makeRepo();
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    expect(readFilesAt(dir, head, 'state', { enter: () => true, take: () => true })).toEqual([]);
    expect(readFilesAt(dir, head, 'big.txt', { enter: () => true, take: () => true })).toEqual([]);
  });
});

function globPack(dir: string): string[] {
  const packDir = join(dir, '.git', 'objects', 'pack');
  return readdirSync(packDir)
    .filter((name) => name.endsWith('.idx'))
    .map((name) => join(packDir, name));
}
