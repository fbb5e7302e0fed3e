// Shards pushing one state branch: a push that lost the race replays its
// state commits onto the remote's new tip and pushes again. Real git
// repositories (a bare "origin" and one clone per shard), commits made by
// tide's own StateWriter; only git is needed.

import { afterAll, describe, expect, it } from 'vitest';
import { pushState } from '../../src/apply/push.js';
import { rebaseStateBranch, StateRebaseConflictError } from '../../src/apply/rebase-state.js';
import { mergeStateFile } from '../../src/state/merge.js';
import { StateWriter } from '../../src/state/writer.js';
import { rejection } from '../helpers/errors.js';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos, 60_000);

const BRANCH = 'tide-state';
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const rev = (dir: string, name: string): string => git(dir, 'rev-parse', '--verify', '-q', name).trim();
const subjects = (dir: string, range: string): string[] => git(dir, 'log', '--format=%s', range).trim().split('\n').filter(Boolean);
const show = (dir: string, path: string, ref = BRANCH): unknown => JSON.parse(git(dir, 'show', `${ref}:${path}`));

/** A bare origin holding a state branch with one platform deployed nowhere yet, and two clones of it. */
function origin(): { remote: string; shard1: string; shard2: string } {
  const remote = tempDir('tide-origin-');
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  const seed = tempDir('tide-seed-');
  git(seed, 'init', '-q', '-b', 'main');
  git(seed, 'commit', '-q', '--allow-empty', '-m', 'fleet');
  git(seed, 'remote', 'add', 'origin', remote);
  git(seed, 'push', '-q', 'origin', 'main');
  const clone = (name: string): string => {
    const dir = tempDir(`tide-${name}-`);
    git(dir, 'clone', '-q', remote, '.');
    return dir;
  };
  return { remote, shard1: clone('shard1'), shard2: clone('shard2') };
}

/** What one shard's apply records: a running record and marker, then the outcome, a state file and the shared platform's deployment. */
async function recordShard(dir: string, server: string, site: string, at: string): Promise<void> {
  const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
  const record = `operations/2026-11/${at}-install-site-${site}.json`;
  const marker = `state/running/${at}-install-site-${site}.json`;
  await writer.commit({ files: { [record]: json({ status: 'running' }), [marker]: json({ record }) }, message: `install site ${site} on ${server}: running\n` });
  const platform = JSON.parse((await writer.readFile('state/platforms/notes.json')) ?? '{"name":"notes","deployments":{}}');
  platform.deployments[server] = { commit: 'abc', deployedAt: at };
  platform.lastOperation = { id: `deploy-${server}`, action: 'deploy', status: 'ok', at };
  await writer.commit({
    files: { [record]: json({ status: 'ok' }), [marker]: null, [`state/sites/${site}.json`]: json({ name: site, server }), 'state/platforms/notes.json': json(platform) },
    message: `install site ${site} on ${server}: ok\n`,
  });
}

