// A server tide cannot work on should say why, and what to run: `tide
// verify` names each missing precondition of the user tide logs in as, and
// apply stops at server verify, before anything is written. The servers the
// suite uses were prepared by examples/prepare-server.sh, which is checked
// here to change nothing when run again.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { commitAll, makeFleet, serverYaml, tide, type TestFleet } from './support/fleet.js';
import { PREPARE_SCRIPT } from './env/hosts.js';

const services = inject('services');
const [web1] = services.ssh.servers as [typeof services.ssh.servers[0]];
const bad = services.ssh.badlyPrepared;
let fleet: TestFleet;

beforeAll(() => {
  fleet = makeFleet(services, 'preconditions', { keepSites: false });
  // Nobody prepared this user: not in www-data, no sudo, a root and vhost directory owned by root.
  writeFileSync(join(fleet.dir, 'servers/bad.yaml'), serverYaml(bad, services, join(bad.root, 'tide'), {
    name: 'bad',
    services: {
      http: { type: 'nginx', port: bad.http.port, configDir: bad.http.configDir, check: bad.http.check, reload: bad.http.reload, fastcgi: bad.http.fastcgi },
      db: { type: 'mariadb', host: services.db.host, port: services.db.port, adminUser: services.db.adminUser, adminPassword: 'env:TIDE_TEST_WRONG_PASSWORD' },
    },
  }));
  // web1's own user, but vhosts in a directory nginx never reads.
  const stray = join(web1.root, 'preconditions-stray-vhosts');
  mkdirSync(stray, { recursive: true });
  execFileSync('chown', [web1.user, stray]);
  const strayServer = yaml.load(serverYaml(web1, services, join(web1.root, 'preconditions-stray'))) as Record<string, any>;
  strayServer.name = 'stray';
  strayServer.services.http.configDir = stray;
  writeFileSync(join(fleet.dir, 'servers/stray.yaml'), yaml.dump(strayServer));
  commitAll(fleet, 'a badly prepared server and one whose vhosts nginx ignores');
  fleet.env.TIDE_TEST_WRONG_PASSWORD = 'not-the-password';
});
afterAll(() => removeGitCliRepos());

describe('tide verify on a badly prepared server', () => {
  it('names each missing precondition with its fix', async () => {
    const run = await tide(fleet, ['verify', '--server', 'bad']);
    const out = run.all ?? '';
    expect(out).toContain(`${bad.user} is not in group www-data`);
    expect(out).toContain(`usermod -a -G www-data ${bad.user}`);
    expect(out).toContain(`${bad.user} cannot write the server root ${join(bad.root, 'tide')}`);
    expect(out).toContain(`${bad.user} cannot write the vhost directory ${bad.http.configDir}`);
    expect(out).toContain(`install -d -o ${bad.user} ${bad.http.configDir}`);
    expect(out).toContain(`${bad.user} may not run \`${bad.http.check}\` through sudo without a password`);
    expect(out).toContain(`${bad.user} may not run \`${bad.http.reload}\` through sudo without a password`);
    expect(out).toContain(`${bad.user} ALL=(root) NOPASSWD:`);
    expect(out).toContain(`The PHP-FPM socket ${bad.http.fastcgi.slice('unix:'.length)} is not open to the web group www-data`);
    expect(out).toMatch(/mariadb does not answer to .*Fix: check that the database server runs/);
    // Read-only: nothing was made on it.
    expect(spawnSync('test', ['-e', join(bad.root, 'tide')]).status).not.toBe(0);
  });

  it('names a vhost directory the web server does not include', async () => {
    const run = await tide(fleet, ['verify', '--server', 'stray']);
    const out = run.all ?? '';
    expect(out).toContain(`nginx does not read ${join(web1.root, 'preconditions-stray-vhosts')}`);
    expect(out).toContain(`include ${join(web1.root, 'preconditions-stray-vhosts')}/*.conf;`);
    // Everything else about web1's user holds.
    expect(out).not.toMatch(/is not in group|cannot write|may not run|PHP-FPM/);
    // The probe is gone again.
    expect(readdir(join(web1.root, 'preconditions-stray-vhosts'))).toEqual([]);
  });

  it('reports nothing missing on a server prepared by examples/prepare-server.sh', async () => {
    const run = await tide(fleet, ['verify', '--server', 'web1']);
    expect(run.all).not.toMatch(/Fix:/);
  });

  it('apply stops at server verify with the first missing precondition, before writing anything', async () => {
    const run = await tide(fleet, ['apply', '--yes', '--server', 'bad']);
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toContain(`${bad.user} is not in group www-data`);
    expect(run.all).toContain(`usermod -a -G www-data ${bad.user}`);
  });
});

function readdir(dir: string): string[] {
  return execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('examples/prepare-server.sh', () => {
  const user = `tide-prep${process.pid % 100000}`;
  const dir = tempDir('tide-prepare-');
  const args = [
    PREPARE_SCRIPT, '--user', user, '--root', join(dir, 'root'), '--vhost-dir', join(dir, 'vhosts'),
    '--include-file', join(dir, 'conf.d/tide.conf'), '--check', 'nginx -c /etc/nginx/nginx.conf -t', '--reload', 'nginx -s reload',
    '--sudoers-file', `/etc/sudoers.d/${user}`,
  ];
  afterAll(() => {
    spawnSync('rm', ['-f', `/etc/sudoers.d/${user}`]);
    spawnSync('userdel', ['-f', user]);
  });

  it('prepares a user that may sudo exactly check and reload; run again, it changes nothing', () => {
    execFileSync('chmod', ['0755', dir]);
    const first = execFileSync('sh', args, { encoding: 'utf8' });
    expect(first).toContain(`creating user ${user}`);
    expect(first).toContain('webGroup: www-data');
    expect(execFileSync('id', ['-nG', user], { encoding: 'utf8' }).split(/\s+/)).toContain('www-data');
    expect(execFileSync('stat', ['-c', '%U', join(dir, 'root'), join(dir, 'vhosts')], { encoding: 'utf8' }).trim().split('\n')).toEqual([user, user]);
    expect(readFileSync(join(dir, 'conf.d/tide.conf'), 'utf8')).toContain(`include ${join(dir, 'vhosts')}/*.conf;`);
    const nginx = execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim();
    const allowed = execFileSync('sudo', ['-l', '-U', user], { encoding: 'utf8' });
    expect(allowed.replace(/\s+/g, ' ')).toContain(`(root) NOPASSWD: ${nginx} -c /etc/nginx/nginx.conf -t, ${nginx} -s reload`);
    expect(spawnSync('visudo', ['-c']).status).toBe(0);
    // May not run anything else as root.
    expect(spawnSync('runuser', ['-u', user, '--', 'sudo', '-n', '-l', nginx, '-s', 'stop']).status).not.toBe(0);
    expect(spawnSync('runuser', ['-u', user, '--', 'sudo', '-n', '-l', nginx, '-c', '/etc/nginx/nginx.conf', '-t']).status).toBe(0);

    const sudoers = readFileSync(`/etc/sudoers.d/${user}`, 'utf8');
    const include = readFileSync(join(dir, 'conf.d/tide.conf'), 'utf8');
    const again = execFileSync('sh', args, { encoding: 'utf8' });
    expect(again.split('\n').filter((l) => l.startsWith('prepare-server:'))).toEqual(['prepare-server: done. The Server in the fleet:']);
    expect(readFileSync(`/etc/sudoers.d/${user}`, 'utf8')).toBe(sudoers);
    expect(readFileSync(join(dir, 'conf.d/tide.conf'), 'utf8')).toBe(include);
  });
});
