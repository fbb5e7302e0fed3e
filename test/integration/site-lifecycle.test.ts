// The site lifecycle on the notes-upgrade example (three releases of one PHP
// application): backup and restore, retention, migrate on one server and to
// another, a migrate whose update fails half way, a migrate the package
// check blocks, clone, rename and a one-time login link. Checked over HTTP,
// in MariaDB, on disk and on the state branch.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, list, makeFleet, operationRecords, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { httpGet, pageWhen, sql } from './support/probe.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];
const A = 'notes-a.example.com';
const B = 'notes-b.example.com';
const C = 'notes-c.example.com';
let fleet: TestFleet;

interface SiteState {
  platform: string;
  server: string;
  url: string;
  db: { name: string; user: string };
  packages?: { name: string; schema?: number | null; version: string }[];
  backups?: { id: string; path: string; server?: string; size: number; sha256: string; at: string }[];
  generation: number;
}

const siteState = (name: string): SiteState => JSON.parse(stateFile(fleet, `state/sites/${name}.json`)!) as SiteState;
const lastRecord = (site: string, action: string) => operationRecords(fleet).filter((r) => r.target.name === site && r.action === action).at(-1)!;
const port = (server: 'web1' | 'web2') => (server === 'web1' ? web1 : web2).http.port;

function writeSite(name: string, fields: Record<string, unknown>): void {
  writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, ...fields });
}

async function run(args: string[]) {
  const result = await tide(fleet, args);
  expectNoSecretsStored(fleet);
  return result;
}

async function applyOk(message: string): Promise<string> {
  commitAll(fleet, message);
  const result = await run(['apply', '--yes']);
  expect(result.exitCode, result.all).toBe(0);
  return result.all ?? '';
}

/** Every note of a site, as its database has it now. */
async function notes(name: string): Promise<string[][]> {
  return sql(services, `SELECT id, title, body FROM \`${siteState(name).db.name}\`.notes ORDER BY id`);
}

async function schemaOf(name: string): Promise<string> {
  return (await sql(services, `SELECT value FROM \`${siteState(name).db.name}\`.meta WHERE name = 'schema'`))[0]![0]!;
}

async function databaseExists(name: string): Promise<boolean> {
  return (await sql(services, `SHOW DATABASES LIKE '${name}'`)).length > 0;
}

/** The page once it shows `text` (nginx answers from old workers for a moment after a reload). */
function pageShowing(server: 'web1' | 'web2', host: string, text: string, path = '/') {
  return pageWhen(port(server), host, (p) => p.status === 200 && p.body.includes(text), path);
}

beforeAll(async () => {
  fleet = makeFleet(services, 'site-lifecycle', { example: 'notes-upgrade' });
  const first = await run(['apply', '--yes']);
  expect(first.exitCode, first.all).toBe(0);
  await sql(services, `INSERT INTO \`${siteState(A).db.name}\`.notes (title, body) VALUES ('Groceries', 'milk, eggs'), ('Ideas', 'a better tide')`);
});
afterAll(() => removeGitCliRepos());

describe('install records what migrate compares', () => {
  it('records the site\'s packages and each platform\'s packages', () => {
    expect(siteState(A).packages).toEqual([
      { name: 'notes', type: 'module', version: '1.0.0', schema: 1, enabled: true },
      { name: 'notes_theme', type: 'theme', version: '1.0.0', schema: null, enabled: true },
    ]);
    const platform = JSON.parse(stateFile(fleet, 'state/platforms/notes-2.0.json')!);
    expect(platform.packages).toContainEqual({ name: 'notes', type: 'module', version: '2.0.0', schema: 2 });
  });
});

