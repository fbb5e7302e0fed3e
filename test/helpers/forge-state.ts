// Writes the state branch the way anyone with push access could: files put
// (or, with null, removed) in one commit on top of its tip, with git's own
// plumbing and a throwaway index, so the work tree never changes.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function forgeState(repoDir: string, files: Record<string, string | null>, { branch = 'tide-state', message = 'forged' } = {}): string {
  const scratch = mkdtempSync(join(tmpdir(), 'tide-forge-'));
  const env = {
    ...process.env, GIT_INDEX_FILE: join(scratch, 'index'),
    GIT_AUTHOR_NAME: 'mallory', GIT_AUTHOR_EMAIL: 'm@example.test', GIT_COMMITTER_NAME: 'mallory', GIT_COMMITTER_EMAIL: 'm@example.test',
  };
  const git = (args: string[], input?: string): string =>
    execFileSync('git', args, { cwd: repoDir, env, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  try {
    const ref = `refs/heads/${branch}`;
    let parent: string | null = null;
    try {
      parent = git(['rev-parse', '--verify', '-q', ref]);
    } catch {
      parent = null;
    }
    if (parent) git(['read-tree', parent]);
    for (const [path, text] of Object.entries(files)) {
      if (text === null) {
        git(['update-index', '--force-remove', '--', path]);
      } else {
        const blob = git(['hash-object', '-w', '--stdin'], text);
        git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`]);
      }
    }
    const tree = git(['write-tree']);
    const commit = git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message]);
    git(['update-ref', ref, commit]);
    return commit;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
