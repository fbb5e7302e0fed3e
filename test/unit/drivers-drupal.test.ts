// The drupal driver. Drupal cannot be installed on the test machines, so its
// contract is checked as command lines (a fake shell records them), drush's
// documented JSON output, and the PHP it writes or runs (checked with the
// real php). The drush prefix and the platform scan also run for real, with a
// stand-in drush and a stand-in Drupal tree.

import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drupalDriver, drushCommand } from '../../src/drivers/drupal.js';
import { parsePmList, parseSchemaVersions, sitePackagesFrom, INSTALLED_SCHEMA_PHP } from '../../src/drivers/drupal-inventory.js';
import { drupalHashSalt, phpString } from '../../src/drivers/drupal-settings.js';
import { LoginLinkInvalidError, PackagesInvalidError } from '../../src/drivers/errors.js';
import type { DriverContext, SiteFacts } from '../../src/drivers/types.js';
import type { Platform } from '../../src/model/kinds.js';
import { OperationPreconditionError } from '../../src/shell/errors.js';
import { OperationLog } from '../../src/shell/log.js';
import { commandTimeoutMs, shellFor, type Shell } from '../../src/shell/shell.js';
import { LocalTransport } from '../../src/transport/local.js';
import { fakeShell } from '../helpers/fake-shell.js';

const PASSWORD = "p'w\\X$y7";
const facts: SiteFacts = {
  site: { name: 'blog', url: 'blog.example.com', dir: '/srv/tide/sites/blog', profile: 'standard', scheme: 'http', port: 80, baseUrl: 'http://blog.example.com' },
  vars: {},
  db: { host: '127.0.0.1', port: 3306, name: 'blog', user: 'blog_u', password: PASSWORD },
};
const PLATFORM_DIR = '/srv/tide/platforms/d10';
const platform: Platform = {
  kind: 'Platform', name: 'd10', servers: ['web1'], driver: 'drupal', source: { git: 'https://git.example.com/d10.git', ref: 'v1' },
  docroot: 'web', commands: {},
};
const ctx = (shell: Shell, over: Partial<DriverContext> = {}): DriverContext => ({ shell, platform, platformDir: PLATFORM_DIR, facts, ...over });

const PREFIX =
  `drush=vendor/bin/drush; [ -x "$drush" ] || drush=drush; ln -sfn '/srv/tide/sites/blog' '/srv/tide/platforms/d10/web/sites/blog.example.com'` +
  ` && "$drush" --root='/srv/tide/platforms/d10/web' --uri='http://blog.example.com'`;
const RUN = { cwd: PLATFORM_DIR, timeoutMs: commandTimeoutMs() };

// The shape drush pm:list --format=json prints (PmCommands::pmList: rows keyed
// by machine name; status "Enabled"/"Disabled"; version null when the info
// file has none), here with every field, as without --fields.
const PM_LIST = `{
    "block": {
        "package": "Core",
        "project": "",
        "display_name": "Block (block)",
        "name": "block",
        "type": "module",
        "path": "core/modules/block",
        "status": "Enabled",
        "version": "10.2.3"
    },
    "ban": {
        "package": "Core",
        "project": "",
        "display_name": "Ban (ban)",
        "name": "ban",
        "type": "module",
        "path": "core/modules/ban",
        "status": "Disabled",
        "version": "10.2.3"
    },
    "pathauto": {
        "package": "Other",
        "project": "pathauto",
        "display_name": "Pathauto (pathauto)",
        "name": "pathauto",
        "type": "module",
        "path": "modules/contrib/pathauto",
        "status": "Enabled",
        "version": "8.x-1.12"
    },
    "blog_tweaks": {
        "package": "Custom",
        "project": "",
        "display_name": "Blog tweaks (blog_tweaks)",
        "name": "blog_tweaks",
        "type": "module",
        "path": "modules/custom/blog_tweaks",
        "status": "Enabled",
        "version": null
    },
    "standard": {
        "package": "Core",
        "project": "",
        "display_name": "Standard (standard)",
        "name": "standard",
        "type": "profile",
        "path": "core/profiles/standard",
        "status": "Enabled",
        "version": "10.2.3"
    },
    "olivero": {
        "package": "Core",
        "project": "",
        "display_name": "Olivero (olivero)",
        "name": "olivero",
        "type": "theme",
        "path": "core/themes/olivero",
        "status": "Enabled",
        "version": "10.2.3"
    }
}`;
const SCHEMA = '{"block":8003,"pathauto":8108,"blog_tweaks":8000,"standard":8000,"system":10201}\n';
const src = { server: 'web1', command: 'drush pm:list' };

