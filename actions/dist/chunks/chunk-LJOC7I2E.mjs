import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import {
  ACTION_ORDER,
  DEFAULT_COMMENT_AUTHOR,
  FleetInvalidError,
  GitHubInputError,
  JSON_SCHEMA,
  TideError,
  booleanInput,
  catchUpWithRemote,
  code,
  countPlan,
  createGitHubClient,
  esc,
  fleetRoot,
  formatDiagnostic,
  formatMarker,
  hasChanges,
  isFromFork,
  isSha,
  load,
  loadDesired,
  plan,
  pullRequestOf,
  readFleetSource,
  readRecordedState,
  removesData,
  renderMarkdown,
  reviewKey,
  runUrl,
  summarySentence,
  upsertStickyComment
} from "./chunk-QN4BLND6.mjs";

// dist/github/status.js
var MAX_STATUS_DESCRIPTION = 140;
async function setCommitStatus(gh, status) {
  const description = clip(status.description, MAX_STATUS_DESCRIPTION);
  const { data: existing } = await gh.request("GET /repos/{owner}/{repo}/commits/{ref}/statuses", {
    owner: status.owner,
    repo: status.repo,
    ref: status.sha,
    per_page: 100
  });
  const latest = existing.find((s) => s.context === status.context);
  if (latest && latest.state === status.state && latest.description === description && (latest.target_url ?? void 0) === status.targetUrl) {
    return false;
  }
  await gh.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
    owner: status.owner,
    repo: status.repo,
    sha: status.sha,
    context: status.context,
    state: status.state,
    description,
    ...status.targetUrl === void 0 ? {} : { target_url: status.targetUrl }
  });
  return true;
}
function clip(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}

// dist/github/plan-comment.js
var COMMENT_LIMIT = 65536;
var SUMMARY_LIMIT = 1e6;
var MARKER_BUDGET = 16e3;
var STATUS_CONTEXT = "tide/plan";
function markerFor(outcome, commits) {
  if (outcome.kind === "invalid")
    return { fleet: outcome.fleet, hash: null, commits, destructive: [] };
  const destructive = outcome.plan.operations.filter(removesData).map(reviewKey);
  const marker = { fleet: outcome.plan.fleet, hash: outcome.plan.hash, commits, destructive };
  if (formatMarker(marker).length > MARKER_BUDGET)
    return { ...marker, destructive: [], destructiveOmitted: true };
  return marker;
}
function commentBody(outcome, commits, note) {
  const marker = formatMarker(markerFor(outcome, commits));
  const prefix = `${marker}
${note === void 0 ? "" : `${note}

`}`;
  return prefix + renderOutcome(outcome, COMMENT_LIMIT - prefix.length - 64, "the job summary of the plan run");
}
function summaryMarkdown(outcome) {
  return renderOutcome(outcome, SUMMARY_LIMIT, "the JSON plan (plan-file output)");
}
function renderOutcome(outcome, maxLength, fullPlanAt) {
  return outcome.kind === "planned" ? renderMarkdown(outcome.plan, { maxLength, fullPlanAt }) : renderInvalid(outcome.fleet, outcome.error);
}
function renderInvalid(fleet, error) {
  const lines = [`### tide plan for ${esc(fleet)}: not planned`, `**${esc(error.message)}**`];
  if (error instanceof FleetInvalidError) {
    const shown = error.diagnostics.slice(0, 500);
    const rows = shown.map((d) => `| ${code(`${d.file}:${d.line}:${d.column}`)} | ${esc(d.message)} |`);
    if (error.diagnostics.length > shown.length)
      rows.push(`| \u2026 | ${error.diagnostics.length - shown.length} more |`);
    lines.push(["| Where | Problem |", "| --- | --- |", ...rows].join("\n"));
  }
  if (error.hint)
    lines.push(`_${esc(error.hint)}_`);
  return `${lines.join("\n\n")}
`;
}
function statusFor(outcome) {
  if (outcome.kind === "invalid") {
    const what = outcome.error instanceof FleetInvalidError ? outcome.error.diagnostics.map(formatDiagnostic)[0] ?? outcome.error.message : outcome.error.message;
    const count = outcome.error instanceof FleetInvalidError ? `${outcome.error.diagnostics.length} error${outcome.error.diagnostics.length === 1 ? "" : "s"}` : "error";
    return { state: "failure", description: clip(`Invalid (${count}): ${what}`, 140) };
  }
  const sentence = summarySentence(outcome.plan).replace(/^Plan: /, "").replace(/\.$/, "");
  return { state: countPlan(outcome.plan).blocked > 0 ? "failure" : "success", description: clip(sentence, 140) };
}

