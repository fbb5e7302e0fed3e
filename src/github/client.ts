// The one way tide talks to GitHub: @octokit/core with GitHub's recommended
// throttling (writes spaced out, waits on primary and secondary rate limits),
// retries of server errors, and pagination. Every error GitHub returns leaves
// through `explain`, so a 403 names the permission to add to the workflow.
//
// The lighter @octokit/* parts rather than the `octokit` umbrella: the
// umbrella brings the App, OAuth and webhooks stacks tide never uses.

import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { RequestError } from '@octokit/request-error';
import { GitHubError, GitHubPermissionError, GitHubRateLimitError } from './errors.js';

const TideOctokit = Octokit.plugin(throttling, retry, paginateRest);
export type GitHub = InstanceType<typeof TideOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** The REST API root: GITHUB_API_URL on a runner (GitHub Enterprise Server has its own). */
  baseUrl?: string;
  /** How many times a rate-limited request is tried again (after the wait GitHub asks for). */
  rateLimitRetries?: number;
  /** Where the client's warnings go (rate-limit waits); stderr by default. */
  warn?: (message: string) => void;
}

export const DEFAULT_API_URL = 'https://api.github.com';

/**
 * The permission each route tide calls needs, in workflow `permissions:` words:
 * what a 403 names when GitHub does not say (classic tokens send no
 * x-accepted-github-permissions header).
 */
const ROUTE_PERMISSIONS: Array<[method: string, route: RegExp, permission: string]> = [
  ['GET', /\/issues\/\d+\/comments$/, 'pull-requests: read'],
  ['POST', /\/issues\/\d+\/comments$/, 'pull-requests: write'],
  ['PATCH', /\/issues\/comments\/\d+$/, 'pull-requests: write'],
  ['GET', /\/pulls(\/\d+)?$/, 'pull-requests: read'],
  ['GET', /\/commits\/[^/]+\/pulls$/, 'pull-requests: read'],
  ['POST', /\/statuses\/[0-9a-f]+$/, 'statuses: write'],
  ['GET', /\/commits\/[^/]+\/(statuses|status)$/, 'statuses: read'],
  ['GET', /\/actions\/runs\/\d+/, 'actions: read'],
  ['GET', /\/(contents|git|commits)\//, 'contents: read'],
];

export function createGitHubClient(options: GitHubClientOptions): GitHub {
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));
  const retries = options.rateLimitRetries ?? 3;
  const octokit = new TideOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: 'tide',
    log: { debug: () => {}, info: () => {}, warn, error: warn },
    throttle: {
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        warn(`GitHub rate limit reached on ${request.method} ${request.url}; waiting ${retryAfter}s (try ${retryCount + 1} of ${retries}).`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        warn(`GitHub secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter}s (try ${retryCount + 1} of ${retries}).`);
        return retryCount < retries;
      },
    },
  });
  // Registered after the plugins, so it wraps them: it sees an error only
  // once throttling and retries have given up on it.
  octokit.hook.wrap('request', async (request, requestOptions) => {
    try {
      return await request(requestOptions);
    } catch (error) {
      throw explain(error, String(requestOptions.method), String(requestOptions.url));
    }
  });
  return octokit;
}

/** A GitHub error as a TideError whose message says what to do. */
export function explain(error: unknown, method: string, url: string): unknown {
  if (!(error instanceof RequestError)) return error;
  // The error's request has the URL with its parameters filled in.
  url = error.request?.url ?? url;
  const what = `${method} ${pathOf(url)}`;
  const headers = error.response?.headers ?? {};
  const message = (error.response?.data as { message?: string } | undefined)?.message ?? error.message;
  if (error.status === 429 || (error.status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message)))) {
    return new GitHubRateLimitError(what, error.status, error);
  }
  if (error.status === 403) {
    const accepted = headers['x-accepted-github-permissions'];
    const permission = typeof accepted === 'string' && accepted !== '' ? workflowPermissions(accepted) : routePermission(method, url);
    return new GitHubPermissionError(what, permission, error);
  }
  return new GitHubError('GITHUB_REQUEST_FAILED', `GitHub answered ${error.status} to ${what}: ${message}`, {
    status: error.status,
    retryable: error.status >= 500,
    cause: error,
  });
}

/** `pull_requests=write; issues=write` (either set will do) as `pull-requests: write` or `issues: write`. */
export function workflowPermissions(header: string): string {
  return header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => {
          const [name, level] = p.split('=');
          return `${(name ?? '').replace(/_/g, '-')}: ${level ?? 'read'}`;
        })
        .join(' and '),
    )
    .filter((set) => set !== '')
    .join('` or `');
}

function routePermission(method: string, url: string): string {
  const path = pathOf(url);
  const found = ROUTE_PERMISSIONS.find(([m, route]) => m === method.toUpperCase() && route.test(path));
  return found?.[2] ?? (method.toUpperCase() === 'GET' ? 'contents: read' : 'contents: write');
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://github.invalid').pathname;
  } catch {
    return url;
  }
}
