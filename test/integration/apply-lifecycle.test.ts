// From an empty state to serving sites, then disable, enable and delete:
// checked the way a hosting engineer would, over HTTP, in MariaDB, on disk
// and on the state branch.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteDatabaseNames } from '../../src/services/db/mariadb/index.js';
import { loadDesired } from '../../src/fleet/context.js';
import { installSite } from '../../src/operations/site/install.js';
import { runTasks } from '../../src/operations/run-tasks.js';
import type { OperationContext, RunnableOperation } from '../../src/operations/types.js';
import { OperationLog } from '../../src/shell/log.js';
import { shellFor } from '../../src/shell/shell.js';
import { readRecordedState } from '../../src/state/reader.js';
import { sshTransportTo } from './support/ssh.js';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, list, makeFleet, operationRecords, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { pageWhen, sql } from './support/probe.js';

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];
let fleet: TestFleet;

async function applyOk(): Promise<string> {
  const run = await tide(fleet, ['apply', '--yes']);
  expect(run.exitCode, run.all).toBe(0);
  expectNoSecretAnywhere();
  return run.all ?? '';
}

/** After every apply: no generated password and no admin password in the repository or the output. */
function expectNoSecretAnywhere(): void {
  expectNoSecretsStored(fleet);
  expect(fleet.passwords.size).toBeGreaterThan(0);
}

beforeAll(() => {
  fleet = makeFleet(services, 'lifecycle');
});
afterAll(() => removeGitCliRepos());

