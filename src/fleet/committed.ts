// `tide apply` applies what is committed: it records the desired commit, so a
// work tree whose fleet differs from that commit would be recorded as
// something it is not. Refused unless the user says --allow-dirty; then the
// records name the uncommitted paths.
//
// Dirty means: a file tide would read differs from HEAD (changed, deleted,
// new, or ignored by git): a fleet YAML file the loader takes, or a file
// under a platform's `source.path` (deployed from the work tree). Other
// files (a README, plan.json) do not change what is applied, so they do not
// count.

import { posix } from 'node:path';
import { TideError } from '../errors.js';
import { FLEET_FILE } from '../model/fleet-files.js';
import type { DesiredState } from '../model/kinds.js';
import { isAlwaysSkipped, isFleetFileName } from '../repo/files.js';
import { requireGitDirs } from '../repo/git-dir.js';
import { ignoreMatcher } from '../repo/glob.js';
import { uncommittedPaths, type UncommittedPath } from '../repo/uncommitted.js';

/** Refuses a repository without commits, and a dirty work tree unless `allowDirty`; returns the uncommitted paths (`?? sites/x.yaml`). */
export async function requireCommitted(repoDir: string, desired: DesiredState, { allowDirty }: { allowDirty: boolean }): Promise<string[]> {
  requireGitDirs(repoDir);
  if (!desired.commit) {
    throw new TideError('REPO_NO_COMMITS', `${repoDir} has no commits yet; tide apply records the commit it applies, so nothing was applied.`, {
      hint: 'Commit the fleet first: git add -A && git commit -m "fleet".',
    });
  }
  const ignored = ignoreMatcher(desired.fleet.ignore);
  const found = (await uncommittedPaths(repoDir, (path) => wouldRead(path, desired, ignored))).map(describe);
  if (found.length && !allowDirty) {
    const shown = found.slice(0, 10).join(', ') + (found.length > 10 ? `, and ${found.length - 10} more` : '');
    throw new TideError('WORKTREE_DIRTY',
      `The work tree has changes that are not committed (${shown}); tide apply applies and records commit ${desired.commit.slice(0, 7)}, so nothing was applied.`,
      { hint: 'Commit them (or stash them) and apply again; to apply the work tree as it is, add --allow-dirty (the records will say so).' });
  }
  return found;
}

function describe({ status, path }: UncommittedPath): string {
  return `${status.trim() || status} ${path}`;
}

/** Whether tide reads this path of the work tree when it applies. */
function wouldRead(path: string, desired: DesiredState, ignored: (path: string) => boolean): boolean {
  const parts = path.split('/');
  const loaded = parts.every((p) => !isAlwaysSkipped(p)) && isFleetFileName(parts.at(-1)!)
    && (path === FLEET_FILE || !ignored(path));
  return loaded || [...desired.platforms.values()].some((platform) => {
    if (!('path' in platform.source)) return false;
    const dir = posix.normalize(platform.source.path).replace(/^\.\/?|\/+$/g, '');
    return dir === '' || dir === '.' || path.startsWith(`${dir}/`);
  });
}
