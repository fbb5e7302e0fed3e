// Keeping sites right after they are installed: a config change rewrites the
// vhost (site verify); drift made by hand is found by tide verify, recorded,
// and repaired by the next apply. Also: platforms fetched from git at a ref
// and built on the server, and the confirmation prompt on a terminal.

import { chmodSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, makeFleet, REPO_ROOT, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { request } from 'node:https';
import { pageWhen } from './support/probe.js';

/** GET over TLS from 127.0.0.1 with SNI and Host set to `host`, on a connection of its own (a kept one would answer with the certificate and worker from before a reload); the test certificate is self-signed. */
function httpsGet(port: number, host: string): Promise<{ status: number; body: string; peerCertificateCN?: string }> {
  return new Promise((resolvePage, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', servername: host, headers: { Host: host }, rejectUnauthorized: false, timeout: 10_000, agent: false }, (res) => {
      let body = '';
      const cn = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN;
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolvePage({ status: res.statusCode ?? 0, body, peerCertificateCN: Array.isArray(cn) ? cn[0] : cn }));
    });
    req.on('error', reject);
    req.end();
  });
}

const services = inject('services');
const [web1, web2] = services.ssh.servers as [typeof services.ssh.servers[0], typeof services.ssh.servers[0]];
let fleet: TestFleet;

beforeAll(async () => {
  fleet = makeFleet(services, 'verify', { keepSites: false });
  writeFleetFile(fleet, 'sites/v1.example.test.yaml', { kind: 'Site', name: 'v1.example.test', platform: 'notes', server: 'web1' });
  commitAll(fleet, 'one PHP site');
  const run = await tide(fleet, ['apply', '--yes']);
  expect(run.exitCode, run.all).toBe(0);
});
afterAll(() => {
  // Every apply and verify of this file, with its PHP sites: no password stored or printed.
  expectNoSecretsStored(fleet);
  expect(fleet.passwords.size).toBeGreaterThan(0);
  removeGitCliRepos();
});

describe('site verify', () => {
  it('rewrites the vhost when aliases change, keeping the site and its credentials', async () => {
    writeFleetFile(fleet, 'sites/v1.example.test.yaml', { kind: 'Site', name: 'v1.example.test', platform: 'notes', server: 'web1', aliases: ['alias.v1.example.test'] });
    commitAll(fleet, 'an alias');
    const plan = await tide(fleet, ['plan']);
    expect(plan.stdout).toMatch(/verify site v1\.example\.test .*changed: aliases/);
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode, run.all).toBe(0);
    const page = await pageWhen(web1.http.port, 'alias.v1.example.test', (p) => p.status === 200);
    expect(page.body).toContain('Welcome to v1.example.test');
    expect(JSON.parse(stateFile(fleet, 'state/sites/v1.example.test.json')!)).toMatchObject({ aliases: ['alias.v1.example.test'], generation: 2 });
  });
});

describe('tide verify', () => {
  const siteDir = () => join(fleet.roots.web1!, 'sites/v1.example.test');
  const vhost = join(web1.http.configDir, 'tide-v1.example.test.conf');

  it('reports no drift when the servers match the record, and commits nothing', async () => {
    const before = git(fleet.dir, 'rev-parse', 'tide-state').trim();
    const run = await tide(fleet, ['verify', '--detailed-exitcode']);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toContain('Checked 2 servers, 4 platform deployments, 1 sites.');
    expect(run.stdout).toContain('No drift');
    expect(run.stdout).toContain('Nothing new to record; tide-state is unchanged.');
    expect(git(fleet.dir, 'rev-parse', 'tide-state').trim()).toBe(before);
  });

  it('finds drift made by hand, records it, and the next apply repairs it', async () => {
    rmSync(vhost);
    chmodSync(join(siteDir(), 'settings.json'), 0o644);
    await execa('sh', ['-c', web1.http.reload]);
    const found = await tide(fleet, ['verify', '--detailed-exitcode']);
    expect(found.exitCode, found.all).toBe(2);
    expect(found.stdout).toContain(`vhost ${vhost} is missing`);
    expect(found.stdout).toContain('settings.json has mode 644, not 640');
    expect(JSON.parse(stateFile(fleet, 'state/sites/v1.example.test.json')!).drift).toHaveLength(2);
    expect(git(fleet.dir, 'log', '-1', '--format=%s', 'tide-state')).toMatch(/verify: 2 servers, 4 platform deployments, 1 sites checked; 1 drifted/);

    const plan = await tide(fleet, ['plan']);
    expect(plan.stdout).toMatch(/verify site v1\.example\.test .*tide verify found drift/);
    const repaired = await tide(fleet, ['apply', '--yes']);
    expect(repaired.exitCode, repaired.all).toBe(0);
    expect(existsSync(vhost)).toBe(true);
    expect(statSync(join(siteDir(), 'settings.json')).mode & 0o777).toBe(0o640);
    expect((await pageWhen(web1.http.port, 'v1.example.test', (p) => p.status === 200)).body).toContain('Welcome to v1.example.test');
    expect(JSON.parse(stateFile(fleet, 'state/sites/v1.example.test.json')!).drift).toBeUndefined();
    expect((await tide(fleet, ['verify', '--detailed-exitcode'])).exitCode).toBe(0);
  });

  it('notices platform code changed on the server', async () => {
    writeFileSync(join(fleet.roots.web2!, 'platforms/notes/public/extra.php'), '<?php echo "not deployed by tide";\n');
    const run = await tide(fleet, ['verify', '--detailed-exitcode']);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toMatch(/! platform notes on web2\n\s+code in .* changed since it was deployed/);
    // A verify of web1 alone (as the daemon verifies one server at a time) keeps what web2's verify found.
    expect((await tide(fleet, ['verify', '--server', 'web1'])).exitCode).toBe(0);
    expect(JSON.parse(stateFile(fleet, 'state/platforms/notes.json')!).drift).toEqual([expect.stringMatching(/^web2: code in .* changed since it was deployed/)]);
    rmSync(join(fleet.roots.web2!, 'platforms/notes/public/extra.php'));
  });
});

