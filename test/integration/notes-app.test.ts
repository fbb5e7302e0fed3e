// The notes application of examples/notes-upgrade, in its three releases,
// run as tide's script driver runs it (the local `php` CLI in the platform's
// directory, the site's facts in the environment and in settings.json)
// against the environment's real MariaDB: install, packages, the schema
// updates (one that works, two that fail half way, one that refuses), login
// links and cron. tide's migrate, backup, restore and login tests rely on
// exactly this behaviour.

import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from './support/fleet.js';

const services = inject('services');
const { db } = services;
const EXAMPLE = join(REPO_ROOT, 'examples/notes-upgrade');
const platformDir = (version: Version) => join(EXAMPLE, 'platforms', `notes-${version}`);
type Version = '1.0' | '2.0' | '2.1-broken';

interface Site {
  name: string;
  dir: string;
  db: { host: string; port: number; name: string; user: string; password: string };
}

let root: string;
const sites: Site[] = [];
/** Everything the scripts printed, to check that no password shows. */
const printed: string[] = [];

/** Runs SQL as the admin; rows as arrays of strings. */
async function sql(query: string, database?: string): Promise<string[][]> {
  const args = ['--no-defaults', '-h', db.host, '-P', String(db.port), '-u', db.adminUser, '-N', '-B', '-e', query];
  const r = await execa('mariadb', database ? [...args, database] : args, { env: { MYSQL_PWD: db.adminPassword } });
  return r.stdout ? r.stdout.split('\n').map((line) => line.split('\t')) : [];
}

/** A site as tide makes one: an empty database, a user for it, and a site directory with settings.json. */
async function newSite(tag: string): Promise<Site> {
  const id = `notesapp_${tag}_${randomBytes(3).toString('hex')}`;
  const site: Site = {
    name: `${tag}.notes.example.test`,
    dir: join(root, id),
    db: { host: db.host, port: db.port, name: id, user: id, password: randomBytes(16).toString('hex') },
  };
  sites.push(site);
  await sql(`CREATE DATABASE \`${id}\`; ` +
    ['%', 'localhost'].map((host) => `CREATE USER '${id}'@'${host}' IDENTIFIED BY '${site.db.password}'; ` +
      `GRANT ALL ON \`${id}\`.* TO '${id}'@'${host}';`).join(' '));
  await execa('mkdir', ['-p', site.dir]);
  await writeFile(join(site.dir, 'settings.json'), JSON.stringify({
    site: { name: site.name, url: site.name, profile: 'standard' },
    db: site.db,
  }), { mode: 0o600 });
  return site;
}

/** The environment the script driver gives a command; no site: a platform command. */
function factsEnv(site: Site | null): Record<string, string> {
  if (!site) return { TIDE_SITE_DIR: '' };
  return {
    TIDE_SITE_NAME: site.name, TIDE_SITE_URL: site.name, TIDE_SITE_DIR: site.dir, TIDE_SITE_PROFILE: 'standard',
    TIDE_DB_HOST: site.db.host, TIDE_DB_PORT: String(site.db.port), TIDE_DB_NAME: site.db.name,
    TIDE_DB_USER: site.db.user, TIDE_DB_PASSWORD: site.db.password,
  };
}

/** `php bin/<script>.php` of a release, as the script driver runs it. */
async function run(version: Version, script: string, site: Site | null) {
  const r = await execa('php', [`bin/${script}.php`], { cwd: platformDir(version), env: factsEnv(site), reject: false });
  printed.push(r.stdout, r.stderr);
  return r;
}

/**
 * A page of a release, as php-fpm would run it with TIDE_SITE_DIR from the
 * vhost; the status is what the page gave http_response_code. (A script
 * file, not `php -r`: code run by -r bypasses set_exception_handler.)
 */
let pages = 0;
async function page(version: Version, file: string, site: Site, query: Record<string, string> = {}) {
  const wrapper = join(root, `page-${++pages}.php`);
  await writeFile(wrapper, [
    '<?php',
    `$_SERVER['TIDE_SITE_DIR'] = ${JSON.stringify(site.dir)};`,
    `$_GET = json_decode(${JSON.stringify(JSON.stringify(query))}, true);`,
    "register_shutdown_function(function () { fwrite(STDERR, 'status ' . (http_response_code() ?: 200) . \"\\n\"); });",
    `require ${JSON.stringify(join(platformDir(version), 'public', file))};`,
  ].join('\n'));
  // TIDE_SITE_DIR only as the vhost passes it, not in the environment.
  const r = await execa('php', [wrapper], { env: { TIDE_SITE_DIR: '' }, reject: false });
  printed.push(r.stdout, r.stderr);
  return { status: Number(/status (\d+)/.exec(r.stderr)?.[1]), body: r.stdout, stderr: r.stderr };
}

