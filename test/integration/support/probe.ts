// What a user checks by hand: the page a site serves (with its Host header)
// and the rows in its database.

import { request } from 'node:http';
import { execa } from 'execa';
import type { TestServices } from '../env/types.js';

export interface Page {
  status: number;
  body: string;
  location?: string;
}

export function httpGet(port: number, host: string, path = '/'): Promise<Page> {
  return httpRequest(port, host, path);
}

/**
 * A request with its Host header; `body` is sent as is (a POST, say). Each on
 * a connection of its own (node's global agent keeps connections alive): one
 * kept from before a reload is an old worker's, which nginx closes as it
 * winds down, and a request sent on it meanwhile gets "socket hang up".
 */
export function httpRequest(port: number, host: string, path: string, { method = 'GET', body }: { method?: string; body?: string } = {}): Promise<Page> {
  return new Promise((resolvePage, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { Host: host }, timeout: 10_000, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolvePage({ status: res.statusCode ?? 0, body, location: res.headers.location }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} http://${host}${path} on 127.0.0.1:${port} timed out`)));
    req.end(body);
  });
}

/**
 * The page once it satisfies `ready`: `nginx -s reload` only signals nginx,
 * and its old workers answer for a moment after tide has returned.
 */
export async function pageWhen(port: number, host: string, ready: (page: Page) => boolean, path = '/', timeoutMs = 5000): Promise<Page> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // A worker that a reload is retiring may drop the connection ("socket hang up"): ask again.
    const page = await httpGet(port, host, path).catch((error: Error) => {
      if (Date.now() > until) throw error;
      return null;
    });
    if (page && (ready(page) || Date.now() > until)) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs SQL as the admin and returns the rows as arrays of strings. */
export async function sql(services: TestServices, query: string): Promise<string[][]> {
  const { db } = services;
  const result = await execa('mariadb', ['-h', db.host, '-P', String(db.port), '-u', db.adminUser, '--batch', '--skip-column-names', '-e', query], {
    env: { MYSQL_PWD: db.adminPassword },
  });
  return result.stdout ? result.stdout.split('\n').map((line) => line.split('\t')) : [];
}

/** Waits until `check()` holds (a marker file a command touches, say). */
export async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
