// Loads what plan-like commands need: the desired state from the fleet repo
// (work tree or --ref) and the recorded state from its state branch.

import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { loadFleet } from '../model/loader.js';
import { FileDocumentCache } from './document-cache.js';
import { fleetRoot } from './root.js';

export { fleetRoot };
import type { DesiredState } from '../model/kinds.js';
import type { FleetSource } from '../repo/files.js';
import { readFleetSource } from '../repo/fleet-source.js';
import { sourceTreeIds } from '../repo/source-digest.js';
import { readRecordedState } from '../state/reader.js';
import type { RecordedState } from '../state/types.js';

export interface FleetContext {
  repoDir: string;
  desired: DesiredState;
  recorded: RecordedState;
}

export async function loadDesired(repo: string | undefined, ref: string | undefined, cwd: string): Promise<{ repoDir: string; desired: DesiredState }> {
  const repoDir = fleetRoot(cwd, repo);
  return { repoDir, desired: await loadDesiredFrom(repoDir, await readFleetSource(repoDir, ref), ref) };
}

/** The desired state of the fleet at `repoDir` from its files, already read (`ref` as they were read). */
export async function loadDesiredFrom(repoDir: string, source: FleetSource, ref: string | undefined): Promise<DesiredState> {
  const cache = FileDocumentCache.open(repoDir);
  let desired: DesiredState;
  try {
    desired = loadFleet(source, { defaultName: basename(repoDir), cache });
  } finally {
    // An invalid fleet still caches its valid files: fixing one file then re-reads only that one.
    cache.save();
  }
  await pinPlatformCode(repoDir, desired, ref === undefined);
  return desired;
}

/**
 * Gives each platform kept in the repository the tree id of its code, and
 * folds those ids into the desired digest: a change to platform files alone
 * is then a change the plan shows, and a saved plan is stale once the code
 * it was made against changed.
 */
async function pinPlatformCode(repoDir: string, desired: DesiredState, fromWorktree: boolean): Promise<void> {
  const paths = [...desired.platforms.values()].flatMap((p) => ('path' in p.source ? [p.source.path] : []));
  if (paths.length === 0) return;
  const trees = await sourceTreeIds(repoDir, [...new Set(paths)], desired.commit, fromWorktree);
  const digest = createHash('sha256').update(desired.digest);
  desired.sourceTrees = new Map();
  for (const platform of [...desired.platforms.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const tree = 'path' in platform.source ? trees.get(platform.source.path) : undefined;
    if (tree) desired.sourceTrees.set(platform.name, tree);
    digest.update(`\0${platform.name}\0${tree ?? ''}`);
  }
  desired.digest = digest.digest('hex');
}

export async function loadFleetContext(repo: string | undefined, ref: string | undefined, cwd: string): Promise<FleetContext> {
  const { repoDir, desired } = await loadDesired(repo, ref, cwd);
  const recorded = await readRecordedState(repoDir, desired.fleet.state.branch);
  return { repoDir, desired, recorded };
}

/** loadFleetContext for files already read. */
export async function loadFleetContextFrom(repoDir: string, source: FleetSource, ref: string | undefined): Promise<FleetContext> {
  const desired = await loadDesiredFrom(repoDir, source, ref);
  const recorded = await readRecordedState(repoDir, desired.fleet.state.branch);
  return { repoDir, desired, recorded };
}
