// The daemon's HTTP server (node:http): a table of routes, the bearer token
// check, and tight limits, since it may face a network. Listening beyond
// loopback needs a token (checked in cli/daemon.ts); every route but the
// probes and the webhook (which GitHub signs instead, and cannot send a
// token) then wants `Authorization: Bearer TOKEN`.

import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DaemonLogger, Route } from './types.js';

export interface HttpOptions {
  host: string;
  port: number;
  /** Required on every route not marked public, when set. */
  token?: string;
  routes: Route[];
  log: DaemonLogger;
}

export interface DaemonHttpServer {
  /** Where it listens (the port chosen by the system when 0 was asked). */
  readonly address: { host: string; port: number };
  close(): Promise<void>;
}

export async function startHttpServer(o: HttpOptions): Promise<DaemonHttpServer> {
  const routes = new Map(o.routes.map((r) => [`${r.method} ${r.path}`, r]));
  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      o.log.error('http.error', { method: req.method, path: req.url?.split('?')[0], error });
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
    });
  });
  // A slow or idle client must not hold the server: whole request within 30 s.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://daemon.invalid');
    const route = routes.get(`${req.method} ${url.pathname}`);
    if (!route) {
      const allowed = o.routes.filter((r) => r.path === url.pathname).map((r) => r.method);
      if (allowed.length) return send(res, 405, 'method not allowed\n', { allow: allowed.join(', ') });
      return send(res, 404, 'not found\n');
    }
    if (!route.public && o.token !== undefined && !bearerMatches(req.headers.authorization, o.token)) {
      return send(res, 401, 'a bearer token is needed (Authorization: Bearer TOKEN)\n', { 'www-authenticate': 'Bearer' });
    }
    await route.handler(req, res, url);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  return { address: { host: address, port }, close: () => closeServer(server) };
}

async function closeServer(server: Server): Promise<void> {
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Constant time in the token's content: both sides hashed to the same length first. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (given === undefined) return false;
  return timingSafeEqual(sha256(given), sha256(token));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, `${JSON.stringify(value, null, 2)}\n`, { 'content-type': 'application/json' });
}

/** The request body, refused (RequestTooLargeError) past `limit` bytes without reading the rest. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new RequestTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new RequestTooLargeError(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export class RequestTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}
