// The script driver: the platform's commands are the contract, so a fake
// shell records each command line, its env and cwd. A smoke test then runs a
// real packages command through the local transport.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginLinkInvalidError, PackagesInvalidError } from '../../src/drivers/errors.js';
import { factsEnv } from '../../src/drivers/facts.js';
import { driverFor } from '../../src/drivers/index.js';
import { scriptDriver } from '../../src/drivers/script.js';
import { staticDriver } from '../../src/drivers/static.js';
import type { DriverContext, SiteFacts } from '../../src/drivers/types.js';
import type { Platform, PlatformCommands } from '../../src/model/kinds.js';
import { CommandFailedError } from '../../src/shell/errors.js';
import { OperationLog } from '../../src/shell/log.js';
import { commandTimeoutMs, shellFor, type Shell } from '../../src/shell/shell.js';
import { LocalTransport } from '../../src/transport/local.js';
import { fakeShell } from '../helpers/fake-shell.js';

const facts: SiteFacts = {
  site: { name: 'blog', url: 'blog.example.com', dir: '/var/tide/sites/blog', profile: 'standard', scheme: 'http', port: 80, baseUrl: 'http://blog.example.com' },
  vars: {},
  db: { host: '127.0.0.1', port: 3306, name: 'blog', user: 'blog', password: 'pw-Xy7q2' },
};

function platform(commands: PlatformCommands): Platform {
  return { kind: 'Platform', name: 'notes-2', servers: ['web1'], driver: 'script', source: { path: 'notes' }, docroot: 'public', commands };
}

function context(shell: Shell, commands: PlatformCommands): DriverContext {
  return { shell, platform: platform(commands), platformDir: '/srv/tide/platforms/notes-2', facts };
}

const siteRun = { cwd: '/srv/tide/platforms/notes-2', env: factsEnv(facts), timeoutMs: commandTimeoutMs() };

