// Per-site PHP isolation (issue 11, point 7). A site on a platform with
// php.isolation: per-site runs in a php-fpm pool of its own, as a system user
// of its own, made through examples/tide-php-pool (installed and allowed in
// sudoers by examples/prepare-server.sh); its files belong to that user's
// group. Its PHP cannot read a neighbour's settings.json, a shared-pool
// site's PHP cannot read its settings.json, and the shared-pool sites keep
// working beside it. A clone gets a user of its own; delete removes pool,
// socket and user. The helper refuses anything outside its deploy user's
// root and any user name but tide-<12 hex>.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, makeFleet, serverYaml, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { httpRequest, pageWhen } from './support/probe.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];
const ISO = 'pi-own.example.test';
const COPY = 'pi-copy.example.test';
const SHARED = 'pi-shared.example.test';
let fleet: TestFleet;

// The helper's settings name each deploy user's server root: this fleet uses the servers' roots themselves.
const root = web1.root;
const siteDir = (name: string) => join(root, 'sites', name);
const settingsOf = (name: string) => join(siteDir(name), 'settings.json');
const stat = (path: string) => execFileSync('stat', ['-c', '%a %U %G', path], { encoding: 'utf8' }).trim();
const userExists = (user: string) => spawnSync('getent', ['passwd', user]).status === 0;
const poolUserOf = (name: string) => stat(siteDir(name)).split(' ')[2]!;
// The environment's php-fpm keeps its pid, pools/ and the pools' sockets in one directory (env/php-fpm.ts).
const poolFile = (user: string) => join(web1.php.poolSocketDir, 'pools', `${user}.conf`);
const socketOf = (user: string) => join(web1.php.poolSocketDir, `${user}.sock`);

// Answers which user PHP runs as, and whether it can read `path` through PHP and through a shell (past open_basedir).
const PEEK = `<?php
header('Content-Type: application/json');
$path = $_GET['path'] ?? '';
$php = @file_get_contents($path);
$shell = shell_exec('cat ' . escapeshellarg($path) . ' 2>/dev/null');
echo json_encode(['user' => trim((string) shell_exec('id -un')), 'php' => $php !== false, 'shell' => is_string($shell) && $shell !== '']);
`;

async function peek(host: string, path: string): Promise<{ user: string; php: boolean; shell: boolean }> {
  const page = await httpRequest(web1.http.port, host, `/peek.php?path=${encodeURIComponent(path)}`);
  expect(page.status, page.body).toBe(200);
  return JSON.parse(page.body) as { user: string; php: boolean; shell: boolean };
}

async function applyOk(message: string): Promise<string> {
  commitAll(fleet, message);
  const run = await tide(fleet, ['apply', '--yes']);
  expect(run.exitCode, run.all).toBe(0);
  return run.all ?? '';
}

async function expectNotes(name: string): Promise<void> {
  const page = await pageWhen(web1.http.port, name, (p) => p.status === 200 && p.body.includes(`Notes of ${name}`));
  expect(page.body).toContain(`Notes of ${name}`);
}

/** The helper as the deploy user runs it through sudo. */
function helper(user: string, ...args: string[]) {
  return spawnSync('runuser', ['-u', user, '--', 'sudo', '-n', web1.php.poolHelper, ...args], { encoding: 'utf8' });
}

beforeAll(() => {
  fleet = makeFleet(services, 'php-isolation', { keepSites: false });
  for (const s of [web1, web2]) {
    writeFileSync(join(fleet.dir, 'servers', `${s.name}.yaml`), serverYaml(s, services, s.root, { php: s.php }));
  }
  writeFileSync(join(fleet.dir, 'platforms/notes/public/peek.php'), PEEK);
  // One server is enough: fewer deploys.
  rmSync(join(fleet.dir, 'platforms/brochure.yaml'));
  const notes = join(fleet.dir, 'platforms/notes.yaml');
  writeFileSync(notes, readFileSync(notes, 'utf8').replace('servers: [web1, web2]', 'servers: [web1]'));
  writeFleetFile(fleet, 'platforms/notes-own.yaml', {
    kind: 'Platform', name: 'notes-own', servers: ['web1'], driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public',
    commands: { install: 'php bin/install.php', update: 'php bin/update.php', packages: 'php bin/packages.php' }, php: { isolation: 'per-site' },
  });
});