describe('rebasing a shard state branch onto the remote', () => {
  it('two shards that both start from nothing both land; every commit kept, the shared platform file merged', async () => {
    const { remote, shard1, shard2 } = origin();
    await recordShard(shard1, 'web1', 'a.example.test', '20261129T100000Z');
    await recordShard(shard2, 'web2', 'b.example.test', '20261129T100005Z');
    const shard1Commits = subjects(shard1, BRANCH);

    await pushState(shard2, BRANCH, { rebase: true });
    // Without --server the race is refused, as before: nothing forced.
    const refused = await rejection(pushState(shard1, BRANCH));
    expect(refused.message).toMatch(/moved while this apply ran/);
    expect(subjects(remote, BRANCH)).toEqual(subjects(shard2, BRANCH));

    const rebased: number[] = [];
    await pushState(shard1, BRANCH, { rebase: true, onRebased: ({ replayed }) => void rebased.push(replayed) });
    expect(rebased).toEqual([2]);
    expect(rev(remote, BRANCH)).toBe(rev(shard1, BRANCH));
    // Shard 2's commits are untouched ancestors; shard 1's come after, with their messages and authors.
    git(remote, 'merge-base', '--is-ancestor', rev(shard2, BRANCH), BRANCH);
    expect(subjects(remote, BRANCH)).toEqual([...shard1Commits, ...subjects(shard2, BRANCH)]);
    expect(git(remote, 'log', '-1', '--format=%an <%ae>', BRANCH).trim()).toBe('tide <tide@localhost>');
    expect(show(remote, 'state/sites/a.example.test.json')).toEqual({ name: 'a.example.test', server: 'web1' });
    expect(show(remote, 'state/sites/b.example.test.json')).toEqual({ name: 'b.example.test', server: 'web2' });
    expect(git(remote, 'ls-tree', '-r', '--name-only', BRANCH, 'state/running').trim()).toBe('');
    expect(git(remote, 'ls-tree', '-r', '--name-only', BRANCH, 'operations').trim().split('\n')).toHaveLength(2);
    expect(show(remote, 'state/platforms/notes.json')).toEqual({
      name: 'notes',
      deployments: { web1: { commit: 'abc', deployedAt: '20261129T100000Z' }, web2: { commit: 'abc', deployedAt: '20261129T100005Z' } },
      lastOperation: { id: 'deploy-web2', action: 'deploy', status: 'ok', at: '20261129T100005Z' },
    });
    git(remote, 'fsck', '--strict', '--no-dangling');
    expect(git(shard1, 'for-each-ref', 'refs/tide').trim()).toBe(''); // no scratch ref left
  });

  it('stops on a real conflict, keeps the local branch as it was, and never forces', async () => {
    const { remote, shard1, shard2 } = origin();
    for (const [dir, server] of [[shard1, 'web1'], [shard2, 'web2']] as const) {
      const writer = await StateWriter.open({ repoDir: dir, branch: BRANCH });
      await writer.commit({ files: { 'state/sites/same.example.test.json': json({ name: 'same.example.test', server }) }, message: `install on ${server}\n` });
    }
    await pushState(shard2, BRANCH, { rebase: true });
    const before = rev(shard1, BRANCH);
    const error = await rejection(pushState(shard1, BRANCH, { rebase: true }));
    expect(error).toBeInstanceOf(StateRebaseConflictError);
    expect(error.message).toMatch(/state\/sites\/same\.example\.test\.json: both changed server/);
    expect(rev(shard1, BRANCH)).toBe(before);
    expect(subjects(remote, BRANCH)).toEqual(['install on web2']);
  });

  it('gives up after the bounded number of attempts when the remote keeps moving', async () => {
    const { remote, shard1, shard2 } = origin();
    await recordShard(shard1, 'web1', 'a.example.test', '20261129T100000Z');
    let n = 0;
    // Another shard pushes again each time this one has replayed its commits.
    const busy = async (): Promise<void> => {
      const writer = await StateWriter.open({ repoDir: shard2, branch: BRANCH });
      await writer.commit({ files: { [`operations/2026-11/other-${n++}.json`]: json({}) }, message: `other ${n}\n` });
      await pushState(shard2, BRANCH, { rebase: true });
    };
    await busy();
    const error = await rejection(pushState(shard1, BRANCH, { rebase: true, attempts: 2, onRebased: busy }));
    expect(error.message).toMatch(/kept moving: 2 pushes lost the race/);
    expect(subjects(remote, BRANCH)).not.toContain('install site a.example.test on web1: ok');
  });

  it('does nothing when the local branch already holds the upstream', async () => {
    const { shard1 } = origin();
    await recordShard(shard1, 'web1', 'a.example.test', '20261129T100000Z');
    const tip = rev(shard1, BRANCH);
    git(shard1, 'update-ref', 'refs/remotes/origin/tide-state', `${BRANCH}~1`);
    expect(await rebaseStateBranch(shard1, BRANCH, 'refs/remotes/origin/tide-state')).toEqual({ replayed: 0, tip });
  });
});

describe('mergeStateFile', () => {
  it('merges keys either side changed and refuses a field both changed differently', () => {
    const base = json({ name: 'p', deployments: {}, packages: [1] });
    expect(mergeStateFile(base, json({ name: 'p', deployments: { a: 1 }, packages: [1] }), json({ name: 'p', deployments: { b: 2 }, packages: [1] })))
      .toEqual({ merged: json({ name: 'p', deployments: { a: 1, b: 2 }, packages: [1] }) });
    expect(mergeStateFile(base, json({ name: 'p', deployments: {}, packages: [2] }), json({ name: 'p', deployments: {}, packages: [3] })))
      .toEqual({ conflict: 'both changed packages' });
    expect(mergeStateFile(base, null, json({ name: 'q' }))).toHaveProperty('conflict');
    expect(mergeStateFile(base, 'not json', base)).toHaveProperty('conflict');
  });
});