describe('backup, restore and retention', () => {
  it('tide backup records an archive whose size and sha256 match the file on the server', async () => {
    const result = await run(['backup', A]);
    expect(result.exitCode, result.all).toBe(0);
    const [backup] = siteState(A).backups!;
    expect(backup).toMatchObject({ server: 'web1', path: expect.stringContaining(join(fleet.roots.web1!, 'backups', A)) });
    const bytes = readFileSync(backup!.path);
    expect(bytes.length).toBe(backup!.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(backup!.sha256);
    expect(lastRecord(A, 'backup')).toMatchObject({ status: 'ok' });

    const listed = await run(['backups', A]);
    expect(listed.stdout).toContain(backup!.id);
  });

  it('restore brings back rows deleted after the backup, into a new database, and serves them', async () => {
    const before = await notes(A);
    expect(before.map((r) => r[1])).toEqual(['Welcome', 'Groceries', 'Ideas']);
    const { id } = siteState(A).backups![0]!;
    const oldDb = siteState(A).db.name;
    await sql(services, `DELETE FROM \`${oldDb}\`.notes WHERE title <> 'Welcome'`);
    expect(await notes(A)).toHaveLength(1);

    const result = await run(['restore', A, '--backup', id]);
    expect(result.exitCode, result.all).toBe(0);
    expect(await notes(A)).toEqual(before);
    expect(siteState(A).db.name).not.toBe(oldDb);
    expect(await databaseExists(oldDb)).toBe(false);
    // A fresh backup was taken first: the state keeps the chosen one and the new one.
    expect(siteState(A).backups!.map((b) => b.id)).toContain(id);
    expect(siteState(A).backups).toHaveLength(2);
    const page = await pageShowing('web1', A, 'Groceries');
    expect(page.body).toContain('Ideas: a better tide');
    expect(list(join(fleet.roots.web1!, 'sites')).filter((d) => d.startsWith('.'))).toEqual([]);
  });

  it('restore of an unknown backup changes nothing and names the ones there are', async () => {
    const generation = siteState(A).generation;
    const result = await run(['restore', A, '--backup', 'no-such-backup']);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain(`Site ${A} has no backup no-such-backup`);
    expect(siteState(A).generation).toBe(generation);
  });

  it('retention keeps exactly `keep` backups, on the server and in the state', async () => {
    writeSite(A, { platform: 'notes-1.0', server: 'web1', backups: { every: '1d', keep: 2 } });
    await applyOk('keep two backups of notes-a');
    for (let i = 0; i < 3; i++) expect((await run(['backup', A])).exitCode).toBe(0);
    const kept = siteState(A).backups!;
    expect(kept).toHaveLength(2);
    const onDisk = readdirSync(join(fleet.roots.web1!, 'backups', A)).filter((f) => f.endsWith('.tar.gz')).sort();
    expect(onDisk).toEqual(kept.map((b) => `${b.id}.tar.gz`).sort());
    // The two newest.
    const records = operationRecords(fleet).filter((r) => r.target.name === A && r.action === 'backup').slice(-2);
    expect(kept.map((b) => b.id).sort()).toEqual(records.map((r) => r.id).sort());
  });
});

describe('migrate', () => {
  it('1.0 → 2.0 on the same server keeps every row, runs the update and serves 2.0', async () => {
    const rows = await notes(A);
    const oldDb = siteState(A).db.name;
    writeSite(A, { platform: 'notes-2.0', server: 'web1', backups: { every: '1d', keep: 2 } });
    await applyOk('notes-a to 2.0');

    expect((await notes(A)).map((r) => r.slice(0, 3))).toEqual(rows);
    expect(await schemaOf(A)).toBe('2');
    expect(await sql(services, `SELECT slug FROM \`${siteState(A).db.name}\`.notes ORDER BY id`)).toEqual([['welcome'], ['groceries'], ['ideas']]);
    const page = await pageShowing('web1', A, 'Notes 2.0.0');
    expect(page.body).toContain('Groceries: milk, eggs [groceries]');
    expect(await databaseExists(oldDb)).toBe(false);
    expect(siteState(A)).toMatchObject({ platform: 'notes-2.0', server: 'web1' });
    expect(siteState(A).packages).toContainEqual(expect.objectContaining({ name: 'notes', version: '2.0.0', schema: 2 }));
    const record = lastRecord(A, 'migrate');
    expect(record.status).toBe('ok');
    // Writes held still (maintenance page) before the backup; the old copy removed only after the switch.
    expect(record.tasks.map((t) => t.name).join('\n'))
      .toMatch(/maintenance page[\s\S]*back up[\s\S]*check that platform notes-2.0[\s\S]*database updates[\s\S]*write vhost[\s\S]*drop database[\s\S]*remove site directory/);
    expect(record.tasks.every((t) => t.status === 'ok')).toBe(true);
  });

  it('to another server works the same: served there with every row, gone from the old one', async () => {
    await sql(services, `INSERT INTO \`${siteState(B).db.name}\`.notes (title, body) VALUES ('On web2', 'moving soon')`);
    const rows = await notes(B);
    writeSite(B, { platform: 'notes-2.0', server: 'web1' });
    await applyOk('notes-b to 2.0 on web1');

    expect(await notes(B)).toEqual(rows);
    expect(siteState(B)).toMatchObject({ platform: 'notes-2.0', server: 'web1' });
    const page = await pageShowing('web1', B, 'Notes 2.0.0');
    expect(page.body).toContain('On web2: moving soon [on-web2]');
    expect(existsSync(join(fleet.roots.web1!, 'sites', B, 'settings.json'))).toBe(true);
    expect(existsSync(join(fleet.roots.web2!, 'sites', B))).toBe(false);
    const old = await httpGet(port('web2'), B);
    expect(old.body).not.toContain('moving soon');
  });

  it('restore of the backup the move left on the old server brings it over and updates it to the current code', async () => {
    const [taken] = siteState(B).backups!;
    expect(taken).toMatchObject({ server: 'web2', path: expect.stringContaining(fleet.roots.web2!) });
    await sql(services, `INSERT INTO \`${siteState(B).db.name}\`.notes (title, body, slug) VALUES ('After the move', 'gone after the restore', 'after-the-move')`);

    const result = await run(['restore', B, '--backup', taken!.id]);
    expect(result.exitCode, result.all).toBe(0);
    const titles = (await notes(B)).map((r) => r[1]);
    expect(titles).toContain('On web2');
    expect(titles).not.toContain('After the move');
    // The backup was taken on 1.0 (schema 1); the restore ran 2.0's update on it.
    expect(await schemaOf(B)).toBe('2');
    const page = await pageShowing('web1', B, 'On web2: moving soon [on-web2]');
    expect(page.body).not.toContain('After the move');
    expect(list(join(fleet.roots.web1!, 'backups', B)).filter((f) => f.startsWith('incoming-'))).toEqual([]);
  });

  it('2.0 → 2.1-broken rolls back: still serves 2.0 with every row, and the record says why', async () => {
    const rows = await notes(A);
    const db = siteState(A).db.name;
    writeSite(A, { platform: 'notes-2.1-broken', server: 'web1', backups: { every: '1d', keep: 2 } });
    commitAll(fleet, 'notes-a to 2.1');
    const result = await run(['apply', '--yes']);
    expect(result.exitCode).toBe(1);
    expect(result.all).toMatch(/migrate site notes-a\.example\.com on web1 rolled-back/);

    const record = lastRecord(A, 'migrate');
    expect(record.status).toBe('rolled-back');
    expect(record.error).toContain('update to schema 3 failed half way');
    expect(siteState(A)).toMatchObject({ platform: 'notes-2.0', db: { name: db } });
    expect(await notes(A)).toEqual(rows);
    expect(await schemaOf(A)).toBe('2');
    expect(await sql(services, `SHOW COLUMNS FROM \`${db}\`.notes LIKE 'pinned'`)).toEqual([]);
    const page = await pageShowing('web1', A, 'Notes 2.0.0');
    expect(page.body).toContain('Ideas: a better tide');
    // The copy it was preparing is gone: no directory, no database.
    expect(list(join(fleet.roots.web1!, 'sites')).filter((d) => d.startsWith('.'))).toEqual([]);
    expect(await sql(services, `SHOW DATABASES LIKE '${db.replace(/_c\d+$/, '')}%'`)).toEqual([[db]]);
    // The backup it took is kept and recorded.
    expect(siteState(A).backups!.map((b) => b.id)).toContain(record.id);
  });

  it('a migrate that would lower a package\'s schema is blocked in the plan, and apply refuses it', async () => {
    writeSite(A, { platform: 'notes-1.0', server: 'web1', backups: { every: '1d', keep: 2 } });
    commitAll(fleet, 'notes-a back to 1.0');
    const plan = await run(['plan']);
    expect(plan.stdout).toContain('package notes (module) would go to a lower schema on platform notes-1.0 (schema 2 → 1)');
    const json = JSON.parse((await run(['plan', '--json'])).stdout);
    const op = json.operations.find((o: { id: string }) => o.id.startsWith(`site/${A}/migrate`));
    expect(op.blockers).toContainEqual(expect.objectContaining({ code: 'package-incompatible' }));
    const markdown = await run(['plan', '--markdown']);
    expect(markdown.stdout).toContain('schema 2 → 1');

    const generation = siteState(A).generation;
    const result = await run(['apply', '--yes']);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain('blocked');
    expect(siteState(A)).toMatchObject({ platform: 'notes-2.0', generation });
    expect(await schemaOf(A)).toBe('2');

    writeSite(A, { platform: 'notes-2.0', server: 'web1', backups: { every: '1d', keep: 2 } });
    commitAll(fleet, 'notes-a stays on 2.0');
  });
});

describe('clone, rename and login', () => {
  it('clone gives a second site with the same rows, its own database and password; the source is untouched by changes to it', async () => {
    writeSite(C, { platform: 'notes-2.0', server: 'web2', cloneFrom: A });
    await applyOk('clone notes-a as notes-c');

    expect(await notes(C)).toEqual(await notes(A));
    expect(siteState(C).db.name).not.toBe(siteState(A).db.name);
    expect(siteState(C).db.user).not.toBe(siteState(A).db.user);
    const password = (root: string, site: string) => JSON.parse(readFileSync(join(root, 'sites', site, 'settings.json'), 'utf8')).db.password;
    expect(password(fleet.roots.web2!, C)).not.toBe(password(fleet.roots.web1!, A));
    const page = await pageShowing('web2', C, 'Ideas: a better tide');
    expect(page.body).toContain(`Notes 2.0.0 — ${C}`);

    const sourceRows = await notes(A);
    await sql(services, `INSERT INTO \`${siteState(C).db.name}\`.notes (title, body, slug) VALUES ('Only in the clone', 'x', 'only-in-the-clone')`);
    await sql(services, `DELETE FROM \`${siteState(C).db.name}\`.notes WHERE title = 'Groceries'`);
    expect(await notes(A)).toEqual(sourceRows);
    expect((await pageShowing('web1', A, 'Groceries')).body).not.toContain('Only in the clone');
  });

  it('rename serves the site at its new url and not at the old one; listed as an alias, the old one redirects', async () => {
    writeSite(C, { platform: 'notes-2.0', server: 'web2', url: 'notes-c2.example.com' });
    await applyOk('rename notes-c');
    const page = await pageShowing('web2', 'notes-c2.example.com', 'Only in the clone');
    expect(page.status).toBe(200);
    const old = await pageWhen(port('web2'), C, (p) => !p.body.includes('Only in the clone'));
    expect(old.body).not.toContain('Only in the clone');
    expect(JSON.parse(readFileSync(join(fleet.roots.web2!, 'sites', C, 'settings.json'), 'utf8')).site.url).toBe('notes-c2.example.com');
    expect(siteState(C).url).toBe('notes-c2.example.com');

    writeSite(C, { platform: 'notes-2.0', server: 'web2', url: 'notes-c2.example.com', aliases: [C], redirectAliases: true });
    await applyOk('keep the old url of notes-c as a redirect');
    const redirect = await pageWhen(port('web2'), C, (p) => p.status === 301);
    expect(redirect.location).toBe(`http://notes-c2.example.com:${port('web2')}/`);
  });

  it('tide login prints a one-time link that works once and is not stored anywhere', async () => {
    const result = await run(['login', A]);
    expect(result.exitCode, result.all).toBe(0);
    const link = result.stdout.trim();
    expect(link).toMatch(new RegExp(`^http://${A.replace(/\./g, '\\.')}/login\\.php\\?token=[0-9a-f]{64}$`));
    const path = new URL(link).pathname + new URL(link).search;
    const first = await httpGet(port('web1'), A, path);
    expect(first.status).toBe(200);
    expect(first.body).toContain(`Logged in to ${A} as admin`);
    expect((await httpGet(port('web1'), A, path)).status).toBe(403);

    const token = new URL(link).searchParams.get('token')!;
    const record = lastRecord(A, 'login');
    expect(record.status).toBe('ok');
    const log = stateFile(fleet, `operations/${record.startedAt.slice(0, 7)}/${record.id}.log`)!;
    expect(log).toContain('login');
    expect(log).not.toContain(token);
    expect(JSON.stringify(operationRecords(fleet))).not.toContain(token);
  });
});
