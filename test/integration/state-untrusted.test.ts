// The state branch is data, not instructions: anyone who can push it can
// write anything there. Each test forges a record (or swaps a symbolic link
// in on the server) the way an attacker would, runs tide, and checks on the
// server that what lies outside the root, and the database server's own
// database and admin account, are still there.

import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { siteDatabaseNames } from '../../src/services/db/mariadb/index.js';
import { forgeState } from '../helpers/forge-state.js';
import { removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { commitAll, makeFleet, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { sql } from './support/probe.js';

const services = inject('services');

afterAll(() => removeGitCliRepos(), 60_000);

/**
 * A directory outside every server root, holding a file nobody may remove.
 * World-writable: tide logs in as an unprivileged deploy user, and only a
 * check of its own should stop it.
 */
function outside(): { dir: string; file: string } {
  const dir = tempDir('tide-outside-');
  chmodSync(dir, 0o777);
  const file = join(dir, 'precious.txt');
  writeFileSync(file, 'not tide\'s\n', { mode: 0o666 });
  return { dir, file };
}

async function fleetWith(tag: string, sites: Record<string, Record<string, unknown>>, { prune = false } = {}): Promise<TestFleet> {
  const fleet = makeFleet(services, tag, { keepSites: false });
  writeFleetFile(fleet, 'tide.yaml', { kind: 'Fleet', name: tag, id: fleet.id, prune });
  for (const [name, fields] of Object.entries(sites)) writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, server: 'web1', ...fields });
  commitAll(fleet, 'the fleet');
  const run = await tide(fleet, ['apply', '--yes']);
  expect(run.exitCode, run.all).toBe(0);
  return fleet;
}

const record = (fleet: TestFleet, path: string): Record<string, any> => JSON.parse(stateFile(fleet, path)!);
const forge = (fleet: TestFleet, path: string, value: unknown) => forgeState(fleet.dir, { [path]: typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n` });

describe('recorded paths are not trusted', () => {
  it('a platform record whose code is outside the root: the prune refuses, the directory stays', async () => {
    const fleet = await fleetWith('forged-platform', {}, { prune: true });
    const { dir, file } = outside();
    forge(fleet, 'state/platforms/ghost.json', {
      formatVersion: 1, name: 'ghost', driver: 'static', source: { path: 'platforms/brochure' }, docroot: '.', commands: {},
      deployments: { web1: { path: dir } },
    });
    const plan = await tide(fleet, ['plan']);
    expect(plan.all).toMatch(/delete platform ghost on web1/);
    expect(plan.all).toContain(`state/platforms/ghost.json on the state branch puts platform ghost's code on web1 at ${dir}`);

    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(existsSync(file)).toBe(true);
    expect(record(fleet, 'state/platforms/ghost.json').deployments.web1.path).toBe(dir);
  });

  it('a recorded path with ".." is refused when the state is read', async () => {
    const fleet = await fleetWith('forged-dotdot', {}, { prune: true });
    const { dir, file } = outside();
    forge(fleet, 'state/platforms/ghost.json', {
      formatVersion: 1, name: 'ghost', driver: 'static', source: { path: 'platforms/brochure' }, docroot: '.', commands: {},
      deployments: { web1: { path: `${fleet.roots.web1}/platforms/../../../../../../..${dir}` } },
    });
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/state\/platforms\/ghost\.json on the state branch .*cannot be read/);
    expect(run.all).not.toMatch(/unexpected error/);
    expect(existsSync(file)).toBe(true);
  });

  it('a backup path outside the backups directory: retention refuses, the file stays', async () => {
    const site = 'kept.example.test';
    const fleet = await fleetWith('forged-backup', { [site]: { platform: 'brochure', backups: { every: '1d', keep: 1 } } });
    const { file } = outside();
    const before = record(fleet, `state/sites/${site}.json`);
    forge(fleet, `state/sites/${site}.json`, {
      ...before,
      backups: [{ id: '20200101T000000Z-abcd-backup-site-kept.example.test', path: file, server: 'web1', at: '2020-01-01T00:00:00.000Z', size: 12 }],
    });
    const run = await tide(fleet, ['backup', site]);
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain(`puts backup 20200101T000000Z-abcd-backup-site-kept.example.test at ${file}, but tide keeps it at ${fleet.roots.web1}/backups/${site}/`);
    expect(existsSync(file)).toBe(true);
  });
});

