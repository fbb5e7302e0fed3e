// Loads what plan-like commands need: the desired state from the fleet repo
// (work tree or --ref) and the recorded state from its state branch.

import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { loadFleet, stateBranchOf } from '../model/loader.js';
import { FileDocumentCache } from './document-cache.js';
import { fleetRoot } from './root.js';

export { fleetRoot };
import type { DesiredState } from '../model/kinds.js';
import type { FleetSource } from '../repo/files.js';
import { readFleetSource } from '../repo/fleet-source.js';
import { readIndexedTogether } from '../repo/worktree.js';
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
  // What the cache does not have will be parsed: those files are read now, together rather than one by one.
  await readIndexedTogether(source.files.filter((f) => !f.oid || !cache.has(f.oid)));
  let desired: DesiredState;
  try {
    desired = loadFleet(source, { defaultName: basename(repoDir), cache });
  } catch (error) {
    // An invalid fleet still caches its valid files: fixing one file then re-reads only that one.
    cache.save();
    throw error;
  }
  // git works out the platform code's trees while the cache is written.
  const pinned = pinPlatformCode(repoDir, desired, ref === undefined);
  pinned.catch(() => undefined); // awaited below
  cache.save();
  await pinned;
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
  const repoDir = fleetRoot(cwd, repo);
  return loadFleetContextFrom(repoDir, await readFleetSource(repoDir, ref), ref);
}

/**
 * loadFleetContext for files already read. The state branch tide.yaml names
 * is read while the rest of the fleet loads (git reads it while tide parses);
 * its errors come only after the fleet's, as when it is read afterwards.
 */
export async function loadFleetContextFrom(repoDir: string, source: FleetSource, ref: string | undefined): Promise<FleetContext> {
  const early = stateBranchOf(source);
  const recordedEarly = early === undefined ? undefined : readRecordedState(repoDir, early);
  recordedEarly?.catch(() => undefined); // awaited below, once the fleet has loaded
  const desired = await loadDesiredFrom(repoDir, source, ref);
  const branch = desired.fleet.state.branch;
  const recorded = await (recordedEarly && early === branch ? recordedEarly : readRecordedState(repoDir, branch));
  return { repoDir, desired, recorded };
}
