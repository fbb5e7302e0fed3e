// The plan action on pull requests, run from its committed bundle as a runner
// would, against the fake GitHub API on loopback.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../helpers/fake-github.js';
import { appliedState, BASE, dedent, load } from '../helpers/fleet.js';
import { stateFiles } from '../helpers/git.js';
import { COMMENT_LIMIT } from '../../src/github/plan-comment.js';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ACTION_NODE_MAJOR, actionNode } from '../helpers/action-node.js';
import { HostedRepo, pullRequestEvent, ROOT, runBundledAction } from '../helpers/github-run.js';
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
  it(`runs the same on Node ${ACTION_NODE_MAJOR} (GitHub's runners) and on the Node running these tests`, async () => {
    expect(execFileSync(actionNode(ROOT), ['--version'], { encoding: 'utf8' })).toMatch(new RegExp(`^v${ACTION_NODE_MAJOR}\\.`));
    const repo = new HostedRepo(fake, 'acme/runtimes', fleetFiles);
    const pr = repo.pushPullRequest(3, { 'sites/d.example.com.yaml': site('d.example.com') });
    const runOn = (node: string) => runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 3, pr, { action: 'opened' }),
      sha: pr.merge, workspace: repo.checkout('refs/pull/3/merge'), inputs: { token: 'ghs_write' }, node,
    });
    const current = await runOn(process.execPath);
    const runner = await runOn(actionNode(ROOT));
    for (const run of [current, runner]) {
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.outputs.install).toBe('4');
    }
    expect(runner.outputs['plan-hash']).toBe(current.outputs['plan-hash']);
    expect(runner.summary).toBe(current.summary);
  });

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

  it('fails the status and the step when an operation is blocked, and shows the blocked operation', async () => {
    const repo = new HostedRepo(fake, 'acme/blocked', fleetFiles);
    repo.pushState(stateFiles(appliedState(load(BASE))));
    // New code for a platform that live sites use: tide refuses to deploy it under them.
    const pr = repo.pushPullRequest(3, { 'platforms/notes-1.0.yaml': fleetFiles['platforms/notes-1.0.yaml']!.replace('ref: v1.0.0', 'ref: v1.0.1') });
    const run = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 3, pr),
      sha: pr.merge, workspace: repo.checkout('refs/pull/3/merge'), inputs: { token: 'ghs_write' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.blocked).toBe('1');
    expect(run.stdout).toContain('::error::tide/plan: 1 blocked');
    const [status] = fake.statuses('acme/blocked', pr.head);
    expect(status).toMatchObject({ context: 'tide/plan', state: 'failure', description: '1 blocked' });
    const [comment] = fake.comments('acme/blocked', 3);
    expect(comment!.body).toContain('> [!WARNING]');
    expect(comment!.body).toMatch(/<code>! deploy<\/code> platform <b>notes-1\.0<\/b> on web1: .*a\.example\.com/);
  });

  it('reports an invalid fleet with file:line in the comment and fails the status', async () => {
    const repo = new HostedRepo(fake, 'acme/invalid', fleetFiles);
    const pr = repo.pushPullRequest(4, { 'sites/bad.example.com.yaml': 'kind: Site\nname: bad.example.com\nplatform: notes-1.0\ncolour: blue\n' });
    const run = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 4, pr),
      sha: pr.merge, workspace: repo.checkout('refs/pull/4/merge'), inputs: { token: 'ghs_write' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.invalid).toBe('true');
    expect(run.outputs['plan-file']).toBe('');
    const [comment] = fake.comments('acme/invalid', 4);
    expect(parseMarker(comment!.body)).toMatchObject({ fleet: 'acme', hash: null });
    expect(comment!.body).toMatch(/<code>sites\/bad\.example\.com\.yaml:4:1<\/code>/);
    const [status] = fake.statuses('acme/invalid', pr.head);
    expect(status!.state).toBe('failure');
    expect(status!.description).toMatch(/^Invalid \(1 error\): sites\/bad\.example\.com\.yaml:4:1: /);
  });

  it('names the missing permission when GitHub answers 403, after writing the plan and the summary', async () => {
    const repo = new HostedRepo(fake, 'acme/forbidden', fleetFiles);
    fake.addToken('ghs_no_pr_write', 'github-actions[bot]', { contents: 'read', pull_requests: 'read', statuses: 'write' });
    const pr = repo.pushPullRequest(5, { 'sites/d.example.com.yaml': site('d.example.com') });
    const run = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 5, pr),
      sha: pr.merge, workspace: repo.checkout('refs/pull/5/merge'), inputs: { token: 'ghs_no_pr_write' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::GitHub refused to POST /repos/acme/forbidden/issues/5/comments (403): the token needs `pull-requests: write`.');
    expect(run.stdout).toContain("Add `pull-requests: write` to the job's `permissions:` block");
    expect(run.summary).toContain('d.example.com');
    expect(JSON.parse(readFileSync(run.outputs['plan-file']!, 'utf8')).fleet).toBe('acme');
    expect(fake.comments('acme/forbidden', 5)).toHaveLength(0);
  });

  it('keeps a 2,000-site plan comment under the limit with every destructive operation in it', async () => {
    const deleted = Array.from({ length: 300 }, (_, i) => `old-${String(i).padStart(4, '0')}.example.com`);
    const added = Array.from({ length: 1700 }, (_, i) => `new-${String(i).padStart(4, '0')}.example.com`);
    const withOld: Record<string, string> = { ...fleetFiles };
    for (const name of deleted) withOld[`sites/${name}.yaml`] = site(name);
    const repo = new HostedRepo(fake, 'acme/large', withOld);
    repo.pushState(stateFiles(appliedState(load(withOld))));
    const change: Record<string, string> = {};
    for (const name of deleted) change[`sites/${name}.yaml`] = `${site(name)}status: deleted\n`;
    for (const name of added) change[`sites/${name}.yaml`] = site(name);
    const pr = repo.pushPullRequest(6, change);
    const run = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 6, pr),
      sha: pr.merge, workspace: repo.checkout('refs/pull/6/merge'), inputs: { token: 'ghs_write' },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ install: '1700', delete: '300' });
    const comments = fake.comments('acme/large', 6);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    for (const name of deleted) expect(body).toContain(`<code>- delete</code> site <b>${name.replace(/\./g, '.')}</b>`);
    expect(body).toMatch(/- … and \d+ more operations \(see the job summary of the plan run\)/);
    expect(parseMarker(body)!.destructive).toHaveLength(300);
    // The job summary has the plan in full.
    for (const name of added) expect(run.summary).toContain(`<b>${name}</b>`);
  }, 300_000); // 2,000 site files committed, fetched and planned: ~40 s on a loaded 2-CPU machine
});
