// The reload group under the executor, on a local shell whose config test
// and reload only note that they ran: operations waiting in the group park
// their slot (so the server's next operations start and bring their vhosts
// to the same batch), a batch starts once no operation on the server runs
// unparked (its vhosts written, tested and reloaded by one command), and a
// long operation on the same server holds the others back
// for TIDE_RELOAD_WAIT_SECONDS at most.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execute } from '../../src/apply/executor.js';
import type { HttpService } from '../../src/model/kinds.js';
import type { Operation } from '../../src/model/plan.js';
import { vhostProbe } from '../../src/services/http/template.js';
import { installVhost } from '../../src/services/http/vhost.js';
import { OperationLog } from '../../src/shell/log.js';
import { shellFor } from '../../src/shell/shell.js';
import { LocalTransport } from '../../src/transport/local.js';
import { RELOAD_WAIT_VAR } from '../../src/transport/timeouts.js';

const dir = mkdtempSync(join(tmpdir(), 'tide-reload-group-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => void delete process.env[RELOAD_WAIT_VAR]);

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

function op(id: string): Operation {
  return { id, action: 'install', target: { kind: 'site', name: id }, server: 'web1', reason: 'test', changes: [], dependsOn: [], blockers: [], warnings: [], destructive: false };
}

/** A web server on `root` whose test and reload append a line to `root/ran`. */
function webServer(name: string): { root: string; http: HttpService; ran: () => string[] } {
  const root = join(dir, name);
  const ran = join(root, 'ran');
  const http: HttpService = { type: 'nginx', port: 1, httpsPort: 1, configDir: join(root, 'vhosts'), sudo: false, servedWithin: 5,
    check: `mkdir -p ${root} && echo check >> ${ran}`, reload: `echo reload >> ${ran}` };
  return { root, http, ran: () => readFileSync(ran, 'utf8').trim().split('\n') };
}

describe('the reload group under the executor', () => {
  it('installs on one server, two at a time, share one config test and one reload', async () => {
    const web = webServer('shared');
    const local = new LocalTransport('web1');
    const commands: string[] = [];
    const exec = local.exec.bind(local);
    local.exec = (command, options) => (commands.push(command), exec(command, options));
    const logs = new Map<string, OperationLog>();
    const results = await execute(Array.from({ length: 6 }, (_, i) => op(`site${i}`)), {
      concurrency: { total: 8, perServer: 2 },
      async run(o, slot) {
        const log = new OperationLog();
        logs.set(o.id, log);
        const shell = shellFor(local, log, { slot });
        await shell.run('own work', 'sleep 0.05');
        await installVhost(shell.transport, web.http, join(web.http.configDir, `${o.id}.conf`), `server { # ${o.id} }\n`, { park: true });
        return { status: 'ok' };
      },
    });
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('ok'));
    expect(web.ran()).toEqual(['check', 'reload']);
    // Six own commands, then ONE for the batch: every vhost written, tested, reloaded.
    expect(commands).toHaveLength(7);
    expect(commands[6]).toMatch(/site0\.conf.*site5\.conf.*echo check.*echo reload/);
    expect(readdirSync(web.http.configDir).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `site${i}.conf`));
    // Each operation's log shows the one shared test, noted for all six vhosts.
    for (const log of logs.values()) expect(log.text()).toMatch(/echo check .*once for 6 vhosts/);
  });

  it('a long operation on the same server holds the others\' vhosts back for TIDE_RELOAD_WAIT_SECONDS at most', async () => {
    process.env[RELOAD_WAIT_VAR] = '0.2';
    const web = webServer('bounded');
    const local = new LocalTransport('web1');
    const ended: string[] = [];
    await execute([op('long'), op('a'), op('b')], {
      concurrency: { total: 8, perServer: 8 },
      async run(o, slot) {
        const shell = shellFor(local, new OperationLog(), { slot });
        if (o.id === 'long') await tick(1500);
        else await installVhost(shell.transport, web.http, join(web.http.configDir, `${o.id}.conf`), `server { # ${o.id} }\n`, { park: true });
        ended.push(o.id);
        return { status: 'ok' };
      },
    });
    expect(ended.slice(0, 2).sort()).toEqual(['a', 'b']);
    expect(ended[2]).toBe('long');
    expect(web.ran()).toEqual(['check', 'reload']);
  });

  it('a change whose operation has work left (not parked: a maintenance page, a migrate\'s switch) keeps its slot and is not held back', async () => {
    const web = webServer('unparked');
    const local = new LocalTransport('web1');
    const ended: string[] = [];
    let waiting = -1;
    let tookMs = 0;
    await execute([op('long'), op('switch')], {
      concurrency: { total: 8, perServer: 8 },
      async run(o, slot) {
        const shell = shellFor(local, new OperationLog(), { slot });
        if (o.id === 'long') await tick(1500);
        else {
          const started = Date.now();
          const change = installVhost(shell.transport, web.http, join(web.http.configDir, 'switch.conf'), 'server { # switch }\n');
          waiting = slot.activity.active('web1'); // both still hold their slots
          await change;
          tookMs = Date.now() - started;
        }
        ended.push(o.id);
        return { status: 'ok' };
      },
    });
    expect(ended).toEqual(['switch', 'long']);
    expect(waiting).toBe(2);
    expect(tookMs).toBeLessThan(1000);
    expect(web.ran()).toEqual(['check', 'reload']);
  });

  it('a vhost that cannot be written fails its operation only; the writes after it go one by one, then one test and one reload', async () => {
    const web = webServer('blocked');
    mkdirSync(web.http.configDir, { recursive: true });
    writeFileSync(join(web.http.configDir, 'not-a-dir'), 'a file where a directory should be');
    const local = new LocalTransport('web1');
    const results = await execute([op('a'), op('b'), op('c')], {
      concurrency: { total: 8, perServer: 8 },
      async run(o, slot) {
        const shell = shellFor(local, new OperationLog(), { slot });
        const path = join(web.http.configDir, o.id === 'b' ? 'not-a-dir/b.conf' : `${o.id}.conf`);
        await installVhost(shell.transport, web.http, path, `server { # ${o.id} }\n`);
        return { status: 'ok' };
      },
    });
    expect(results.map((r) => [r.op.id, r.status, r.message ?? ''])).toEqual([['a', 'ok', ''], ['b', 'failed', expect.stringMatching(/cannot write .*not-a-dir\/b\.conf/)], ['c', 'ok', '']]);
    expect(web.ran()).toEqual(['check', 'reload']);
    expect(readdirSync(web.http.configDir).sort()).toEqual(['a.conf', 'c.conf', 'not-a-dir']);
  });

  /**
   * A web server on loopback for `web`'s vhosts: once its reload ran, it
   * answers tide's probe for each vhost file's host with that file's marker
   * (a wrong one for the hosts in `wrong`).
   */
  async function probeAnswers(web: ReturnType<typeof webServer>, wrong: Set<string>) {
    const server = createServer((req, res) => {
      const host = (req.headers.host ?? '').split(':')[0];
      const reloaded = existsSync(join(web.root, 'ran')) && web.ran().includes('reload');
      const probes = reloaded ? readdirSync(web.http.configDir).map((f) => vhostProbe(readFileSync(join(web.http.configDir, f)))) : [];
      const marker = probes.find((p) => p?.host === host)?.marker;
      res.writeHead(marker ? 204 : 404, marker ? { 'X-Tide-Vhost': wrong.has(host!) ? '0000000000000000' : marker } : {});
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  /** Installs a marked vhost for each of `ids` on `web` (answered by `answers`), all in one batch; each operation's outcome. */
  async function installMarked(web: ReturnType<typeof webServer>, port: number, ids: string[], commands: string[]) {
    const local = new LocalTransport('web1');
    const exec = local.exec.bind(local);
    local.exec = (command, options) => (commands.push(command), exec(command, options));
    const results = await execute(ids.map((id) => op(id)), {
      concurrency: { total: 8, perServer: 8 },
      async run(o, slot) {
        const shell = shellFor(local, new OperationLog(), { slot });
        const marker = createHash('sha256').update(o.id).digest('hex').slice(0, 16);
        const content = `# tide's probe: site ${o.id}.test answers http://${o.id}.test:${port}/.tide-vhost with X-Tide-Vhost "${marker}".\nserver { }\n`;
        await installVhost(shell.transport, { ...web.http, port }, join(web.http.configDir, `${o.id}.conf`), content, { park: true, waitServed: true });
        return { status: 'ok' };
      },
    });
    return results.map((r) => [r.op.id, r.status, r.message ?? '']);
  }

  it('the wait until the new vhosts answer rides in the batch\'s command, after its test and reload', async () => {
    const web = webServer('served');
    const answers = await probeAnswers(web, new Set());
    const commands: string[] = [];
    try {
      expect(await installMarked(web, answers.port, ['a', 'b', 'c'], commands)).toEqual([['a', 'ok', ''], ['b', 'ok', ''], ['c', 'ok', '']]);
    } finally {
      await answers.close();
    }
    // One command: the three vhosts written, tested, reloaded, then polled until each answers with its marker.
    expect(commands).toHaveLength(1);
    for (const id of ['a', 'b', 'c']) expect(commands[0]).toContain(`/${id}.conf`);
    expect(commands[0]).toMatch(/echo check[^]*echo reload[^]*tide_poll/);
    expect(web.ran()).toEqual(['check', 'reload']);
  });

  it('a vhost that does not answer after the shared reload fails only its own operation', async () => {
    const web = webServer('not-served');
    web.http.servedWithin = 1;
    const answers = await probeAnswers(web, new Set(['b.test']));
    try {
      expect(await installMarked(web, answers.port, ['a', 'b', 'c'], [])).toEqual([
        ['a', 'ok', ''], ['b', 'failed', expect.stringMatching(/new vhost of site b\.test .* did not answer/)], ['c', 'ok', ''],
      ]);
    } finally {
      await answers.close();
    }
  });
});
