// Apply on merge through the bundled action (actions/dist/apply.mjs), as a
// runner runs it, against the fake GitHub API and the real servers: shards
// racing to push the state branch both land; a merged pull request's reviewed
// deletion runs while a migrate nobody reviewed is held back; the pull
// request's comment shows the outcome with links to the records.

import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseMarker } from '../../src/github/marker.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { git, HostedRepo, pullRequestEvent, pushEvent, runBundledAction, type ActionRun } from '../helpers/github-run.js';
import { makeFleet, writeFleetFile, type TestFleet } from './support/fleet.js';
import { pageWhen, waitFor } from './support/probe.js';

const services = inject('services');
const [web1] = services.ssh.servers as [typeof services.ssh.servers[0]];
const FULL_NAME = 'acme/hosting';
const TOKEN = 'ghs_apply';

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await FakeGitHub.start();
  fake.addToken(TOKEN, 'github-actions[bot]', { contents: 'write', pull_requests: 'write', statuses: 'write', actions: 'read' });
});

afterAll(async () => {
  await fake.close();
  removeGitCliRepos();
});

/** Every file of the fleet's work tree (not .git), for the hosted repository's first commit. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const siteYaml = (name: string, server: string, extra: Record<string, unknown> = {}) =>
  yaml.dump({ kind: 'Site', name, platform: 'brochure', server, ...extra });

function applyRun(repo: HostedRepo, fleet: TestFleet, sha: string, workspace: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction('apply', {
    fake, repo, eventName: 'push', payload: pushEvent(repo, 'refs/heads/main', '0'.repeat(40), sha), sha, workspace,
    inputs: { token: TOKEN, push: 'true', ...inputs }, env: fleet.env as Record<string, string>, timeoutMs: 170_000,
  });
}

describe('apply on merge (GitHub action)', () => {
  it('shards race and both land; a reviewed delete runs, an unreviewed migrate is held back; the pull request shows the outcome', async () => {
    const fleet = makeFleet(services, 'gh-apply', { keepSites: false });
    for (const [name, server] of [['keep.gh.test', 'web1'], ['gone.gh.test', 'web1'], ['moving.gh.test', 'web1'], ['other.gh.test', 'web2']]) {
      writeFleetFile(fleet, `sites/${name}.yaml`, yaml.load(siteYaml(name!, server!)) as Record<string, unknown>);
    }
    const repo = new HostedRepo(fake, FULL_NAME, filesOf(fleet.dir));
    const first = git(repo.bare, 'rev-parse', 'main');

    // 1. A direct push, applied by two shards (one job per server). Shard web1 stalls at its push until web2 has pushed.
    const ws1 = repo.checkout('main');
    const ws2 = repo.checkout('main');
    const signals = tempDir('tide-gh-signals-');
    writeFileSync(join(ws1, '.git/hooks/pre-push'), `#!/bin/sh\nif [ ! -e ${signals}/first ]; then\n  touch ${signals}/first\n  while [ ! -e ${signals}/go ]; do sleep 0.1; done\nfi\nexit 0\n`);
    chmodSync(join(ws1, '.git/hooks/pre-push'), 0o755);
    const shard1 = applyRun(repo, fleet, first, ws1, { server: 'web1' });
    await waitFor(() => existsSync(join(signals, 'first')), 150_000);
    const shard2 = await applyRun(repo, fleet, first, ws2, { server: 'web2' });
    writeFileSync(join(signals, 'go'), '');
    const shard1Run = await shard1;
    for (const run of [shard1Run, shard2]) {
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(run.outputs).toMatchObject({ outcome: 'applied', held: '0', 'pull-request': '' });
    }
    expect(shard1Run.stdout).toMatch(/origin\/tide-state moved \(another shard pushed\): replayed \d+ state commit\(s\), pushing again/);
    expect(shard1Run.summary).toMatch(/### tide apply \(server web1\): applied/);
    // Full messages: operations that end together share a commit (each message kept in its body).
    const landed = git(repo.bare, 'log', '--format=%B', 'tide-state');
    for (const name of ['keep', 'gone', 'moving', 'other']) expect(landed).toMatch(new RegExp(`install site ${name}\\.gh\\.test on web[12]: ok`));
    expect(git(repo.bare, 'rev-parse', 'tide-state')).toBe(shard1Run.outputs['state-commit']);

    // 2. A pull request deletes a site; the plan action shows it on the pull request.
    const pr = repo.pushPullRequest(7, { 'sites/gone.gh.test.yaml': siteYaml('gone.gh.test', 'web1', { status: 'deleted' }) });
    const plan = await runBundledAction('plan', {
      fake, repo, eventName: 'pull_request', payload: pullRequestEvent(repo, 7, pr), sha: pr.merge,
      workspace: repo.checkout('refs/pull/7/merge'), inputs: { token: TOKEN },
    });
    expect(plan.exitCode, plan.stdout + plan.stderr).toBe(0);
    expect(parseMarker(fake.comments(FULL_NAME, 7)[0]!.body)!.destructive).toEqual([expect.stringMatching(/^site\/gone\.gh\.test\/delete#[0-9a-f]{12}$/)]);

    // Meanwhile a change nobody reviewed reaches main: a site moves to web2 (a migrate, destructive). Then the pull request merges.
    repo.pushMain({ 'sites/moving.gh.test.yaml': siteYaml('moving.gh.test', 'web2') }, 'unreviewed move');
    const merge = repo.mergePullRequest(7);
    const run = await applyRun(repo, fleet, merge, repo.checkout('main'));
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    expect(run.outputs).toMatchObject({ outcome: 'partly', held: '1', 'pull-request': '7' });
    expect(run.stdout).toMatch(/1 destructive operation\(s\) not in the reviewed plan were held back/);

    // On the servers: the reviewed delete ran; the migrate did not start.
    expect(existsSync(join(fleet.roots.web1!, 'sites/gone.gh.test'))).toBe(false);
    expect(existsSync(join(fleet.roots.web2!, 'sites/moving.gh.test'))).toBe(false);
    expect((await pageWhen(web1.http.port, 'moving.gh.test', (p) => p.status === 200)).status).toBe(200);

    // On the pull request: one comment, the plan still there, the outcome added with links that resolve on the state branch.
    const comments = fake.comments(FULL_NAME, 7);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(parseMarker(body)).toBeDefined();
    expect(body).toMatch(/### tide apply: partly applied/);
    expect(body).toMatch(/Held back: 1 destructive operation\(s\) not in the reviewed plan\*\* \(the plan last shown on pull request #7\)/);
    expect(body).toMatch(/- migrate site moving\.gh\.test on web2/);
    const stateCommit = git(repo.bare, 'rev-parse', 'tide-state');
    expect(run.outputs['state-commit']).toBe(stateCommit);
    const row = body.split('\n').find((l) => l.startsWith('| delete site gone.gh.test on web1 |'))!;
    expect(row).toMatch(/✅ ok/);
    const link = /\[record\]\(https:\/\/github\.test\/acme\/hosting\/blob\/([0-9a-f]{40})\/(operations\/[^)]+\.json)\)/.exec(row)!;
    expect(link[1]).toBe(stateCommit);
    expect(JSON.parse(git(repo.bare, 'show', `${link[1]}:${link[2]}`))).toMatchObject({ action: 'delete', status: 'ok', target: { name: 'gone.gh.test' } });
    expect(body.split('\n').find((l) => l.startsWith('| migrate site moving.gh.test on web2 |'))).toMatch(/⏭️ skipped: blocked: not in the reviewed plan/);
  });
});
