// A deleted site can come back: its backups stay listed by `tide backups`
// after the delete, and once the fleet wants it again, `tide restore SITE
// --backup ID` brings it back with its files and rows.

import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { siteDatabaseNames } from '../../src/services/db/mariadb/index.js';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, list, makeFleet, operationRecords, stateFile, tide, writeFleetFile } from './support/fleet.js';
import { pageWhen, sql } from './support/probe.js';

const services = inject('services');
const web1 = services.ssh.servers[0]!;
const SITE = 'comeback.example.test';
afterAll(() => removeGitCliRepos());

describe('a deleted site', () => {
  it('keeps its backups listed and comes back with its files and rows by tide restore', async () => {
    const fleet = makeFleet(services, 'deleted-site', { example: 'notes-upgrade', keepSites: false });
    const site = (status: string) => writeFleetFile(fleet, `sites/${SITE}.yaml`, { kind: 'Site', name: SITE, platform: 'notes-2.0', server: 'web1', status });
    site('enabled');
    commitAll(fleet, 'a notes site');
    expect((await tide(fleet, ['apply', '--yes'])).exitCode).toBe(0);
    const db = JSON.parse(stateFile(fleet, `state/sites/${SITE}.json`)!).db.name;
    await sql(services, `INSERT INTO \`${db}\`.notes (title, body, slug) VALUES ('Keep', 'me through a delete', 'keep')`);
    const rows = await sql(services, `SELECT id, title, body FROM \`${db}\`.notes ORDER BY id`);

    site('deleted');
    commitAll(fleet, 'delete it');
    expect((await tide(fleet, ['apply', '--yes'])).exitCode).toBe(0);
    expect(list(join(fleet.roots.web1!, 'sites'))).toEqual([]);
    expect(await sql(services, `SHOW DATABASES LIKE '${siteDatabaseNames(SITE).name}%'`)).toEqual([]);

    // Its backups stay listed, the delete's last.
    const taken = operationRecords(fleet).find((r) => r.action === 'delete')!.details!.backup.id;
    const listed = await tide(fleet, ['backups', SITE]);
    expect(listed.exitCode, listed.all).toBe(0);
    expect(listed.stdout).toContain(taken);
    expect(listed.stdout).toContain(`tide restore ${SITE} --backup ID`);
    expect(JSON.parse((await tide(fleet, ['backups', SITE, '--json'])).stdout).map((b: { id: string }) => b.id)).toEqual([taken]);

    // Refused while the fleet still says deleted: the next apply would delete it again.
    const early = await tide(fleet, ['restore', SITE, '--backup', taken]);
    expect(early.exitCode).toBe(1);
    expect(early.all).toContain('status: deleted');

    site('enabled');
    commitAll(fleet, 'bring it back');
    const plan = await tide(fleet, ['plan']);
    expect(plan.stdout).toContain(`tide restore ${SITE} --backup ID first`);
    const restore = await tide(fleet, ['restore', SITE, '--backup', taken]);
    expect(restore.exitCode, restore.all).toBe(0);

    const state = JSON.parse(stateFile(fleet, `state/sites/${SITE}.json`)!);
    expect(state).toMatchObject({ server: 'web1', platform: 'notes-2.0', status: 'enabled' });
    expect(state.backups.map((b: { id: string }) => b.id)).toEqual([taken]);
    expect(stateFile(fleet, `state/deleted-sites/${SITE}.json`)).toBeNull();
    expect(await sql(services, `SELECT id, title, body FROM \`${state.db.name}\`.notes ORDER BY id`)).toEqual(rows);
    const page = await pageWhen(web1.http.port, SITE, (p) => p.status === 200 && p.body.includes('Keep: me through a delete'));
    expect(page.status).toBe(200);
    expect(list(join(fleet.roots.web1!, 'sites'))).toEqual([SITE]);
    expect((await tide(fleet, ['plan', '--detailed-exitcode'])).exitCode).toBe(0);
    expectNoSecretsStored(fleet);
  });
});