describe('apply the php-notes example from an empty state', () => {
  it('installs every site; each answers through nginx with its own content and database rows', async () => {
    const out = await applyOk();
    expect(out).toMatch(/Apply finished: \d+ ok, 0 failed, 0 skipped/);

    const com = await pageWhen(web1.http.port, 'notes.example.com', (p) => p.status === 200);
    expect(com.status).toBe(200);
    expect(com.body).toContain('Notes of notes.example.com');
    expect(com.body).toContain('<li>Welcome to notes.example.com</li>');

    const org = await pageWhen(web2.http.port, 'notes.example.org', (p) => p.status === 200);
    expect(org.status).toBe(200);
    expect(org.body).toContain('<li>Welcome to notes.example.org</li>');
    expect(org.body).not.toContain('notes.example.com');

    const brochure = await pageWhen(web1.http.port, 'brochure.example.com', (p) => p.status === 200);
    expect(brochure.status).toBe(200);
    expect(brochure.body).toContain('Served as plain files');

    const alias = await pageWhen(web1.http.port, 'www.notes.example.com', (p) => p.status === 301, '/page?x=1');
    expect(alias.status).toBe(301);
    expect(alias.location).toBe(`http://notes.example.com:${web1.http.port}/page?x=1`);

    for (const site of ['notes.example.com', 'notes.example.org']) {
      const { name } = siteDatabaseNames(site);
      expect(await sql(services, `SELECT body FROM \`${name}\`.notes`)).toEqual([[`Welcome to ${site}`]]);
    }
    // The site's own user can reach its database, with the password only the server knows.
    const settings = JSON.parse(readFileSync(join(fleet.roots.web1!, 'sites/notes.example.com/settings.json'), 'utf8'));
    expect(settings.site).toEqual({
      name: 'notes.example.com', url: 'notes.example.com', profile: 'standard',
      scheme: 'http', port: web1.http.port, baseUrl: `http://notes.example.com:${web1.http.port}`,
    });
    const mode = execFileSync('stat', ['-c', '%a', join(fleet.roots.web1!, 'sites/notes.example.com/settings.json')], { encoding: 'utf8' }).trim();
    expect(mode).toBe('640');
  });

  it('records every operation and the state of each object on the state branch', () => {
    const site = JSON.parse(stateFile(fleet, 'state/sites/notes.example.com.json')!);
    expect(site).toMatchObject({ name: 'notes.example.com', platform: 'notes', server: 'web1', status: 'enabled', generation: 1,
      db: siteDatabaseNames('notes.example.com'), lastOperation: { action: 'install', status: 'ok' } });
    const platform = JSON.parse(stateFile(fleet, 'state/platforms/notes.json')!);
    expect(Object.keys(platform.deployments).sort()).toEqual(['web1', 'web2']);
    expect(platform.deployments.web1.digest).toMatch(/^[0-9a-f]{64}$/);
    const server = JSON.parse(stateFile(fleet, 'state/servers/web1.json')!);
    expect(server.reachable).toBe(true);
    expect(server.versions.nginx).toMatch(/^nginx\/\d+\.\d+/);
    expect(server.versions.mariadb).toMatch(/MariaDB/i);
    // The perl tide's shells run there (one process per command).
    expect(server.versions.perl).toMatch(/^5\.\d+\.\d+$/);

    const records = operationRecords(fleet);
    expect(records.map((r) => r.operation).sort()).toEqual([
      'platform/brochure/deploy@web1', 'platform/brochure/deploy@web2', 'platform/notes/deploy@web1', 'platform/notes/deploy@web2',
      'server/web1/verify', 'server/web2/verify',
      'site/brochure.example.com/install', 'site/notes.example.com/install', 'site/notes.example.org/install',
    ]);
    expect(records.every((r) => r.status === 'ok')).toBe(true);
    // Write-ahead: each operation was committed as running before it ran, then again when it ended.
    const log = execFileSync('git', ['log', '--format=%B', 'tide-state'], { cwd: fleet.dir, encoding: 'utf8' });
    const desired = execFileSync('git', ['rev-parse', '--short=7', 'main'], { cwd: fleet.dir, encoding: 'utf8' }).trim();
    expect(log).toContain(`install site notes.example.com on web1: running (desired ${desired})`);
    expect(log).toContain(`install site notes.example.com on web1: ok (desired ${desired})`);
    const install = records.find((r) => r.operation === 'site/notes.example.com/install')!;
    const logText = stateFile(fleet, `operations/${install.startedAt.slice(0, 7)}/${install.id}.log`);
    expect(logText).toContain('installed notes.example.com (profile standard)');
    expect(stateFile(fleet, 'state/running') ?? '').toBe('');
    expectNoSecretAnywhere();
  });

  it('a second apply has nothing to do', async () => {
    const out = await applyOk();
    expect(out).toContain('Nothing to do');
  });

  it('disable serves the "site disabled" page; enable brings the site back', async () => {
    writeFleetFile(fleet, 'sites/notes.example.com.yaml', { kind: 'Site', name: 'notes.example.com', platform: 'notes', server: 'web1', aliases: ['www.notes.example.com'], redirectAliases: true, status: 'disabled' });
    commitAll(fleet, 'disable notes.example.com');
    await applyOk();
    const disabled = await pageWhen(web1.http.port, 'notes.example.com', (p) => p.status === 503);
    expect(disabled.status).toBe(503);
    expect(disabled.body).toContain('This site is disabled');
    expect(JSON.parse(stateFile(fleet, 'state/sites/notes.example.com.json')!).status).toBe('disabled');
    // Its data is untouched.
    expect(await sql(services, `SELECT COUNT(*) FROM \`${siteDatabaseNames('notes.example.com').name}\`.notes`)).toEqual([['1']]);

    writeFleetFile(fleet, 'sites/notes.example.com.yaml', { kind: 'Site', name: 'notes.example.com', platform: 'notes', server: 'web1', aliases: ['www.notes.example.com'], redirectAliases: true, status: 'enabled' });
    commitAll(fleet, 'enable notes.example.com');
    await applyOk();
    const enabled = await pageWhen(web1.http.port, 'notes.example.com', (p) => p.status === 200);
    expect(enabled.status).toBe(200);
    expect(enabled.body).toContain('Welcome to notes.example.com');
  });

  it('delete backs the site up first, then removes its database, user, files and vhost', async () => {
    const { name, user } = siteDatabaseNames('notes.example.org');
    writeFleetFile(fleet, 'sites/notes.example.org.yaml', { kind: 'Site', name: 'notes.example.org', platform: 'notes', server: 'web2', status: 'deleted' });
    commitAll(fleet, 'delete notes.example.org');
    await applyOk();

    expect(await sql(services, `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${name}'`)).toEqual([]);
    expect(await sql(services, `SELECT User FROM mysql.user WHERE User = '${user}'`)).toEqual([]);
    expect(existsSync(join(fleet.roots.web2!, 'sites/notes.example.org'))).toBe(false);
    expect(existsSync(join(web2.http.configDir, 'tide-notes.example.org.conf'))).toBe(false);
    expect((await pageWhen(web2.http.port, 'notes.example.org', (p) => !p.body.includes('Welcome'))).body).not.toContain('Welcome');
    expect(stateFile(fleet, 'state/sites/notes.example.org.json')).toBeNull();

    const backups = list(join(fleet.roots.web2!, 'backups/notes.example.org'));
    expect(backups).toHaveLength(1);
    const archive = join(fleet.roots.web2!, 'backups/notes.example.org', backups[0]!);
    const members = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' });
    expect(members).toContain('notes.example.org/settings.json');
    expect(members).toContain('database.sql.gz');
    const dump = execFileSync('sh', ['-c', `tar -xzOf '${archive}' database.sql.gz | gunzip -c`], { encoding: 'utf8' });
    expect(dump).toContain('Welcome to notes.example.org');

    const record = operationRecords(fleet).find((r) => r.operation === 'site/notes.example.org/delete')!;
    expect(record.status).toBe('ok');
    expect(record.details?.backup.path).toBe(archive);
    expect(execFileSync('git', ['log', '--format=%B', 'tide-state'], { cwd: fleet.dir, encoding: 'utf8' })).toContain(`- backup kept at ${archive} (`);
    expectNoSecretAnywhere();
  });

  it('a static site moves to another server: served there, gone from the first, no maintenance page on the way', async () => {
    writeFleetFile(fleet, 'sites/brochure.example.com.yaml', { kind: 'Site', name: 'brochure.example.com', platform: 'brochure', server: 'web2' });
    commitAll(fleet, 'brochure to web2');
    await applyOk();
    const there = await pageWhen(web2.http.port, 'brochure.example.com', (p) => p.status === 200 && p.body.includes('Served as plain files'));
    expect(there.body).toContain('Served as plain files');
    expect((await pageWhen(web1.http.port, 'brochure.example.com', (p) => !p.body.includes('Served as plain files'))).body).not.toContain('Served as plain files');
    expect(existsSync(join(fleet.roots.web1!, 'sites/brochure.example.com'))).toBe(false);
    expect(existsSync(join(web1.http.configDir, 'tide-brochure.example.com.conf'))).toBe(false);
    const record = operationRecords(fleet).find((r) => r.operation.startsWith('site/brochure.example.com/migrate'))!;
    expect(record.status).toBe('ok');
    expect(record.tasks.map((t) => t.name).join('\n')).not.toContain('maintenance');
    expect(JSON.parse(stateFile(fleet, 'state/sites/brochure.example.com.json')!).server).toBe('web2');
  });

  it('tide status lists what is recorded with the last operation of each', async () => {
    const run = await tide(fleet, ['status']);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toMatch(/notes\.example\.com\s+enabled, notes on web1, db notes_example_com\s+last: enable ok/);
    expect(run.stdout).not.toContain('notes.example.org');
    expect(run.stdout).toMatch(new RegExp(`web2\\s+${web2.user}@127\\.0\\.0\\.1:\\d+, nginx, mariadb\\s+last: verify ok`));
  });
});