describe('script driver', () => {
  it('runs install and update rendered, with the facts in env, in the platform directory', async () => {
    const { shell, calls } = fakeShell();
    const ctx = context(shell, { install: 'php bin/install.php --site={{site.name}}', update: 'php bin/migrate.php {{TIDE_SITE_URL}}' });
    await scriptDriver.install(ctx);
    await scriptDriver.update(ctx);
    expect(calls).toEqual([
      { what: 'the install command', command: 'php bin/install.php --site=blog', options: siteRun },
      { what: 'the update command', command: 'php bin/migrate.php blog.example.com', options: siteRun },
    ]);
    // The password reaches the command in env only.
    expect(calls.every((c) => !c.command.includes('pw-Xy7q2'))).toBe(true);
    expect(calls[0]?.options.env?.TIDE_DB_PASSWORD).toBe('pw-Xy7q2');
  });

  it('treats commands the platform does not declare as no-ops or "cannot tell"', async () => {
    const { shell, calls } = fakeShell();
    const ctx = context(shell, { install: 'true' });
    await scriptDriver.update(ctx);
    await scriptDriver.cron(ctx);
    expect(await scriptDriver.sitePackages(ctx)).toBeNull();
    expect(await scriptDriver.platformPackages(ctx)).toBeNull();
    expect(await scriptDriver.loginLink(ctx)).toBeNull();
    expect(calls).toEqual([]);
    expect(scriptDriver.siteFiles(facts)).toEqual([]);
  });

  it('runs cron with the site facts', async () => {
    const { shell, calls } = fakeShell();
    await scriptDriver.cron(context(shell, { install: 'true', cron: 'php bin/cron.php' }));
    expect(calls).toEqual([{ what: 'the cron command', command: 'php bin/cron.php', options: siteRun }]);
  });

  it('lists a site\'s packages with its facts, parsed and sorted', async () => {
    const { shell, calls } = fakeShell(() => ({
      stdout: '[{"name":"notes","type":"app","version":"2.0.1","schema":7,"enabled":true},{"name":"markdown","type":"plugin","version":"1.4","schema":null,"enabled":true}]\n',
    }));
    const packages = await scriptDriver.sitePackages(context(shell, { install: 'true', packages: 'php bin/packages.php {{site.name}}' }));
    expect(calls).toEqual([{ what: 'the packages command', command: 'php bin/packages.php blog', options: siteRun }]);
    expect(packages).toEqual([
      { name: 'markdown', type: 'plugin', version: '1.4', schema: null, enabled: true },
      { name: 'notes', type: 'app', version: '2.0.1', schema: 7, enabled: true },
    ]);
  });

  it('lists the platform\'s packages without any site fact: no env, site variables render empty', async () => {
    const { shell, calls } = fakeShell(() => ({ stdout: '[{"name":"notes","type":"app","version":"2.0.1","schema":8}]' }));
    const packages = await scriptDriver.platformPackages({
      shell,
      platform: platform({ install: 'true', packages: 'php bin/packages.php --site="{{site.name}}{{TIDE_SITE_DIR}}"' }),
      platformDir: '/srv/tide/platforms/notes-2',
    });
    expect(calls).toEqual([
      { what: 'the packages command (platform)', command: 'php bin/packages.php --site=""', options: { cwd: '/srv/tide/platforms/notes-2', timeoutMs: commandTimeoutMs() } },
    ]);
    expect(packages).toEqual([{ name: 'notes', type: 'app', version: '2.0.1', schema: 8 }]);
  });

  it('fails on an inventory that is not a package list, naming server and command', async () => {
    const { shell } = fakeShell(() => ({ stdout: 'Notice: undefined index\n[]' }));
    const err = await scriptDriver.sitePackages(context(shell, { install: 'true', packages: 'php bin/packages.php' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackagesInvalidError);
    expect((err as Error).message).toMatch(/^The package list printed on web1 by `php bin\/packages.php` is invalid: stdout is not JSON/);
  });

  it('returns the last non-empty line of the login command when it is a link', async () => {
    const link = 'https://blog.example.com/login/once?token=abc123SECRET';
    const { shell, calls } = fakeShell(() => ({ stdout: `Generating a link...\n${link}\n\n` }));
    expect(await scriptDriver.loginLink(context(shell, { install: 'true', login: 'php bin/login.php' }))).toBe(link);
    expect(calls).toEqual([{ what: 'the login command', command: 'php bin/login.php', options: siteRun }]);
  });

  it('refuses a login output that does not end with a link, without quoting it', async () => {
    for (const stdout of ['token=abc123SECRET\n', 'https://blog.example.com/x?t=abc123SECRET\nDone.\n', '', 'ftp://host/abc123SECRET']) {
      const { shell } = fakeShell(() => ({ stdout }));
      const err = await scriptDriver.loginLink(context(shell, { install: 'true', login: 'php bin/login.php' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LoginLinkInvalidError);
      expect((err as Error).message).toBe('The login command `php bin/login.php` on web1 did not print an http:// or https:// link on its last line.');
      expect(JSON.stringify({ message: (err as Error).message, hint: (err as LoginLinkInvalidError).hint })).not.toContain('abc123SECRET');
    }
  });

  it('passes a failing command on as CommandFailedError', async () => {
    const { shell } = fakeShell(() => ({ exitCode: 3, stderr: 'no such site' }));
    await expect(scriptDriver.update(context(shell, { install: 'true', update: 'php bin/migrate.php' }))).rejects.toBeInstanceOf(CommandFailedError);
  });
});

describe('static driver', () => {
  it('has nothing to run and cannot tell packages', async () => {
    const { shell, calls } = fakeShell();
    const ctx = context(shell, {});
    await staticDriver.install(ctx);
    await staticDriver.update(ctx);
    await staticDriver.cron(ctx);
    expect(await staticDriver.sitePackages(ctx)).toBeNull();
    expect(await staticDriver.platformPackages(ctx)).toBeNull();
    expect(await staticDriver.loginLink(ctx)).toBeNull();
    expect(staticDriver.siteFiles(facts)).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('driver registry', () => {
  it('has all three drivers', () => {
    expect(driverFor('static').name).toBe('static');
    expect(driverFor('script').name).toBe('script');
    expect(driverFor('drupal').name).toBe('drupal');
  });
});

describe('script driver on the local transport', () => {
  let dir: string;
  const PACKAGES_SH = [
    '#!/bin/sh',
    'v=$(cat VERSION)',
    'if [ -n "${TIDE_SITE_DIR:-}" ]; then',
    `  printf '[{"name":"notes","type":"app","version":"%s","schema":%s,"enabled":true},{"name":"site-%s","type":"site","version":""}]\\n' "$v" "$(cat "$TIDE_SITE_DIR/schema")" "$TIDE_SITE_NAME"`,
    'else',
    '  if env | grep -q "^TIDE_SITE_\\|^TIDE_DB_"; then echo "site facts at platform level" >&2; exit 9; fi',
    `  printf '[{"name":"notes","type":"app","version":"%s","schema":9}]\\n' "$v"`,
    'fi',
  ].join('\n');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tide-script-driver-'));
    await mkdir(join(dir, 'platform/bin'), { recursive: true });
    await mkdir(join(dir, 'site'), { recursive: true });
    await writeFile(join(dir, 'platform/VERSION'), '2.0.1\n');
    await writeFile(join(dir, 'platform/bin/packages.sh'), `${PACKAGES_SH}\n`);
    await writeFile(join(dir, 'site/schema'), '7\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the packages command in the platform directory, with the site facts and without', async () => {
    const log = new OperationLog();
    const shell = shellFor(new LocalTransport('local1'), log);
    const ctx: DriverContext = {
      shell,
      platform: platform({ install: 'true', packages: 'sh bin/packages.sh' }),
      platformDir: join(dir, 'platform'),
      facts: { ...facts, site: { ...facts.site, dir: join(dir, 'site') } },
    };
    expect(await scriptDriver.sitePackages(ctx)).toEqual([
      { name: 'notes', type: 'app', version: '2.0.1', schema: 7, enabled: true },
      { name: 'site-blog', type: 'site', version: '' },
    ]);
    expect(await scriptDriver.platformPackages(ctx)).toEqual([{ name: 'notes', type: 'app', version: '2.0.1', schema: 9 }]);
    expect(log.text()).toContain(`$ sh bin/packages.sh   (in ${join(dir, 'platform')})`);
  });
});
