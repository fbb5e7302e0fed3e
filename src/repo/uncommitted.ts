// What in a work tree differs from its HEAD commit, as git sees it: tracked
// files changed (staged or not, deleted, renamed) and files git does not track
// (untracked or ignored). The git CLI answers this best: it honours the index,
// .gitignore, info/exclude and core.excludesFile exactly as the user's git.

import { TideError } from '../errors.js';
import { gitOutput } from './git-run.js';

export interface UncommittedPath {
  /** Relative to the repository root, forward slashes. */
  path: string;
  /** git's two-letter status: ` M`, `A `, ` D`, `R `, `??` (untracked), `!!` (ignored). */
  status: string;
}

/**
 * The paths for which `counts(path)` is true (those tide would read: git
 * cannot know which) that differ from HEAD: tracked and changed, untracked,
 * or ignored.
 */
export async function uncommittedPaths(repoDir: string, counts: (path: string) => boolean): Promise<UncommittedPath[]> {
  // A plain spawn, not execa: every apply asks this, and loading execa costs more than git status.
  const result = await gitOutput(repoDir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=traditional', '--no-renames'], {
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.code !== 0) {
    throw new TideError('GIT_STATUS_FAILED', `git status failed in ${repoDir}: ${(result.error?.message ?? result.stderr).trim()}`, {
      hint: 'tide needs git to tell whether the work tree is committed; check that git runs here.',
    });
  }
  const out: UncommittedPath[] = [];
  for (const entry of result.stdout.split('\0')) {
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    const path = entry.slice(3);
    if (counts(path)) out.push({ path, status });
  }
  return out;
}
