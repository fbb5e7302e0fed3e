// Where the fleet repository is, given --repo and the current directory.

import { resolve } from 'node:path';
import { findRepoRoot } from '../repo/git-dir.js';

/** The fleet repository's root: the git work tree containing DIR (the current directory by default), as git finds it; DIR itself outside git. */
export function fleetRoot(cwd: string, repo: string | undefined): string {
  const dir = resolve(cwd, repo ?? '.');
  return findRepoRoot(dir) ?? dir;
}
