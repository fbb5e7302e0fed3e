// The `relay` command, run by a workflow on `workflow_run` after the plan
// workflow finished for a fork's pull request. The plan run had a read-only
// token, so it left the comment as an artifact; this run has a write token
// and posts it. Steps, in this order:
//   1. Take the triggering run from the event (GitHub writes it; the fork
//      cannot): it must be a pull_request run.
//   2. Read the artifact as hostile input: a fork's pull request can change
//      the workflow that produced it. Bounded sizes, checked shapes.
//   3. Ask the API for the pull request the artifact names, and accept the
//      number only if that pull request's head is the triggering run's head
//      repository and commit: an artifact cannot steer the comment onto
//      another pull request.
//   4. With `fleet-repo` (a checkout of the base repository's default
//      branch), plan the pull request again here, from its merge commit
//      fetched as git objects: the comment and the status are then the
//      relay's own, and a doctored artifact cannot fake a passing tide/plan.
//      Without it, post the artifact's comment, which must carry tide's
//      marker for the run's head commit, and its status.
//   5. Upsert the sticky comment and set the tide/plan status on the head.
// Nothing of the pull request is checked out or run here.

import type { ActionIO } from './action-io.js';
import { readCommentArtifact } from './artifact.js';
import { createGitHubClient } from './client.js';
import { isSha, type RunContext } from './context.js';
import { GitHubInputError } from './errors.js';
import { parseMarker } from './marker.js';
import { commentBody, STATUS_CONTEXT, statusFor } from './plan-comment.js';
import { planCommit } from './plan-run.js';
import { fetchPullRequestMerge } from './pull-ref.js';
import { fleetRoot } from '../fleet/context.js';
import { setCommitStatus } from './status.js';
import { DEFAULT_COMMENT_AUTHOR, upsertStickyComment, type StickyOutcome } from './sticky-comment.js';
import { join, resolve } from 'node:path';

interface TriggeringRun {
  id: number;
  headSha: string;
  headRepo: string;
  url: string | undefined;
}

export async function runRelay(context: RunContext, io: ActionIO): Promise<{ outcome: StickyOutcome; pullRequest: number; failed: boolean }> {
  const run = triggeringRun(context);
  const dir = resolve(context.workspace, io.input('artifact-dir') || join(context.runnerTemp, 'tide-plan-comment'));
  const artifact = await readCommentArtifact(dir);

  const gh = createGitHubClient({ token: io.input('token'), baseUrl: context.apiUrl, warn: io.warning });
  const { data: pr } = await gh.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...context.repository, pull_number: artifact.pullRequest });
  if (pr.head.sha !== run.headSha || pr.head.repo?.full_name !== run.headRepo) {
    throw new GitHubInputError(
      `The artifact names pull request #${artifact.pullRequest}, whose head (${pr.head.repo?.full_name ?? 'a deleted repository'}@${pr.head.sha.slice(0, 7)}) is not the head of run ${run.id} (${run.headRepo}@${run.headSha.slice(0, 7)}); nothing was posted.`,
      'A newer push may have replaced the head (its own run will relay its plan), or the artifact was forged.',
    );
  }
  const marker = parseMarker(artifact.body);
  if (!marker || marker.commits.head !== run.headSha) {
    throw new GitHubInputError(`The artifact's comment does not carry tide's marker for commit ${run.headSha.slice(0, 7)}; nothing was posted.`);
  }
  const { body, status } = io.input('fleet-repo') === '' ? artifact : await planHere(context, io, artifact.pullRequest, run, marker.hash);

  const issue = { ...context.repository, number: artifact.pullRequest };
  const comment = await upsertStickyComment(gh, issue, body, io.input('comment-author') || DEFAULT_COMMENT_AUTHOR);
  io.setOutput('comment-url', comment.url);
  io.setOutput('pull-request', artifact.pullRequest);
  io.info(`Pull request #${artifact.pullRequest} comment ${comment.outcome}: ${comment.url}`);
  await setCommitStatus(gh, {
    ...context.repository,
    sha: run.headSha,
    context: STATUS_CONTEXT,
    ...status,
    ...(run.url ? { targetUrl: run.url } : {}),
  });
  return { outcome: comment.outcome, pullRequest: artifact.pullRequest, failed: status.state !== 'success' };
}

/** The pull request planned by the relay itself, from its merge commit read as git objects. */
async function planHere(context: RunContext, io: ActionIO, number: number, run: TriggeringRun, artifactHash: string | null) {
  const repoDir = fleetRoot(context.workspace, io.input('fleet-repo'));
  const commits = await fetchPullRequestMerge(repoDir, number, run.headSha);
  const outcome = await planCommit(repoDir, commits.merge, true);
  const hash = outcome.kind === 'planned' ? outcome.plan.hash : null;
  io.info(
    hash === artifactHash
      ? `Planned pull request #${number} again here: same plan as the fork's run (${hash?.slice(0, 12) ?? 'invalid fleet'}).`
      : `Planned pull request #${number} again here: the plan differs from the fork's run (base or state moved, or the artifact was altered); posting this one.`,
  );
  return { body: commentBody(outcome, { planned: commits.merge, head: commits.head, base: commits.base }), status: statusFor(outcome) };
}

function triggeringRun(context: RunContext): TriggeringRun {
  if (context.eventName !== 'workflow_run') {
    throw new GitHubInputError(`tide relay runs on workflow_run events, not ${context.eventName}.`, 'See examples/github/workflows/tide-plan-relay.yml.');
  }
  const run = context.payload.workflow_run as Record<string, any> | undefined;
  if (!run || run.event !== 'pull_request') {
    throw new GitHubInputError(`The triggering run was not a pull_request run (${String(run?.event)}); nothing to relay.`);
  }
  if (!Number.isSafeInteger(run.id) || !isSha(run.head_sha) || typeof run.head_repository?.full_name !== 'string') {
    throw new GitHubInputError('The workflow_run payload lacks id, head_sha or head_repository.');
  }
  return { id: run.id, headSha: run.head_sha, headRepo: run.head_repository.full_name, url: typeof run.html_url === 'string' ? run.html_url : undefined };
}
