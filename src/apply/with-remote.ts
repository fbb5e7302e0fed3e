// An apply that shares its state branch through `origin` (`--push`, and every
// CI apply): catch up with the remote branch first (fast-forward only), apply,
// then push what was recorded. A push that fails is returned, not thrown, so
// the caller still reports what ran before saying the push failed.

import { loadDesired } from '../fleet/context.js';
import { apply, type ApplyOptions, type ApplyResult } from './apply.js';
import type { PushOptions } from './push.js';

export interface RemoteApplyOptions extends ApplyOptions {
  /** Catch up before and push after; `rebase` is on for a shard (a --server filter). */
  push?: Omit<PushOptions, 'rebase'>;
}

export interface RemoteApplyResult extends ApplyResult {
  /** The state branch commit now on origin, when the push succeeded. */
  pushed?: string;
  pushError?: unknown;
}

export async function applyWithRemote(options: RemoteApplyOptions): Promise<RemoteApplyResult> {
  // Loaded only to push: it brings execa (~0.25 s of start-up) that an apply without --push never needs.
  const push = options.push ? await import('./push.js') : undefined;
  if (push) {
    const { repoDir, desired } = await loadDesired(options.repo, options.ref, options.cwd);
    await push.catchUpWithRemote(repoDir, desired.fleet.state.branch);
  }
  const result: RemoteApplyResult = await apply(options);
  if (!push || !options.push || !result.confirmed || result.results.length === 0) return result;
  // Shards push the same branch: losing the race is expected, so replay and retry.
  const rebase = options.filter.servers.length > 0;
  try {
    result.pushed = await push.pushState(result.repoDir, result.branch, { ...options.push, rebase });
  } catch (error) {
    result.pushError = error;
  }
  return result;
}
