// The mariadb service type against the environment's real MariaDB: a site
// database and user, dump and load, drop; and that no password ever shows in
// a command string or an error message.

import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dbServiceType, DbCommandError, DbExistsError, DbNameError, generatePassword, siteDatabaseNames } from '../../src/services/db/index.js';
import type { DbAdmin, SiteDatabase } from '../../src/services/db/types.js';
import { LocalTransport } from '../../src/transport/local.js';
import type { ExecOptions, Transport } from '../../src/transport/types.js';

const env = inject('services').db;
const admin: DbAdmin = {
  config: { type: 'mariadb', host: env.host, port: env.port, adminUser: env.adminUser, adminPassword: 'env:TIDE_TEST_DB', grantHosts: ['127.0.0.1'] },
  password: env.adminPassword,
};
const mariadb = dbServiceType('mariadb');

/** The local transport, recording every command and its options. */
function recording(hide: string[] = []): Transport & { calls: { command: string; options: ExecOptions }[] } {
  // Its own server name: client programs are looked up once per server.
  const local = new LocalTransport(hide.length ? 'db-test-without-mariadb' : 'db-test');
  const calls: { command: string; options: ExecOptions }[] = [];
  return {
    server: local.server, calls,
    exec: async (command, options = {}) => {
      calls.push({ command, options });
      // `hide` pretends these programs are not installed (for the client fallback).
      if (hide.length && command.startsWith('command -v')) return { command, exitCode: 0, stdout: '', stderr: '', durationMs: 0 };
      return local.exec(command, options);
    },
    writeFile: (p, c, m) => local.writeFile(p, c, m), readFile: (p) => local.readFile(p), close: () => local.close(),
    replaceFile: (p, c, m) => local.replaceFile(p, c, m),
    copyFileTo: (p, target, d, m) => local.copyFileTo(p, target, d, m),
  };
}

/** A query as the admin (over TCP, like tide), rows as tab-separated lines. */
async function asAdmin(sql: string): Promise<string> {
  const r = await execa('mariadb', ['--no-defaults', '-h', env.host, '-P', String(env.port), '-u', env.adminUser, '-N', '-B', '-e', sql],
    { env: { MYSQL_PWD: env.adminPassword } });
  return r.stdout;
}

/** A query as a site user over TCP from 127.0.0.1, as the web server connects. */
function asSite(db: SiteDatabase, sql: string) {
  return execa('mariadb', ['--no-defaults', '-h', '127.0.0.1', '-P', String(env.port), '-u', db.user, '-N', '-B', db.name, '-e', sql],
    { env: { MYSQL_PWD: db.password }, reject: false });
}

function siteDb(prefix: string): SiteDatabase {
  return { ...siteDatabaseNames(`${prefix}-${randomBytes(3).toString('hex')}.example.test`), password: generatePassword() };
}

const t = recording();
const errors: unknown[] = [];
const keep = <T>(p: Promise<T>) => p.catch((e: unknown) => { errors.push(e); throw e; });
let dir: string;
const site = siteDb('blog');
const copy = siteDb('copy');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tide-db-'));
});
afterAll(async () => {
  await Promise.all([site, copy].map((db) => mariadb.drop(t, admin, db)));
  await rm(dir, { recursive: true, force: true });
});

describe('names and passwords', () => {
  it('derives valid, distinct identifiers from site names', () => {
    expect(siteDatabaseNames('blog.example.com')).toEqual({ name: 'blog_example_com', user: 'blog_example_com' });
    expect(siteDatabaseNames('my-blog.example.com').name).toBe('my__blog_example_com');
    const long = siteDatabaseNames(`${'a'.repeat(60)}.example.com`);
    expect(long.name).toMatch(/^a{55}_[0-9a-f]{8}$/);
    expect(long.user).toMatch(/^a{23}_[0-9a-f]{8}$/);
    expect(siteDatabaseNames(`${'a'.repeat(60)}.example.org`).user).not.toBe(long.user);
  });

  it('generates 32 random characters of [A-Za-z0-9]', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(generatePassword()).not.toBe(a);
  });
});

