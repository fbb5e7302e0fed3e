// The plan action on pull requests, run from its committed bundle as a runner
// would, against the fake GitHub API on loopback.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../helpers/fake-github.js';
import { BASE, dedent } from '../helpers/fleet.js';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { HostedRepo, pullRequestEvent, runBundledAction } from '../helpers/github-run.js';
import { parseMarker } from '../../src/github/marker.js';

const fleetFiles = Object.fromEntries(Object.entries(BASE).map(([path, text]) => [path, dedent(text)]));
const site = (name: string, platform = 'notes-1.0') => dedent(`
  kind: Site
  name: ${name}
  platform: ${platform}
`);

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('ghs_write');
  fake.addReadOnlyToken('ghs_readonly');
});

afterAll(async () => {
  await fake.close();
  removeGitCliRepos();
});

describe('plan on a pull request', () => {
  it('creates one comment with the marker, edits it when the plan changes, and writes nothing when it does not', async () => {
    const repo = new HostedRepo(fake, 'acme/fleet', fleetFiles);
    const first = repo.pushPullRequest(7, { 'sites/d.example.com.yaml': site('d.example.com') });
    const run1 = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 7, first, { action: 'opened' }),
      sha: first.merge, workspace: repo.checkout('refs/pull/7/merge'), inputs: { token: 'ghs_write' },
    });

    expect(run1.stderr).toBe('');
    expect(run1.exitCode).toBe(0);
    const comments1 = fake.comments('acme/fleet', 7);
    expect(comments1).toHaveLength(1);
    const marker1 = parseMarker(comments1[0]!.body)!;
    expect(marker1).toMatchObject({ fleet: 'acme', hash: run1.outputs['plan-hash'], commits: { planned: first.merge, head: first.head, base: first.base } });
    expect(comments1[0]!.body).toContain('d.example.com');
    expect(run1.outputs.install).toBe('4');
    expect(run1.summary).toContain('### tide plan for acme');
    const status1 = fake.statuses('acme/fleet', first.head);
    expect(status1).toHaveLength(1);
    expect(status1[0]).toMatchObject({ context: 'tide/plan', state: 'success' });
    expect(status1[0]!.description).toMatch(/4 to install/);

    const second = repo.pushPullRequest(7, { 'sites/e.example.com.yaml': site('e.example.com') });
    const run2 = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 7, second),
      sha: second.merge, workspace: repo.checkout('refs/pull/7/merge'), inputs: { token: 'ghs_write' },
    });
    expect(run2.exitCode).toBe(0);
    const comments2 = fake.comments('acme/fleet', 7);
    expect(comments2).toHaveLength(1);
    expect(comments2[0]!.id).toBe(comments1[0]!.id);
    expect(comments2[0]!.body).toContain('e.example.com');
    expect(parseMarker(comments2[0]!.body)!.hash).not.toBe(marker1.hash);

    const writesBefore = fake.writes().length;
    const run3 = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 7, second),
      sha: second.merge, workspace: repo.checkout('refs/pull/7/merge'), inputs: { token: 'ghs_write' },
    });
    expect(run3.exitCode).toBe(0);
    expect(fake.writes().length).toBe(writesBefore);
    expect(fake.comments('acme/fleet', 7)).toHaveLength(1);
  });
});
