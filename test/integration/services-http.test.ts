// Rendered vhosts against the real web servers: `nginx -t` and `apache2 -t`
// accept every variant; a temp nginx and a temp apache serve them (static,
// alias redirect, TLS, disabled page, PHP through php-fpm); installVhost
// restores the old file and skips the reload when the check fails.

import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HttpService } from '../../src/model/kinds.js';
import { httpServiceType } from '../../src/services/http/index.js';
import type { VhostFacts } from '../../src/services/http/types.js';
import { HttpConfigTestError, installVhost, removeVhost, restoreVhost } from '../../src/services/http/vhost.js';
import { VhostNotServedError } from '../../src/services/http/served.js';
import { vhostProbe } from '../../src/services/http/template.js';
import { commitVhostChange } from '../../src/services/http/reload-group.js';
import { LocalTransport } from '../../src/transport/local.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dir: string;
let port: number;
let httpsPort: number;
let cert: { certificate: string; key: string };
const t = new LocalTransport('local');

/** Every shape a vhost takes; each its own site so server names never clash. */
function variants(fastcgi: string, ports = { port, httpsPort }): VhostFacts[] {
  const site = (name: string, change: Partial<VhostFacts>): VhostFacts => ({
    site: `${name}.test`, url: `${name}.test`, aliases: [`www.${name}.test`], redirectAliases: false, ...ports,
    docroot: join(dir, 'www'), siteDir: join(dir, 'sites', name), fastcgi: null, disabled: false, disabledDir: join(dir, 'disabled'), ...change,
  });
  return [
    site('static', {}),
    site('php', { fastcgi, docroot: join(dir, 'php') }),
    site('phptcp', { fastcgi: '127.0.0.1:9', docroot: join(dir, 'php') }),
    site('redirect', { redirectAliases: true, aliases: ['www.redirect.test', 'old.redirect.test'] }),
    site('tls', { https: { ...cert, required: false }, fastcgi, docroot: join(dir, 'php') }),
    site('tlsreq', { https: { ...cert, required: true }, redirectAliases: true }),
    site('off', { disabled: true }),
    site('offtls', { disabled: true, https: { ...cert, required: true }, fastcgi }),
  ];
}

