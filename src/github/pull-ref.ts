// A pull request's commits fetched as git objects only (never checked out):
// what the relay needs to plan a fork's pull request itself.

import { gitFailure, runGit } from '../repo/git-cli.js';
import { GitHubInputError } from './errors.js';

const git = runGit;

/**
 * Fetches GitHub's test merge of pull request `number` (refs/pull/N/merge)
 * and returns it with its parents; refuses unless its second parent is
 * `headSha`, the head the triggering run planned.
 */
export async function fetchPullRequestMerge(repoDir: string, number: number, headSha: string): Promise<{ merge: string; base: string; head: string }> {
  const local = `refs/remotes/origin/pull/${number}/merge`;
  const fetched = await git(repoDir, ['fetch', '--quiet', '--no-tags', 'origin', `+refs/pull/${number}/merge:${local}`]);
  if (fetched.exitCode !== 0) {
    throw new GitHubInputError(`Cannot fetch refs/pull/${number}/merge: ${gitFailure(fetched)}`, 'GitHub keeps no merge commit for a pull request with conflicts: resolve them and push again.');
  }
  const parents = await git(repoDir, ['rev-list', '--parents', '-n', '1', local]);
  const [merge, base, head] = parents.stdout.trim().split(' ');
  if (parents.exitCode !== 0 || !merge || !base || !head) throw new GitHubInputError(`refs/pull/${number}/merge is not a merge commit.`);
  if (head !== headSha) {
    throw new GitHubInputError(
      `Pull request #${number} has moved on (its head is now ${head.slice(0, 7)}, the run planned ${headSha.slice(0, 7)}); nothing was posted.`,
      'The run for the new head relays its own plan.',
    );
  }
  return { merge, base, head };
}
