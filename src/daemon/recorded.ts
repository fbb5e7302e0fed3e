// The recorded state as the daemon sees it, read again only when the state
// branch has moved: reading 10,000 site records takes a while, and the
// scheduler's ticks and the status page ask for it far more often than the
// branch changes.

import { resolveFirstRef } from '../repo/git.js';
import { stateRefCandidates } from '../state/layout.js';
import { readRecordedState } from '../state/reader.js';
import { emptyRecordedState, type RecordedState } from '../state/types.js';

export class RecordedStateCache {
  private cached: RecordedState | undefined;

  constructor(private readonly repoDir: string) {}

  /** The state at the branch's tip (a copy of the maps is not made: treat it as read-only). */
  async read(branch: string): Promise<RecordedState> {
    const tip = resolveFirstRef(this.repoDir, stateRefCandidates(branch))?.commit ?? null;
    if (!tip) return emptyRecordedState(branch);
    if (this.cached?.commit !== tip) this.cached = await readRecordedState(this.repoDir, branch);
    return this.cached;
  }
}
