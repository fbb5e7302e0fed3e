// tide's ref resolution against repositories written by git: every name must
// resolve to the commit `git rev-parse NAME^{commit}` gives.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TideError } from '../../src/errors.js';
import { headCommit, resolveCommit, resolveFirstRef } from '../../src/repo/git.js';
import { git, makeGitCliRepo, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos, 60_000);

const revParse = (dir: string, rev: string): string => git(dir, 'rev-parse', `${rev}^{commit}`).trim();

async function errorOf(run: () => Promise<unknown>): Promise<TideError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TideError) return error;
    throw error;
  }
  throw new Error('expected a TideError, nothing was thrown');
}

/** A repository with a branch, a lightweight and an annotated tag, a remote-tracking ref and a merge. */
function repoWithRefs(): string {
  const dir = makeGitCliRepo();
  git(dir, 'checkout', '-q', '-b', 'feature', 'HEAD~2');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'on feature');
  git(dir, 'checkout', '-q', 'main');
  git(dir, 'tag', 'light', 'HEAD~1');
  git(dir, 'tag', '-a', '-m', 'release 1', 'v1', 'HEAD~3');
  git(dir, 'tag', '-a', '-m', 'tag of a tag', 'v1-again', 'v1');
  git(dir, 'update-ref', 'refs/remotes/origin/tide-state', 'HEAD~4');
  git(dir, 'merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
  return dir;
}

const NAMES = ['HEAD', 'main', 'feature', 'light', 'v1', 'v1-again', 'origin/tide-state', 'HEAD~1', 'HEAD~3', 'main^2', 'HEAD^2~1', 'v1~2', 'refs/heads/feature', 'tags/v1'];

describe('resolveCommit', () => {
  it.each([false, true])('resolves names as git rev-parse does (refs packed: %s)', async (packed) => {
    const dir = repoWithRefs();
    if (packed) git(dir, 'pack-refs', '--all');
    for (const name of NAMES) expect(await resolveCommit(dir, name), name).toBe(revParse(dir, name));
  });

  it('resolves abbreviated commit ids, packed or loose', async () => {
    const dir = repoWithRefs();
    const head = revParse(dir, 'HEAD');
    const first = revParse(dir, 'HEAD~5');
    git(dir, 'repack', '-q', '-d');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'loose');
    const loose = revParse(dir, 'HEAD');
    expect(await resolveCommit(dir, head.slice(0, 7))).toBe(head);
    expect(await resolveCommit(dir, first.slice(0, 10).toUpperCase())).toBe(first);
    expect(await resolveCommit(dir, loose.slice(0, 8))).toBe(loose);
  });

  it('refuses an abbreviation shared by two objects, listing longer ones', async () => {
    const dir = makeGitCliRepo();
    // 1,000 fixed blobs: the contents never change, and two of them share a 4-digit prefix.
    const blobDir = tempDir('tide-blobs-');
    const paths = Array.from({ length: 1000 }, (_, i) => {
      const path = join(blobDir, `b${i}`);
      writeFileSync(path, `blob number ${i}\n`);
      return path;
    });
    const oids = execFileSync('git', ['hash-object', '-w', '--stdin-paths'], { cwd: dir, input: paths.join('\n'), encoding: 'utf8' }).trim().split('\n');
    const byPrefix = new Map<string, string[]>();
    for (const oid of oids) byPrefix.set(oid.slice(0, 4), [...(byPrefix.get(oid.slice(0, 4)) ?? []), oid]);
    const [prefix, shared] = [...byPrefix].find(([, group]) => group.length > 1)!;
    const error = await errorOf(() => resolveCommit(dir, prefix));
    expect(error.code).toBe('REF_AMBIGUOUS');
    expect(error.message).toBe(`'${prefix}' is the start of ${shared.length} objects in ${dir}.`);
    expect(error.hint).toContain(shared[0]!.slice(0, 8));
  });

  it('explains names that do not resolve', async () => {
    const dir = repoWithRefs();
    expect(await errorOf(() => resolveCommit(dir, 'no-such-branch'))).toMatchObject({
      code: 'REF_NOT_FOUND',
      message: `No commit named 'no-such-branch' in ${dir}.`,
    });
    expect((await errorOf(() => resolveCommit(dir, 'HEAD~40'))).message).toMatch(/^'HEAD~40' goes past the history: commit [0-9a-f]{7} has no parent 1\.$/);
    expect((await errorOf(() => resolveCommit(dir, 'main^3'))).message).toMatch(/has no parent 3\.$/);
    // A ref name may not climb out of the git directory.
    expect((await errorOf(() => resolveCommit(dir, '../../../../etc/hostname'))).code).toBe('REF_NOT_FOUND');
    expect((await errorOf(() => resolveCommit(dir, 'config'))).code).toBe('REF_NOT_FOUND');
  });

  it('refuses a tag that names something other than a commit', async () => {
    const dir = repoWithRefs();
    git(dir, 'tag', 'blob-tag', 'HEAD:big.txt');
    expect(await errorOf(() => resolveCommit(dir, 'blob-tag'))).toMatchObject({ code: 'REF_NOT_COMMIT', message: "'blob-tag' names a blob, not a commit." });
  });

  it('says so when the directory is not a repository', async () => {
    const dir = tempDir('tide-norepo-');
    expect(await errorOf(() => resolveCommit(dir, 'HEAD'))).toMatchObject({ code: 'NOT_A_REPOSITORY', message: `${dir} is not a git repository.` });
  });
});

describe('resolveFirstRef and headCommit', () => {
  it('return the first ref that exists, loose or packed, and follow symbolic refs', async () => {
    const dir = repoWithRefs();
    const candidates = ['refs/heads/tide-state', 'refs/remotes/origin/tide-state'];
    expect(resolveFirstRef(dir, candidates)).toEqual({ ref: 'refs/remotes/origin/tide-state', commit: revParse(dir, 'origin/tide-state') });
    git(dir, 'pack-refs', '--all');
    git(dir, 'branch', 'tide-state', 'HEAD~2');
    expect(resolveFirstRef(dir, candidates)).toEqual({ ref: 'refs/heads/tide-state', commit: revParse(dir, 'HEAD~2') });
    git(dir, 'symbolic-ref', 'refs/heads/alias', 'refs/heads/feature');
    expect(resolveFirstRef(dir, ['refs/heads/alias'])?.commit).toBe(revParse(dir, 'feature'));
    expect(resolveFirstRef(dir, ['refs/heads/none'])).toBeUndefined();
    expect(headCommit(dir)).toBe(revParse(dir, 'HEAD'));
  });

  it('read a linked worktree\'s own HEAD and the shared refs', async () => {
    const dir = repoWithRefs();
    const linked = join(tempDir('tide-linked-'), 'checkout');
    git(dir, 'worktree', 'add', '-q', '--detach', linked, 'HEAD~3');
    expect(headCommit(linked)).toBe(revParse(dir, 'HEAD~3'));
    expect(headCommit(dir)).toBe(revParse(dir, 'HEAD'));
    expect(await resolveCommit(linked, 'feature')).toBe(revParse(dir, 'feature'));
  });

  it('find no commit before the first commit or outside a repository', async () => {
    const fresh = tempDir('tide-fresh-');
    git(fresh, 'init', '-q', '-b', 'main');
    expect(headCommit(fresh)).toBeNull();
    expect(headCommit(tempDir('tide-norepo-'))).toBeNull();
    expect(resolveFirstRef(tempDir('tide-norepo-'), ['refs/heads/main'])).toBeUndefined();
  });
});
