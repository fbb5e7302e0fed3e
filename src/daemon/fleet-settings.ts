// The fleet's settings (tide.yaml alone) at a commit: the daemon needs the
// state branch's name before a turn, to catch up with the remote state
// branch before anything writes to it, and reading one file is cheap where
// loading a 10,000-site fleet is not.

import type { Fleet } from '../model/kinds.js';
import { FLEET_FILE } from '../model/fleet-files.js';
import { loadFleet } from '../model/loader.js';
import { readFilesAt } from '../repo/git.js';

export async function fleetSettingsAt(repoDir: string, commit: string): Promise<Fleet> {
  const files = await readFilesAt(repoDir, commit, '', { enter: () => false, take: (path) => path === FLEET_FILE });
  return loadFleet({ files, commit, origin: `${repoDir}@${commit}` }).fleet;
}
