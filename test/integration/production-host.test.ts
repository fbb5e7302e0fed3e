// Servers as in production (issue 11): tide logs in as each server's
// unprivileged deploy user (prepared by examples/prepare-server.sh), nginx's
// workers and php-fpm's pool run as www-data. Through the whole PHP
// lifecycle (install, disable/enable, migrate to another server, restore,
// clone, rename, verify's repair, delete) every site reads its settings and
// stores an upload in files/ through PHP, and its files keep Aegir's
// permission model: deploy user and web group, settings.json readable by the
// group only, files/ writable by it, platform code not.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, makeFleet, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { httpRequest, pageWhen, sql } from './support/probe.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];
const servers = { web1, web2 };
type ServerName = keyof typeof servers;
// Names of its own: every test file shares the one MariaDB.
const SITE = 'ph-notes.example.test';
const OTHER = 'ph-other.example.test';
const CLONE = 'ph-copy.example.test';
const RENAMED = 'ph-renamed.example.test';
let fleet: TestFleet;

interface SiteState {
  server: ServerName;
  url: string;
  db: { name: string; user: string };
  backups?: { id: string }[];
}
const siteState = (name: string): SiteState => JSON.parse(stateFile(fleet, `state/sites/${name}.json`)!) as SiteState;
const siteDir = (server: ServerName, name: string) => join(fleet.roots[server]!, 'sites', name);

function writeSite(name: string, fields: Record<string, unknown>): void {
  writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, platform: 'notes', ...fields });
}

async function applyOk(message: string): Promise<string> {
  commitAll(fleet, message);
  const run = await tide(fleet, ['apply', '--yes']);
  expect(run.exitCode, run.all).toBe(0);
  expectNoSecretsStored(fleet);
  return run.all ?? '';
}

/** "MODE USER GROUP" of a path on the server. */
const stat = (path: string) => execFileSync('stat', ['-c', '%a %U %G', path], { encoding: 'utf8' }).trim();
/** Whether `user` passes `test FLAG path` on the server (runuser: as that user, without sudo). */
const can = (user: string, flag: '-r' | '-w', path: string) => spawnSync('runuser', ['-u', user, '--', 'test', flag, path]).status === 0;

/**
 * Everything the issue asks of a site's files, on its server: the deploy
 * user and the web group own them, settings.json is readable by the group
 * and no one else, files/ is writable by the group, the code only readable.
 */
function expectPermissionModel(server: ServerName, name: string): void {
  const { user, webGroup } = servers[server];
  const dir = siteDir(server, name);
  expect(stat(dir)).toBe(`2750 ${user} ${webGroup}`);
  expect(stat(join(dir, 'settings.json'))).toBe(`640 ${user} ${webGroup}`);
  expect(stat(join(dir, 'files'))).toBe(`2770 ${user} ${webGroup}`);
  expect(can(webGroup, '-r', join(dir, 'settings.json'))).toBe(true);
  expect(can(webGroup, '-w', join(dir, 'settings.json'))).toBe(false);
  expect(can('nobody', '-r', join(dir, 'settings.json'))).toBe(false);
  const code = join(fleet.roots[server]!, 'platforms/notes');
  expect(can(webGroup, '-r', join(code, 'public/index.php'))).toBe(true);
  expect(can(webGroup, '-w', join(code, 'public/index.php'))).toBe(false);
  expect(can(webGroup, '-w', join(code, 'public'))).toBe(false);
}

/** The site answers from its settings (its notes from its database), and stores and serves an upload through PHP. */
async function expectServedWithUploads(server: ServerName, host: string, site = host): Promise<void> {
  const { port } = servers[server].http;
  const page = await pageWhen(port, host, (p) => p.status === 200 && p.body.includes(`Notes of ${site}`));
  expect(page.status, page.body).toBe(200);
  expect(page.body).toContain(`Notes of ${site}`);
  const name = `upload-${Date.now()}.txt`;
  const stored = await httpRequest(port, host, `/upload.php?name=${name}`, { method: 'POST', body: `uploaded to ${host}` });
  expect(stored.status, stored.body).toBe(200);
  expect(stored.body).toContain(`stored files/${name}`);
  const file = join(siteDir(server, site), 'files', name);
  // Written by PHP itself (www-data), kept in the web group by the setgid directory.
  expect(stat(file)).toMatch(/^\d+ www-data www-data$/);
  expect((await httpRequest(port, host, `/upload.php?name=${name}`)).body).toBe(`uploaded to ${host}`);
}

beforeAll(() => {
  fleet = makeFleet(services, 'production-host', { keepSites: false });
});
afterAll(() => removeGitCliRepos());

