// `--push`: the state branch on the remote is the shared record. Before an
// apply, catch up with it (fast-forward only); after, push without force, so
// a remote that moved meanwhile refuses and nothing is overwritten.
// A sharded apply (`--server`) expects the remote to move: the other shards
// push the same branch. Its push that loses the race fetches the new tip,
// replays its own state commits onto it (rebase-state.ts) and tries again, a
// bounded number of times. An unsharded apply racing another is a mistake
// (two runs applied the same fleet at once): it still refuses.
// The git CLI does the network part: it brings the user's credentials
// (SSH agent, CI tokens) that isomorphic-git would need configured again.

import { gitFailure, runGit } from '../repo/git-cli.js';
import { TideError } from '../errors.js';
import { rebaseStateBranch } from './rebase-state.js';

const REMOTE = 'origin';

const git = runGit;

export class StatePushError extends TideError {
  constructor(message: string, hint: string) {
    super('STATE_PUSH_FAILED', message, { hint, retryable: true });
  }
}

/** Fetches the remote state branch into refs/remotes/origin/<branch>; false when the remote has none yet. */
async function fetchRemote(repoDir: string, branch: string, consequence: string): Promise<boolean> {
  const fetched = await git(repoDir, ['fetch', '--quiet', REMOTE, `+refs/heads/${branch}:refs/remotes/${REMOTE}/${branch}`]);
  if (fetched.exitCode === 0) return true;
  if (/couldn't find remote ref/i.test(fetched.stderr)) return false; // first push will create it
  throw new StatePushError(`Cannot fetch the state branch ${branch} from ${REMOTE}: ${gitFailure(fetched)}`, `Check the remote and your credentials; ${consequence}`);
}

/** Fetches the remote state branch and fast-forwards the local one to it. */
export async function catchUpWithRemote(repoDir: string, branch: string): Promise<void> {
  if (!(await fetchRemote(repoDir, branch, 'nothing was applied.'))) return;
  const local = await git(repoDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]);
  if (local.exitCode !== 0) return; // the writer starts from origin's branch
  const behind = await git(repoDir, ['merge-base', '--is-ancestor', `refs/heads/${branch}`, `refs/remotes/${REMOTE}/${branch}`]);
  if (behind.exitCode === 0) {
    await git(repoDir, ['update-ref', `refs/heads/${branch}`, `refs/remotes/${REMOTE}/${branch}`, local.stdout.trim()]);
    return;
  }
  const ahead = await git(repoDir, ['merge-base', '--is-ancestor', `refs/remotes/${REMOTE}/${branch}`, `refs/heads/${branch}`]);
  if (ahead.exitCode !== 0) {
    throw new StatePushError(`The local state branch ${branch} and ${REMOTE}/${branch} have diverged; nothing was applied.`,
      `Compare them (git log ${branch}...${REMOTE}/${branch}); keep the one that matches the servers and reset the other to it.`);
  }
}

export interface PushOptions {
  /** A shard: replay our state commits onto a remote that moved, and push again. */
  rebase?: boolean;
  /** Pushes tried before giving up (rebase only). */
  attempts?: number;
  /** Told each time the push lost the race and our commits were replayed onto `tip`. */
  onRebased?(info: { branch: string; attempt: number; replayed: number; tip: string }): void | Promise<void>;
}

const ATTEMPTS = 5;

/** Pushes the state branch and returns the commit pushed; a remote that moved is refused by git (no force), or, for a shard, rebased onto. */
export async function pushState(repoDir: string, branch: string, options: PushOptions = {}): Promise<string> {
  const attempts = options.rebase ? (options.attempts ?? ATTEMPTS) : 1;
  for (let attempt = 1; ; attempt++) {
    const pushed = await git(repoDir, ['push', '--quiet', '--porcelain', REMOTE, `refs/heads/${branch}:refs/heads/${branch}`]);
    if (pushed.exitCode === 0) return (await git(repoDir, ['rev-parse', `refs/heads/${branch}`])).stdout.trim();
    const rejected = /rejected|non-fast-forward|fetch first|failed to update ref|cannot lock ref/i.test(pushed.stdout + pushed.stderr);
    if (!rejected) {
      throw new StatePushError(`Pushing ${branch} to ${REMOTE} failed: ${gitFailure(pushed)}`,
        'Check the remote and your credentials, then run git push origin ' + branch + '.');
    }
    if (!options.rebase) {
      throw new StatePushError(`${REMOTE}/${branch} moved while this apply ran; the state was recorded locally but not pushed.`,
        `Another apply recorded state meanwhile. Run 'git fetch ${REMOTE}' and compare before pushing ${branch} by hand; never force it.`);
    }
    if (attempt >= attempts) {
      throw new StatePushError(`${REMOTE}/${branch} kept moving: ${attempts} pushes lost the race to other shards; the state was recorded locally but not pushed.`,
        `The records are safe on the local ${branch}; push it again once the other shards are done; never force it.`);
    }
    await fetchRemote(repoDir, branch, 'the state was recorded locally but not pushed.');
    const { replayed, tip } = await rebaseStateBranch(repoDir, branch, `refs/remotes/${REMOTE}/${branch}`);
    await options.onRebased?.({ branch, attempt, replayed, tip });
    // Shards that lost together should not collide again at once.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 200 * attempt));
  }
}
