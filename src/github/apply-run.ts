// The `apply` command of the action: apply on merge. Steps, in this order:
//   1. Refuse anything but a push to the default branch, before any API call
//      or file read: a pull request's code must never reach the servers.
//   2. Find the pull request the pushed commit merged, and the plan its tide
//      comment last showed (the marker's review keys, plan/reviewed.ts): no
//      pull request or no comment means nothing destructive was reviewed.
//   3. Plan and apply that commit (catch up with the state branch first),
//      holding back every destructive operation the reviewers never saw;
//      push the state branch (a shard replays onto other shards' pushes).
//   4. Report: job summary, outputs, and the outcome as a section of the
//      pull request's comment (one per shard, re-read and written again if a
//      concurrent shard's edit replaced it).
//   5. Fail the step when anything did not succeed or was held back.

import { applyWithRemote } from '../apply/with-remote.js';
import { endLine, startLine } from '../apply/progress.js';
import { TideError } from '../errors.js';
import { fleetRoot, loadDesired } from '../fleet/context.js';
import type { ReviewedPlan } from '../plan/reviewed.js';
import { renderText } from '../plan/render/text.js';
import { booleanInput, type ActionIO } from './action-io.js';
import { applyOutcome, renderApplyReport, withSection, type ApplyOutcome } from './apply-report.js';
import { createGitHubClient, type GitHub } from './client.js';
import { fullName, runUrl, type RunContext } from './context.js';
import { GitHubInputError } from './errors.js';
import { formatMarker } from './marker.js';
import { mergedPullRequest, type MergedPull } from './merged-pull.js';
import { DEFAULT_COMMENT_AUTHOR, findStickyComment, upsertStickyComment, type IssueRef, type StickyComment } from './sticky-comment.js';

export interface ApplyRunResult {
  outcome: ApplyOutcome;
  held: number;
  failed: boolean;
  reason: string;
}

/** Tries to get this shard's section into the comment when other shards edit it at the same time. */
const COMMENT_ATTEMPTS = 4;

export async function runApply(context: RunContext, io: ActionIO, env: NodeJS.ProcessEnv = process.env): Promise<ApplyRunResult> {
  const defaultBranch = requirePushToDefaultBranch(context);
  const repoDir = fleetRoot(context.workspace, io.input('repo') || undefined);
  const server = io.input('server') || undefined;
  const author = io.input('comment-author') || DEFAULT_COMMENT_AUTHOR;
  const token = io.input('token');
  if (token === '') throw new GitHubInputError("Input 'token' is empty: apply needs it to read the merged pull request's plan.", 'Pass token: ${{ github.token }} (the default).');
  const gh = createGitHubClient({ token, baseUrl: context.apiUrl, warn: io.warning });

  const { desired } = await loadDesired(repoDir, context.sha, repoDir);
  const fleet = desired.fleet.name;
  const pull = await mergedPullRequest(gh, context.repository, context.sha, defaultBranch);
  const issue: IssueRef | undefined = pull ? { ...context.repository, number: pull.number } : undefined;
  const comment = issue ? await findStickyComment(gh, issue, fleet, author) : undefined;
  const reviewed = reviewedPlan(fleet, pull, comment);
  io.info(`Reviewed plan: ${reviewed.source} (${reviewed.keys.size} destructive operation(s) shown).`);

  const result = await applyWithRemote({
    repo: repoDir, ref: context.sha, cwd: repoDir, env, reviewed,
    filter: { targets: [], servers: server ? [server] : [] },
    confirm: async (plan, operations) => {
      if (operations.length > 0) io.info(renderText({ ...plan, operations }, { color: false }));
      return true;
    },
    onStart: (op) => io.info(startLine(op).trimEnd()),
    onEnd: (r) => io.info(endLine(r).trimEnd()),
    push: booleanInput(io, 'push', true)
      ? { onRebased: ({ branch, replayed }) => io.info(`origin/${branch} moved (another shard pushed): replayed ${replayed} state commit(s), pushing again.`) }
      : undefined,
  });

  const repoUrl = `${context.serverUrl}/${fullName(context.repository)}`;
  const run = runUrl(context);
  const report = {
    fleet, server, commit: context.sha, results: result.results, held: result.held, reviewedFrom: reviewed.source,
    stateCommit: result.pushed, branch: result.branch,
    pushError: result.pushError instanceof Error ? result.pushError.message : result.pushError === undefined ? undefined : String(result.pushError),
    links: { repo: repoUrl, ...(run ? { run } : {}) },
  };
  const outcome = applyOutcome(result.results);
  await io.appendSummary(renderApplyReport(report, Number.MAX_SAFE_INTEGER));
  io.setOutput('outcome', outcome);
  io.setOutput('held', result.held.length);
  io.setOutput('ok', result.results.filter((r) => r.status === 'ok').length);
  io.setOutput('not-ok', result.results.filter((r) => r.status !== 'ok').length);
  io.setOutput('state-commit', result.pushed ?? '');
  io.setOutput('pull-request', pull?.number ?? '');
  if (issue) {
    const url = await reportOnPullRequest(gh, issue, comment, renderApplyReport(report), { fleet, sha: context.sha, server, author });
    io.info(`Apply outcome posted on pull request #${issue.number}: ${url}`);
  } else io.info(`Commit ${context.sha.slice(0, 7)} merged no pull request: the outcome is in the job summary only.`);
  if (result.pushError) throw result.pushError;

  const failed = (outcome !== 'applied' && outcome !== 'nothing') || result.held.length > 0;
  const reason = result.held.length > 0
    ? `tide apply: ${result.held.length} destructive operation(s) not in the reviewed plan were held back; ${outcome === 'nothing' ? 'nothing else to do' : `the rest: ${outcome}`}.`
    : `tide apply: ${outcome}.`;
  return { outcome, held: result.held.length, failed, reason };
}

