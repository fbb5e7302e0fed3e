// Where a repository keeps its git data: `.git` in a work tree, the directory
// itself when bare, and for a linked worktree a private dir (HEAD) plus the
// main repository's common dir (objects, refs).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TideError } from '../errors.js';

export interface GitDirs {
  /** HEAD and, for a linked worktree, its own per-worktree refs. */
  gitDir: string;
  /** Objects, refs and packed-refs. The same as gitDir except in a linked worktree. */
  commonDir: string;
}

/** The git directories of the repository at `dir`; undefined when `dir` is not one. */
export function findGitDirs(dir: string): GitDirs | undefined {
  const gitDir = locateGitDir(dir);
  if (!gitDir) return undefined;
  const commonDirFile = join(gitDir, 'commondir');
  const commonDir = existsSync(commonDirFile) ? resolve(gitDir, readFileSync(commonDirFile, 'utf8').trim()) : gitDir;
  return { gitDir, commonDir };
}

/** Like findGitDirs, but a directory that is not a repository is an error. */
export function requireGitDirs(dir: string): GitDirs {
  const dirs = findGitDirs(dir);
  if (!dirs) {
    throw new TideError('NOT_A_REPOSITORY', `${dir} is not a git repository.`, {
      hint: 'Give the fleet repository with --repo DIR, or create one with tide init DIR.',
    });
  }
  return dirs;
}

/**
 * The top of the work tree that contains `dir`, as `git rev-parse
 * --show-toplevel` finds it: `dir` or the nearest parent with a `.git`
 * (or `dir` itself when it is a bare repository); undefined outside git.
 */
export function findRepoRoot(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git')) || (at === resolve(dir) && locateGitDir(at) === at)) return at;
    if (dirname(at) === at) return undefined;
  }
}

function locateGitDir(dir: string): string | undefined {
  const dotGit = join(dir, '.git');
  if (existsSync(dotGit)) {
    if (statSync(dotGit).isDirectory()) return dotGit;
    // Linked worktrees and submodules have a file that points at the real git dir.
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
    if (!pointer) throw new TideError('GIT_REPO_INVALID', `${dotGit} is a file but does not say 'gitdir: PATH'.`);
    return resolve(dir, pointer);
  }
  const isBare = existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects')) && existsSync(join(dir, 'refs'));
  return isBare ? dir : undefined;
}
