// What a GitHub Actions runner tells a step about its run: the GITHUB_*
// variables and the event payload file. Read once, checked, and passed down,
// so nothing below reads process.env.

import { readFileSync, statSync } from 'node:fs';
import { GitHubInputError } from './errors.js';
import { DEFAULT_API_URL } from './client.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface RunContext {
  eventName: string;
  /** The event payload (GITHUB_EVENT_PATH), as GitHub wrote it. */
  payload: Record<string, unknown>;
  repository: RepoRef;
  /** The commit the run is for (a pull request's merge commit on pull_request). */
  sha: string;
  ref: string;
  runId: string;
  apiUrl: string;
  serverUrl: string;
  workspace: string;
  runnerTemp: string;
}

/** A pull request as the event payload describes it. */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  /** owner/name of the repository the head branch lives in; null when that fork was deleted. */
  headRepo: string | null;
  baseSha: string;
  baseRepo: string;
}

/** The largest event payload read; GitHub's are a few hundred kilobytes at most. */
const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new GitHubInputError(`${name} is not set: tide's GitHub action runs inside a GitHub Actions job.`);
    return value;
  };
  const [owner, repo, ...rest] = need('GITHUB_REPOSITORY').split('/');
  if (!owner || !repo || rest.length > 0) throw new GitHubInputError(`GITHUB_REPOSITORY '${env.GITHUB_REPOSITORY}' is not owner/name.`);
  return {
    eventName: need('GITHUB_EVENT_NAME'),
    payload: readPayload(need('GITHUB_EVENT_PATH')),
    repository: { owner, repo },
    sha: need('GITHUB_SHA'),
    ref: env.GITHUB_REF ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    apiUrl: env.GITHUB_API_URL || DEFAULT_API_URL,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
  };
}

function readPayload(path: string): Record<string, unknown> {
  if (statSync(path).size > MAX_PAYLOAD_BYTES) throw new GitHubInputError(`The event payload ${path} is larger than ${MAX_PAYLOAD_BYTES} bytes.`);
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GitHubInputError(`The event payload ${path} is not a JSON object.`);
  return value as Record<string, unknown>;
}

export const fullName = (r: RepoRef): string => `${r.owner}/${r.repo}`;

/** The pull request of a pull_request (or pull_request_target) event; undefined for other events. */
export function pullRequestOf(context: RunContext): PullRequestInfo | undefined {
  const pr = context.payload.pull_request as Record<string, any> | undefined;
  if (!pr || typeof pr !== 'object') return undefined;
  const number = Number(pr.number);
  const headSha = pr.head?.sha;
  const baseSha = pr.base?.sha;
  if (!Number.isSafeInteger(number) || number <= 0 || !isSha(headSha) || !isSha(baseSha)) {
    throw new GitHubInputError('The pull_request event payload lacks a number, head.sha or base.sha.');
  }
  return {
    number,
    headSha,
    headRepo: typeof pr.head?.repo?.full_name === 'string' ? pr.head.repo.full_name : null,
    baseSha,
    baseRepo: typeof pr.base?.repo?.full_name === 'string' ? pr.base.repo.full_name : fullName(context.repository),
  };
}

/** A pull request whose head lives elsewhere: its run gets a read-only token and no secrets. */
export function isFromFork(pr: PullRequestInfo, context: RunContext): boolean {
  return pr.headRepo !== fullName(context.repository);
}

export function isSha(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{40}$/.test(value);
}

/** The run's page, for links from comments and statuses. */
export function runUrl(context: RunContext): string | undefined {
  return context.runId === '' ? undefined : `${context.serverUrl}/${fullName(context.repository)}/actions/runs/${context.runId}`;
}
