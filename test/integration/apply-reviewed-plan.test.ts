// `tide apply --reviewed-plan FILE`: what the pull request showed runs; a
// destructive operation it never showed is held back (blocked, reported, exit
// 1) while the rest goes on; a change merged elsewhere meanwhile is no
// "plan changed" failure. Real servers, through the CLI.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, makeFleet, operationRecords, stateFile, tide, writeFleetFile } from './support/fleet.js';
import { pageWhen } from './support/probe.js';

const services = inject('services');
const [web1] = services.ssh.servers as [typeof services.ssh.servers[0]];

afterAll(() => removeGitCliRepos());

const site = (name: string, extra: Record<string, unknown> = {}) => ({ kind: 'Site', name, platform: 'brochure', server: 'web1', ...extra });

describe('apply --reviewed-plan', () => {
  it('runs what was reviewed, holds back an unreviewed migrate, and goes on with the rest', async () => {
    const fleet = makeFleet(services, 'reviewed', { keepSites: false });
    for (const name of ['keep.reviewed.test', 'gone.reviewed.test', 'moving.reviewed.test']) writeFleetFile(fleet, `sites/${name}.yaml`, site(name));
    commitAll(fleet, 'three sites');
    const setup = await tide(fleet, ['apply', '--yes']);
    expect(setup.exitCode, setup.all).toBe(0);

    // The pull request: delete one site, add another. Its plan is what the reviewers saw.
    writeFleetFile(fleet, 'sites/gone.reviewed.test.yaml', site('gone.reviewed.test', { status: 'deleted' }));
    writeFleetFile(fleet, 'sites/new1.reviewed.test.yaml', site('new1.reviewed.test'));
    commitAll(fleet, 'PR: delete gone, add new1');
    expect((await tide(fleet, ['plan', '--out', 'reviewed.json'])).exitCode).toBe(0);

    // Merged meanwhile, never shown on that pull request: a site moves to web2 (destructive), another is added.
    writeFleetFile(fleet, 'sites/moving.reviewed.test.yaml', site('moving.reviewed.test', { server: 'web2' }));
    writeFleetFile(fleet, 'sites/new2.reviewed.test.yaml', site('new2.reviewed.test'));
    commitAll(fleet, 'another change, merged before the apply');

    // The hash-exact check fails the whole run for that: the false "plan changed" users complain about.
    const exact = await tide(fleet, ['apply', '--yes', '--plan', 'reviewed.json']);
    expect(exact.exitCode).toBe(1);
    expect(exact.all).toMatch(/reviewed\.json is stale/);
    expect(existsSync(join(fleet.roots.web1!, 'sites/gone.reviewed.test'))).toBe(true);

    const run = await tide(fleet, ['apply', '--yes', '--reviewed-plan', 'reviewed.json']);
    expect(run.exitCode, run.all).toBe(1);
    expect(run.stdout).toMatch(/- migrate site moving\.reviewed\.test on web2 skipped: blocked: not in the reviewed plan/);
    expect(run.stderr).toMatch(/held back 1 destructive operation\(s\) not in the reviewed plan \(reviewed\.json\):\n {2}- site\/moving\.reviewed\.test\/migrate/);
    expect(run.stdout).toMatch(/Apply finished: \d+ ok, 0 failed, 1 skipped/);

    // The reviewed delete ran: files, vhost and state record gone, its backup kept.
    expect(existsSync(join(fleet.roots.web1!, 'sites/gone.reviewed.test'))).toBe(false);
    expect(existsSync(join(web1.http.configDir, 'tide-gone.reviewed.test.conf'))).toBe(false);
    expect(stateFile(fleet, 'state/sites/gone.reviewed.test.json')).toBeNull();
    expect(JSON.parse(stateFile(fleet, 'state/deleted-sites/gone.reviewed.test.json')!).backups).toHaveLength(1);
    // Both new sites are served: the unreviewed install is not destructive and went on.
    for (const name of ['new1.reviewed.test', 'new2.reviewed.test']) {
      expect((await pageWhen(web1.http.port, name, (p) => p.status === 200)).status, name).toBe(200);
    }
    // The unreviewed migrate never started: the site is still served from web1, nothing of it on web2, no record.
    expect((await pageWhen(web1.http.port, 'moving.reviewed.test', (p) => p.status === 200)).status).toBe(200);
    expect(existsSync(join(fleet.roots.web2!, 'sites/moving.reviewed.test'))).toBe(false);
    expect(JSON.parse(stateFile(fleet, 'state/sites/moving.reviewed.test.json')!).server).toBe('web1');
    expect(operationRecords(fleet).some((r) => r.action === 'migrate')).toBe(false);

    // Once a plan showing the migrate is reviewed, it runs.
    expect((await tide(fleet, ['plan', '--out', 'reviewed2.json'])).exitCode).toBe(0);
    const second = await tide(fleet, ['apply', '--yes', '--reviewed-plan', 'reviewed2.json']);
    expect(second.exitCode, second.all).toBe(0);
    expect(JSON.parse(stateFile(fleet, 'state/sites/moving.reviewed.test.json')!).server).toBe('web2');
  });

  it('refuses a reviewed plan of another fleet, or a file that is not a plan, and changes nothing', async () => {
    const fleet = makeFleet(services, 'reviewed-bad', { keepSites: false });
    writeFleetFile(fleet, 'sites/x.reviewed.test.yaml', site('x.reviewed.test'));
    commitAll(fleet, 'one site');
    expect((await tide(fleet, ['plan', '--out', 'plan.json'])).exitCode).toBe(0);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const plan = JSON.parse(readFileSync(join(fleet.dir, 'plan.json'), 'utf8'));
    writeFileSync(join(fleet.dir, 'other.json'), JSON.stringify({ ...plan, fleet: 'someone-else' }));
    writeFileSync(join(fleet.dir, 'broken.json'), JSON.stringify({ ...plan, operations: [{ id: 'x' }] }));
    const other = await tide(fleet, ['apply', '--yes', '--reviewed-plan', 'other.json']);
    expect(other.exitCode).toBe(1);
    expect(other.all).toMatch(/other\.json is a plan of the fleet 'someone-else'/);
    const broken = await tide(fleet, ['apply', '--yes', '--reviewed-plan', 'broken.json']);
    expect(broken.exitCode).toBe(1);
    expect(broken.all).toMatch(/broken\.json is not a valid tide plan: \/operations\/0/);
    expect(stateFile(fleet, 'state/servers/web1.json')).toBeNull();
    expect(existsSync(join(fleet.roots.web1!, 'sites'))).toBe(false);
  });
});
