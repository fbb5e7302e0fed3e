// Recovery never goes back over data written after a switch. A migrate to
// another server (and a restore) whose final state commit fails leaves its
// running marker with the site already live on the copy; people write to it.
// The next run must find where the site is live and finish from there: the
// row written after the switch is still there, and the site stays where the
// operation put it. `tide backup` runs the same recovery first.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { siteDatabaseNames } from '../../src/services/db/mariadb/index.js';
import { git, removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, list, makeFleet, operationRecords, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { httpGet, pageWhen, sql } from './support/probe.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];
const ports = { web1: web1.http.port, web2: web2.http.port };
afterAll(() => removeGitCliRepos());

function notesFleet(tag: string, site: string, server: 'web1' | 'web2'): TestFleet {
  const fleet = makeFleet(services, tag, { example: 'notes-upgrade', keepSites: false });
  writeFleetFile(fleet, `sites/${site}.yaml`, { kind: 'Site', name: site, platform: 'notes-1.0', server });
  commitAll(fleet, 'one notes site');
  return fleet;
}

/** The database the site's live directory on `server` uses, as its settings say. */
function liveDatabase(fleet: TestFleet, server: 'web1' | 'web2', site: string): string {
  return JSON.parse(readFileSync(join(fleet.roots[server]!, 'sites', site, 'settings.json'), 'utf8')).db.name;
}

const siteState = (fleet: TestFleet, site: string) => JSON.parse(stateFile(fleet, `state/sites/${site}.json`)!);
/** The operations the state branch marks as unfinished (state/running/ID.json). */
const runningMarkers = (fleet: TestFleet): string[] => git(fleet.dir, 'ls-tree', '--name-only', 'tide-state', 'state/running/').split('\n').filter(Boolean);

async function applyOk(fleet: TestFleet, extraEnv: NodeJS.ProcessEnv = {}) {
  const result = await tide(fleet, ['apply', '--yes'], extraEnv);
  expect(result.exitCode, result.all).toBe(0);
  return result;
}

describe('a cross-server migrate whose final state commit failed', () => {
  const SITE = 'live-migrate.example.test';

  it('is finished on the server where the site is live, keeping what was written after the switch', async () => {
    const fleet = notesFleet('recovery-live-migrate', SITE, 'web1');
    await applyOk(fleet);
    await sql(services, `INSERT INTO \`${liveDatabase(fleet, 'web1', SITE)}\`.notes (title, body) VALUES ('Before', 'the migrate')`);

    writeFleetFile(fleet, `sites/${SITE}.yaml`, { kind: 'Site', name: SITE, platform: 'notes-1.0', server: 'web2' });
    commitAll(fleet, 'move the site to web2');
    const failed = await tide(fleet, ['apply', '--yes'], { TIDE_TEST_FAIL_FINISH: `migrate site ${SITE} on web2: ok` });
    expect(failed.exitCode, failed.all).toBe(1);
    expect(runningMarkers(fleet)).toHaveLength(1);

    // The site is live on web2 (the record still says web1); someone writes to it.
    const db = liveDatabase(fleet, 'web2', SITE);
    expect((await pageWhen(ports.web2, SITE, (p) => p.status === 200 && p.body.includes('Before: the migrate'))).status).toBe(200);
    await sql(services, `INSERT INTO \`${db}\`.notes (title, body) VALUES ('After', 'the switch')`);
    const rows = await sql(services, `SELECT id, title, body FROM \`${db}\`.notes ORDER BY id`);

    const second = await applyOk(fleet);
    expect(second.all).toContain('left unfinished by an earlier run');
    const records = operationRecords(fleet);
    expect(records.filter((r) => r.action === 'migrate').map((r) => r.status)).toEqual(['interrupted']);
    const recovery = records.find((r) => r.operation === `recover:site/${SITE}/migrate`)!;
    expect(recovery.status).toBe('ok');
    expect(recovery.details).toMatchObject({ direction: 'forward', live: 'web2' });
    expect(runningMarkers(fleet)).toEqual([]);
    expect(records.filter((r) => r.status === 'running')).toEqual([]);

    // Where the migrate put it, with every row, and nothing left of the old copy.
    const state = siteState(fleet, SITE);
    expect(state).toMatchObject({ server: 'web2', db: { name: db } });
    expect(await sql(services, `SELECT id, title, body FROM \`${db}\`.notes ORDER BY id`)).toEqual(rows);
    const page = await pageWhen(ports.web2, SITE, (p) => p.status === 200 && p.body.includes('After: the switch'));
    expect(page.body).toContain('Before: the migrate');
    expect((await httpGet(ports.web1, SITE)).body).not.toContain('Before: the migrate');
    expect(list(join(fleet.roots.web1!, 'sites'))).toEqual([]);
    expect(list(join(fleet.roots.web2!, 'sites'))).toEqual([SITE]);
    expect(await sql(services, `SHOW DATABASES LIKE '${siteDatabaseNames(SITE).name}%'`)).toEqual([[db]]);
    // The backup the migrate took is recorded, though its own record never was.
    expect(state.backups.map((b: { id: string }) => b.id)).toEqual([records.find((r) => r.action === 'migrate')!.id]);
    expect((await tide(fleet, ['plan', '--detailed-exitcode'])).exitCode).toBe(0);
    expectNoSecretsStored(fleet);
  });
});

describe('a restore whose final state commit failed', () => {
  const SITE = 'live-restore.example.test';

  it('is finished by the recovery tide backup runs first, keeping what was written after the switch', async () => {
    const fleet = notesFleet('recovery-live-restore', SITE, 'web1');
    await applyOk(fleet);
    expect((await tide(fleet, ['backup', SITE])).exitCode).toBe(0);
    const chosen = siteState(fleet, SITE).backups[0].id;
    const failed = await tide(fleet, ['restore', SITE, '--backup', chosen], { TIDE_TEST_FAIL_FINISH: `restore site ${SITE} on web1: ok` });
    expect(failed.exitCode, failed.all).toBe(1);

    const db = liveDatabase(fleet, 'web1', SITE);
    expect(db).not.toBe(siteState(fleet, SITE).db.name);
    await pageWhen(ports.web1, SITE, (p) => p.status === 200);
    await sql(services, `INSERT INTO \`${db}\`.notes (title, body) VALUES ('After', 'the restore')`);
    const rows = await sql(services, `SELECT id, title, body FROM \`${db}\`.notes ORDER BY id`);

    const backup = await tide(fleet, ['backup', SITE]);
    expect(backup.exitCode, backup.all).toBe(0);
    expect(backup.all).toContain('left unfinished by an earlier run');
    expect(operationRecords(fleet).find((r) => r.operation === `recover:site/${SITE}/restore`)).toMatchObject({ status: 'ok', details: { direction: 'forward' } });
    const state = siteState(fleet, SITE);
    expect(state.db.name).toBe(db);
    expect(await sql(services, `SELECT id, title, body FROM \`${db}\`.notes ORDER BY id`)).toEqual(rows);
    expect((await pageWhen(ports.web1, SITE, (p) => p.body.includes('After: the restore'))).status).toBe(200);
    expect(list(join(fleet.roots.web1!, 'sites'))).toEqual([SITE]);
    // The backup taken now holds the row written after the switch.
    const latest = state.backups.at(-1);
    expect(gunzipSync(execFileSync('tar', ['-xzOf', latest.path, 'database.sql.gz'])).toString('utf8')).toContain('the restore');
    expect((await tide(fleet, ['plan', '--detailed-exitcode'])).exitCode).toBe(0);
    expectNoSecretsStored(fleet);
  });
});