const schemaOf = async (site: Site) => (await sql("SELECT value FROM meta WHERE name = 'schema'", site.db.name))[0]?.[0];
const columnsOf = async (site: Site) => (await sql(
  `SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${site.db.name}' AND TABLE_NAME = 'notes' ORDER BY ORDINAL_POSITION`,
)).map((r) => r[0]);

/** A schema-1 site made by notes 1.0's installer, with more notes added through SQL. */
async function schema1Site(tag: string, titles: string[]): Promise<Site> {
  const site = await newSite(tag);
  const r = await run('1.0', 'install', site);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  for (const title of titles) {
    await sql(`INSERT INTO notes (title, body) VALUES ('${title.replace(/'/g, "''")}', 'about ${title.replace(/'/g, "''")}')`, site.db.name);
  }
  return site;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tide-notes-app-'));
});
afterAll(async () => {
  for (const site of sites) {
    await sql(`DROP DATABASE IF EXISTS \`${site.db.name}\`; DROP USER IF EXISTS '${site.db.user}'@'%', '${site.db.user}'@'localhost';`);
  }
  await rm(root, { recursive: true, force: true });
});

describe('the example fleet', () => {
  it('has three releases, each with the same files, all valid PHP', async () => {
    const files = ['bin/cron.php', 'bin/install.php', 'bin/login.php', 'bin/packages.php', 'bin/update.php',
      'lib/settings.php', 'public/index.php', 'public/login.php'];
    for (const version of ['1.0', '2.0', '2.1-broken'] as const) {
      const found = (await readdir(platformDir(version), { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(platformDir(version).length + 1)).sort();
      expect(found, version).toEqual(files);
      for (const file of files) {
        const lint = await execa('php', ['-l', join(platformDir(version), file)], { reject: false });
        expect(lint.exitCode, `${version}/${file}: ${lint.stdout}`).toBe(0);
      }
    }
  });
});

describe('notes 1.0', () => {
  let site: Site;
  beforeAll(async () => {
    site = await newSite('one');
  });

  it('installs schema 1 and a welcome note', async () => {
    const r = await run('1.0', 'install', site);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(await schemaOf(site)).toBe('1');
    expect(await columnsOf(site)).toEqual(['id', 'title', 'body', 'created_at']);
    expect(await sql('SELECT id, title, body FROM notes', site.db.name)).toEqual([['1', 'Welcome', `Welcome to ${site.name}`]]);
    expect(await sql('SHOW TABLES', site.db.name)).toEqual([['login_tokens'], ['meta'], ['notes']]);
  });

  it('refuses to install over an installed site', async () => {
    const r = await run('1.0', 'install', site);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/already installed \(schema 1\)/);
    expect(await sql('SELECT COUNT(*) FROM notes', site.db.name)).toEqual([['1']]);
  });

  it('lists its packages: the code\'s schema for the platform, the database\'s for a site', async () => {
    const platform = await run('1.0', 'packages', null);
    expect(platform.stderr).toBe('');
    expect(JSON.parse(platform.stdout)).toEqual([
      { name: 'notes', type: 'module', version: '1.0.0', schema: 1 },
      { name: 'notes_theme', type: 'theme', version: '1.0.0', schema: null },
    ]);
    const ofSite = await run('1.0', 'packages', site);
    expect(ofSite.stderr).toBe('');
    expect(JSON.parse(ofSite.stdout)).toEqual([
      { name: 'notes', type: 'module', version: '1.0.0', schema: 1, enabled: true },
      { name: 'notes_theme', type: 'theme', version: '1.0.0', schema: null, enabled: true },
    ]);
  });

  it('says schema 1 is current', async () => {
    const r = await run('1.0', 'update', site);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('schema 1 is current');
  });

  it('serves its notes, escaped, titled with its version and site', async () => {
    await sql("INSERT INTO notes (title, body) VALUES ('<b>bold</b>', 'a & b')", site.db.name);
    const p = await page('1.0', 'index.php', site);
    expect(p.status).toBe(200);
    expect(p.body).toContain(`<title>Notes 1.0.0 — ${site.name}</title>`);
    expect(p.body).toContain(`<h1>Notes 1.0.0 — ${site.name}</h1>`);
    expect(p.body).toContain(`<li data-id="1">Welcome: Welcome to ${site.name}</li>`);
    expect(p.body).toContain('<li data-id="2">&lt;b&gt;bold&lt;/b&gt;: a &amp; b</li>');
  });

  it('fails with a short message when the site has no settings', async () => {
    // Under the CLI the page takes the commands' error path (php-fpm answers 500 with the message).
    const p = await page('1.0', 'index.php', { ...site, dir: join(root, 'no-such-site') });
    expect(p.body).toBe('');
    expect(p.stderr).toMatch(/^notes: this site has no settings/);
    const r = await execa('php', ['bin/cron.php'], { cwd: platformDir('1.0'), env: { TIDE_SITE_DIR: '' }, reject: false });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^notes: .*no settings/);
  });

  it('prints a one-time login link that login.php accepts once', async () => {
    const r = await run('1.0', 'login', site);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const m = /^http:\/\/([^/]+)\/login\.php\?token=([0-9a-f]{64})$/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(m![1]).toBe(site.name);
    const token = m![2]!;
    const [[expires]] = await sql(`SELECT TIMESTAMPDIFF(SECOND, NOW(), expires_at) FROM login_tokens WHERE token = '${token}'`, site.db.name) as [[string]];
    expect(Number(expires)).toBeGreaterThan(590);
    expect(Number(expires)).toBeLessThanOrEqual(600);

    const first = await page('1.0', 'login.php', site, { token });
    expect(first).toMatchObject({ status: 200, body: `Logged in to ${site.name} as admin` });
    expect(await sql(`SELECT COUNT(*) FROM login_tokens WHERE token = '${token}'`, site.db.name)).toEqual([['0']]);
    const again = await page('1.0', 'login.php', site, { token });
    expect(again).toMatchObject({ status: 403, body: 'This login link is invalid or has already been used.' });
    expect(await page('1.0', 'login.php', site, { token: 'x' })).toMatchObject({ status: 403 });
    expect(await page('1.0', 'login.php', site)).toMatchObject({ status: 403 });

    // An expired link is refused.
    const old = randomBytes(32).toString('hex');
    await sql(`INSERT INTO login_tokens VALUES ('${old}', NOW() - INTERVAL 1 SECOND)`, site.db.name);
    expect(await page('1.0', 'login.php', site, { token: old })).toMatchObject({ status: 403 });
  });

  it('runs cron: meta cron_last is now', async () => {
    const before = Date.now();
    const r = await run('1.0', 'cron', site);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('cron done');
    const [[last]] = await sql("SELECT value FROM meta WHERE name = 'cron_last'", site.db.name) as [[string]];
    expect(Math.abs(Date.parse(last) - before)).toBeLessThan(60_000);
  });
});

