// The state branch writer against real repositories, checked with git itself:
// the commits must be what git would accept (fsck --strict), the ref must move
// only by compare-and-swap, and the work tree and index must never change.

import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StateMovedError, StateWriter } from '../../src/state/writer.js';
import { rejection } from '../helpers/errors.js';
import { git, makeGitCliRepo, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos, 60_000);

const BRANCH = 'tide-state';
const show = (dir: string, path: string, branch = BRANCH): string => git(dir, 'show', `${branch}:${path}`);
const lsFiles = (dir: string, branch = BRANCH): string[] => git(dir, 'ls-tree', '-r', '--name-only', branch).trim().split('\n').filter(Boolean);
const revParse = (dir: string, rev: string): string => git(dir, 'rev-parse', '--verify', '-q', rev).trim();
const count = (dir: string, rev = BRANCH): number => Number(git(dir, 'rev-list', '--count', rev).trim());
const fsck = (dir: string): string => git(dir, 'fsck', '--strict', '--no-dangling');

function freshRepo(): string {
  const dir = tempDir('tide-state-');
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}


describe('StateWriter', () => {
  it('makes a root commit on a fresh repository, as author tide', async () => {
    const dir = freshRepo();
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    expect(writer.head).toBeNull();
    const oid = await writer.commit({ files: { 'state/sites/a.json': '{"name":"a"}\n', 'state/servers/s1.json': '{}\n' }, message: 'Record a' });
    expect(writer.head).toBe(oid);
    expect(revParse(dir, `refs/heads/${BRANCH}`)).toBe(oid);
    expect(count(dir)).toBe(1);
    expect(git(dir, 'log', '-1', '--format=%P|%an <%ae>|%cn <%ce>|%s', BRANCH).trim()).toBe('|tide <tide@localhost>|tide <tide@localhost>|Record a');
    expect(show(dir, 'state/sites/a.json')).toBe('{"name":"a"}\n');
    expect(lsFiles(dir)).toEqual(['state/servers/s1.json', 'state/sites/a.json']);
    expect(await writer.readFile('state/sites/a.json')).toBe('{"name":"a"}\n');
    expect(await writer.readFile('state/sites/missing.json')).toBeNull();
    expect(await writer.listDir('state')).toEqual(['servers', 'sites']);
    expect(await writer.listDir('operations')).toEqual([]);
    fsck(dir);
  });

  it('keeps the other files of an existing branch, read from packs and packed-refs', async () => {
    const dir = makeGitCliRepo();
    git(dir, 'branch', BRANCH, 'main');
    git(dir, 'gc', '-q'); // packs the objects and the refs
    const before = lsFiles(dir);
    const parent = revParse(dir, BRANCH);
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH, author: { name: 'Ops Bot', email: 'ops@example.test' } });
    expect(writer.head).toBe(parent);
    expect(await writer.readFile('unicode ünï.txt')).toBe('round 5 — ✓\n');
    const oid = await writer.commit({ files: { 'state/sites/new.json': '{}\n', 'sites/site-3.json': 'changed\n' }, message: 'two files' });
    expect(revParse(dir, `${BRANCH}^`)).toBe(parent);
    expect(lsFiles(dir).sort()).toEqual([...before, 'state/sites/new.json'].sort());
    expect(show(dir, 'sites/site-3.json')).toBe('changed\n');
    expect(show(dir, 'big.txt')).toBe(show(dir, 'big.txt', 'main'));
    expect(git(dir, 'diff', '--name-only', 'main', BRANCH).trim().split('\n')).toEqual(['sites/site-3.json', 'state/sites/new.json']);
    expect(git(dir, 'log', '-1', '--format=%an <%ae>', oid).trim()).toBe('Ops Bot <ops@example.test>');
    // A second writer starts from the new tip.
    const again = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    expect(again.head).toBe(oid);
    await again.commit({ files: { 'state/sites/other.json': '{}\n' }, message: 'three' });
    expect(lsFiles(dir)).toContain('state/sites/new.json');
    fsck(dir);
  });

  it('deletes paths, drops emptied directories, and skips a commit that changes nothing', async () => {
    const dir = freshRepo();
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    await writer.commit({ files: { 'state/servers/s1.json': '{}\n', 'state/sites/a.json': 'a\n', 'state/sites/b.json': 'b\n' }, message: 'add' });
    const oid = await writer.commit({ files: { 'state/servers/s1.json': null, 'state/sites/a.json': null, 'state/nothing/here.json': null }, message: 'delete' });
    expect(lsFiles(dir)).toEqual(['state/sites/b.json']);
    expect(git(dir, 'ls-tree', '--name-only', `${BRANCH}:state`).trim()).toBe('sites');
    expect(await writer.readFile('state/sites/a.json')).toBeNull();
    expect(await writer.listDir('state')).toEqual(['sites']);
    expect(await writer.commit({ files: { 'state/sites/b.json': 'b\n', 'state/sites/a.json': null }, message: 'no-op' })).toBe(oid);
    expect(count(dir)).toBe(2);
    fsck(dir);
  });

  it('answers a listing of a preloaded directory without starting git again', async () => {
    const dir = freshRepo();
    await (await StateWriter.open({ repoDir: dir, branch: BRANCH })).commit({ files: { 'state/running/r1.json': '{}\n', 'state/sites/a.json': '{}\n' }, message: 'add' });
    const preloaded = await StateWriter.open({ repoDir: dir, branch: BRANCH, preload: ['state/running', 'not/there'] });
    const plain = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    // No git can start from here on: a listing that needs one fails.
    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-such-bin');
    try {
      expect(await preloaded.listDir('state/running')).toEqual(['r1.json']);
      expect(await preloaded.listDir('not/there')).toEqual([]);
      await expect(plain.listDir('state/running')).rejects.toThrow();
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses invalid paths and a file where a directory is', async () => {
    const dir = freshRepo();
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    await writer.commit({ files: { 'state/sites/a.json': 'a\n' }, message: 'add' });
    for (const path of ['', '/abs', 'a//b', 'a/../b', '.git/config', 'x/.GIT/y', 'trailing/']) {
      expect((await rejection(writer.commit({ files: { [path]: 'x' }, message: 'bad' }))).code).toBe('STATE_PATH_INVALID');
    }
    expect((await rejection(writer.commit({ files: { 'state/sites': 'x' }, message: 'bad' }))).code).toBe('STATE_PATH_CONFLICT');
    expect((await rejection(writer.commit({ files: { 'state/sites/a.json/x': 'x' }, message: 'bad' }))).code).toBe('STATE_PATH_CONFLICT');
    // A failed commit leaves the writer usable.
    await writer.commit({ files: { 'state/sites/b.json': 'b\n' }, message: 'ok' });
    expect(lsFiles(dir)).toEqual(['state/sites/a.json', 'state/sites/b.json']);
  });

  it('serializes 30 concurrent commits into a linear history, grouping calls that wait', async () => {
    const dir = freshRepo();
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    const paths = Array.from({ length: 30 }, (_, i) => `operations/2026-11/op-${String(i).padStart(2, '0')}.json`);
    const oids = await Promise.all(paths.map((path, i) => writer.commit({ files: { [path]: `{"n":${i}}\n` }, message: `op ${i}` })));
    // The first call is written at once; the 29 that queued behind it share the next commit.
    expect(count(dir)).toBe(2);
    expect(git(dir, 'rev-list', '--merges', BRANCH).trim()).toBe('');
    const history = git(dir, 'rev-list', '--reverse', BRANCH).trim().split('\n');
    expect(new Set(oids)).toEqual(new Set(history));
    // Each call resolves to a commit that holds its file, and every message is kept.
    for (const [i, oid] of oids.entries()) expect(git(dir, 'show', `${oid}:${paths[i]}`)).toBe(`{"n":${i}}\n`);
    const messages = git(dir, 'log', '--format=%B', BRANCH);
    for (let i = 0; i < 30; i++) expect(messages).toContain(`op ${i}`);
    expect(git(dir, 'log', '-1', '--format=%s', BRANCH).trim()).toBe('op 1 (and 28 more)');
    expect(lsFiles(dir)).toEqual(paths);
    fsck(dir);
  });

  it('throws StateMovedError and leaves the ref alone when it moved behind its back', async () => {
    const dir = makeGitCliRepo();
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    await writer.commit({ files: { 'state/sites/a.json': 'a\n' }, message: 'first' });
    const elsewhere = revParse(dir, 'main~2');
    git(dir, 'update-ref', `refs/heads/${BRANCH}`, elsewhere);
    const error = await rejection(writer.commit({ files: { 'state/sites/b.json': 'b\n' }, message: 'second' }));
    expect(error).toBeInstanceOf(StateMovedError);
    expect(error.code).toBe('STATE_MOVED');
    expect(error.message).toContain(`'${BRANCH}'`);
    expect(error.message).toContain(writer.head!.slice(0, 12));
    expect(error.message).toContain(elsewhere.slice(0, 12));
    expect(error.hint).toBeTruthy();
    expect(revParse(dir, BRANCH)).toBe(elsewhere);
    expect(existsSync(join(dir, '.git', 'refs', 'heads', `${BRANCH}.lock`))).toBe(false);
    // Queued commits fail the same way; none sneaks in.
    expect((await rejection(writer.commit({ files: { 'state/sites/c.json': 'c\n' }, message: 'third' }))).code).toBe('STATE_MOVED');
    expect(revParse(dir, BRANCH)).toBe(elsewhere);
  });

  it('throws StateMovedError when the branch appeared after it opened', async () => {
    const dir = makeGitCliRepo();
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    git(dir, 'branch', BRANCH, 'main');
    const error = await rejection(writer.commit({ files: { 'a.json': 'a\n' }, message: 'first' }));
    expect(error.code).toBe('STATE_MOVED');
    expect(error.message).toContain('not to exist');
    expect(revParse(dir, BRANCH)).toBe(revParse(dir, 'main'));
  });

  it('starts from refs/remotes/origin/<branch> when there is no local branch', async () => {
    const dir = freshRepo();
    const seed = await StateWriter.open({ repoDir: dir, branch: 'seed' });
    const fetched = await seed.commit({ files: { 'state/sites/a.json': 'a\n' }, message: 'applied elsewhere' });
    git(dir, 'update-ref', `refs/remotes/origin/${BRANCH}`, fetched);
    git(dir, 'update-ref', '-d', 'refs/heads/seed');
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    expect(writer.head).toBe(fetched);
    expect(await writer.readFile('state/sites/a.json')).toBe('a\n');
    const oid = await writer.commit({ files: { 'state/sites/b.json': 'b\n' }, message: 'here' });
    expect(revParse(dir, `${BRANCH}^`)).toBe(fetched);
    expect(revParse(dir, `origin/${BRANCH}`)).toBe(fetched);
    expect(revParse(dir, BRANCH)).toBe(oid);
    expect(lsFiles(dir)).toEqual(['state/sites/a.json', 'state/sites/b.json']);
  });

  it('works in a bare repository', async () => {
    const dir = tempDir('tide-bare-');
    git(dir, 'clone', '-q', '--bare', makeGitCliRepo(), 'fleet.git');
    const bare = join(dir, 'fleet.git');
    const writer = await StateWriter.open({ repoDir: bare, branch: BRANCH });
    expect(writer.gitDir).toBe(bare);
    await writer.commit({ files: { 'state/sites/a.json': 'a\n' }, message: 'in bare' });
    await writer.commit({ files: { 'state/sites/b.json': 'b\n' }, message: 'in bare again' });
    expect(lsFiles(bare)).toEqual(['state/sites/a.json', 'state/sites/b.json']);
    expect(count(bare)).toBe(2);
    fsck(bare);
  });

  it('never touches the work tree, the index or HEAD, from the main or a linked worktree', async () => {
    const dir = makeGitCliRepo();
    const status = (): string => git(dir, 'status', '--porcelain', '--untracked-files=all');
    const head = revParse(dir, 'HEAD');
    const index = git(dir, 'ls-files', '-s');
    expect(status()).toBe('');
    const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
    await writer.commit({ files: { 'state/sites/a.json': 'a\n', 'sites/site-1.json': 'overwritten on the state branch\n' }, message: 'one' });
    expect(status()).toBe('');
    expect(git(dir, 'ls-files', '-s')).toBe(index);
    expect(git(dir, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main');
    expect(revParse(dir, 'HEAD')).toBe(head);

    const linked = join(tempDir('tide-wt-'), 'wt');
    git(dir, 'worktree', 'add', '-q', linked, 'main~1');
    const fromLinked = await StateWriter.open({ repoDir: linked, branch: BRANCH });
    expect(fromLinked.gitDir).toBe(join(dir, '.git'));
    await fromLinked.commit({ files: { 'state/sites/b.json': 'b\n' }, message: 'two' });
    expect(lsFiles(dir)).toContain('state/sites/b.json');
    expect(git(linked, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(status()).toBe('');
    fsck(dir);
  });

  describe("a `<ref>.lock` of the branch (git's lock, or one a killed run left)", () => {
    /** A repository whose branch has one commit, and its ref lock as a run killed inside moveRef leaves it, written `agoMs` ago. */
    async function withRefLock(agoMs: number): Promise<{ dir: string; lock: string; tip: string }> {
      const dir = freshRepo();
      const tip = await (await StateWriter.open({ repoDir: dir, branch: BRANCH })).commit({ files: { 'a.json': '1\n' }, message: 'First' });
      const lock = join(dir, `.git/refs/heads/${BRANCH}.lock`);
      writeFileSync(lock, `${'0'.repeat(40)}\n`);
      const at = new Date(Date.now() - agoMs);
      utimesSync(lock, at, at);
      return { dir, lock, tip };
    }

    it('without the state lock held, stops the commit with STATE_REF_LOCKED and leaves the lock and the branch alone', async () => {
      const { dir, lock, tip } = await withRefLock(60_000);
      const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
      expect((await rejection(writer.commit({ files: { 'a.json': '2\n' }, message: 'Second' }))).code).toBe('STATE_REF_LOCKED');
      expect(existsSync(lock)).toBe(true);
      expect(revParse(dir, BRANCH)).toBe(tip);
    });

    it('under the state lock, removes one left from before the lock was taken, commits, and says so in the commit', async () => {
      const { dir, lock, tip } = await withRefLock(60_000);
      const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH, lockedSince: Date.now() - 1000 });
      const oid = await writer.commit({ files: { 'a.json': '2\n' }, message: 'Second' });
      expect(existsSync(lock)).toBe(false);
      expect(revParse(dir, BRANCH)).toBe(oid);
      expect(git(dir, 'rev-parse', `${oid}^`).trim()).toBe(tip);
      expect(git(dir, 'log', '-1', '--format=%B', BRANCH)).toMatch(new RegExp(`^Second\n\nRemoved refs/heads/${BRANCH}\\.lock, left at .* by a run that died before it moved the branch\\.`));
      fsck(dir);
    });

    it('under the state lock, leaves one taken since (a git command at work) to stop the commit', async () => {
      const { dir, lock, tip } = await withRefLock(0);
      const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH, lockedSince: Date.now() - 5000 });
      expect((await rejection(writer.commit({ files: { 'a.json': '2\n' }, message: 'Second' }))).code).toBe('STATE_REF_LOCKED');
      expect(existsSync(lock)).toBe(true);
      expect(revParse(dir, BRANCH)).toBe(tip);
    });
  });
});
