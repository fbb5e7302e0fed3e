// One reload for many vhosts (issue 14, point 2): sites installed by one
// apply on a server share the web server's config test and reload. Reloads
// are counted by web1's reload command itself (it appends a line to a file,
// then runs the real reload): nginx's own log merges SIGHUPs that arrive
// together, so it would undercount. When a site's vhost breaks the shared
// test, only that site's install fails and is rolled back; the others are
// served over HTTP as soon as apply returns. With fewer slots per server
// than sites, the installs waiting in the group give their slots to the next
// ones, and the batch waits for them: still one test and one reload.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, list, makeFleet, operationRecords, serverYaml, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { httpGet } from './support/probe.js';

const services = inject('services');
const web1 = services.ssh.servers[0]!;
let fleet: TestFleet;

const reloadLog = join(web1.root, 'reload-group-reloads');
const reloads = () => (existsSync(reloadLog) ? readFileSync(reloadLog, 'utf8').split('\n').length - 1 : 0);

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}.reload.test`);

/** The Fleet file, with `perServer` operations at once on a server. */
function writeFleetSettings(perServer: number): void {
  writeFleetFile(fleet, 'tide.yaml', { kind: 'Fleet', name: 'reload-group', id: fleet.id, state: { branch: 'tide-state' }, prune: false,
    concurrency: { total: 8, perServer } });
}

/** The operation logs on the state branch of the installs of `sites`. */
function installLogs(sites: string[]): string[] {
  const paths = execFileSync('git', ['ls-tree', '-r', '--name-only', 'tide-state', 'operations'], { cwd: fleet.dir, encoding: 'utf8' }).split('\n');
  return sites.map((site) => stateFile(fleet, paths.find((p) => p.endsWith('.log') && p.includes(`install-site-${site}`))!) ?? '');
}

function writeSites(sites: string[], extra: (name: string) => Record<string, unknown> = () => ({})): void {
  for (const name of sites) writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, platform: 'brochure', server: 'web1', ...extra(name) });
}

beforeAll(async () => {
  fleet = makeFleet(services, 'reload-group', { keepSites: false });
  // Only the static platform (no database), and room for every install at once.
  rmSync(join(fleet.dir, 'platforms/notes.yaml'));
  rmSync(join(fleet.dir, 'platforms/notes'), { recursive: true });
  writeFleetFile(fleet, 'platforms/brochure.yaml', { kind: 'Platform', name: 'brochure', servers: ['web1'], driver: 'static', source: { path: 'platforms/brochure' }, docroot: '.' });
  // web1's reload counts itself; tide runs the commands as they are (the sudo is in them).
  const server = yaml.load(serverYaml(web1, services, fleet.roots.web1!)) as { services: { http: Record<string, unknown> } };
  Object.assign(server.services.http, { sudo: false, check: `sudo -n ${web1.http.check}`, reload: `echo reload >> ${reloadLog} && sudo -n ${web1.http.reload}` });
  writeFileSync(join(fleet.dir, 'servers/web1.yaml'), yaml.dump(server));
  writeFleetSettings(8);
  commitAll(fleet, 'servers and the static platform');
  const run = await tide(fleet, ['apply', '--yes']);
  expect(run.exitCode, run.all).toBe(0);
}, 120_000);
afterAll(() => removeGitCliRepos());

describe('one reload for many vhosts', () => {
  it('8 sites installed by one apply share a few reloads of the server, and each answers when apply returns', async () => {
    const sites = names('many', 8);
    writeSites(sites);
    commitAll(fleet, '8 sites');
    const before = reloads();
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode, run.all).toBe(0);
    expect(reloads() - before).toBeGreaterThanOrEqual(1);
    expect(reloads() - before).toBeLessThanOrEqual(3);
    for (const site of sites) expect((await httpGet(web1.http.port, site)).status, site).toBe(200);
  });

  it('a vhost that breaks the shared config test fails only its site\'s install (rolled back, vhost gone); the others are served', async () => {
    const sites = names('batch', 8);
    const bad = sites[3]!;
    const missing = join(web1.root, 'no-such-dir');
    writeSites(sites, (name) => (name === bad ? { https: { certificate: `${missing}/cert.pem`, key: `${missing}/key.pem` } } : {}));
    commitAll(fleet, '8 sites, one with a certificate that is not there');
    const before = reloads();
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode, run.all).toBe(1);
    expect(reloads() - before).toBeLessThanOrEqual(3);
    const installs = new Map(operationRecords(fleet).filter((r) => r.action === 'install' && sites.includes(r.target.name)).map((r) => [r.target.name, r]));
    expect(installs.get(bad)).toMatchObject({ status: 'rolled-back' });
    expect(installs.get(bad)!.error).toMatch(/config test after writing .*tide-batch3\.reload\.test\.conf/);
    expect(installs.get(bad)!.error).toContain(`${missing}/cert.pem`);
    expect(list(web1.http.configDir)).not.toContain(`tide-${bad}.conf`);
    expect(list(join(fleet.roots.web1!, 'sites'))).not.toContain(bad);
    expect(stateFile(fleet, `state/sites/${bad}.json`)).toBeNull();
    for (const site of sites.filter((s) => s !== bad)) {
      expect(installs.get(site)?.status, `${site}: ${installs.get(site)?.error}`).toBe('ok');
      expect((await httpGet(web1.http.port, site)).status, site).toBe(200);
    }
    // The server's config still passes its test (other test files share this nginx).
    expect(execFileSync('sh', ['-c', `${web1.http.check} 2>&1`]).toString()).toContain('test is successful');
  });

  it('6 installs on a server with 2 slots (perServer 2) wait for each other in the group: one config test and one reload for all', async () => {
    writeFleetSettings(2);
    // The faulty site of the test before would be tried again (and fail the apply).
    rmSync(join(fleet.dir, `sites/${names('batch', 8)[3]}.yaml`), { force: true });
    const sites = names('pair', 6);
    writeSites(sites);
    commitAll(fleet, '6 sites, 2 at a time');
    const before = reloads();
    // A long bound, so only the rule under test (no other install left running) can start the batch.
    const run = await tide(fleet, ['apply', '--yes'], { TIDE_RELOAD_WAIT_SECONDS: '120' });
    writeFleetSettings(8);
    commitAll(fleet, 'back to 8 at a time');
    expect(run.exitCode, run.all).toBe(0);
    expect(reloads() - before).toBe(1);
    for (const log of installLogs(sites)) expect(log.match(/nginx [^\n]*-t\b[^]*?\(once for 6 vhosts/g), log).toHaveLength(1);
    for (const site of sites) expect((await httpGet(web1.http.port, site)).status, site).toBe(200);
  });
});
