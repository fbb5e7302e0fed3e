// A pull request from a fork: its plan run has a read-only token (or none)
// and no secrets, so it leaves the comment as an artifact; the relay run
// (workflow_run, write token) validates the pull request number against the
// triggering run's head and posts it.

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../helpers/fake-github.js';
import { appliedState, BASE, dedent, load } from '../helpers/fleet.js';
import { stateFiles } from '../helpers/git.js';
import { removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { HostedRepo, pullRequestEvent, runBundledAction } from '../helpers/github-run.js';
import { parseMarker } from '../../src/github/marker.js';

const fleetFiles = Object.fromEntries(Object.entries(BASE).map(([path, text]) => [path, dedent(text)]));
const site = (name: string) => `kind: Site\nname: ${name}\nplatform: notes-1.0\n`;

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('ghs_write');
});
afterAll(async () => {
  await fake.close();
  removeGitCliRepos();
});

/** The workflow_run event of the relay workflow, for the plan run of a fork's pull request. */
function workflowRunEvent(runId: number, headSha: string, headRepo: string) {
  return {
    action: 'completed',
    workflow_run: {
      id: runId, event: 'pull_request', conclusion: 'success', head_sha: headSha, head_branch: 'pr-9',
      head_repository: { full_name: headRepo }, html_url: `https://github.test/acme/fork-fleet/actions/runs/${runId}`,
      pull_requests: [],
    },
  };
}

