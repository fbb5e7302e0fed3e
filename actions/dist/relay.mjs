import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import {
  STATUS_CONTEXT,
  commentBody,
  planCommit,
  readCommentArtifact,
  setCommitStatus,
  statusFor
} from "./chunks/chunk-LJOC7I2E.mjs";
import {
  DEFAULT_COMMENT_AUTHOR,
  GitHubInputError,
  createGitHubClient,
  fleetRoot,
  isSha,
  parseMarker,
  runAction,
  upsertStickyComment
} from "./chunks/chunk-QN4BLND6.mjs";
import {
  execa
} from "./chunks/chunk-RX4KRF3O.mjs";
import "./chunks/chunk-HYMO7CDY.mjs";

// dist/github/pull-ref.js
async function git(repoDir, args) {
  return execa("git", args, { cwd: repoDir, reject: false, env: { GIT_TERMINAL_PROMPT: "0" } });
}
async function fetchPullRequestMerge(repoDir, number, headSha) {
  const local = `refs/remotes/origin/pull/${number}/merge`;
  const fetched = await git(repoDir, ["fetch", "--quiet", "--no-tags", "origin", `+refs/pull/${number}/merge:${local}`]);
  if (fetched.exitCode !== 0) {
    throw new GitHubInputError(`Cannot fetch refs/pull/${number}/merge: ${fetched.stderr.trim()}`, "GitHub keeps no merge commit for a pull request with conflicts: resolve them and push again.");
  }
  const parents = await git(repoDir, ["rev-list", "--parents", "-n", "1", local]);
  const [merge, base, head] = parents.stdout.trim().split(" ");
  if (parents.exitCode !== 0 || !merge || !base || !head)
    throw new GitHubInputError(`refs/pull/${number}/merge is not a merge commit.`);
  if (head !== headSha) {
    throw new GitHubInputError(`Pull request #${number} has moved on (its head is now ${head.slice(0, 7)}, the run planned ${headSha.slice(0, 7)}); nothing was posted.`, "The run for the new head relays its own plan.");
  }
  return { merge, base, head };
}

// dist/github/relay-run.js
import { join, resolve } from "node:path";
async function runRelay(context, io) {
  const run = triggeringRun(context);
  const dir = resolve(context.workspace, io.input("artifact-dir") || join(context.runnerTemp, "tide-plan-comment"));
  const artifact = await readCommentArtifact(dir);
  const gh = createGitHubClient({ token: io.input("token"), baseUrl: context.apiUrl, warn: io.warning });
  const { data: pr } = await gh.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...context.repository, pull_number: artifact.pullRequest });
  if (pr.head.sha !== run.headSha || pr.head.repo?.full_name !== run.headRepo) {
    throw new GitHubInputError(`The artifact names pull request #${artifact.pullRequest}, whose head (${pr.head.repo?.full_name ?? "a deleted repository"}@${pr.head.sha.slice(0, 7)}) is not the head of run ${run.id} (${run.headRepo}@${run.headSha.slice(0, 7)}); nothing was posted.`, "A newer push may have replaced the head (its own run will relay its plan), or the artifact was forged.");
  }
  const marker = parseMarker(artifact.body);
  if (!marker || marker.commits.head !== run.headSha) {
    throw new GitHubInputError(`The artifact's comment does not carry tide's marker for commit ${run.headSha.slice(0, 7)}; nothing was posted.`);
  }
  const { body, status } = io.input("fleet-repo") === "" ? artifact : await planHere(context, io, artifact.pullRequest, run, marker.hash);
  const issue = { ...context.repository, number: artifact.pullRequest };
  const comment = await upsertStickyComment(gh, issue, body, io.input("comment-author") || DEFAULT_COMMENT_AUTHOR);
  io.setOutput("comment-url", comment.url);
  io.setOutput("pull-request", artifact.pullRequest);
  io.info(`Pull request #${artifact.pullRequest} comment ${comment.outcome}: ${comment.url}`);
  await setCommitStatus(gh, {
    ...context.repository,
    sha: run.headSha,
    context: STATUS_CONTEXT,
    ...status,
    ...run.url ? { targetUrl: run.url } : {}
  });
  return { outcome: comment.outcome, pullRequest: artifact.pullRequest, failed: status.state !== "success" };
}
async function planHere(context, io, number, run, artifactHash) {
  const repoDir = fleetRoot(context.workspace, io.input("fleet-repo"));
  const commits = await fetchPullRequestMerge(repoDir, number, run.headSha);
  const outcome = await planCommit(repoDir, commits.merge, true);
  const hash = outcome.kind === "planned" ? outcome.plan.hash : null;
  io.info(hash === artifactHash ? `Planned pull request #${number} again here: same plan as the fork's run (${hash?.slice(0, 12) ?? "invalid fleet"}).` : `Planned pull request #${number} again here: the plan differs from the fork's run (base or state moved, or the artifact was altered); posting this one.`);
  return { body: commentBody(outcome, { planned: commits.merge, head: commits.head, base: commits.base }), status: statusFor(outcome) };
}
function triggeringRun(context) {
  if (context.eventName !== "workflow_run") {
    throw new GitHubInputError(`tide relay runs on workflow_run events, not ${context.eventName}.`, "See examples/github/workflows/tide-plan-relay.yml.");
  }
  const run = context.payload.workflow_run;
  if (!run || run.event !== "pull_request") {
    throw new GitHubInputError(`The triggering run was not a pull_request run (${String(run?.event)}); nothing to relay.`);
  }
  if (!Number.isSafeInteger(run.id) || !isSha(run.head_sha) || typeof run.head_repository?.full_name !== "string") {
    throw new GitHubInputError("The workflow_run payload lacks id, head_sha or head_repository.");
  }
  return { id: run.id, headSha: run.head_sha, headRepo: run.head_repository.full_name, url: typeof run.html_url === "string" ? run.html_url : void 0 };
}

// dist/github/entry/relay.js
await runAction("relay", async (context, io) => {
  const result = await runRelay(context, io);
  return { failed: result.failed, reason: `tide/plan failed for pull request #${result.pullRequest}: see its comment.` };
});
