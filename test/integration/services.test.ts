// Smoke test of the integration environment (global-setup.ts): what a person
// would check by hand before trusting it. Real clients (ssh, mariadb, curl)
// against the real daemons it started.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestSshServer } from './env/types.js';

const services = inject('services');

function ssh(server: TestSshServer, knownHosts: string, command: string) {
  return execa(
    'ssh',
    [
      '-F', '/dev/null', // no user or system client config
      '-i', services.ssh.clientKeyPath,
      '-p', String(server.port),
      '-o', `UserKnownHostsFile=${knownHosts}`,
      '-o', 'GlobalKnownHostsFile=/dev/null',
      '-o', 'StrictHostKeyChecking=yes',
      '-o', 'BatchMode=yes',
      '-o', 'IdentitiesOnly=yes',
      `${server.user}@${server.host}`,
      command,
    ],
    { reject: false },
  );
}

function curl(port: number, host: string) {
  return execa('curl', ['-sS', '-H', `Host: ${host}`, '-w', '\n%{http_code}', `http://127.0.0.1:${port}/`], { reject: false });
}

/** nginx -s reload only signals the master; old workers answer until the new ones are up. */
async function curlUntil(port: number, host: string, status: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await curl(port, host);
    if (r.stdout.endsWith(`\n${status}`) || Date.now() > deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the MariaDB server', () => {
  const mariadb = (password: string) =>
    execa('mariadb', ['--no-defaults', '-h', services.db.host, '-P', String(services.db.port), '-u', services.db.adminUser, '-N', '-B', '-e', 'SELECT 1'], {
      reject: false,
      env: { MYSQL_PWD: password },
    });

  it('lets the admin user in over TCP and runs a query', async () => {
    const r = await mariadb(services.db.adminPassword);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('1');
  });

  it('refuses a wrong password', async () => {
    const r = await mariadb('wrong');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/Access denied/);
  });
});

describe.each(services.ssh.servers)('server $name', (server) => {
  const scratch = join(services.dir, `smoke-${server.name}`);
  const siteDir = join(scratch, 'site');
  const vhost = join(server.http.configDir, 'smoke-test.conf');
  const brokenVhost = join(server.http.configDir, 'smoke-broken.conf');
  const shell = (command: string) => execa(command, { shell: true, reject: false, all: true });

  beforeAll(async () => {
    await mkdir(siteDir, { recursive: true });
  });
  afterAll(async () => {
    await rm(vhost, { force: true });
    await rm(brokenVhost, { force: true });
    await shell(server.http.reload);
  });

  it('accepts the client key over ssh when the host key is pinned', async () => {
    const knownHosts = join(scratch, 'known_hosts');
    await writeFile(knownHosts, `[${server.host}]:${server.port} ${server.hostKey}\n`);
    const r = await ssh(server, knownHosts, 'echo ok');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('ok');
  });

  it('is refused by ssh when a different host key is pinned', async () => {
    const other = services.ssh.servers.find((s) => s !== server)!;
    const knownHosts = join(scratch, 'known_hosts_wrong');
    await writeFile(knownHosts, `[${server.host}]:${server.port} ${other.hostKey}\n`);
    const r = await ssh(server, knownHosts, 'echo ok');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
  });

  it('answers 404 over http before any vhost exists', async () => {
    const r = await curl(server.http.port, 'nothing.test');
    expect(r.stdout).toMatch(/\n404$/);
  });

  it('serves PHP through php-fpm once a vhost is written and nginx reloaded', async () => {
    await writeFile(join(siteDir, 'index.php'), `<?php echo "php says hi from ", $_SERVER['TIDE_SITE_DIR'], "\\n";\n`);
    await writeFile(
      vhost,
      // Listens the way tide's own vhost templates do.
      `server {
  listen ${server.http.port};
  server_name smoke.test;
  root ${siteDir};
  index index.php;
  location ~ \\.php$ {
    include /etc/nginx/fastcgi_params;
    fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
    fastcgi_param TIDE_SITE_DIR ${siteDir};
    fastcgi_pass ${server.http.fastcgi};
  }
}
`,
    );
    const check = await shell(server.http.check);
    expect(check.exitCode, check.all).toBe(0);
    const reload = await shell(server.http.reload);
    expect(reload.exitCode, reload.all).toBe(0);

    const r = await curlUntil(server.http.port, 'smoke.test', '200');
    expect(r.stdout).toBe(`php says hi from ${siteDir}\n\n200`);
  });

  it('fails the config check on a broken vhost', async () => {
    await writeFile(brokenVhost, `server {\n  listen ${server.http.port};\n  no_such_directive on;\n}\n`);
    const broken = await shell(server.http.check);
    expect(broken.exitCode).not.toBe(0);
    expect(broken.all).toMatch(/unknown directive "no_such_directive"/);

    await rm(brokenVhost);
    const fixed = await shell(server.http.check);
    expect(fixed.exitCode, fixed.all).toBe(0);
  });
});
