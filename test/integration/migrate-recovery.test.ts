// A migrate killed half way (kill -9 of tide during the update): the next
// apply marks it interrupted, puts the site back as recorded (removes the
// half-made copy and its database, takes down the maintenance page), then
// migrates it again. No row is lost on the way.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { siteDatabaseNames } from '../../src/services/db/mariadb/index.js';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, list, makeFleet, operationRecords, REPO_ROOT, stateFile, tide, writeFleetFile } from './support/fleet.js';
import { pageWhen, sql, waitFor } from './support/probe.js';

const services = inject('services');
const web1 = services.ssh.servers[0]!;
const SITE = 'crash-migrate.example.test';
afterAll(() => removeGitCliRepos());

describe('a migrate killed during its update', () => {
  it('is put back as recorded by the next apply, then migrated again with every row', async () => {
    const fleet = makeFleet(services, 'migrate-recovery', { example: 'notes-upgrade', keepSites: false });
    const marker = join(fleet.roots.web1!, 'update-started');
    const platform = (update: string) => writeFleetFile(fleet, 'platforms/notes-2.0.yaml', {
      kind: 'Platform', name: 'notes-2.0', servers: ['web1', 'web2'], driver: 'script', source: { path: 'platforms/notes-2.0' }, docroot: 'public',
      commands: { install: 'php bin/install.php', update, packages: 'php bin/packages.php' },
    });
    const site = (name: string) => writeFleetFile(fleet, `sites/${SITE}.yaml`, { kind: 'Site', name: SITE, platform: name, server: 'web1' });
    platform('php bin/update.php');
    site('notes-1.0');
    commitAll(fleet, 'one site on 1.0');
    expect((await tide(fleet, ['apply', '--yes'])).exitCode).toBe(0);
    const db = siteDatabaseNames(SITE).name;
    await sql(services, `INSERT INTO \`${db}\`.notes (title, body) VALUES ('Keep me', 'through a crash')`);
    const rows = await sql(services, `SELECT id, title, body FROM \`${db}\`.notes ORDER BY id`);

    platform(`touch ${marker} && sleep 60 && php bin/update.php`);
    site('notes-2.0');
    commitAll(fleet, 'to 2.0, with an update that hangs');
    const first = execa('node', [join(REPO_ROOT, 'dist/cli/bin.js'), 'apply', '--yes'], { cwd: fleet.dir, env: { ...fleet.env }, reject: false });
    await waitFor(() => existsSync(marker), 60_000);
    first.kill('SIGKILL');
    await first;
    // The crash left a mess: the maintenance page, a half-made copy and its database.
    const sites = join(fleet.roots.web1!, 'sites');
    expect(list(sites).filter((d) => d.startsWith(`.${SITE}.migrate-`))).toHaveLength(1);
    expect(await sql(services, `SHOW DATABASES LIKE '${db}%'`)).toEqual([[db], [siteDatabaseNames(SITE, 2).name]]);
    expect((await pageWhen(web1.http.port, SITE, (p) => p.status === 503)).body).toContain('down for maintenance');

    const lock = JSON.parse(readFileSync(join(fleet.dir, '.git/tide/state.lock'), 'utf8'));
    expect((await tide(fleet, ['unlock', '--force', lock.id])).exitCode).toBe(0);
    platform('php bin/update.php');
    commitAll(fleet, 'the update no longer hangs');
    const second = await tide(fleet, ['apply', '--yes']);
    expect(second.exitCode, second.all).toBe(0);
    expect(second.all).toContain('left unfinished by an earlier run');

    const records = operationRecords(fleet);
    expect(records.filter((r) => r.action === 'migrate').map((r) => r.status)).toEqual(['interrupted', 'ok']);
    expect(records.find((r) => r.operation === `recover:site/${SITE}/migrate`)?.status).toBe('ok');
    const state = JSON.parse(stateFile(fleet, `state/sites/${SITE}.json`)!);
    expect(state.platform).toBe('notes-2.0');
    expect(await sql(services, `SELECT id, title, body FROM \`${state.db.name}\`.notes ORDER BY id`)).toEqual(rows);
    expect(await sql(services, `SHOW DATABASES LIKE '${db}%'`)).toEqual([[state.db.name]]);
    expect(list(sites).filter((d) => d.startsWith('.'))).toEqual([]);
    const page = await pageWhen(web1.http.port, SITE, (p) => p.status === 200 && p.body.includes('Notes 2.0.0'));
    expect(page.body).toContain('Keep me: through a crash [keep-me]');
    expectNoSecretsStored(fleet);
  });
});
