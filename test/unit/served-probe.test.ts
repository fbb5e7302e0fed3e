// "Served when reported" against a web server on loopback whose answers are
// scripted: right after a reload, nginx's new workers answer while an old one
// can still take a connection. tide must not call the vhost served on one
// lucky answer (services-http.test.ts saw the old page right after it did).

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpService } from '../../src/model/kinds.js';
import { VhostNotServedError, waitUntilServed } from '../../src/services/http/served.js';
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