describe('a pull request from a fork', () => {
  it('is planned without credentials, and the relay posts its comment and status', async () => {
    const repo = new HostedRepo(fake, 'acme/fork-fleet', fleetFiles);
    const pr = repo.pushPullRequest(9, { 'sites/f.example.com.yaml': site('f.example.com') }, { fork: 'stranger/fleet' });
    const before = fake.requests.length;
    const plan = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 9, pr, { action: 'opened', fork: 'stranger/fleet' }),
      sha: pr.merge, workspace: repo.checkout('refs/pull/9/merge'), inputs: {}, // no token at all
    });
    expect(plan.stderr).toBe('');
    expect(plan.exitCode).toBe(0);
    expect(fake.requests.length).toBe(before); // not one API call
    const artifactDir = plan.outputs['artifact-dir']!;
    expect(artifactDir).toBe(join(plan.runnerTemp, 'tide-plan-comment'));
    const meta = JSON.parse(readFileSync(join(artifactDir, 'pull-request.json'), 'utf8'));
    expect(meta).toMatchObject({ pullRequest: 9, headSha: pr.head, headRepo: 'stranger/fleet', status: { state: 'success' } });
    expect(readFileSync(join(artifactDir, 'comment.md'), 'utf8')).toContain('f.example.com');
    expect(plan.summary).toContain('f.example.com');

    // A stranger pastes tide's marker into a comment of their own: the relay must not take it for tide's.
    const pasted = readFileSync(join(artifactDir, 'comment.md'), 'utf8').replace('f.example.com', 'evil.example.com');
    fake.addComment('acme/fork-fleet', 9, 'stranger', pasted);

    // actions/download-artifact in the relay run puts the files in a directory of its own.
    const downloaded = tempDir('tide-gh-download-');
    cpSync(artifactDir, downloaded, { recursive: true });
    const relay = await runBundledAction('relay', {
      fake, repo, eventName: 'workflow_run', payload: workflowRunEvent(555, pr.head, 'stranger/fleet'),
      sha: 'b'.repeat(40), workspace: tempDir('tide-gh-relay-ws-'), inputs: { token: 'ghs_write', 'artifact-dir': downloaded },
    });
    expect(relay.stderr).toBe('');
    expect(relay.exitCode).toBe(0);
    const comments = fake.comments('acme/fork-fleet', 9);
    expect(comments).toHaveLength(2);
    expect(comments[0]!.body).toContain('evil.example.com'); // the stranger's, untouched
    expect(comments[1]!.user.login).toBe('github-actions[bot]');
    expect(comments[1]!.body).toBe(readFileSync(join(artifactDir, 'comment.md'), 'utf8'));
    expect(parseMarker(comments[1]!.body)!.commits.head).toBe(pr.head);
    const [status] = fake.statuses('acme/fork-fleet', pr.head);
    expect(status).toMatchObject({ context: 'tide/plan', state: 'success', target_url: 'https://github.test/acme/fork-fleet/actions/runs/555' });
    expect(relay.outputs['pull-request']).toBe('9');

    // The same artifact relayed again: nothing to write.
    const writes = fake.writes().length;
    const again = await runBundledAction('relay', {
      fake, repo, eventName: 'workflow_run', payload: workflowRunEvent(555, pr.head, 'stranger/fleet'),
      sha: 'b'.repeat(40), workspace: tempDir('tide-gh-relay-ws-'), inputs: { token: 'ghs_write', 'artifact-dir': downloaded },
    });
    expect(again.exitCode).toBe(0);
    expect(fake.writes().length).toBe(writes);
  });

  it('refuses an artifact that names a pull request other than the triggering run\'s', async () => {
    const repo = new HostedRepo(fake, 'acme/forged', fleetFiles);
    const fork = repo.pushPullRequest(11, { 'sites/g.example.com.yaml': site('g.example.com') }, { fork: 'mallory/fleet' });
    const victim = repo.pushPullRequest(12, { 'sites/h.example.com.yaml': site('h.example.com') });
    const plan = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 11, fork, { fork: 'mallory/fleet' }),
      sha: fork.merge, workspace: repo.checkout('refs/pull/11/merge'), inputs: {},
    });
    expect(plan.exitCode).toBe(0);
    const dir = plan.outputs['artifact-dir']!;
    // The fork's workflow rewrote the number to land its comment on pull request 12.
    const meta = JSON.parse(readFileSync(join(dir, 'pull-request.json'), 'utf8'));
    writeFileSync(join(dir, 'pull-request.json'), JSON.stringify({ ...meta, pullRequest: 12, headSha: victim.head }));
    const writes = fake.writes().length;
    const relay = await runBundledAction('relay', {
      fake, repo, eventName: 'workflow_run', payload: workflowRunEvent(556, fork.head, 'mallory/fleet'),
      sha: 'b'.repeat(40), workspace: tempDir('tide-gh-relay-ws-'), inputs: { token: 'ghs_write', 'artifact-dir': dir },
    });
    expect(relay.exitCode).not.toBe(0);
    expect(relay.stdout).toMatch(/::error::The artifact names pull request #12, whose head \(acme\/forged@[0-9a-f]{7}\) is not the head of run 556 \(mallory\/fleet@/);
    expect(fake.writes().length).toBe(writes);
    expect(fake.comments('acme/forged', 12)).toHaveLength(0);
    expect(fake.statuses('acme/forged', victim.head)).toHaveLength(0);
  });

  it('plans the pull request again in the relay, so a doctored artifact cannot fake a passing tide/plan', async () => {
    const repo = new HostedRepo(fake, 'acme/doctored', fleetFiles);
    repo.pushState(stateFiles(appliedState(load(BASE))));
    // New code under live sites: blocked.
    const pr = repo.pushPullRequest(13, { 'platforms/notes-1.0.yaml': fleetFiles['platforms/notes-1.0.yaml']!.replace('ref: v1.0.0', 'ref: v1.0.1') }, { fork: 'mallory/fleet' });
    const plan = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 13, pr, { fork: 'mallory/fleet' }),
      sha: pr.merge, workspace: repo.checkout('refs/pull/13/merge'), inputs: {},
    });
    expect(plan.exitCode).toBe(1);
    const dir = plan.outputs['artifact-dir']!;
    // The fork's modified workflow rewrites the artifact: all green, nothing blocked.
    const meta = JSON.parse(readFileSync(join(dir, 'pull-request.json'), 'utf8'));
    writeFileSync(join(dir, 'pull-request.json'), JSON.stringify({ ...meta, status: { state: 'success', description: 'No changes' } }));
    const body = readFileSync(join(dir, 'comment.md'), 'utf8');
    writeFileSync(join(dir, 'comment.md'), `${body.split('\n')[0]}\n### tide plan for acme\n\n**No changes. The fleet matches the recorded state.**\n`);

    const relay = await runBundledAction('relay', {
      fake, repo, eventName: 'workflow_run', payload: workflowRunEvent(557, pr.head, 'mallory/fleet'),
      sha: repo.pushMain({}, 'nothing'), workspace: repo.checkout('main'), inputs: { token: 'ghs_write', 'artifact-dir': dir, 'fleet-repo': '.' },
    });
    expect(relay.stderr).toBe('');
    // The marker line was kept, so the hashes agree; the posted text is the relay's own all the same.
    expect(relay.stdout).toContain("same plan as the fork's run");
    expect(relay.exitCode).toBe(1);
    const [comment] = fake.comments('acme/doctored', 13);
    expect(comment!.body).not.toContain('No changes');
    expect(comment!.body).toMatch(/<code>! deploy<\/code> platform <b>notes-1\.0<\/b>/);
    expect(parseMarker(comment!.body)!.commits).toEqual({ planned: pr.merge, head: pr.head, base: pr.base });
    const [status] = fake.statuses('acme/doctored', pr.head);
    expect(status).toMatchObject({ context: 'tide/plan', state: 'failure', description: '1 blocked' });
  });
});