// Issue 14, point 3: steps that need no answer in between (site directory,
// database, settings) go to the server as one command, yet stay tasks of
// their own in the log and the record, each undone on its own. Run in
// process on the fleet above (platforms deployed), through a transport that
// notes which task's line each command came under.
describe('an install folds directory, database and settings into one round trip', () => {
  const NOTES = 'fold-notes.example.test';
  const TAKEN = 'fold-taken.example.test';
  const STEPS = [/^create site directory /, /^create database /, /^write settings /];
  let copy: string;

  /** The tasks of an install of `site` (in a copy of the fleet with it added), run through a counting transport on web1. */
  async function install(site: string) {
    const { desired } = await loadDesired(copy, undefined, copy);
    const server = desired.servers.get('web1')!;
    const log = new OperationLog();
    const transport = sshTransportTo(web1, services);
    const seen: { task: string; call: string }[] = [];
    let task = '';
    const line = log.line.bind(log);
    log.line = (text) => {
      // A task's line, or an undo's (its commands are not the task's).
      if (text.startsWith('▸ ')) task = text.slice(2);
      else if (text.startsWith('↶ ')) task = text;
      line(text);
    };
    const counting = new Proxy(transport, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function' || !['exec', 'writeFile', 'replaceFile', 'readFile', 'copyFileTo'].includes(String(key))) return value;
        return (...args: unknown[]) => {
          seen.push({ task, call: `${String(key)} ${String(args[0])}` });
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const shell = shellFor(counting, log);
    const op = { id: `install-${site}`, action: 'install', target: { kind: 'site', name: site }, server: 'web1', reason: 'test', dependsOn: [] } as unknown as RunnableOperation;
    const ctx = {
      op, operationId: `op-${Date.now()}`, desired, recorded: await readRecordedState(copy, 'tide-state'), server, shell, log, now: () => new Date(),
      peer: () => { throw new Error('no peer in this test'); },
      dbAdminPassword: () => services.db.adminPassword,
      readSource: () => { throw new Error('no source in this test'); },
    } as unknown as OperationContext;
    const { tasks } = await installSite(ctx);
    const outcome = await runTasks(tasks, log);
    /** Commands each task's line saw, the client lookup made once per process left out. */
    const commandsUnder = (name: RegExp) => seen.filter((s) => name.test(s.task) && !s.call.includes('command -v mariadb')).length;
    return { tasks, outcome, log: log.text(), seen, commandsUnder, close: () => transport.close() };
  }

  const stat = (path: string) => execFileSync('stat', ['-c', '%a %U %G', path], { encoding: 'utf8' }).trim();
  const dir = (site: string) => join(fleet.roots.web1!, 'sites', site);

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'tide-fold-'));
    cpSync(fleet.dir, copy, { recursive: true });
    for (const [name, platform] of [[NOTES, 'notes'], [TAKEN, 'notes']] as const) {
      writeFleetFile({ dir: copy }, `sites/${name}.yaml`, { kind: 'Site', name, platform, server: 'web1' });
    }
    commitAll({ dir: copy }, 'sites installed in process');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('a notes site: the three steps keep their lines and records but cost one command; files, permissions and the page are right', async () => {
    const run = await install(NOTES);
    try {
      expect(run.outcome.status, run.log).toBe('ok');
      const names = run.outcome.tasks.map((t) => t.name);
      const at = STEPS.map((step) => names.findIndex((n) => step.test(n)));
      expect(at.every((i, k) => i >= 0 && (k === 0 || i === at[k - 1]! + 1)), names.join('\n')).toBe(true);
      for (const step of STEPS) expect(run.log).toMatch(new RegExp(` ▸ ${step.source.slice(1)}`));
      // One round trip for what took four (mkdir, the database lookup, its creation, the settings upload).
      expect(run.commandsUnder(STEPS[0]!) + run.commandsUnder(STEPS[1]!) + run.commandsUnder(STEPS[2]!), JSON.stringify(run.seen, null, 1)).toBe(1);
      // Nothing secret on the command line: the settings and the SQL rode on stdin.
      const settings = JSON.parse(readFileSync(join(dir(NOTES), 'settings.json'), 'utf8')) as { db: { name: string; password: string } };
      expect(run.seen.map((s) => s.call).join('\n')).not.toContain(settings.db.password);
      expect(run.log).not.toContain(settings.db.password);
      expect(stat(dir(NOTES))).toBe(`2750 ${web1.user} ${web1.webGroup}`);
      expect(stat(join(dir(NOTES), 'settings.json'))).toBe(`640 ${web1.user} ${web1.webGroup}`);
      expect(stat(join(dir(NOTES), 'files'))).toBe(`2770 ${web1.user} ${web1.webGroup}`);
      // The installer read the settings and filled the database; the page comes from both.
      const page = await pageWhen(web1.http.port, NOTES, (p) => p.status === 200);
      expect(page.body).toContain(`<li>Welcome to ${NOTES}</li>`);
    } finally {
      // Rolled back as a failed install would be: vhost, settings, database, directory.
      for (const task of [...run.tasks].reverse()) await task.undo?.();
      await run.close();
    }
    expect(existsSync(dir(NOTES))).toBe(false);
    expect(await sql(services, `SHOW DATABASES LIKE '${siteDatabaseNames(NOTES).name}'`)).toEqual([]);
  });

  it('a failure in the middle of the folded command undoes exactly the steps done: the directory goes, a database tide did not make stays', async () => {
    const { name } = siteDatabaseNames(TAKEN);
    await sql(services, `CREATE DATABASE \`${name}\``);
    await sql(services, `CREATE TABLE \`${name}\`.mine (v TEXT)`);
    await sql(services, `INSERT INTO \`${name}\`.mine VALUES ('not tide''s')`);
    const run = await install(TAKEN);
    try {
      expect(run.outcome.status, run.log).toBe('rolled-back');
      const status = (step: RegExp) => run.outcome.tasks.find((t) => step.test(t.name))?.status;
      expect(STEPS.map(status)).toEqual(['undone', 'failed', 'not-run']);
      expect(run.outcome.error?.message).toContain(`database ${name} already exists`);
      expect(run.log).toMatch(/↶ undo: create site directory/);
      expect(run.log).not.toMatch(/↶ undo: create database/);
      expect(run.commandsUnder(STEPS[0]!) + run.commandsUnder(STEPS[1]!)).toBe(1);
      expect(existsSync(dir(TAKEN))).toBe(false);
      expect(await sql(services, `SELECT v FROM \`${name}\`.mine`)).toEqual([["not tide's"]]);
      expect(existsSync(join(web1.http.configDir, `tide-${TAKEN}.conf`))).toBe(false);
    } finally {
      await run.close();
      await sql(services, `DROP DATABASE IF EXISTS \`${name}\``);
    }
  });
});
