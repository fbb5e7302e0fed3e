// "Served when reported" against a web server on loopback whose answers are
// scripted: right after a reload, nginx's new workers answer while an old one
// can still take a connection. tide must not call the vhost served on one
// lucky answer (services-http.test.ts saw the old page right after it did).

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpService } from '../../src/model/kinds.js';
import { servedFailures, VhostNotServedError, waitUntilServed, type ServedExpectation } from '../../src/services/http/served.js';
import { MARKER_HEADER, PROBE_PATH } from '../../src/services/http/template.js';
import { LocalTransport } from '../../src/transport/local.js';

const OLD = 'a'.repeat(16);
const NEW = 'b'.repeat(16);

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A web server answering the probe with the markers of `answer(n)` for its n-th request; counts them. */
async function scripted(answer: (n: number) => string): Promise<{ port: number; probes: () => number }> {
  let n = 0;
  server = createServer((req, res) => {
    expect(req.url).toBe(PROBE_PATH);
    res.writeHead(204, { [MARKER_HEADER]: answer(n++), Connection: 'close' }).end();
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return { port: (server.address() as AddressInfo).port, probes: () => n };
}

function http(port: number, servedWithin: number): HttpService {
  return { type: 'nginx', port, httpsPort: port, configDir: '/nonexistent', check: 'true', reload: 'true', sudo: false, servedWithin };
}

describe('waiting for a reloaded vhost to be served', () => {
  it('does not stop at the first answer of the new vhost while an old worker still answers', async () => {
    const { port, probes } = await scripted((n) => [OLD, NEW, OLD][n] ?? NEW);
    await waitUntilServed(new LocalTransport('local'), http(port, 5), [{ site: 's.test', host: 's.test', port, marker: NEW, expect: 'present' }]);
    // old, new, old (back to waiting), new, new: served.
    expect(probes()).toBe(5);
  });

  it('calls a web server that keeps answering old and new by turns not served', async () => {
    const { port } = await scripted((n) => (n % 2 ? NEW : OLD));
    const error = await waitUntilServed(new LocalTransport('local'), http(port, 1),
      [{ site: 's.test', host: 's.test', port, marker: NEW, expect: 'present' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VhostNotServedError);
  });
});

describe('one poll for a batch of vhosts', () => {
  /** A web server answering each host with its own marker; and a port nothing listens on. */
  async function perHost(markers: Record<string, string>): Promise<{ port: number; dead: number }> {
    server = createServer((req, res) => res.writeHead(204, { [MARKER_HEADER]: markers[req.headers.host!] ?? '', Connection: 'close' }).end());
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const spare = createServer();
    await new Promise<void>((done) => spare.listen(0, '127.0.0.1', done));
    const dead = (spare.address() as AddressInfo).port;
    await new Promise<void>((done) => spare.close(() => done()));
    return { port: (server.address() as AddressInfo).port, dead };
  }

  const expectations = (port: number, dead: number): ServedExpectation[] => [
    { site: 'a', host: 'a.test', port, marker: NEW, expect: 'present' },
    { site: 'b', host: 'b.test', port, marker: NEW, expect: 'present' },
    { site: 'c', host: 'c.test', port, marker: OLD, expect: 'gone' },
    { site: 'd', host: 'd.test', port: dead, marker: NEW, expect: 'present' },
  ];

  for (const client of ['curl', 'wget']) {
    it(`says which vhosts of the batch are not served, and what each answered (${client})`, async () => {
      const { port, dead } = await perHost({ 'a.test': NEW, 'b.test': OLD, 'c.test': NEW });
      // wget: a PATH without curl.
      const bin = mkdtempSync(join(tmpdir(), 'tide-probe-bin-'));
      for (const tool of ['wget', 'awk', 'sleep', 'date', 'sh']) symlinkSync(realpathSync(`/usr/bin/${tool}`), join(bin, tool));
      const local = new LocalTransport('local');
      try {
        const failures = await servedFailures((command, o) => local.exec(command, { ...o, ...(client === 'wget' ? { env: { PATH: bin } } : {}) }),
          'local', http(port, 1), expectations(port, dead));
        expect(failures.map((f) => f === null)).toEqual([true, false, true, false]);
        expect(failures[1]!.seen).toEqual({ status: 204, marker: OLD, error: '' });
        expect(failures[3]!.seen.status).toBeNull();
        expect(failures[3]!.seen.error).toMatch(client === 'curl' ? /^curl: \(7\)/ : /refused|failed/i);
      } finally {
        rmSync(bin, { recursive: true, force: true });
      }
    });
  }
});

describe("nginx's workers from before the reload (retired-workers.ts)", () => {
  /**
   * A `ps` that shows nginx as it is right after a reload: master 1 has a
   * new worker 11 and the old worker 10, which retires from the
   * `retiresAt`-th look on (never when null); master 2, another nginx on the
   * host, was not reloaded. The new worker shows from the `startsAt`-th look
   * on (the master reads its config first). Returns the PATH to use and how
   * often ps ran.
   */
  function scriptedPs(retiresAt: number | null, startsAt = 1): { path: string; looks: () => number; done: () => void } {
    const bin = mkdtempSync(join(tmpdir(), 'tide-ps-bin-'));
    const count = join(bin, 'count');
    writeFileSync(join(bin, 'ps'), `#!/bin/sh
n=$(cat ${count} 2>/dev/null || echo 0); n=$((n + 1)); echo $n > ${count}
echo '    1     0 nginx: master process /usr/sbin/nginx'
echo '   20     2 nginx: worker process'
[ "$n" -lt ${startsAt} ] || echo '   11     1 nginx: worker process'
if [ ${retiresAt ?? 0} -eq 0 ] || [ "$n" -lt ${retiresAt ?? 0} ]; then echo '   10     1 nginx: worker process'; else echo '   10     1 nginx: worker process is shutting down'; fi
`, { mode: 0o755 });
    return {
      path: `${bin}:${process.env.PATH}`,
      looks: () => Number(readFileSync(count, 'utf8')),
      done: () => rmSync(bin, { recursive: true, force: true }),
    };
  }

  /**
   * The served wait right after a reload whose old worker retires from ps's
   * `retiresAt`-th look (its new worker shows from the `startsAt`-th), with
   * the web server answering `answer(n)`: what it found, how often it looked
   * at ps and asked the web server, and how long it took.
   */
  async function servedAfterReload(o: { answer: (n: number) => string; retiresAt: number | null; startsAt?: number; servedWithin?: number }) {
    const { port, probes } = await scripted(o.answer);
    const ps = scriptedPs(o.retiresAt, o.startsAt);
    const local = new LocalTransport('local');
    const started = Date.now();
    try {
      // What the reload step leaves in the command's shell: the workers it saw (pid:ppid).
      const failures = await servedFailures((command, x) => local.exec(`tide_workers_before='10:1 20:2 '\n${command}`, { ...x, env: { PATH: ps.path } }),
        'local', http(port, o.servedWithin ?? 5), [{ site: 's.test', host: 's.test', port, marker: NEW, expect: 'present' }]);
      return { failures, looks: ps.looks(), probes: probes(), ms: Date.now() - started };
    } finally {
      ps.done();
    }
  }

  it('holds only once the old worker of the reloaded master retires; the other nginx is not waited for', async () => {
    const r = await servedAfterReload({ answer: () => NEW, retiresAt: 3 });
    expect(r.failures).toEqual([null]);
    // Looks 1 and 2: worker 10 still takes connections; 3: retiring. Worker 20 (the other nginx) never retires.
    expect(r.looks).toBe(3);
    // Not asked while old and new workers could both answer; once after, when every visitor meets a new worker.
    expect(r.probes).toBe(1);
  });

  it('does not take the moment before the master started its new workers for the end of the old ones', async () => {
    // Answers come from a new worker as soon as one is asked: what a poll sees once the new workers run.
    const r = await servedAfterReload({ answer: () => NEW, retiresAt: 3, startsAt: 2 });
    expect(r.failures).toEqual([null]);
    // Look 1: only the old worker (no master renewed yet); 2: old and new side by side; 3: the old one retiring.
    expect(r.looks).toBe(3);
    expect(r.probes).toBe(1);
  });

  it('after the old workers retired, a vhost still answering the old marker is waited for, not reported served', async () => {
    const r = await servedAfterReload({ answer: (n) => (n < 2 ? OLD : NEW), retiresAt: 1 });
    expect(r.failures).toEqual([null]);
    expect(r.probes).toBe(3);
  });

  it('an old worker that never retires (a master that started a worker for another reason) does not fail a vhost that answers', async () => {
    const r = await servedAfterReload({ answer: () => NEW, retiresAt: null, servedWithin: 2 });
    expect(r.failures).toEqual([null]);
    // It kept looking until servedWithin ran out (counted in whole seconds of the server's clock: more than one).
    expect(r.ms).toBeGreaterThanOrEqual(1000);
    expect(r.looks).toBeGreaterThan(4);
  });
});