describe('platform from git', () => {
  it('is fetched at its ref on the server and built there', async () => {
    const upstream = tempDir('tide-upstream-');
    git(upstream, 'init', '-q', '-b', 'main');
    writeFileSync(join(upstream, 'VERSION'), '1.0\n');
    git(upstream, 'add', '.');
    git(upstream, 'commit', '-q', '-m', 'v1');
    git(upstream, 'tag', 'v1.0');
    writeFileSync(join(upstream, 'VERSION'), '2.0-dev\n');
    git(upstream, 'commit', '-q', '-am', 'later work');
    // web2's deploy user fetches it: git reads only repositories its user owns.
    const served = join(tempDir('tide-served-'), 'upstream.git');
    execFileSync('git', ['clone', '-q', '--bare', upstream, served]);
    execFileSync('chmod', ['0755', join(served, '..')]);
    execFileSync('chown', ['-R', web2.user, served]);
    writeFleetFile(fleet, 'platforms/built.yaml', {
      kind: 'Platform', name: 'built', servers: ['web2'], driver: 'static', source: { git: served, ref: 'v1.0' },
      build: 'mkdir -p public && echo "built $(cat VERSION) for $TIDE_PLATFORM_NAME" > public/index.html', docroot: 'public',
    });
    writeFleetFile(fleet, 'sites/built.example.test.yaml', { kind: 'Site', name: 'built.example.test', platform: 'built' });
    commitAll(fleet, 'a platform from git');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode, run.all).toBe(0);
    const page = await pageWhen(web2.http.port, 'built.example.test', (p) => p.status === 200);
    expect(page.body.trim()).toBe('built 1.0 for built');
    const tagged = git(upstream, 'rev-parse', 'v1.0^{commit}').trim();
    expect(JSON.parse(stateFile(fleet, 'state/platforms/built.json')!).deployments.web2.commit).toBe(tagged);
  });
});