afterAll(() => {
  removeGitCliRepos();
  // The servers' roots are shared by the run: leave them as the environment made them.
  for (const s of [web1, web2]) {
    for (const entry of ['platforms', 'sites', 'backups', 'config', 'tide-fleet.json']) rmSync(join(s.root, entry), { recursive: true, force: true });
  }
});

describe('per-site PHP isolation', () => {
  it('an isolated site runs as its own user, reads its own settings, and no neighbour reads them', async () => {
    writeFleetFile(fleet, `sites/${ISO}.yaml`, { kind: 'Site', name: ISO, platform: 'notes-own', server: 'web1' });
    writeFleetFile(fleet, `sites/${SHARED}.yaml`, { kind: 'Site', name: SHARED, platform: 'notes', server: 'web1' });
    commitAll(fleet, 'an isolated site beside a shared one');
    const plan = JSON.parse((await tide(fleet, ['plan', '--json'])).stdout) as { operations: { action: string; target: { name: string }; changes: { field: string; to: unknown }[] }[] };
    const installs = new Map(plan.operations.filter((o) => o.action === 'install').map((o) => [o.target.name, o.changes]));
    expect(installs.get(ISO)).toContainEqual({ field: 'php.isolation', from: null, to: 'per-site' });
    expect(installs.get(SHARED)!.map((c) => c.field)).not.toContain('php.isolation');
    await applyOk('an isolated site beside a shared one');
    await expectNotes(ISO);
    await expectNotes(SHARED);

    const user = poolUserOf(ISO);
    expect(user).toMatch(/^tide-[0-9a-f]{12}$/);
    expect(JSON.parse(stateFile(fleet, `state/sites/${ISO}.json`)!).phpIsolation).toBe('per-site');
    // Its files: the deploy user's, in the pool user's group; the web server (www-data) cannot even enter.
    expect(stat(siteDir(ISO))).toBe(`2750 ${web1.user} ${user}`);
    expect(stat(settingsOf(ISO))).toBe(`640 ${web1.user} ${user}`);
    expect(stat(join(siteDir(ISO), 'files'))).toBe(`2770 ${web1.user} ${user}`);
    expect(existsSync(poolFile(user))).toBe(true);

    // Its PHP runs as its user and reads its own settings; not the shared site's, neither through PHP nor through a shell.
    expect(await peek(ISO, settingsOf(ISO))).toEqual({ user, php: true, shell: true });
    expect(await peek(ISO, settingsOf(SHARED))).toEqual({ user, php: false, shell: false });
    // The shared pool (www-data) reads its own site's settings, not the isolated site's.
    expect(await peek(SHARED, settingsOf(SHARED))).toEqual({ user: 'www-data', php: true, shell: true });
    expect(await peek(SHARED, settingsOf(ISO))).toEqual({ user: 'www-data', php: false, shell: false });

    // Uploads go through its own PHP into files/.
    const stored = await httpRequest(web1.http.port, ISO, '/upload.php?name=own.txt', { method: 'POST', body: 'mine' });
    expect(stored.status, stored.body).toBe(200);
    expect(stat(join(siteDir(ISO), 'files/own.txt'))).toMatch(new RegExp(`^\\d+ ${user} ${user}$`));
  });

  it('a clone gets a user and pool of its own', async () => {
    writeFleetFile(fleet, `sites/${COPY}.yaml`, { kind: 'Site', name: COPY, platform: 'notes-own', server: 'web1', cloneFrom: ISO });
    await applyOk('clone the isolated site');
    await expectNotes(COPY);
    const copyUser = poolUserOf(COPY);
    expect(copyUser).toMatch(/^tide-[0-9a-f]{12}$/);
    expect(copyUser).not.toBe(poolUserOf(ISO));
    expect(await peek(COPY, settingsOf(COPY))).toEqual({ user: copyUser, php: true, shell: true });
    expect(await peek(COPY, settingsOf(ISO))).toEqual({ user: copyUser, php: false, shell: false });
    // The upload came along, readable by the clone's own PHP.
    expect((await httpRequest(web1.http.port, COPY, '/upload.php?name=own.txt')).body).toBe('mine');
  });

  it('tide verify names the fix for a missing helper and finds a lost pool, which the next apply makes again', async () => {
    const serverFile = join(fleet.dir, 'servers/web1.yaml');
    const good = readFileSync(serverFile, 'utf8');
    writeFileSync(serverFile, serverYaml(web1, services, root, { php: { ...web1.php, poolHelper: '/usr/local/sbin/no-such-tide-php-pool' } }));
    commitAll(fleet, 'a helper that is not there');
    // The isolated site's pool is lost (a php-fpm reinstall, a hurried admin).
    const user = poolUserOf(ISO);
    rmSync(poolFile(user));
    execFileSync('sh', ['-c', `kill -USR2 "$(cat ${join(web1.php.poolSocketDir, 'php-fpm.pid')})" && for i in $(seq 50); do [ -S ${socketOf(user)} ] || exit 0; sleep 0.1; done; exit 1`]);
    const verify = await tide(fleet, ['verify', '--server', 'web1']);
    expect(verify.all).toContain('cannot run the pool helper /usr/local/sbin/no-such-tide-php-pool through sudo');
    expect(verify.all).toContain('examples/prepare-server.sh --user');
    expect(verify.all).toContain(`the socket of its php-fpm pool ${socketOf(user)} is missing`);
    // The clone's pool, files and vhost are as tide made them.
    expect(verify.all).not.toContain(COPY);
    writeFileSync(serverFile, good);
    const repaired = await applyOk('the helper back');
    expect(repaired).toMatch(new RegExp(`verify site ${ISO.replaceAll('.', '\\.')}`));
    expect(existsSync(poolFile(user))).toBe(true);
    expect(await peek(ISO, settingsOf(ISO))).toEqual({ user, php: true, shell: true });
  });

  it('delete removes the pool, its socket and its user; the shared site keeps working', async () => {
    const users = [poolUserOf(ISO), poolUserOf(COPY)];
    for (const name of [ISO, COPY]) writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, platform: 'notes-own', server: 'web1', status: 'deleted' });
    await applyOk('delete the isolated sites');
    for (const user of users) {
      expect(existsSync(poolFile(user))).toBe(false);
      expect(existsSync(socketOf(user))).toBe(false);
      expect(userExists(user)).toBe(false);
      expect(spawnSync('getent', ['group', user]).status).not.toBe(0);
    }
    expect(existsSync(siteDir(ISO))).toBe(false);
    await expectNotes(SHARED);
  });
});

