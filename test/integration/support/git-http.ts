// A git server over real smart HTTP on loopback: git's own http-backend
// (Debian's git package ships it) run as a CGI program behind node:http, as
// a web server would run it. Every request must carry basic auth with the
// token, as GitHub asks of a token. `down` makes it answer 503 (a remote
// that is unreachable for a while); `requests` counts what it served.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const BACKEND = '/usr/lib/git-core/git-http-backend';

export interface GitHttpServer {
  /** `http://127.0.0.1:PORT/NAME` for a repository `NAME` under the root. */
  url(name: string): string;
  down: boolean;
  requests: number;
  close(): Promise<void>;
}

export async function startGitHttpServer(root: string, { user, token }: { user: string; token: string }): Promise<GitHttpServer> {
  if (!existsSync(BACKEND)) throw new Error(`${BACKEND} is missing: install Debian's git package (it ships git-http-backend)`);
  const expected = `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
  const state = { down: false, requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    if (state.down) return void res.writeHead(503).end('down for the test\n');
    if (req.headers.authorization !== expected) {
      return void res.writeHead(401, { 'www-authenticate': 'Basic realm="fleet"' }).end('credentials needed\n');
    }
    const url = new URL(req.url ?? '/', 'http://git.invalid');
    const cgi = spawn(BACKEND, [], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        // Authenticated users may push (http-backend enables receive-pack when REMOTE_USER is set).
        REMOTE_USER: user,
        REQUEST_METHOD: req.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
        ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
      },
    });
    req.pipe(cgi.stdin);
    relayCgi(cgi.stdout, res);
    cgi.on('error', (error) => res.destroy(error));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    get down() { return state.down; },
    set down(value: boolean) { state.down = value; },
    get requests() { return state.requests; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** CGI output is headers (`Status: 200 OK` among them), a blank line, then the body. */
function relayCgi(out: NodeJS.ReadableStream, res: import('node:http').ServerResponse): void {
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    head = Buffer.concat([head, chunk]);
    const text = head.toString('latin1');
    const end = text.search(/\r?\n\r?\n/);
    if (end < 0) return;
    out.off('data', onData);
    const blank = /\r?\n\r?\n/.exec(text)!;
    const headers: Record<string, string> = {};
    let status = 200;
    for (const line of text.slice(0, end).split(/\r?\n/)) {
      const [name, ...rest] = line.split(':');
      const value = rest.join(':').trim();
      if (name!.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name!] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + blank[0].length));
    out.pipe(res);
  };
  out.on('data', onData);
  out.on('end', () => { if (!res.headersSent) res.writeHead(502).end('http-backend said nothing\n'); });
}
