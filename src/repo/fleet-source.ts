// Where the loader's files come from: the work tree, or a commit (`--ref`).

import { isAlwaysSkipped, isFleetFileName, type FleetSource } from './files.js';
import { headCommit } from './refs.js';
import { listWorktree, type WorktreeListing } from './worktree.js';

/** The fleet's files at `ref`, or in the work tree (then from `listing` when given: one already taken). */
export async function readFleetSource(dir: string, ref?: string, listing?: Promise<WorktreeListing>): Promise<FleetSource> {
  if (ref === undefined) {
    const listed = await (listing ?? listWorktree(dir));
    const files = listed.files();
    const commit = headCommit(dir);
    return { files, commit, origin: dir, stamp: () => listed.stamp(files) };
  }
  // git's object reader, loaded only for a commit: a work tree's plan, cached, needs none.
  const { readFilesAt, resolveCommit } = await import('./git.js');
  const commit = await resolveCommit(dir, ref);
  const files = await readFilesAt(dir, commit, '', {
    enter: (_path, name) => !isAlwaysSkipped(name),
    take: (_path, name) => !isAlwaysSkipped(name) && isFleetFileName(name),
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, commit, origin: `${dir}@${ref}` };
}
