// Loads what plan-like commands need: the desired state from the fleet repo
// (work tree or --ref) and the recorded state from its state branch.

import { basename, resolve } from 'node:path';
import { loadFleet } from '../model/loader.js';
import type { DesiredState } from '../model/kinds.js';
import { readFleetSource } from '../repo/fleet-source.js';
import { readRecordedState } from '../state/reader.js';
import type { RecordedState } from '../state/types.js';

export interface FleetContext {
  repoDir: string;
  desired: DesiredState;
  recorded: RecordedState;
}

export async function loadDesired(repo: string | undefined, ref: string | undefined, cwd: string): Promise<{ repoDir: string; desired: DesiredState }> {
  const repoDir = resolve(cwd, repo ?? '.');
  const source = await readFleetSource(repoDir, ref);
  return { repoDir, desired: loadFleet(source, { defaultName: basename(repoDir) }) };
}

export async function loadFleetContext(repo: string | undefined, ref: string | undefined, cwd: string): Promise<FleetContext> {
  const { repoDir, desired } = await loadDesired(repo, ref, cwd);
  const recorded = await readRecordedState(repoDir, desired.fleet.state.branch);
  return { repoDir, desired, recorded };
}