/** The default branch, when this run is a push to it; otherwise a refusal that applies nothing. */
export function requirePushToDefaultBranch(context: RunContext): string {
  const repository = context.payload.repository as { default_branch?: unknown } | undefined;
  const defaultBranch = typeof repository?.default_branch === 'string' ? repository.default_branch : undefined;
  const branch = defaultBranch ?? 'the default branch';
  const hint = `Apply runs from a workflow 'on: push: branches: [${defaultBranch ?? 'main'}]' (examples/github/workflows/tide-apply.yml); pull requests are planned by actions/plan, never applied.`;
  if (context.eventName !== 'push') {
    throw new GitHubInputError(`tide apply runs only on a push to ${branch}; this run is a '${context.eventName}' event, so nothing was applied.`, hint);
  }
  if (!defaultBranch || context.ref !== `refs/heads/${defaultBranch}` || context.payload.deleted === true) {
    throw new GitHubInputError(`tide apply runs only on a push to ${branch}; this push is to '${context.ref || 'an unknown ref'}', so nothing was applied.`, hint);
  }
  return defaultBranch;
}

/** What the merged pull request's comment showed; nothing when there is no pull request or comment. */
function reviewedPlan(fleet: string, pull: MergedPull | undefined, comment: StickyComment | undefined): ReviewedPlan {
  if (!pull) return { fleet, keys: new Set(), source: 'no pull request: the commit was pushed directly' };
  if (!comment) return { fleet, keys: new Set(), source: `no tide plan comment on pull request #${pull.number}` };
  if (comment.marker.destructiveOmitted) return { fleet, keys: new Set(), source: `pull request #${pull.number}'s plan (too many destructive operations to carry)` };
  return { fleet, keys: new Set(comment.marker.destructive), source: `the plan last shown on pull request #${pull.number}` };
}

/**
 * Writes this run's section into the pull request's tide comment (creating
 * one when the plan never commented). Shards edit the same comment: after
 * writing, read it back; if another shard's write replaced ours, write again.
 */
async function reportOnPullRequest(
  gh: GitHub, issue: IssueRef, comment: StickyComment | undefined, section: string,
  o: { fleet: string; sha: string; server: string | undefined; author: string },
): Promise<string> {
  let current = comment;
  for (let attempt = 1; ; attempt++) {
    const base = current?.body ?? `${formatMarker({ fleet: o.fleet, hash: null, commits: { planned: o.sha, head: null, base: null }, destructive: [] })}\nNo tide plan was shown on this pull request.\n`;
    const written = await upsertStickyComment(gh, issue, withSection(base, section, o.server), o.author);
    current = await findStickyComment(gh, issue, o.fleet, o.author);
    if (current?.body.includes(section.trimEnd())) return written.url;
    if (attempt >= COMMENT_ATTEMPTS) {
      throw new TideError('GITHUB_COMMENT_RACE', `Could not keep the apply outcome in pull request #${issue.number}'s comment: other runs kept replacing it.`, {
        hint: 'The outcome is in the job summary; the state branch has every record.',
      });
    }
  }
}
