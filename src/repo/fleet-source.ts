// Where the loader's files come from: the work tree, or a commit (`--ref`).

import { isAlwaysSkipped, isFleetFileName, type FleetSource } from './files.js';
import { headCommit, readFilesAt, resolveCommit } from './git.js';
import { readWorktreeFiles } from './worktree.js';

export async function readFleetSource(dir: string, ref?: string): Promise<FleetSource> {
  if (ref === undefined) {
    const files = await readWorktreeFiles(dir);
    const commit = headCommit(dir);
    return { files, commit, origin: dir };
  }
  const commit = await resolveCommit(dir, ref);
  const files = await readFilesAt(dir, commit, '', {
    enter: (_path, name) => !isAlwaysSkipped(name),
    take: (_path, name) => !isAlwaysSkipped(name) && isFleetFileName(name),
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, commit, origin: `${dir}@${ref}` };
}