describe('drupal driver command lines', () => {
  it('installs with no secret on any command line (drush reads settings.php)', async () => {
    const { shell, calls, writes } = fakeShell();
    await drupalDriver.install(ctx(shell));
    expect(writes).toEqual([]);
    expect(calls).toEqual([
      { what: 'drush site:install', command: `${PREFIX} site:install 'standard' --yes --sites-subdir='blog.example.com' --site-name='blog'`, options: RUN },
      {
        what: 'forgetting the admin password',
        command: `${PREFIX} php:eval '$account = \\Drupal\\user\\Entity\\User::load(1); if ($account) { $account->setPassword(bin2hex(random_bytes(32))); $account->save(); }'`,
        options: RUN,
      },
    ]);
    for (const c of calls) {
      expect(c.command).not.toContain(PASSWORD);
      expect(c.command).not.toContain(encodeURIComponent(PASSWORD));
      expect(c.options.env).toBeUndefined();
    }
  });

  it('refuses to install a site without a database', async () => {
    const { shell, calls } = fakeShell();
    await expect(drupalDriver.install(ctx(shell, { facts: { ...facts, db: null } }))).rejects.toBeInstanceOf(OperationPreconditionError);
    expect(calls).toEqual([]);
  });

  it('updates the database then rebuilds caches', async () => {
    const { shell, calls } = fakeShell();
    await drupalDriver.update(ctx(shell));
    expect(calls).toEqual([
      { what: 'drush updatedb', command: `${PREFIX} updatedb --yes`, options: RUN },
      { what: 'drush cache:rebuild', command: `${PREFIX} cache:rebuild`, options: RUN },
    ]);
  });

  it('runs cron', async () => {
    const { shell, calls } = fakeShell();
    await drupalDriver.cron(ctx(shell));
    expect(calls).toEqual([{ what: 'drush core:cron', command: `${PREFIX} core:cron`, options: RUN }]);
  });

  it('uses https in --uri for an https site, and the platform directory when the docroot is "."', () => {
    const { shell } = fakeShell();
    const c = ctx(shell, { platform: { ...platform, docroot: '.' }, facts: { ...facts, site: { ...facts.site, https: true } } });
    expect(drushCommand(c, 'status')).toBe(
      `drush=vendor/bin/drush; [ -x "$drush" ] || drush=drush; ln -sfn '/srv/tide/sites/blog' '/srv/tide/platforms/d10/sites/blog.example.com'` +
        ` && "$drush" --root='/srv/tide/platforms/d10' --uri='https://blog.example.com' status`,
    );
  });

  it('reaches a copy being prepared beside the live directory by a link of its own, leaving the host link to the live one', async () => {
    const { shell, calls } = fakeShell();
    const staged = { ...facts, site: { ...facts.site, dir: '/srv/tide/sites/.blog.migrate-20260301T101500Z_ab12' } };
    await drupalDriver.update(ctx(shell, { facts: staged }));
    const copyLink = `'/srv/tide/platforms/d10/web/sites/blog.migrate-20260301t101500z-ab12'`;
    expect(calls.map((c) => c.command)).toEqual(['updatedb --yes', 'cache:rebuild'].map((args) =>
      `drush=vendor/bin/drush; [ -x "$drush" ] || drush=drush; ln -sfn '/srv/tide/sites/blog' '/srv/tide/platforms/d10/web/sites/blog.example.com'` +
      ` && ln -sfn '/srv/tide/sites/.blog.migrate-20260301T101500Z_ab12' ${copyLink}` +
      ` && "$drush" --root='/srv/tide/platforms/d10/web' --uri='http://blog.migrate-20260301t101500z-ab12' ${args}; s=$?; rm -f ${copyLink}; exit $s`));
  });

  it('lists the site\'s packages from pm:list and the installed schema versions', async () => {
    const { shell, calls } = fakeShell((command) => ({ stdout: command.includes('pm:list') ? PM_LIST : SCHEMA }));
    const packages = await drupalDriver.sitePackages(ctx(shell));
    expect(calls).toEqual([
      { what: 'drush pm:list', command: `${PREFIX} pm:list --format=json --status=enabled --type=module,theme,profile --fields=name,type,status,version`, options: RUN },
      { what: 'reading schema versions', command: `${PREFIX} php:eval '${INSTALLED_SCHEMA_PHP}'`, options: RUN },
    ]);
    // The stand-in output includes a disabled module; drush leaves it out under --status=enabled.
    expect(packages).toEqual([
      { name: 'ban', type: 'module', version: '10.2.3', schema: null, enabled: false },
      { name: 'block', type: 'module', version: '10.2.3', schema: 8003, enabled: true },
      { name: 'blog_tweaks', type: 'module', version: '', schema: 8000, enabled: true },
      { name: 'olivero', type: 'theme', version: '10.2.3', schema: null, enabled: true },
      { name: 'pathauto', type: 'module', version: '8.x-1.12', schema: 8108, enabled: true },
      { name: 'standard', type: 'profile', version: '10.2.3', schema: 8000, enabled: true },
    ]);
  });

  it('reads the platform\'s extensions with php, the scan script on stdin', async () => {
    const { shell, calls } = fakeShell(() => ({ stdout: '[{"name":"block","type":"module","version":"10.2.3","schema":8003}]\n' }));
    expect(await drupalDriver.platformPackages({ shell, platform, platformDir: PLATFORM_DIR })).toEqual([
      { name: 'block', type: 'module', version: '10.2.3', schema: 8003 },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.command).toBe(`php -d display_errors=stderr -- '/srv/tide/platforms/d10/web'`);
    expect(calls[0]?.options).toMatchObject(RUN);
    expect(String(calls[0]?.options.stdin)).toMatch(/^<\?php\n/);
  });

  it('makes a login link with user:login, its last line', async () => {
    const link = 'http://blog.example.com/user/reset/1/1700000000/AbCdEfSECRET/login';
    const { shell, calls } = fakeShell(() => ({ stdout: `${link}\n` }));
    expect(await drupalDriver.loginLink(ctx(shell))).toBe(link);
    expect(calls).toEqual([{ what: 'drush user:login', command: `${PREFIX} user:login --no-browser`, options: RUN }]);
  });

  it('refuses login output without a link, quoting neither output nor link', async () => {
    const { shell } = fakeShell(() => ({ stdout: 'http://blog.example.com/user/reset/1/2/AbCdEfSECRET/login\n[notice] done\n' }));
    const err = await drupalDriver.loginLink(ctx(shell)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginLinkInvalidError);
    expect((err as Error).message).not.toContain('SECRET');
    expect((err as Error).message).toContain('user:login --no-browser');
  });
});

describe('drush output', () => {
  it('parses pm:list JSON, keyed by machine name', () => {
    expect(parsePmList(PM_LIST, src)).toEqual([
      { name: 'block', type: 'module', status: 'Enabled', version: '10.2.3' },
      { name: 'ban', type: 'module', status: 'Disabled', version: '10.2.3' },
      { name: 'pathauto', type: 'module', status: 'Enabled', version: '8.x-1.12' },
      { name: 'blog_tweaks', type: 'module', status: 'Enabled', version: null },
      { name: 'standard', type: 'profile', status: 'Enabled', version: '10.2.3' },
      { name: 'olivero', type: 'theme', status: 'Enabled', version: '10.2.3' },
    ]);
    // With --fields=name,...: same rows; an empty list is PHP's [].
    expect(parsePmList('{"node":{"name":"node","type":"module","status":"Enabled","version":"10.2.3"}}', src)).toHaveLength(1);
    expect(parsePmList('[]', src)).toEqual([]);
  });

  it('takes the machine name from the key when the row has none', () => {
    expect(parsePmList('{"node":{"type":"module","status":"Enabled","version":"10.2.3"}}', src)[0]?.name).toBe('node');
  });

  it('refuses pm:list output it cannot read, saying what is wrong', () => {
    const problem = (stdout: string) => {
      try {
        parsePmList(stdout, src);
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(PackagesInvalidError);
        return (e as Error).message;
      }
    };
    expect(problem(' [warning] Drush command terminated abnormally.')).toMatch(/^The package list printed on web1 by `drush pm:list` is invalid: stdout is not JSON/);
    expect(problem('[{"name":"node"}]')).toMatch(/not a JSON object keyed by machine name/);
    expect(problem('{"node":{"name":"node","type":"module","status":"Installed","version":"1"}}')).toMatch(/node has status "Installed"/);
    expect(problem('{"node":{"name":"node","status":"Enabled","version":"1"}}')).toMatch(/node has no type/);
    expect(problem('{"node":{"name":"node","type":"module","status":"Enabled","version":8}}')).toMatch(/node has a version that is not a string/);
  });

  it('parses schema versions (integers; numeric strings too)', () => {
    expect(parseSchemaVersions(SCHEMA, src)).toEqual(new Map([['block', 8003], ['pathauto', 8108], ['blog_tweaks', 8000], ['standard', 8000], ['system', 10201]]));
    expect(parseSchemaVersions('{"a":"8001"}', src)).toEqual(new Map([['a', 8001]]));
    expect(parseSchemaVersions('[]', src)).toEqual(new Map());
    expect(() => parseSchemaVersions('{"a":"x"}', src)).toThrow(/the schema version of a is not an integer/);
    expect(() => parseSchemaVersions('[1]', src)).toThrow(/not a JSON object of schema versions/);
  });

  it('gives themes no schema and modules missing from system.schema none either', () => {
    expect(sitePackagesFrom([{ name: 'x', type: 'module', status: 'Enabled', version: '1' }, { name: 'bartik', type: 'theme', status: 'Enabled', version: '9' }],
      new Map([['bartik', 8000]]))).toEqual([
      { name: 'bartik', type: 'theme', version: '9', schema: null, enabled: true },
      { name: 'x', type: 'module', version: '1', schema: null, enabled: true },
    ]);
  });

  it('runs valid PHP in php:eval', () => {
    execFileSync('php', ['-l'], { input: `<?php ${INSTALLED_SCHEMA_PHP}\n` });
  });
});

/** Runs `code` with the real php and returns stdout. */
function php(code: string, ...args: string[]): string {
  return execFileSync('php', ['-r', code, '--', ...args], { encoding: 'utf8' });
}

describe('settings.php', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tide-drupal-settings-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('escapes PHP single-quoted strings exactly', () => {
    expect(phpString('plain')).toBe(`'plain'`);
    expect(phpString(`it's`)).toBe(`'it\\'s'`);
    expect(phpString('a\\b')).toBe(`'a\\\\b'`);
    expect(phpString(`\\'`)).toBe(`'\\\\\\''`);
    const nasty = `a'b\\c\\\\'$x {$y} \n"q" \\n end\\`;
    expect(php(`echo ${phpString(nasty)};`)).toBe(nasty);
  });

  it('derives hash_salt from the site name and the database password', () => {
    const salt = drupalHashSalt('blog', 'pw1');
    expect(salt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(drupalHashSalt('blog', 'pw1')).toBe(salt);
    expect(drupalHashSalt('blog', 'pw2')).not.toBe(salt);
    expect(drupalHashSalt('blog2', 'pw1')).not.toBe(salt);
  });

  it('is one file, mode 0640, with the facts, and none without a database', () => {
    const files = drupalDriver.siteFiles(facts);
    expect(files.map((f) => [f.name, f.mode])).toEqual([['settings.php', 0o640]]);
    const content = files[0]?.content ?? '';
    expect(content).toMatch(/^<\?php\n/);
    expect(content).toContain(`$databases['default']['default'] = [\n  'driver' => 'mysql',\n  'host' => '127.0.0.1',\n  'port' => '3306',\n`);
    expect(content).toContain(`  'password' => 'p\\'w\\\\X$y7',\n  'prefix' => '',\n];`);
    expect(content).toContain(`$settings['config_sync_directory'] = __DIR__ . '/config/sync';`);
    expect(content).toContain(`$settings['file_public_path'] = $site_path . '/files';`);
    expect(content).not.toContain('/srv/tide/sites');
    expect(drupalDriver.siteFiles({ ...facts, db: null })).toEqual([]);
  });

  it('passes php -l and gives Drupal the exact values, reached through a link as Drupal does', async () => {
    const path = join(dir, 'site/settings.php');
    await mkdir(join(dir, 'root/sites'), { recursive: true });
    await mkdir(join(dir, 'site'), { recursive: true });
    await symlink(join(dir, 'site'), join(dir, 'root/sites/blog.example.com'));
    await writeFile(path, drupalDriver.siteFiles(facts)[0]?.content ?? '');
    expect(execFileSync('php', ['-l', path], { encoding: 'utf8' })).toContain('No syntax errors detected');
    // As Settings::initialize() does: require "$app_root/$site_path/settings.php".
    const loaded = JSON.parse(php('$app_root = $argv[1]; $site_path = "sites/blog.example.com"; $databases = []; $settings = [];'
      + ' require "$app_root/$site_path/settings.php"; echo json_encode([$databases, $settings]);', join(dir, 'root')));
    expect(loaded).toEqual([
      { default: { default: { driver: 'mysql', host: '127.0.0.1', port: '3306', database: 'blog', username: 'blog_u', password: PASSWORD, prefix: '' } } },
      {
        hash_salt: drupalHashSalt('blog', PASSWORD),
        config_sync_directory: `${realpathSync(join(dir, 'site'))}/config/sync`,
        file_public_path: 'sites/blog.example.com/files',
        file_scan_ignore_directories: ['node_modules', 'bower_components'],
      },
    ]);
  });

  it('includes settings.local.php from beside it when there is one', async () => {
    const path = join(dir, 'local/settings.php');
    await mkdir(join(dir, 'local'), { recursive: true });
    await writeFile(path, drupalDriver.siteFiles(facts)[0]?.content ?? '');
    await writeFile(join(dir, 'local/settings.local.php'), `<?php $settings['extra'] = 1;\n`);
    expect(php('$site_path = "sites/x"; $settings = []; include $argv[1]; echo $settings["extra"];', path)).toBe('1');
  });
});

describe('drupal driver on the local transport', () => {
  let dir: string;
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tide-drupal-driver-'));
    // A stand-in Drupal codebase.
    await write('platform/web/core/lib/Drupal.php', "<?php\nclass Drupal {\n  const VERSION = '10.2.3';\n}\n");
    await write('platform/web/core/modules/block/block.info.yml', "name: Block\ntype: module\npackage: Core\nversion: VERSION\n");
    await write('platform/web/core/modules/block/block.install', '<?php\nfunction block_update_8001() {}\nfunction block_update_8003() {}\nfunction block_post_update_x() {}\n');
    await write('platform/web/core/modules/system/tests/modules/test_thing/test_thing.info.yml', 'name: T\ntype: module\n');
    await write('platform/web/core/themes/olivero/olivero.info.yml', "name: Olivero\ntype: theme\nversion: VERSION\n");
    await write('platform/web/core/themes/engines/twig/twig.info.yml', 'name: Twig\ntype: theme_engine\n');
    await write('platform/web/core/profiles/standard/standard.info.yml', 'name: Standard\ntype: profile\nversion: VERSION\n');
    await write('platform/web/modules/contrib/pathauto/pathauto.info.yml',
      "name: Pathauto\ntype: module\ncore_version_requirement: ^9 || ^10\n\n# Information added by Drupal.org packaging script on 2023-12-01\nversion: '8.x-1.12'\nproject: 'pathauto'\n");
    await write('platform/web/modules/contrib/pathauto/pathauto.install',
      '<?php\nfunction pathauto_update_last_removed() {\n  return 8105;\n}\nfunction pathauto_update_8106() {}\nfunction pathauto_update_8108(&$sandbox) {}\n');
    await write('platform/web/modules/contrib/pathauto/node_modules/x/x.info.yml', 'name: X\ntype: module\n');
    await write('platform/web/modules/custom/legacy/legacy.info.yml', 'name: Legacy\ntype: module\n');
    await write('platform/web/modules/custom/legacy/legacy.install', '<?php\nfunction legacy_update_last_removed(): int { return 9002; }\n');
    await write('platform/web/modules/custom/plain/plain.info.yml', 'name: Plain\ntype: module\n');
    // A site directory linked in, as the drush prefix does: not scanned.
    await write('site/modules/site_only/site_only.info.yml', 'name: S\ntype: module\n');
    await mkdir(join(dir, 'platform/web/sites'), { recursive: true });
    await symlink(join(dir, 'site'), join(dir, 'platform/web/sites/old.example.com'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const localShell = () => shellFor(new LocalTransport('local1'), new OperationLog());

  it('lists what the codebase provides, with the schema each module brings', async () => {
    const packages = await drupalDriver.platformPackages({ shell: localShell(), platform, platformDir: join(dir, 'platform') });
    expect(packages).toEqual([
      { name: 'block', type: 'module', version: '10.2.3', schema: 8003 },
      { name: 'legacy', type: 'module', version: '', schema: 9002 },
      { name: 'olivero', type: 'theme', version: '10.2.3', schema: null },
      { name: 'pathauto', type: 'module', version: '8.x-1.12', schema: 8108 },
      { name: 'plain', type: 'module', version: '', schema: 8000 },
      { name: 'standard', type: 'profile', version: '10.2.3', schema: 8000 },
    ]);
  });

  it('runs the platform\'s vendor/bin/drush, else drush on PATH, after linking the site directory in', async () => {
    const site = { ...facts.site, dir: join(dir, 'sites/blog') };
    const c: DriverContext = { shell: localShell(), platform, platformDir: join(dir, 'platform'), facts: { ...facts, site } };
    await mkdir(site.dir, { recursive: true });
    const stub = (who: string) => `#!/bin/sh\necho "${who} $*"\n`;
    await write('bin/drush', stub('path-drush'));
    await chmod(join(dir, 'bin/drush'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${join(dir, 'bin')}:${path ?? ''}`;
    try {
      await drupalDriver.cron(c);
      const { stdout } = await c.shell.run('drush', drushCommand(c, 'status'), { cwd: c.platformDir });
      expect(stdout).toBe(`path-drush --root=${join(dir, 'platform/web')} --uri=http://blog.example.com status\n`);
      expect(await readlink(join(dir, 'platform/web/sites/blog.example.com'))).toBe(site.dir);

      await write('platform/vendor/bin/drush', stub('vendor-drush'));
      await chmod(join(dir, 'platform/vendor/bin/drush'), 0o755);
      const again = await c.shell.run('drush', drushCommand(c, 'status'), { cwd: c.platformDir });
      expect(again.stdout).toBe(`vendor-drush --root=${join(dir, 'platform/web')} --uri=http://blog.example.com status\n`);
    } finally {
      process.env.PATH = path;
    }
  });

  it('links a copy in only while drush runs on it, and passes drush\'s exit status on', async () => {
    const copyDir = join(dir, 'sites/.blog.restore-7');
    await mkdir(copyDir, { recursive: true });
    await write('copy-drush', '#!/bin/sh\ncat web/sites/blog.restore-7/marker; exit 3\n');
    await write('sites/.blog.restore-7/marker', 'the copy\n');
    await mkdir(join(dir, 'platform/vendor/bin'), { recursive: true });
    await rm(join(dir, 'platform/vendor/bin/drush'), { force: true });
    await symlink(join(dir, 'copy-drush'), join(dir, 'platform/vendor/bin/drush'));
    await chmod(join(dir, 'copy-drush'), 0o755);
    const c: DriverContext = { shell: localShell(), platform, platformDir: join(dir, 'platform'), facts: { ...facts, site: { ...facts.site, dir: copyDir } } };
    const r = await c.shell.probe(drushCommand(c, 'updatedb --yes'), { cwd: c.platformDir });
    expect(r).toMatchObject({ exitCode: 3, stdout: 'the copy\n' });
    await expect(access(join(dir, 'platform/web/sites/blog.restore-7'))).rejects.toThrow();
    expect(await readlink(join(dir, 'platform/web/sites/blog.example.com'))).toBe(join(dir, 'sites/blog'));
  });
});
