// Sharded applies (`tide apply --server NAME --push`), as a CI matrix runs
// them: one clone of the fleet per shard, one bare "origin" they all push the
// state branch to. A shard whose push loses the race replays its state
// commits onto the new tip and pushes again; both shards' state lands.

import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { commitAll, makeFleet, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { pageWhen, waitFor } from './support/probe.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];

afterAll(() => removeGitCliRepos());

/** A clone of `remote` for one shard, sharing the fleet's services and roots. */
function shardClone(fleet: TestFleet, remote: string, name: string): TestFleet {
  const dir = tempDir(`tide-shard-${name}-`);
  git(dir, 'clone', '-q', remote, '.');
  return { ...fleet, dir, printed: fleet.printed };
}

describe('sharded applies push one state branch', () => {
  it('two shards racing to push both land their state; no commit is lost', async () => {
    const fleet = makeFleet(services, 'shards', { keepSites: false });
    writeFleetFile(fleet, 'sites/one.shard.test.yaml', { kind: 'Site', name: 'one.shard.test', platform: 'brochure', server: 'web1' });
    writeFleetFile(fleet, 'sites/two.shard.test.yaml', { kind: 'Site', name: 'two.shard.test', platform: 'brochure', server: 'web2' });
    commitAll(fleet, 'a site on each server');
    const remote = tempDir('tide-shards-origin-');
    git(remote, 'init', '-q', '--bare', '-b', 'main');
    git(fleet.dir, 'push', '-q', remote, 'main');
    const shard1 = shardClone(fleet, remote, 'web1');
    const shard2 = shardClone(fleet, remote, 'web2');

    // Shard 1 reaches its push first and stalls there (a pre-push hook) until shard 2 has pushed: a lost race, every time.
    const signals = tempDir('tide-shards-signals-');
    const hook = join(shard1.dir, '.git/hooks/pre-push');
    writeFileSync(hook, `#!/bin/sh
if [ ! -e ${signals}/first ]; then
  read local_ref local_sha rest
  echo "$local_sha" > ${signals}/first
  while [ ! -e ${signals}/go ]; do sleep 0.1; done
fi
exit 0
`);
    chmodSync(hook, 0o755);

    const first = tide(shard1, ['apply', '--yes', '--server', 'web1', '--push']);
    await waitFor(() => existsSync(join(signals, 'first')), 120_000);
    const second = await tide(shard2, ['apply', '--yes', '--server', 'web2', '--push']);
    expect(second.exitCode, second.all).toBe(0);
    writeFileSync(join(signals, 'go'), '');
    const firstRun = await first;
    expect(firstRun.exitCode, firstRun.all).toBe(0);
    expect(firstRun.all).toMatch(/origin\/tide-state moved \(another shard pushed\): replayed \d+ state commit\(s\)/);

    // Both shards' work is on the remote: each one's commits, in full, nothing forced over anything.
    const remoteLog = git(remote, 'log', '--format=%s', 'tide-state').split('\n');
    const shard1Before = readFileSync(join(signals, 'first'), 'utf8').trim();
    const shard1Subjects = git(shard1.dir, 'log', '--format=%s', shard1Before).trim().split('\n');
    for (const subject of shard1Subjects) expect(remoteLog).toContain(subject);
    git(remote, 'merge-base', '--is-ancestor', git(shard2.dir, 'rev-parse', 'tide-state').trim(), 'tide-state');
    // Full messages: operations that end together share a commit (each message kept in its body).
    const messages = git(remote, 'log', '--format=%B', 'tide-state');
    for (const line of ['install site one.shard.test on web1: ok', 'install site two.shard.test on web2: ok', 'deploy platform brochure on web1: ok', 'deploy platform brochure on web2: ok']) {
      expect(messages).toContain(line);
    }

    // The state a later apply reads from the remote: both sites, both servers, and the platform deployed on both.
    const view = { dir: remote };
    expect(JSON.parse(stateFile(view, 'state/sites/one.shard.test.json')!).server).toBe('web1');
    expect(JSON.parse(stateFile(view, 'state/sites/two.shard.test.json')!).server).toBe('web2');
    expect(stateFile(view, 'state/servers/web1.json')).not.toBeNull();
    expect(stateFile(view, 'state/servers/web2.json')).not.toBeNull();
    expect(Object.keys(JSON.parse(stateFile(view, 'state/platforms/brochure.json')!).deployments).sort()).toEqual(['web1', 'web2']);
    expect(git(remote, 'ls-tree', '--name-only', 'tide-state', 'state/running/').trim()).toBe('');

    // The sites are served, each from its own server.
    expect((await pageWhen(web1.http.port, 'one.shard.test', (p) => p.status === 200)).status).toBe(200);
    expect((await pageWhen(web2.http.port, 'two.shard.test', (p) => p.status === 200)).status).toBe(200);

    // A fresh clone plans nothing more: the merged state is the servers' state.
    const check = shardClone(fleet, remote, 'check');
    git(check.dir, 'fetch', '-q', 'origin', 'tide-state:refs/remotes/origin/tide-state');
    const plan = await tide(check, ['plan', '--detailed-exitcode']);
    expect(plan.exitCode, plan.all).toBe(0);
  });
});