describe('platform verify and delete', () => {
  it('records changed commands with a verify, and removes the code from a server taken off the platform', async () => {
    const spare = { kind: 'Platform', name: 'spare', driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public', commands: { install: 'php bin/install.php' } };
    writeFleetFile(fleet, 'platforms/spare.yaml', { ...spare, servers: ['web1', 'web2'] });
    commitAll(fleet, 'a spare platform');
    expect((await tide(fleet, ['apply', '--yes'])).exitCode).toBe(0);
    const onWeb2 = join(fleet.roots.web2!, 'platforms/spare');
    expect(existsSync(join(onWeb2, 'public/index.php'))).toBe(true);

    writeFleetFile(fleet, 'platforms/spare.yaml', { ...spare, servers: ['web1', 'web2'], commands: { ...spare.commands, update: 'php bin/update.php' } });
    commitAll(fleet, 'an update command');
    const verify = await tide(fleet, ['apply', '--yes']);
    expect(verify.exitCode, verify.all).toBe(0);
    expect(verify.stdout).toMatch(/✓ verify platform spare on web1/);
    expect(JSON.parse(stateFile(fleet, 'state/platforms/spare.json')!).commands.update).toBe('php bin/update.php');

    writeFleetFile(fleet, 'platforms/spare.yaml', { ...spare, servers: ['web1'], commands: { ...spare.commands, update: 'php bin/update.php' } });
    commitAll(fleet, 'spare only on web1');
    const removed = await tide(fleet, ['apply', '--yes']);
    expect(removed.exitCode, removed.all).toBe(0);
    expect(removed.stdout).toMatch(/✓ delete platform spare on web2/);
    expect(existsSync(onWeb2)).toBe(false);
    expect(existsSync(join(fleet.roots.web1!, 'platforms/spare/public/index.php'))).toBe(true);
    expect(Object.keys(JSON.parse(stateFile(fleet, 'state/platforms/spare.json')!).deployments)).toEqual(['web1']);
  });
});

describe('apply --server and --target', () => {
  it('applies only the chosen server or target, leaving the rest planned', async () => {
    writeFleetFile(fleet, 'sites/only1.example.test.yaml', { kind: 'Site', name: 'only1.example.test', platform: 'brochure', server: 'web1' });
    writeFleetFile(fleet, 'sites/only2.example.test.yaml', { kind: 'Site', name: 'only2.example.test', platform: 'brochure', server: 'web2' });
    writeFleetFile(fleet, 'sites/only3.example.test.yaml', { kind: 'Site', name: 'only3.example.test', platform: 'brochure', server: 'web2' });
    commitAll(fleet, 'three sites');
    const byServer = await tide(fleet, ['apply', '--yes', '--server', 'web1']);
    expect(byServer.exitCode, byServer.all).toBe(0);
    expect(stateFile(fleet, 'state/sites/only1.example.test.json')).not.toBeNull();
    expect(stateFile(fleet, 'state/sites/only2.example.test.json')).toBeNull();
    const byTarget = await tide(fleet, ['apply', '--yes', '--target', 'site/only3.example.test']);
    expect(byTarget.exitCode, byTarget.all).toBe(0);
    expect(stateFile(fleet, 'state/sites/only3.example.test.json')).not.toBeNull();
    expect(stateFile(fleet, 'state/sites/only2.example.test.json')).toBeNull();
    const plan = await tide(fleet, ['plan']);
    expect(plan.stdout).toMatch(/install site only2\.example\.test/);
    expect(plan.stdout).not.toMatch(/only[13]\.example\.test/);
  });
});

describe('https', () => {
  it('serves the site over TLS from the given certificate and redirects http when https is required', async () => {
    // Kept with the environment, not with this file's temp dirs: the vhost stays in
    // web2's shared nginx, whose config test every other test file runs.
    const certs = join(services.dir, 'certs-apply-verify');
    mkdirSync(certs, { recursive: true });
    const cert = join(certs, 'tls.pem');
    const key = join(certs, 'tls.key');
    await execa('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=secure.example.test', '-days', '1', '-keyout', key, '-out', cert]);
    writeFleetFile(fleet, 'sites/secure.example.test.yaml', { kind: 'Site', name: 'secure.example.test', platform: 'notes', server: 'web2',
      https: { certificate: cert, key, required: true } });
    commitAll(fleet, 'a site over https');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode, run.all).toBe(0);
    const plain = await pageWhen(web2.http.port, 'secure.example.test', (p) => p.status === 301);
    expect(plain.location).toBe(`https://secure.example.test:${web2.http.httpsPort}/`);
    const page = await httpsGet(web2.http.httpsPort, 'secure.example.test');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Welcome to secure.example.test');
    expect(page.peerCertificateCN).toBe('secure.example.test');
  });
});

describe('confirmation on a terminal', () => {
  const onTerminal = (answer: string) =>
    execa('script', ['-qec', `node ${join(REPO_ROOT, 'dist/cli/bin.js')} apply`, '/dev/null'], { cwd: fleet.dir, env: { ...fleet.env, NO_COLOR: '1' }, input: `${answer}\n`, reject: false });

  it('asks before applying; anything but yes cancels and changes nothing', async () => {
    writeFleetFile(fleet, 'sites/ask.example.test.yaml', { kind: 'Site', name: 'ask.example.test', platform: 'brochure', server: 'web1' });
    commitAll(fleet, 'a site to confirm');
    const declined = await onTerminal('no');
    expect(declined.stdout).toContain('Apply these 1 operations?');
    expect(declined.stdout).toContain('tide: apply cancelled; nothing was changed.');
    expect(declined.exitCode).toBe(1);
    expect(stateFile(fleet, 'state/sites/ask.example.test.json')).toBeNull();
    const accepted = await onTerminal('yes');
    expect(accepted.stdout).toMatch(/✓ install site ask\.example\.test on web1/);
    expect(stateFile(fleet, 'state/sites/ask.example.test.json')).not.toBeNull();
  });

  it('refuses to apply without --yes when it cannot ask', async () => {
    const run = await tide(fleet, ['apply']);
    expect(run.exitCode).toBe(1);
    expect(run.all).toContain('not on a terminal, so it cannot ask for confirmation; nothing was applied');
  });
});
