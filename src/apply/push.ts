// `--push`: the state branch on the remote is the shared record. Before an
// apply, catch up with it (fast-forward only); after, push without force, so
// a remote that moved meanwhile refuses and nothing is overwritten.
// The git CLI does the network part: it brings the user's credentials
// (SSH agent, CI tokens) that isomorphic-git would need configured again.

import { execa } from 'execa';
import { TideError } from '../errors.js';

const REMOTE = 'origin';

async function git(repoDir: string, args: string[]) {
  return execa('git', args, { cwd: repoDir, reject: false, env: { GIT_TERMINAL_PROMPT: '0' } });
}

export class StatePushError extends TideError {
  constructor(message: string, hint: string) {
    super('STATE_PUSH_FAILED', message, { hint, retryable: true });
  }
}

/** Fetches the remote state branch and fast-forwards the local one to it. */
export async function catchUpWithRemote(repoDir: string, branch: string): Promise<void> {
  const fetched = await git(repoDir, ['fetch', '--quiet', REMOTE, `+refs/heads/${branch}:refs/remotes/${REMOTE}/${branch}`]);
  if (fetched.exitCode !== 0) {
    if (/couldn't find remote ref/i.test(fetched.stderr)) return; // first push will create it
    throw new StatePushError(`Cannot fetch the state branch ${branch} from ${REMOTE}: ${fetched.stderr.trim()}`, 'Check the remote and your credentials; nothing was applied.');
  }
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

/** Pushes the state branch; a remote that moved is refused by git (no force). */
export async function pushState(repoDir: string, branch: string): Promise<void> {
  const pushed = await git(repoDir, ['push', '--quiet', '--porcelain', REMOTE, `refs/heads/${branch}:refs/heads/${branch}`]);
  if (pushed.exitCode !== 0) {
    const rejected = /rejected|non-fast-forward|fetch first/i.test(pushed.stdout + pushed.stderr);
    throw new StatePushError(
      rejected
        ? `${REMOTE}/${branch} moved while this apply ran; the state was recorded locally but not pushed.`
        : `Pushing ${branch} to ${REMOTE} failed: ${pushed.stderr.trim()}`,
      rejected
        ? `Another apply recorded state meanwhile. Run 'git fetch ${REMOTE}' and compare before pushing ${branch} by hand; never force it.`
        : 'Check the remote and your credentials, then run git push origin ' + branch + '.',
    );
  }
}