describe('a PHP site on servers prepared as in production', () => {
  it('tide logs in as the deploy user, not root', () => {
    expect(web1.user).not.toBe('root');
    expect(execFileSync('id', ['-nG', web1.user], { encoding: 'utf8' }).split(/\s+/)).toContain('www-data');
  });

  it('install: settings readable by PHP only, uploads stored in files/, code read-only for the web server', async () => {
    writeSite(SITE, { server: 'web1' });
    writeSite(OTHER, { server: 'web2' });
    await applyOk('two notes sites');
    for (const [server, site] of [['web1', SITE], ['web2', OTHER]] as const) {
      expectPermissionModel(server, site);
      await expectServedWithUploads(server, site);
    }
    // Site database users only where the web server connects from: never '%'.
    const hosts = await sql(services, `SELECT Host FROM mysql.user WHERE User = '${siteState(SITE).db.user}' ORDER BY Host`);
    expect(hosts.flat()).toEqual(['127.0.0.1', 'localhost']);
  });

  it('disable and enable keep the site readable and writable by PHP', async () => {
    writeSite(SITE, { server: 'web1', status: 'disabled' });
    await applyOk('disable');
    expect((await pageWhen(web1.http.port, SITE, (p) => p.status === 503)).status).toBe(503);
    writeSite(SITE, { server: 'web1' });
    await applyOk('enable');
    expectPermissionModel('web1', SITE);
    await expectServedWithUploads('web1', SITE);
  });

  it('migrate to another server: the copy has the same model there, uploads included', async () => {
    writeSite(SITE, { server: 'web2' });
    await applyOk('move to web2');
    expect(siteState(SITE).server).toBe('web2');
    expect(existsSync(siteDir('web1', SITE))).toBe(false);
    expectPermissionModel('web2', SITE);
    await expectServedWithUploads('web2', SITE);
  });

  it('restore: the restored copy has the model', async () => {
    const backup = await tide(fleet, ['backup', SITE]);
    expect(backup.exitCode, backup.all).toBe(0);
    const id = siteState(SITE).backups!.at(-1)!.id;
    const restore = await tide(fleet, ['restore', SITE, '--backup', id]);
    expect(restore.exitCode, restore.all).toBe(0);
    expectPermissionModel('web2', SITE);
    await expectServedWithUploads('web2', SITE);
  });

  it('clone onto the other server: the clone has the model and its own files/', async () => {
    writeSite(CLONE, { server: 'web1', cloneFrom: SITE });
    await applyOk('clone');
    expectPermissionModel('web1', CLONE);
    await expectServedWithUploads('web1', CLONE);
  });

  it('rename: the site answers at its new url with the model kept', async () => {
    writeSite(CLONE, { server: 'web1', url: RENAMED });
    await applyOk('rename');
    expectPermissionModel('web1', CLONE);
    await expectServedWithUploads('web1', RENAMED, CLONE);
  });

  it('verify finds drifted ownership and modes, and the next apply repairs them', async () => {
    const dir = siteDir('web1', CLONE);
    const { user } = web1;
    // What a hurried admin leaves behind: the group lost, settings world-readable, files/ closed to PHP.
    execFileSync('chgrp', [user, dir]);
    // (Five digits: chmod keeps a directory's setgid bit otherwise.)
    execFileSync('chmod', ['00755', dir]);
    execFileSync('chmod', ['0644', join(dir, 'settings.json')]);
    execFileSync('chmod', ['00750', join(dir, 'files')]);
    const verify = await tide(fleet, ['verify']);
    expect(verify.all).toMatch(/site directory has mode 755, not 2750/);
    expect(verify.all).toContain(`site directory belongs to group ${user}, not www-data`);
    expect(verify.all).toMatch(/settings\.json has mode 644, not 640/);
    expect(verify.all).toMatch(/files\/ has mode 750, not 2770/);
    const repaired = await applyOk('repair');
    expect(repaired).toMatch(/verify/);
    expectPermissionModel('web1', CLONE);
    await expectServedWithUploads('web1', RENAMED, CLONE);
  });

  it('delete removes the site, uploads written by PHP included', async () => {
    writeSite(CLONE, { server: 'web1', url: RENAMED, status: 'deleted' });
    await applyOk('delete');
    expect(existsSync(siteDir('web1', CLONE))).toBe(false);
  });
});

describe('logging in as root keeps working', () => {
  it('installs and serves a PHP site with the same model (owner root, group www-data)', async () => {
    const rootFleet = makeFleet(services, 'production-root', { keepSites: false });
    writeFleetFile(rootFleet, 'servers/web1.yaml', {
      kind: 'Server', name: 'web1', transport: 'ssh', host: web1.host, port: web1.port, user: 'root', hostKey: web1.hostKey,
      identity: `file:${services.ssh.clientKeyPath}`, root: rootFleet.roots.web1,
      services: {
        http: { type: 'nginx', port: web1.http.port, httpsPort: web1.http.httpsPort, configDir: web1.http.configDir, check: web1.http.check, reload: web1.http.reload, fastcgi: web1.http.fastcgi },
        db: { type: 'mariadb', host: services.db.host, port: services.db.port, adminUser: services.db.adminUser, adminPassword: 'env:TIDE_TEST_DB_PASSWORD' },
      },
    });
    writeFleetFile(rootFleet, 'sites/ph-root.example.test.yaml', { kind: 'Site', name: 'ph-root.example.test', platform: 'notes', server: 'web1' });
    commitAll(rootFleet, 'a site installed by root');
    const run = await tide(rootFleet, ['apply', '--yes']);
    expect(run.exitCode, run.all).toBe(0);
    const dir = join(rootFleet.roots.web1!, 'sites/ph-root.example.test');
    expect(stat(dir)).toBe('2750 root www-data');
    expect(stat(join(dir, 'settings.json'))).toBe('640 root www-data');
    const page = await pageWhen(web1.http.port, 'ph-root.example.test', (p) => p.status === 200);
    expect(page.body).toContain('Notes of ph-root.example.test');
    const stored = await httpRequest(web1.http.port, 'ph-root.example.test', '/upload.php?name=a.txt', { method: 'POST', body: 'x' });
    expect(stored.status, stored.body).toBe(200);
  });
});