describe('symbolic links swapped in on the server', () => {
  it('a site directory whose parent is a link out of the root: the delete refuses, the outside directory stays', async () => {
    const site = 'linked.example.test';
    const fleet = await fleetWith('swapped-parent', { [site]: { platform: 'brochure' } });
    const { dir } = outside();
    const victim = join(dir, site);
    mkdirSync(victim, { mode: 0o777 });
    chmodSync(victim, 0o777);
    writeFileSync(join(victim, 'precious.txt'), 'not tide\'s\n', { mode: 0o666 });
    const sites = join(fleet.roots.web1!, 'sites');
    renameSync(sites, `${sites}.moved`);
    symlinkSync(dir, sites);

    writeFleetFile(fleet, `sites/${site}.yaml`, { kind: 'Site', name: site, server: 'web1', platform: 'brochure', status: 'deleted' });
    commitAll(fleet, 'delete it');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/outside the server's root/);
    expect(readFileSync(join(victim, 'precious.txt'), 'utf8')).toBe('not tide\'s\n');
    expect(stateFile(fleet, `state/sites/${site}.json`)).not.toBeNull();
  });

  it('a platform directory that is itself a link out of the root: the delete refuses and says so', async () => {
    const fleet = await fleetWith('swapped-dir', {});
    const extra = (servers: string[]) => writeFleetFile(fleet, 'platforms/extra.yaml', {
      kind: 'Platform', name: 'extra', servers, driver: 'static', source: { path: 'platforms/brochure' }, docroot: '.',
    });
    extra(['web1', 'web2']);
    commitAll(fleet, 'a platform on both servers');
    expect((await tide(fleet, ['apply', '--yes'])).exitCode).toBe(0);
    const { dir, file } = outside();
    const code = join(fleet.roots.web1!, 'platforms', 'extra');
    renameSync(code, `${code}.moved`);
    symlinkSync(dir, code);

    extra(['web2']);
    commitAll(fleet, 'not on web1 any more');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain(`Refused to remove ${code} on web1: it is a symbolic link to ${dir}`);
    expect(existsSync(file)).toBe(true);
    expect(record(fleet, 'state/platforms/extra.json').deployments.web1).toBeDefined();
  });
});

describe('recorded database names are not trusted', () => {
  it('a site record naming the mysql database and the root user: the delete refuses, both stay', async () => {
    const site = 'dbsite.example.test';
    const fleet = await fleetWith('forged-db', { [site]: { platform: 'notes' } });
    const own = siteDatabaseNames(site);
    forge(fleet, `state/sites/${site}.json`, { ...record(fleet, `state/sites/${site}.json`), db: { name: 'mysql', user: 'root' } });
    writeFleetFile(fleet, `sites/${site}.yaml`, { kind: 'Site', name: site, server: 'web1', platform: 'notes', status: 'deleted' });
    commitAll(fleet, 'delete it');

    const plan = await tide(fleet, ['plan']);
    expect(plan.all).toContain(`names database mysql and user root for site ${site}, which are not names tide gives it`);
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(await sql(services, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'mysql'")).toEqual([['mysql']]);
    expect((await sql(services, "SELECT COUNT(*) FROM mysql.user WHERE User = 'root'"))[0]![0]).not.toBe('0');
    expect(await sql(services, `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${own.name}'`)).toEqual([[own.name]]);
    expect(existsSync(join(fleet.roots.web1!, 'sites', site))).toBe(true);
  });

  it('a site record naming the admin user tide connects as: refused, the admin can still log in', async () => {
    const site = 'admin.example.test';
    const fleet = await fleetWith('forged-admin', { [site]: { platform: 'notes' } });
    const before = record(fleet, `state/sites/${site}.json`);
    forge(fleet, `state/sites/${site}.json`, { ...before, db: { name: before.db.name, user: services.db.adminUser } });
    writeFleetFile(fleet, `sites/${site}.yaml`, { kind: 'Site', name: site, server: 'web1', platform: 'notes', status: 'deleted' });
    commitAll(fleet, 'delete it');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain(`user ${services.db.adminUser} for site ${site}, which are not names tide gives it`);
    expect(await sql(services, 'SELECT 1')).toEqual([['1']]);
  });
});

describe('malformed state files', () => {
  it('a running marker that is not JSON is reported with its file name', async () => {
    const fleet = await fleetWith('bad-marker', {});
    forge(fleet, 'state/running/20260101T000000Z-abcd-install-site-x.example.test.json', '{"record": ');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/state\/running\/20260101T000000Z-abcd-install-site-x\.example\.test\.json on the state branch .*cannot be read: it is not valid JSON/);
    expect(run.all).not.toMatch(/unexpected error/);
  });

  it('a running marker pointing at an operation record with a forged id is refused, nothing runs', async () => {
    const fleet = await fleetWith('bad-record', {});
    const { dir, file } = outside();
    const id = `x/../../../../../../../..${dir}`;
    const recordPath = 'operations/2026-01/forged.json';
    forgeState(fleet.dir, {
      'state/running/forged.json': JSON.stringify({ record: recordPath }),
      [recordPath]: JSON.stringify({
        formatVersion: 1, id, operation: 'site/x.example.test/migrate', action: 'migrate', target: { kind: 'site', name: 'x.example.test' },
        server: 'web1', reason: 'forged', desiredCommit: null, planHash: null, status: 'running', startedAt: '2026-01-01T00:00:00.000Z', tasks: [],
      }),
    });
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toMatch(/operations\/2026-01\/forged\.json on the state branch .*cannot be read: \/id must match/);
    expect(existsSync(file)).toBe(true);
  });
});