async function curl(host: string, path = '/', scheme = 'http', ports = { port, httpsPort }) {
  const p = scheme === 'https' ? ports.httpsPort : ports.port;
  const r = await execa('curl', ['-sk', '--max-time', '5', '--resolve', `${host}:${p}:127.0.0.1`, '-w', '\n%{http_code} %{redirect_url}',
    `${scheme}://${host}:${p}${path}`]);
  const lines = r.stdout.split('\n');
  const [status, location] = lines.pop()!.split(' ');
  return { status: Number(status), location, body: lines.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tide-http-'));
  await chmod(dir, 0o755);
  [port, httpsPort] = [await freePort(), await freePort()];
  cert = { certificate: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
  await execa('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=x', '-days', '1',
    '-keyout', cert.key, '-out', cert.certificate]);
  for (const [file, text] of [['www/index.html', 'static site\n'], ['disabled/index.html', 'This site is disabled.\n'],
    ['php/index.php', '<?php echo "dir=" . $_SERVER["TIDE_SITE_DIR"] . " uri=" . $_SERVER["REQUEST_URI"];\n']]) {
    await mkdir(dirname(join(dir, file!)), { recursive: true });
    await writeFile(join(dir, file!), text!);
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fastcgiAddress = inject('services').ssh.servers[0]!.http.fastcgi;

/** What tide's probe of a vhost gets: the status and the X-Tide-Vhost header. */
async function probe(host: string, p: number) {
  const r = await execa('curl', ['-s', '-o', '/dev/null', '-D', '-', '--max-time', '5', '-H', `Host: ${host}`, `http://127.0.0.1:${p}/.tide-vhost`]);
  return { status: Number(/^HTTP\/[0-9.]+ (\d+)/.exec(r.stdout)?.[1]), marker: /^x-tide-vhost: *([0-9a-f]+)/im.exec(r.stdout)?.[1] };
}

/**
 * Disables and enables `facts`' site 16 times through installVhost (which
 * waits until it is served), and after each, 12 new visitors at once ask
 * for its page: what any of them got that was not the new vhost's. The
 * vhost is left enabled.
 */
async function staleVisitsAfterReloads(http: HttpService, path: string, facts: VhostFacts): Promise<string[]> {
  const stale: string[] = [];
  const render = (disabled: boolean) => httpServiceType(http.type).renderVhost({ ...facts, disabled });
  const ports = { port: http.port, httpsPort: http.httpsPort };
  for (let round = 0; round < 16; round++) {
    const disabled = round % 2 === 0;
    await installVhost(t, http, path, render(disabled), { waitServed: true });
    const visitors = await Promise.all(Array.from({ length: 12 }, () => curl(facts.site, '/', 'http', ports)));
    const wanted = disabled ? 503 : 200;
    for (const v of visitors) if (v.status !== wanted) stale.push(`round ${round}: wanted ${wanted}, a visitor got ${v.status}`);
  }
  await installVhost(t, http, path, render(false), { waitServed: true });
  return stale;
}

describe('nginx', () => {
  let conf: string;
  let vhosts: string;
  const nginx = (...args: string[]) => execa('nginx', ['-e', join(dir, 'nginx/error.log'), '-c', conf, ...args], { reject: false });

  beforeAll(async () => {
    const root = join(dir, 'nginx');
    vhosts = join(root, 'vhosts');
    conf = join(root, 'nginx.conf');
    await mkdir(vhosts, { recursive: true });
    // `include fastcgi_params` resolves against the main config's directory.
    await symlink('/etc/nginx/fastcgi_params', join(root, 'fastcgi_params'));
    await writeFile(conf, `user www-data;\nworker_processes 1;\npid ${root}/nginx.pid;\nerror_log ${root}/error.log;\n` +
      `events { worker_connections 64; }\nhttp {\n  include /etc/nginx/mime.types;\n  access_log ${root}/access.log;\n` +
      ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((p) => `  ${p}_temp_path ${root}/${p};\n`).join('') +
      `  include ${vhosts}/*.conf;\n}\n`);
    for (const facts of variants(fastcgiAddress)) await writeFile(join(vhosts, `tide-${facts.site}.conf`), httpServiceType('nginx').renderVhost(facts));
  });
  afterAll(async () => {
    await nginx('-s', 'stop');
  });

  it('nginx -t accepts every variant', async () => {
    const r = await nginx('-t');
    expect(r.stderr).toContain('test is successful');
    expect(r.exitCode).toBe(0);
  });

  describe('serving', () => {
    beforeAll(async () => {
      const r = await nginx();
      expect(r.exitCode, r.stderr).toBe(0);
    });

    it('serves a static site on its name and its aliases', async () => {
      expect(await curl('static.test')).toMatchObject({ status: 200, body: 'static site\n' });
      expect(await curl('www.static.test')).toMatchObject({ status: 200, body: 'static site\n' });
      expect((await curl('static.test', '/nope.html')).status).toBe(404);
    });

    it('redirects aliases to the main URL with a 301, keeping path and query', async () => {
      expect(await curl('old.redirect.test', '/a/b?c=1')).toMatchObject({ status: 301, location: `http://redirect.test:${port}/a/b?c=1` });
      expect((await curl('redirect.test')).status).toBe(200);
    });

    it('serves TLS, and redirects plain HTTP when TLS is required', async () => {
      expect(await curl('tlsreq.test', '/x?y=1')).toMatchObject({ status: 301, location: `https://tlsreq.test:${httpsPort}/x?y=1` });
      expect(await curl('tlsreq.test', '/', 'https')).toMatchObject({ status: 200, body: 'static site\n' });
      expect(await curl('www.tlsreq.test', '/p', 'https')).toMatchObject({ status: 301, location: `https://tlsreq.test:${httpsPort}/p` });
      const body = `dir=${join(dir, 'sites/tls')} uri=/index.php`;
      expect(await curl('tls.test', '/index.php', 'https')).toMatchObject({ status: 200, body });
      expect(await curl('tls.test', '/index.php')).toMatchObject({ status: 200, body });
    });

    it('answers 503 with the disabled page, on every path, also over TLS', async () => {
      for (const path of ['/', '/index.html', '/some/page?x=1']) {
        expect(await curl('off.test', path)).toMatchObject({ status: 503, body: 'This site is disabled.\n' });
      }
      expect(await curl('offtls.test', '/', 'https')).toMatchObject({ status: 503, body: 'This site is disabled.\n' });
    });

    it('answers tide\'s probe with each vhost\'s marker, without running PHP', async () => {
      for (const facts of variants(fastcgiAddress)) {
        const { host, port: probePort, marker } = vhostProbe(httpServiceType('nginx').renderVhost(facts))!;
        expect(await probe(host, probePort), facts.site).toEqual({ status: 204, marker });
      }
    });

    it('after a reload, installVhost returns once the new vhost answers; a reload that does nothing fails with VhostNotServedError', async () => {
      const http: HttpService = { type: 'nginx', port, httpsPort, configDir: vhosts, check: `nginx -e ${dir}/nginx/error.log -c ${conf} -t`,
        reload: `nginx -e ${dir}/nginx/error.log -c ${conf} -s reload`, sudo: false, servedWithin: 3 };
      const path = join(vhosts, 'tide-static.test.conf');
      const [facts] = variants(fastcgiAddress);
      const disabled = httpServiceType('nginx').renderVhost({ ...facts!, disabled: true });
      await installVhost(t, http, path, disabled, { waitServed: true });
      expect((await curl('static.test')).status).toBe(503);
      const live = httpServiceType('nginx').renderVhost(facts!);
      const error = await installVhost(t, { ...http, reload: http.check }, path, live, { waitServed: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VhostNotServedError);
      expect(error).toMatchObject({ code: 'HTTP_VHOST_NOT_SERVED', site: 'static.test', host: 'static.test', port,
        seen: { status: 204, marker: vhostProbe(disabled)!.marker } });
      expect((error as Error).message).toContain(`did not answer for static.test on port ${port} of local within 3 s of the reload`);
      expect((await curl('static.test')).status).toBe(503);
      await restoreVhost(t, http, path, Buffer.from(live), { waitServed: true });
      expect((await curl('static.test')).status).toBe(200);
    });

    it('once installVhost returns, no old worker takes a connection: every new visitor gets the new vhost, reload after reload', async () => {
      // nginx's master starts the new workers, lets old and new take connections side by side for 0.1 s, then
      // retires the old ones: a served wait that ends inside that window leaves the next visitor a coin toss.
      const http: HttpService = { type: 'nginx', port, httpsPort, configDir: vhosts, check: `nginx -e ${dir}/nginx/error.log -c ${conf} -t`,
        reload: `nginx -e ${dir}/nginx/error.log -c ${conf} -s reload`, sudo: false, servedWithin: 5 };
      expect(await staleVisitsAfterReloads(http, join(vhosts, 'tide-static.test.conf'), variants(fastcgiAddress)[0]!)).toEqual([]);
    });

    it('passes PHP to php-fpm with TIDE_SITE_DIR, and unknown paths to index.php', async () => {
      expect(await curl('php.test', '/index.php')).toMatchObject({ status: 200, body: `dir=${join(dir, 'sites/php')} uri=/index.php` });
      expect(await curl('php.test', '/node/1?x=2')).toMatchObject({ status: 200, body: `dir=${join(dir, 'sites/php')} uri=/node/1?x=2` });
      expect((await curl('php.test', '/missing.php')).status).toBe(404);
    });
  });
});

describe('apache', () => {
  let root: string;
  let fpmPort: number;
  const ports = { port: 0, httpsPort: 0 };
  const apache2 = (...args: string[]) => execa('apache2', ['-d', root, '-f', join(root, 'httpd.conf'), ...args], { reject: false });

  beforeAll(async () => {
    root = join(dir, 'apache');
    [ports.port, ports.httpsPort] = [await freePort(), await freePort()];
    await mkdir(join(root, 'vhosts'), { recursive: true });
    const modules = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'rewrite', 'ssl', 'proxy', 'proxy_fcgi', 'env', 'headers'];
    await writeFile(join(root, 'httpd.conf'), [
      `ServerRoot ${root}`, 'ServerName localhost', `PidFile ${root}/httpd.pid`, `ErrorLog ${root}/error.log`,
      `DefaultRuntimeDir ${root}`, `Mutex file:${root} default`, `Listen 127.0.0.1:${ports.port}`, `Listen 127.0.0.1:${ports.httpsPort}`,
      // apache will not serve as root: workers run as www-data (hence the 0755 temp dir).
      'User www-data', 'Group www-data', 'TypesConfig /etc/mime.types',
      ...modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
      `IncludeOptional ${root}/vhosts/*.conf`, '',
    ].join('\n'));
    // Its own php-fpm on TCP (the environment's socket sits in a 0700 dir www-data cannot enter),
    // its workers as www-data, as on a production host.
    fpmPort = await freePort();
    const fpm = (await readdir('/usr/sbin')).find((f) => /^php-fpm[0-9.]*$/.test(f))!;
    await writeFile(join(root, 'fpm.conf'), `[global]\npid = ${root}/fpm.pid\nerror_log = ${root}/fpm.log\n` +
      `[www]\nuser = www-data\ngroup = www-data\nlisten = 127.0.0.1:${fpmPort}\npm = static\npm.max_children = 2\n`);
    await execa(`/usr/sbin/${fpm}`, ['-y', join(root, 'fpm.conf')]);
    for (const facts of variants(`127.0.0.1:${fpmPort}`, ports)) {
      await writeFile(join(root, 'vhosts', `tide-${facts.site}.conf`), httpServiceType('apache').renderVhost(facts));
    }
  });
  afterAll(async () => {
    await apache2('-k', 'stop');
    await execa('sh', ['-c', `kill $(cat ${root}/fpm.pid)`], { reject: false });
  });

  it('apache2 -t accepts every variant', async () => {
    const r = await apache2('-t');
    expect(r.stderr).toContain('Syntax OK');
    expect(r.exitCode).toBe(0);
  });

  it('serves them: alias redirect, https required, disabled page, PHP with TIDE_SITE_DIR', async () => {
    const started = await apache2('-k', 'start');
    expect(started.exitCode, started.stderr).toBe(0);
    await expect.poll(async () => (await curl('static.test', '/', 'http', ports)).status, { timeout: 5000 }).toBe(200);
    expect(await curl('old.redirect.test', '/a?b=1', 'http', ports)).toMatchObject({ status: 301, location: `http://redirect.test:${ports.port}/a?b=1` });
    expect(await curl('tlsreq.test', '/x?y=1', 'http', ports)).toMatchObject({ status: 301, location: `https://tlsreq.test:${ports.httpsPort}/x?y=1` });
    expect(await curl('tlsreq.test', '/', 'https', ports)).toMatchObject({ status: 200, body: 'static site\n' });
    for (const path of ['/', '/index.html', '/some/page?x=1']) {
      expect(await curl('off.test', path, 'http', ports)).toMatchObject({ status: 503, body: 'This site is disabled.\n' });
    }
    expect(await curl('offtls.test', '/', 'https', ports)).toMatchObject({ status: 503, body: 'This site is disabled.\n' });
    expect(await curl('php.test', '/node/1?x=2', 'http', ports)).toMatchObject({ status: 200, body: `dir=${join(dir, 'sites/php')} uri=/node/1?x=2` });
    expect(await curl('tls.test', '/index.php', 'https', ports)).toMatchObject({ status: 200, body: `dir=${join(dir, 'sites/tls')} uri=/index.php` });
    for (const facts of variants(`127.0.0.1:${fpmPort}`, ports)) {
      const { host, port: probePort, marker } = vhostProbe(httpServiceType('apache').renderVhost(facts))!;
      const answer = await probe(host, probePort);
      expect(answer.marker, facts.site).toBe(marker);
      expect([410, 301, 503], facts.site).toContain(answer.status);
    }
  });

  it('once installVhost returns after a graceful restart, every new visitor gets the new vhost, reload after reload', async () => {
    const base = ['-d', root, '-f', join(root, 'httpd.conf')].join(' ');
    const http: HttpService = { type: 'apache', ...ports, configDir: join(root, 'vhosts'), check: `apache2 ${base} -t`,
      reload: `apache2 ${base} -k graceful`, sudo: false, servedWithin: 5 };
    expect(await staleVisitsAfterReloads(http, join(root, 'vhosts', 'tide-static.test.conf'), variants(`127.0.0.1:${fpmPort}`, ports)[0]!)).toEqual([]);
  });
});

describe('installVhost, restoreVhost, removeVhost', () => {
  let conf: string;
  let marker: string;
  let http: HttpService;
  const vhost = () => join(dir, 'iv/vhosts/tide-a.test.conf');
  const render = (docroot: string) => httpServiceType('nginx').renderVhost({ ...variants('unix:/x')[0]!, site: 'a.test', url: 'a.test', docroot });

  beforeAll(async () => {
    const root = join(dir, 'iv');
    conf = join(root, 'nginx.conf');
    marker = join(root, 'reloaded');
    await mkdir(join(root, 'vhosts'), { recursive: true });
    await writeFile(conf, `pid ${root}/nginx.pid;\nevents {}\nhttp {\n  include ${root}/vhosts/*.conf;\n}\n`);
    http = { type: 'nginx', port, httpsPort, configDir: join(root, 'vhosts'),
      check: `nginx -e ${root}/error.log -c ${conf} -t`, reload: `echo reload >> ${marker}`, sudo: false, servedWithin: 2 };
  });
  const reloads = () => readFile(marker, 'utf8').then((s) => s.split('\n').length - 1, () => 0);

  it('writes, checks and reloads, returning the previous content; output reaches onOutput', async () => {
    const output: string[] = [];
    expect(await installVhost(t, http, vhost(), render('/srv/one'), { onOutput: (c) => output.push(c) })).toEqual({ previous: null });
    expect(await reloads()).toBe(1);
    expect(output.join('')).toContain('test is successful');
    const second = await installVhost(t, http, vhost(), render('/srv/two'));
    expect(second.previous?.toString()).toContain('/srv/one');
    expect(await reloads()).toBe(2);
  });

  it('on a failing check puts the previous file back, does not reload, and throws HttpConfigTestError', async () => {
    const error = await installVhost(t, http, vhost(), 'server { listen 80; bogus_directive on; }\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpConfigTestError);
    expect(error).toMatchObject({ code: 'HTTP_CONFIG_TEST_FAILED', server: 'local', command: http.check, exitCode: 1 });
    expect((error as HttpConfigTestError).stderr).toContain('unknown directive "bogus_directive"');
    expect(await readFile(vhost(), 'utf8')).toContain('/srv/two');
    expect(await reloads()).toBe(2);
  });

  it('on a failing check of a new vhost removes it', async () => {
    const path = join(dir, 'iv/vhosts/tide-new.test.conf');
    await expect(installVhost(t, { ...http, check: 'false' }, path, render('/srv/x'))).rejects.toThrow(HttpConfigTestError);
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
    expect(await reloads()).toBe(2);
  });

  it('restores (undo) and removes, each checked and reloaded', async () => {
    const { previous } = await installVhost(t, http, vhost(), render('/srv/three'));
    await restoreVhost(t, http, vhost(), previous);
    expect(await readFile(vhost(), 'utf8')).toContain('/srv/two');
    await removeVhost(t, http, vhost());
    await expect(stat(vhost())).rejects.toThrow(/ENOENT/);
    expect(await reloads()).toBe(5);
    await restoreVhost(t, http, vhost(), null);
    expect(await reloads()).toBe(6);
  });
});

describe('one config test and one reload for many vhosts (reload-group.ts)', () => {
  let root: string;
  let http: HttpService;
  const path = (name: string) => join(root, 'vhosts', `tide-${name}.test.conf`);
  const render = (name: string) => httpServiceType('nginx').renderVhost({ ...variants('unix:/x')[0]!, site: `${name}.test`, url: `${name}.test`, aliases: [] });
  const BROKEN = 'server { listen 80; bogus_directive on; }\n';
  const count = (file: string) => readFile(join(root, file), 'utf8').then((s) => s.split('\n').length - 1, () => 0);
  /** Hands every change over in the same turn: one batch. */
  async function changeTogether(contents: Record<string, string>) {
    return Promise.all(Object.entries(contents).map(([name, content]) =>
      commitVhostChange(http, { view: t, path: path(name), content }).then(() => null, (e: unknown) => e)));
  }

  beforeAll(async () => {
    root = join(dir, 'rg');
    await mkdir(join(root, 'vhosts'), { recursive: true });
    const conf = join(root, 'nginx.conf');
    await writeFile(conf, `pid ${root}/nginx.pid;\nevents {}\nhttp {\n  include ${root}/vhosts/*.conf;\n}\n`);
    // Each test and each reload leaves a line: what the web server was asked, counted.
    http = { type: 'nginx', port, httpsPort, configDir: join(root, 'vhosts'), sudo: false, servedWithin: 2,
      check: `echo check >> ${root}/checks && nginx -e ${root}/error.log -c ${conf} -t`, reload: `echo reload >> ${root}/reloads` };
  });

  it('changes handed over together share one test and one reload', async () => {
    expect(await changeTogether({ a1: render('a1'), a2: render('a2'), a3: render('a3'), a4: render('a4') })).toEqual([null, null, null, null]);
    expect([await count('checks'), await count('reloads')]).toEqual([1, 1]);
  });

  it('installVhost of many vhosts at once reloads fewer times than there are vhosts', async () => {
    const names = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
    const [checks, reloads] = [await count('checks'), await count('reloads')];
    await Promise.all(names.map((n) => installVhost(t, http, path(n), render(n))));
    expect(await count('reloads') - reloads).toBeLessThanOrEqual(2);
    expect(await count('checks') - checks).toBeLessThanOrEqual(2);
    for (const n of names) expect(await readFile(path(n), 'utf8')).toBe(render(n));
  });

  it('when the shared test fails, only the faulty vhosts fail and are put back; the others are reloaded', async () => {
    const reloads = await count('reloads');
    const outcomes = await changeTogether({
      c1: render('c1'), c2: render('c2'), c3: BROKEN, a1: BROKEN, c5: render('c5'), c6: render('c6'),
    });
    expect(outcomes.map((o) => o === null)).toEqual([true, true, false, false, true, true]);
    for (const failed of [outcomes[2], outcomes[3]]) {
      expect(failed).toBeInstanceOf(HttpConfigTestError);
      expect((failed as HttpConfigTestError).stderr).toContain('unknown directive "bogus_directive"');
    }
    expect((outcomes[3] as HttpConfigTestError).message).toContain(path('a1'));
    // The new faulty vhost is gone, the changed one holds what it held before; the others are written and reloaded once.
    await expect(stat(path('c3'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(path('a1'), 'utf8')).toBe(render('a1'));
    for (const n of ['c1', 'c2', 'c5', 'c6']) expect(await readFile(path(n), 'utf8')).toBe(render(n));
    expect(await count('reloads') - reloads).toBe(1);
    expect((await execa('sh', ['-c', http.check])).exitCode).toBe(0);
  });

  it('when the config fails without the batch too, every vhost of it fails, is put back, and nothing is reloaded', async () => {
    await writeFile(join(root, 'vhosts', 'other.conf'), BROKEN);
    const reloads = await count('reloads');
    const outcomes = await changeTogether({ d1: render('d1'), d2: render('d2'), d3: render('d3') });
    await rm(join(root, 'vhosts', 'other.conf'));
    for (const o of outcomes) expect(o).toBeInstanceOf(HttpConfigTestError);
    for (const n of ['d1', 'd2', 'd3']) await expect(stat(path(n))).rejects.toThrow(/ENOENT/);
    expect(await count('reloads')).toBe(reloads);
  });
});