// dist/github/plan-run.js
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { basename, dirname, join as join2, resolve } from "node:path";

// dist/plan/render/json.js
function renderJson(plan2) {
  return `${JSON.stringify(plan2, null, 2)}
`;
}

// dist/github/artifact.js
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
var ARTIFACT_NAME = "tide-plan-comment";
var BODY_FILE = "comment.md";
var META_FILE = "pull-request.json";
async function writeCommentArtifact(dir, artifact) {
  await mkdir(dir, { recursive: true });
  const { body, ...meta } = artifact;
  await writeFile(join(dir, BODY_FILE), body);
  await writeFile(join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}
`);
}
async function readCommentArtifact(dir) {
  const body = await readBounded(join(dir, BODY_FILE), COMMENT_LIMIT);
  const metaText = await readBounded(join(dir, META_FILE), 4096);
  let meta;
  try {
    meta = JSON.parse(metaText);
  } catch {
    throw refused(`${META_FILE} is not JSON`);
  }
  const m = meta;
  if (typeof m !== "object" || m === null)
    throw refused(`${META_FILE} is not an object`);
  if (!Number.isSafeInteger(m.pullRequest) || m.pullRequest <= 0)
    throw refused("the pull request number is not a positive integer");
  if (!isSha(m.headSha))
    throw refused("headSha is not a commit id");
  if (!(m.headRepo === null || typeof m.headRepo === "string"))
    throw refused("headRepo is not a repository name");
  if (!["success", "failure"].includes(m.status?.state) || typeof m.status?.description !== "string" || m.status.description.length > 140) {
    throw refused("the status is not success or failure with a description of at most 140 characters");
  }
  return { pullRequest: m.pullRequest, headSha: m.headSha, headRepo: m.headRepo, status: { state: m.status.state, description: m.status.description }, body };
}
async function readBounded(path, max) {
  let size;
  try {
    size = (await stat(path)).size;
  } catch {
    throw refused(`${path} is missing (was the ${ARTIFACT_NAME} artifact downloaded into this directory?)`);
  }
  if (size > max)
    throw refused(`${path} is larger than ${max} bytes`);
  return readFile(path, "utf8");
}
function refused(why) {
  return new GitHubInputError(`The plan comment artifact is refused: ${why}.`, "The artifact comes from the pull request's run; nothing was posted.");
}

// dist/github/plan-run.js
async function runPlan(context, io) {
  const repoDir = fleetRoot(context.workspace, io.input("repo") || void 0);
  const ref = io.input("ref") || context.sha;
  const outcome = await planCommit(repoDir, ref, booleanInput(io, "fetch-state", true));
  const planFile = resolve(context.workspace, io.input("plan-file") || join2(context.runnerTemp, "tide", "plan.json"));
  await mkdir2(dirname(planFile), { recursive: true });
  if (outcome.kind === "planned")
    await writeFile2(planFile, renderJson(outcome.plan));
  setPlanOutputs(io, outcome, outcome.kind === "planned" ? planFile : "");
  await io.appendSummary(summaryMarkdown(outcome));
  const result = { outcome, failed: statusFor(outcome).state !== "success" };
  const pr = pullRequestOf(context);
  if (pr)
    result.comment = await reportOnPullRequest(context, io, pr, outcome);
  else
    io.info(`Event ${context.eventName}: no pull request to comment on; the plan is in the job summary.`);
  return result;
}
async function planCommit(repoDir, ref, fetchState) {
  let desired;
  try {
    ({ desired } = await loadDesired(repoDir, ref, repoDir));
  } catch (error) {
    if (!(error instanceof TideError))
      throw error;
    return { kind: "invalid", fleet: await fleetNameOf(repoDir, ref), error };
  }
  if (fetchState)
    await catchUpWithRemote(repoDir, desired.fleet.state.branch);
  const recorded = await readRecordedState(repoDir, desired.fleet.state.branch);
  return { kind: "planned", plan: plan(desired, recorded) };
}
async function fleetNameOf(repoDir, ref) {
  try {
    const source = await readFleetSource(repoDir, ref);
    const text = source.files.find((f) => f.path === "tide.yaml")?.text;
    const doc = text === void 0 || text.length > 65536 ? void 0 : load(text, { schema: JSON_SCHEMA });
    if (typeof doc?.name === "string" && /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(doc.name))
      return doc.name;
  } catch {
  }
  return basename(repoDir);
}
function setPlanOutputs(io, outcome, planFile) {
  const planned = outcome.kind === "planned" ? outcome.plan : void 0;
  const counts = planned ? countPlan(planned) : void 0;
  io.setOutput("has-changes", planned ? hasChanges(planned) : false);
  for (const action of ACTION_ORDER)
    io.setOutput(action, counts?.byAction.find(([a]) => a === action)?.[1] ?? 0);
  io.setOutput("blocked", counts?.blocked ?? 0);
  io.setOutput("orphans", counts?.orphans ?? 0);
  io.setOutput("invalid", outcome.kind === "invalid");
  io.setOutput("plan-hash", planned?.hash ?? "");
  io.setOutput("plan-file", planFile);
}
async function reportOnPullRequest(context, io, pr, outcome) {
  const commits = { planned: outcome.kind === "planned" ? outcome.plan.desired.commit ?? context.sha : context.sha, head: pr.headSha, base: pr.baseSha };
  const body = commentBody(outcome, commits);
  const status = statusFor(outcome);
  const mode = io.input("comment-mode") || "auto";
  if (mode !== "auto" && mode !== "comment" && mode !== "artifact")
    throw new TideError("GITHUB_INPUT_REFUSED", `Input 'comment-mode' must be auto, comment or artifact, not '${mode}'.`);
  if (mode === "artifact" || mode === "auto" && isFromFork(pr, context)) {
    const dir = resolve(context.workspace, io.input("artifact-dir") || join2(context.runnerTemp, "tide-plan-comment"));
    await writeCommentArtifact(dir, { pullRequest: pr.number, headSha: pr.headSha, headRepo: pr.headRepo, status, body });
    io.setOutput("artifact-dir", dir);
    io.info(`Pull request #${pr.number} comes from a fork: its comment is in ${dir} for the relay workflow to post.`);
    return "artifact";
  }
  const token = io.input("token");
  if (token === "")
    throw new TideError("GITHUB_INPUT_REFUSED", "Input 'token' is empty: the plan cannot be posted on the pull request.", { hint: "Pass token: ${{ github.token }} (the default)." });
  const gh = createGitHubClient({ token, baseUrl: context.apiUrl, warn: io.warning });
  const issue = { ...context.repository, number: pr.number };
  const comment = await upsertStickyComment(gh, issue, body, io.input("comment-author") || DEFAULT_COMMENT_AUTHOR);
  io.setOutput("comment-url", comment.url);
  io.info(`Pull request comment ${comment.outcome}: ${comment.url}`);
  const url = runUrl(context);
  await setCommitStatus(gh, { ...context.repository, sha: pr.headSha, context: STATUS_CONTEXT, ...status, ...url ? { targetUrl: url } : {} });
  return comment.outcome;
}

export {
  setCommitStatus,
  STATUS_CONTEXT,
  commentBody,
  statusFor,
  readCommentArtifact,
  runPlan,
  planCommit
};
