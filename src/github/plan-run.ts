// The `plan` command of the action. Steps, in this order:
//   1. Read the fleet from the commit the run checked out (a pull request's
//      merge commit), as git objects: nothing of the pull request runs, and no
//      server credential is needed, so any pull request (a fork's too) may be
//      planned. A fleet that does not load is reported, not thrown.
//   2. Fetch the state branch and plan against it.
//   3. Write what every run gets: the JSON plan, the step outputs, the full
//      plan in the job summary. These come before anything that talks to
//      GitHub, so a refused API call still leaves the plan readable.
//   4. On a pull request: with a write token, upsert the sticky comment and set
//      the `tide/plan` status; from a fork (read-only token), write the
//      comment and the pull request number to a directory the workflow
//      uploads as an artifact, for the relay workflow to post.
//   5. Fail the step when something is blocked or the fleet is invalid.

import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { catchUpWithRemote } from '../apply/push.js';
import { TideError } from '../errors.js';
import { fleetRoot, loadDesired } from '../fleet/context.js';
import { plan as makePlan, hasChanges } from '../plan/planner.js';
import { renderJson } from '../plan/render/json.js';
import { ACTION_ORDER, countPlan } from '../plan/render/labels.js';
import { readFleetSource } from '../repo/fleet-source.js';
import { readRecordedState } from '../state/reader.js';
import { booleanInput, type ActionIO } from './action-io.js';
import { createGitHubClient } from './client.js';
import { isFromFork, pullRequestOf, runUrl, type PullRequestInfo, type RunContext } from './context.js';
import { writeCommentArtifact } from './artifact.js';
import { commentBody, STATUS_CONTEXT, statusFor, summaryMarkdown, type Commits, type PlanOutcome } from './plan-comment.js';
import { DEFAULT_COMMENT_AUTHOR, upsertStickyComment } from './sticky-comment.js';
import { setCommitStatus } from './status.js';
import { load as loadYaml, JSON_SCHEMA } from 'js-yaml';

export interface PlanRunResult {
  outcome: PlanOutcome;
  /** What happened to the pull request comment, if any. */
  comment?: 'created' | 'updated' | 'unchanged' | 'artifact';
  failed: boolean;
}

export async function runPlan(context: RunContext, io: ActionIO): Promise<PlanRunResult> {
  const repoDir = fleetRoot(context.workspace, io.input('repo') || undefined);
  const ref = io.input('ref') || context.sha;
  const outcome = await planCommit(repoDir, ref, booleanInput(io, 'fetch-state', true));
  const planFile = resolve(context.workspace, io.input('plan-file') || join(context.runnerTemp, 'tide', 'plan.json'));

  await mkdir(dirname(planFile), { recursive: true });
  if (outcome.kind === 'planned') await writeFile(planFile, renderJson(outcome.plan));
  setPlanOutputs(io, outcome, outcome.kind === 'planned' ? planFile : '');
  await io.appendSummary(summaryMarkdown(outcome));

  const result: PlanRunResult = { outcome, failed: statusFor(outcome).state !== 'success' };
  const pr = pullRequestOf(context);
  if (pr) result.comment = await reportOnPullRequest(context, io, pr, outcome);
  else io.info(`Event ${context.eventName}: no pull request to comment on; the plan is in the job summary.`);
  return result;
}

/** Plans `ref` of the fleet repository, or says why it cannot be planned. */
export async function planCommit(repoDir: string, ref: string, fetchState: boolean): Promise<PlanOutcome> {
  let desired;
  try {
    ({ desired } = await loadDesired(repoDir, ref, repoDir));
  } catch (error) {
    if (!(error instanceof TideError)) throw error;
    return { kind: 'invalid', fleet: await fleetNameOf(repoDir, ref), error };
  }
  if (fetchState) await catchUpWithRemote(repoDir, desired.fleet.state.branch);
  const recorded = await readRecordedState(repoDir, desired.fleet.state.branch);
  return { kind: 'planned', plan: makePlan(desired, recorded) };
}

/**
 * The fleet's name when its files do not load, so the comment that reports
 * the errors is the same comment the valid plans used: tide.yaml's `name`
 * when that much can be read, else the default the loader gives.
 */
async function fleetNameOf(repoDir: string, ref: string): Promise<string> {
  try {
    const source = await readFleetSource(repoDir, ref);
    const text = source.files.find((f) => f.path === 'tide.yaml')?.text;
    const doc = text === undefined || text.length > 65_536 ? undefined : (loadYaml(text, { schema: JSON_SCHEMA }) as { name?: unknown } | undefined);
    if (typeof doc?.name === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(doc.name)) return doc.name;
  } catch {
    // fall through to the default name
  }
  return basename(repoDir);
}

function setPlanOutputs(io: ActionIO, outcome: PlanOutcome, planFile: string): void {
  const planned = outcome.kind === 'planned' ? outcome.plan : undefined;
  const counts = planned ? countPlan(planned) : undefined;
  io.setOutput('has-changes', planned ? hasChanges(planned) : false);
  for (const action of ACTION_ORDER) io.setOutput(action, counts?.byAction.find(([a]) => a === action)?.[1] ?? 0);
  io.setOutput('blocked', counts?.blocked ?? 0);
  io.setOutput('orphans', counts?.orphans ?? 0);
  io.setOutput('invalid', outcome.kind === 'invalid');
  io.setOutput('plan-hash', planned?.hash ?? '');
  io.setOutput('plan-file', planFile);
}

async function reportOnPullRequest(context: RunContext, io: ActionIO, pr: PullRequestInfo, outcome: PlanOutcome): Promise<PlanRunResult['comment']> {
  const commits: Commits = { planned: outcome.kind === 'planned' ? outcome.plan.desired.commit ?? context.sha : context.sha, head: pr.headSha, base: pr.baseSha };
  const body = commentBody(outcome, commits);
  const status = statusFor(outcome);
  const mode = io.input('comment-mode') || 'auto';
  if (mode !== 'auto' && mode !== 'comment' && mode !== 'artifact') throw new TideError('GITHUB_INPUT_REFUSED', `Input 'comment-mode' must be auto, comment or artifact, not '${mode}'.`);
  if (mode === 'artifact' || (mode === 'auto' && isFromFork(pr, context))) {
    const dir = resolve(context.workspace, io.input('artifact-dir') || join(context.runnerTemp, 'tide-plan-comment'));
    await writeCommentArtifact(dir, { pullRequest: pr.number, headSha: pr.headSha, headRepo: pr.headRepo, status, body });
    io.setOutput('artifact-dir', dir);
    io.info(`Pull request #${pr.number} comes from a fork: its comment is in ${dir} for the relay workflow to post.`);
    return 'artifact';
  }
  const token = io.input('token');
  if (token === '') throw new TideError('GITHUB_INPUT_REFUSED', "Input 'token' is empty: the plan cannot be posted on the pull request.", { hint: 'Pass token: ${{ github.token }} (the default).' });
  const gh = createGitHubClient({ token, baseUrl: context.apiUrl, warn: io.warning });
  const issue = { ...context.repository, number: pr.number };
  const comment = await upsertStickyComment(gh, issue, body, io.input('comment-author') || DEFAULT_COMMENT_AUTHOR);
  io.setOutput('comment-url', comment.url);
  io.info(`Pull request comment ${comment.outcome}: ${comment.url}`);
  const url = runUrl(context);
  await setCommitStatus(gh, { ...context.repository, sha: pr.headSha, context: STATUS_CONTEXT, ...status, ...(url ? { targetUrl: url } : {}) });
  return comment.outcome;
}