describe('mariadb', () => {
  it('answers its version, through the mariadb client (or mysql when only that is installed)', async () => {
    expect(await mariadb.version(t, admin)).toMatch(/MariaDB/);
    const old = recording(['mariadb']);
    expect(await dbServiceType('mysql').version(old, admin)).toMatch(/MariaDB/);
    expect(await mariadb.version(old, admin)).toMatch(/MariaDB/);
    expect(old.calls.map((c) => c.command.split(' ')[0])).toEqual(['mysql', 'command', 'mysql']);
  });

  it('creates a database and a user that can connect over TCP and use it, and only it', async () => {
    expect(await mariadb.exists(t, admin, site.name)).toBe(false);
    await keep(mariadb.create(t, admin, site));
    expect(await mariadb.exists(t, admin, site.name)).toBe(true);
    const r = await asSite(site, 'CREATE TABLE posts (id INT PRIMARY KEY, title TEXT); ' +
      "INSERT INTO posts VALUES (1, 'hello'), (2, 'it''s \\\\ here'); SELECT COUNT(*) FROM posts;");
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('2');
    expect((await asSite(site, 'SHOW DATABASES')).stdout.split('\n').sort()).toEqual(['information_schema', site.name].sort());
    // Only from where the web server connects (grantHosts and localhost), never from anywhere ('%').
    expect(await asAdmin(`SELECT Host FROM mysql.user WHERE User = '${site.user}' ORDER BY Host`)).toBe('127.0.0.1\nlocalhost');
  });

  it('refuses to create it again and leaves it alone', async () => {
    const again = { ...site, password: generatePassword() };
    await expect(keep(mariadb.create(t, admin, again))).rejects.toThrow(DbExistsError);
    expect((await asSite(site, 'SELECT COUNT(*) FROM posts')).stdout).toBe('2');
    // A user left over without its database is not taken over either.
    const orphan = { ...copy, user: site.user };
    await expect(keep(mariadb.create(t, admin, orphan))).rejects.toThrow(/user .* already exists/);
    expect(await mariadb.exists(t, admin, copy.name)).toBe(false);
  });

  it('dumps to gzip and loads into another database: same rows', async () => {
    const file = join(dir, 'backups', `${site.name}.sql.gz`);
    await keep(mariadb.dump(t, admin, site.name, file));
    expect((await execa('sh', ['-c', `gunzip -c ${file} | grep -c 'INSERT INTO'`])).stdout).toBe('1');
    await keep(mariadb.create(t, admin, copy));
    await keep(mariadb.load(t, admin, copy.name, file));
    const rows = 'SELECT id, title FROM posts ORDER BY id';
    expect((await asSite(copy, rows)).stdout).toBe((await asSite(site, rows)).stdout);
  });

  it('fails a dump of a missing database without leaving a file, and a load of a missing file', async () => {
    const file = join(dir, 'missing', 'x.sql.gz');
    const error = await keep(mariadb.dump(t, admin, 'tide_no_such_db', file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbCommandError);
    expect(error).toMatchObject({ code: 'DB_COMMAND_FAILED', server: 'db-test', operation: 'dump of tide_no_such_db' });
    expect((error as DbCommandError).stderr).toMatch(/Unknown database/);
    expect(await readdir(join(dir, 'missing'))).toEqual([]);
    await expect(keep(mariadb.load(t, admin, copy.name, file))).rejects.toThrow(/load into .* failed/);
  });

  it('rejects invalid names with a typed error before running anything', async () => {
    const before = t.calls.length;
    await expect(mariadb.create(t, admin, { name: 'a`; DROP DATABASE x; --', user: 'u', password: 'p' })).rejects.toThrow(DbNameError);
    await expect(mariadb.drop(t, admin, { name: 'ok', user: 'u'.repeat(33) })).rejects.toThrow(DbNameError);
    expect(t.calls.length).toBe(before);
  });

  it('drops the database and the user; dropping again is no error', async () => {
    // A host part the user got some other way (an older tide granted '%'): dropped too.
    await asAdmin(`CREATE USER '${site.user}'@'%' IDENTIFIED BY 'x'`);
    await mariadb.drop(t, admin, site);
    expect(await asAdmin(`SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${site.name}'`)).toBe('0');
    expect(await asAdmin(`SELECT COUNT(*) FROM mysql.user WHERE User = '${site.user}'`)).toBe('0');
    await mariadb.drop(t, admin, site);
    expect((await asSite(site, 'SELECT 1')).exitCode).not.toBe(0);
  });

  it('never put a password in a command string or an error message', async () => {
    expect(t.calls.length).toBeGreaterThan(10);
    for (const secret of [site.password, copy.password, env.adminPassword]) {
      for (const { command } of t.calls) expect(command).not.toContain(secret);
      for (const error of errors) expect(String((error as Error).message)).not.toContain(secret);
    }
    // The admin password only in MYSQL_PWD; site passwords only on stdin.
    expect(t.calls.every((c) => !c.options.env || Object.keys(c.options.env).join() === 'MYSQL_PWD')).toBe(true);
    expect(t.calls.some((c) => String(c.options.stdin).includes(site.password))).toBe(true);
    expect(errors.length).toBeGreaterThanOrEqual(4);
  });
});