describe('the pool helper', () => {
  it('refuses a bad user name, a path outside its roots, and another deploy user\'s root, touching nothing', () => {
    const good = 'tide-0123456789ab';
    const platform = join(root, 'platforms', 'notes');
    const refusals: [string[], RegExp][] = [
      [['ensure', 'root', siteDir('x.example.test'), platform], /refusing site user 'root'/],
      [['ensure', 'tide-0123456789ab\nroot', siteDir('x.example.test'), platform], /refusing site user/],
      [['ensure', good, '/etc', platform], /refusing \/etc: not a directory under/],
      [['ensure', good, `${root}/sites/../../etc`, platform], /refusing .*not a plain sites name/],
      [['ensure', good, `${root}/sites/.hidden`, platform], /refusing .*not a plain sites name/],
      [['ensure', good, join(web2.root, 'sites', 'x.example.test'), platform], /refusing .*not a directory under/],
      [['ensure', good, siteDir('x.example.test'), '/usr/share'], /refusing \/usr\/share/],
      [['ensure', good, siteDir('x.example.test'), platform, 'extra'], /usage/],
      [['delete', 'www-data'], /refusing site user 'www-data'/],
      [['chown', good], /usage/],
    ];
    for (const [args, message] of refusals) {
      const run = helper(web1.user, ...args);
      expect(run.status, `${args.join(' ')}: ${run.stdout}${run.stderr}`).not.toBe(0);
      expect(run.stderr).toMatch(message);
    }
    expect(userExists(good)).toBe(false);
    expect(existsSync(poolFile(good))).toBe(false);
    expect(userExists('www-data')).toBe(true);
  });

  it('never touches a pool user another deploy user made', () => {
    const made = helper(web1.user, 'ensure', 'tide-00000000beef', siteDir('y.example.test'), join(root, 'platforms', 'notes'));
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^created socket=/);
    const other = helper(web2.user, 'delete', 'tide-00000000beef');
    expect(other.status).not.toBe(0);
    expect(other.stderr).toMatch(/not a pool of/);
    expect(userExists('tide-00000000beef')).toBe(true);
    const deleted = helper(web1.user, 'delete', 'tide-00000000beef');
    expect(deleted.stdout.trim(), deleted.stderr).toBe('deleted');
    expect(userExists('tide-00000000beef')).toBe(false);
  });
});