describe('notes 2.0', () => {
  it('brings the schema its code is at to the platform inventory', async () => {
    const r = await run('2.0', 'packages', null);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'notes', type: 'module', version: '2.0.0', schema: 2 },
      { name: 'notes_theme', type: 'theme', version: '2.0.0', schema: null },
    ]);
  });

  it('migrates a schema-1 database: slugs for every row, unique, schema 2', async () => {
    const site = await schema1Site('mig', ['Hello, World!', '  Ünïcode & more  ', 'Plans for 2027']);
    const rows = await sql('SELECT id, title, body FROM notes ORDER BY id', site.db.name);

    // Packages of the site before: the database is at schema 1 even beside 2.0's code.
    expect(JSON.parse((await run('2.0', 'packages', site)).stdout)[0]).toEqual(
      { name: 'notes', type: 'module', version: '2.0.0', schema: 1, enabled: true });
    // 2.0's page on the schema-1 database (mid-migrate): the notes, without slugs.
    const during = await page('2.0', 'index.php', site);
    expect(during.status).toBe(200);
    expect(during.body).toContain(`<h1>Notes 2.0.0 — ${site.name}</h1>`);
    expect(during.body).toContain(`<li data-id="1">Welcome: Welcome to ${site.name}</li>`);

    const r = await run('2.0', 'update', site);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(await schemaOf(site)).toBe('2');
    expect(await sql('SELECT id, title, body FROM notes ORDER BY id', site.db.name)).toEqual(rows);
    expect(await sql('SELECT id, slug FROM notes ORDER BY id', site.db.name)).toEqual([
      ['1', 'welcome'], ['2', 'hello-world'], ['3', 'n-code-more'], ['4', 'plans-for-2027'],
    ]);
    expect(await columnsOf(site)).toEqual(['id', 'title', 'body', 'created_at', 'slug']);
    expect(await sql(`SELECT NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '${site.db.name}' AND INDEX_NAME = 'notes_slug'`))
      .toEqual([['0', 'slug']]);
    expect(await sql(`SELECT IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${site.db.name}' AND TABLE_NAME = 'notes' AND COLUMN_NAME = 'slug'`))
      .toEqual([['NO']]);

    expect((await run('2.0', 'update', site)).stdout).toBe('schema 2 is current');
    expect(JSON.parse((await run('2.0', 'packages', site)).stdout)[0].schema).toBe(2);
    const after = await page('2.0', 'index.php', site);
    expect(after.body).toContain('<li data-id="2">Hello, World!: about Hello, World! [hello-world]</li>');

    // 1.0's code cannot take it back.
    const back = await run('1.0', 'update', site);
    expect(back.exitCode).toBe(1);
    expect(back.stderr).toBe('notes: database schema 2 is newer than this code (1); cannot downgrade');
  });

  it('installs schema 2 directly, as a migrated database', async () => {
    const site = await newSite('two');
    const r = await run('2.0', 'install', site);
    expect(r.exitCode).toBe(0);
    expect(await schemaOf(site)).toBe('2');
    expect(await columnsOf(site)).toEqual(['id', 'title', 'body', 'created_at', 'slug']);
    expect(await sql('SELECT title, body, slug FROM notes', site.db.name)).toEqual([['Welcome', `Welcome to ${site.name}`, 'welcome']]);
  });

  it('fails on two titles with one slug: exit 1, the duplicate named, schema still 1, rows intact', async () => {
    const site = await schema1Site('dup', ['Hello World', 'hello-world!', 'Other']);
    const rows = await sql('SELECT id, title, body FROM notes ORDER BY id', site.db.name);
    const r = await run('2.0', 'update', site);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^notes: update to schema 2 failed: .*slug 'hello-world' \(notes 2,3\)/);
    expect(await schemaOf(site)).toBe('1');
    expect(await sql('SELECT id, title, body FROM notes ORDER BY id', site.db.name)).toEqual(rows);
    // Half way: the column was added and filled, the unique key was not.
    expect(await columnsOf(site)).toEqual(['id', 'title', 'body', 'created_at', 'slug']);
    expect(await sql('SELECT slug FROM notes ORDER BY id', site.db.name)).toEqual([['welcome'], ['hello-world'], ['hello-world'], ['other']]);
    expect(await sql(`SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '${site.db.name}' AND INDEX_NAME = 'notes_slug'`))
      .toEqual([['0']]);

    // Rename one, and the same update finishes the job.
    await sql("UPDATE notes SET title = 'Hello again' WHERE id = 3", site.db.name);
    const again = await run('2.0', 'update', site);
    expect(again.stderr).toBe('');
    expect(await schemaOf(site)).toBe('2');
    expect(await sql('SELECT slug FROM notes WHERE id = 3', site.db.name)).toEqual([['hello-again']]);
  });

  it('refuses a schema-3 database', async () => {
    const site = await newSite('three');
    expect((await run('2.1-broken', 'install', site)).exitCode).toBe(0);
    const r = await run('2.0', 'update', site);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('notes: database schema 3 is newer than this code (2); cannot downgrade');
    expect(await schemaOf(site)).toBe('3');
  });
});

