// The apply action refuses anything but a push to the default branch, before
// it reads anything or calls GitHub: run from its committed bundle against
// the fake GitHub API. (Applies over SSH: test/integration/github-apply.test.ts.)

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../helpers/fake-github.js';
import { BASE, dedent } from '../helpers/fleet.js';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { git, HostedRepo, pullRequestEvent, pushEvent, runBundledAction } from '../helpers/github-run.js';

const fleetFiles = Object.fromEntries(Object.entries(BASE).map(([path, text]) => [path, dedent(text)]));

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('ghs_write', 'github-actions[bot]', { contents: 'write', pull_requests: 'write', statuses: 'write', actions: 'read' });
});

afterAll(async () => {
  await fake.close();
  removeGitCliRepos();
});

describe('apply refuses to run anywhere but on a push to the default branch', () => {
  it('refuses a pull_request event, a workflow_run and a push to another branch, with no API call and no state', async () => {
    const repo = new HostedRepo(fake, 'acme/refuse', fleetFiles);
    const pr = repo.pushPullRequest(3, { 'sites/d.example.com.yaml': dedent('kind: Site\nname: d.example.com\nplatform: notes-1.0\n') });
    const ws = repo.checkout('refs/pull/3/merge');
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['pull_request', pullRequestEvent(repo, 3, pr), '', /this run is a 'pull_request' event, so nothing was applied/],
      ['workflow_run', { repository: { full_name: repo.fullName, default_branch: 'main' }, workflow_run: { id: 1 } }, 'refs/heads/main', /this run is a 'workflow_run' event/],
      ['push', pushEvent(repo, 'refs/heads/pr-3', pr.base, pr.head), 'refs/heads/pr-3', /this push is to 'refs\/heads\/pr-3', so nothing was applied/],
    ];
    for (const [eventName, payload, ref, message] of cases) {
      const run = await runBundledAction('apply', { fake, repo, eventName, payload, sha: pr.merge, ref, workspace: ws, inputs: { token: 'ghs_write' } });
      expect(run.exitCode, `${eventName} ${ref}: ${run.stdout} ${run.stderr}`).toBe(1);
      expect(run.stdout).toMatch(message);
      expect(run.stdout).toMatch(/pull requests are planned by actions\/plan, never applied/);
      expect(run.outputs.outcome).toBeUndefined();
    }
    expect(fake.requests.filter((r) => r.path.startsWith('/repos/acme/refuse'))).toEqual([]);
    expect(git(repo.bare, 'for-each-ref', 'refs/heads/tide-state')).toBe('');
    expect(git(ws, 'for-each-ref', 'refs/heads/tide-state')).toBe('');
  });
});
