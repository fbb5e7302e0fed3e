// The octokit client tide uses for every GitHub call, in-process against the
// fake API: rate limits are waited out and retried; a 403 for a missing
// permission is not retried and names the permission.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { GitHubPermissionError, GitHubRateLimitError } from '../../src/github/errors.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { HostedRepo } from '../helpers/github-run.js';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('ghs_write');
  fake.addReadOnlyToken('ghs_readonly');
  new HostedRepo(fake, 'acme/client', { 'tide.yaml': 'kind: Fleet\nname: acme\n' }).pushPullRequest(1, {});
});
afterAll(async () => {
  await fake.close();
  removeGitCliRepos();
});

const listComments = (token: string, rateLimitRetries?: number) =>
  createGitHubClient({ token, baseUrl: fake.url, warn: () => {}, ...(rateLimitRetries === undefined ? {} : { rateLimitRetries }) })
    .request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'client', issue_number: 1 });

describe('the GitHub client', () => {
  it('waits out a secondary rate limit and retries', async () => {
    fake.failNext(1, 403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'retry-after': '1' });
    const before = fake.requests.length;
    const { data } = await listComments('ghs_write');
    expect(data).toEqual([]);
    expect(fake.requests.slice(before).map((r) => r.status)).toEqual([403, 200]);
  });

  it('gives up with a rate-limit error once its retries are spent', async () => {
    fake.failNext(2, 403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) });
    await expect(listComments('ghs_write', 1)).rejects.toBeInstanceOf(GitHubRateLimitError);
  });

  it('names the missing permission on a 403 and does not retry it', async () => {
    const gh = createGitHubClient({ token: 'ghs_readonly', baseUrl: fake.url, warn: () => {} });
    const before = fake.requests.length;
    const error = await gh.request('POST /repos/{owner}/{repo}/statuses/{sha}', { owner: 'acme', repo: 'client', sha: 'a'.repeat(40), state: 'success', context: 'tide/plan' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubPermissionError);
    expect((error as GitHubPermissionError).permission).toBe('statuses: write');
    expect((error as Error).message).toBe('GitHub refused to POST /repos/acme/client/statuses/' + 'a'.repeat(40) + ' (403): the token needs `statuses: write`.');
    expect(fake.requests.length - before).toBe(1);
  });
});