describe('notes 2.1 (broken)', () => {
  it('installs schema 3 directly', async () => {
    const site = await newSite('inst21');
    expect((await run('2.1-broken', 'install', site)).exitCode).toBe(0);
    expect(await schemaOf(site)).toBe('3');
    expect(await columnsOf(site)).toEqual(['id', 'title', 'body', 'created_at', 'slug', 'pinned']);
    expect(JSON.parse((await run('2.1-broken', 'packages', null)).stdout)[0]).toEqual(
      { name: 'notes', type: 'module', version: '2.1.0', schema: 3 });
    expect((await run('2.1-broken', 'update', site)).stdout).toBe('schema 3 is current');
  });

  it('fails its update half way from schema 1: slugs done, pinned added, schema 2, exit 1', async () => {
    const site = await schema1Site('broken', ['First', 'Second']);
    const rows = await sql('SELECT id, title, body FROM notes ORDER BY id', site.db.name);
    const r = await run('2.1-broken', 'update', site);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^notes: update to schema 3 failed half way .*is_pinned/);
    expect(await schemaOf(site)).toBe('2');
    expect(await columnsOf(site)).toEqual(['id', 'title', 'body', 'created_at', 'slug', 'pinned']);
    expect(await sql('SELECT id, title, body FROM notes ORDER BY id', site.db.name)).toEqual(rows);
    // And again from schema 2: the same failure, nothing lost.
    const again = await run('2.1-broken', 'update', site);
    expect(again.exitCode).toBe(1);
    expect(await schemaOf(site)).toBe('2');
  });
});

describe('secrets', () => {
  it('never printed a database password', () => {
    expect(printed.length).toBeGreaterThan(20);
    for (const site of sites) {
      for (const text of printed) expect(text).not.toContain(site.db.password);
    }
  });
});
