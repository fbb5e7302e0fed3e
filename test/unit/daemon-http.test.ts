// The daemon's HTTP surface without a fleet: the webhook's checks in order
// (size, signature, replay, branch), the bearer token, and the log lines.
// Real node:http on loopback, real requests.

import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type DaemonHttpServer } from '../../src/daemon/http.js';
import { createLogger } from '../../src/daemon/log.js';
import type { DaemonLogger, Route } from '../../src/daemon/types.js';
import { sign, webhookRoute } from '../../src/daemon/webhook.js';
import { parseDuration } from '../../src/cli/daemon.js';
import { redactor } from '../../src/redact.js';

const SECRET = 'webhook-secret-for-the-unit-test';
const quiet: DaemonLogger = { info() {}, warn() {}, error() {} };
let server: DaemonHttpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(routes: Route[], token?: string): Promise<string> {
  server = await startHttpServer({ host: '127.0.0.1', port: 0, token, routes, log: quiet });
  return `http://127.0.0.1:${server.address.port}`;
}

function push(ref: string, delivery: string, { secret = SECRET, body }: { secret?: string | null; body?: string } = {}) {
  const payload = body ?? JSON.stringify({ ref, after: 'a'.repeat(40) });
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': delivery };
  if (secret) headers['x-hub-signature-256'] = sign(payload, secret);
  return { method: 'POST', headers, body: payload };
}

describe('POST /webhook', () => {
  async function webhook(maxBytes?: number) {
    const pushes: string[] = [];
    const base = await serve([webhookRoute({ secret: SECRET, branch: () => 'main', onPush: (d) => pushes.push(d), log: quiet, maxBytes })]);
    return { pushes, url: `${base}/webhook` };
  }

  it('accepts a signed push to the tracked branch with 202 and wakes the loop once', async () => {
    const { pushes, url } = await webhook();
    const res = await fetch(url, push('refs/heads/main', 'd-1'));
    expect(res.status).toBe(202);
    expect(pushes).toEqual(['d-1']);
  });

  it('refuses a missing or wrong signature with 401 and runs nothing', async () => {
    const { pushes, url } = await webhook();
    expect((await fetch(url, push('refs/heads/main', 'd-2', { secret: null }))).status).toBe(401);
    expect((await fetch(url, push('refs/heads/main', 'd-3', { secret: 'not-the-secret' }))).status).toBe(401);
    // Signed for one body, sent with another.
    const tampered = push('refs/heads/main', 'd-4');
    tampered.body = tampered.body.replace('main', 'mainx');
    expect((await fetch(url, tampered)).status).toBe(401);
    expect(pushes).toEqual([]);
  });

  it('ignores a delivery it has seen (a replayed request), even correctly signed', async () => {
    const { pushes, url } = await webhook();
    expect((await fetch(url, push('refs/heads/main', 'd-5'))).status).toBe(202);
    const replay = await fetch(url, push('refs/heads/main', 'd-5'));
    expect(replay.status).toBe(200);
    expect(await replay.text()).toMatch(/already received/);
    expect(pushes).toEqual(['d-5']);
  });

  it('does nothing for another branch, a tag or another event', async () => {
    const { pushes, url } = await webhook();
    expect((await fetch(url, push('refs/heads/feature', 'd-6'))).status).toBe(200);
    expect((await fetch(url, push('refs/tags/main', 'd-7'))).status).toBe(200);
    const issue = push('refs/heads/main', 'd-8');
    issue.headers['x-github-event'] = 'issues';
    expect((await fetch(url, issue)).status).toBe(200);
    expect(pushes).toEqual([]);
  });

  it('refuses a body over the limit with 413 before checking anything', async () => {
    const { pushes, url } = await webhook(1024);
    const big = push('refs/heads/main', 'd-9', { body: JSON.stringify({ ref: 'refs/heads/main', pad: 'x'.repeat(4096) }) });
    expect((await fetch(url, big)).status).toBe(413);
    expect(pushes).toEqual([]);
  });

  it('accepts the form-encoded payload GitHub can be set to send', async () => {
    const { pushes, url } = await webhook();
    const body = new URLSearchParams({ payload: JSON.stringify({ ref: 'refs/heads/main' }) }).toString();
    const res = await fetch(url, {
      method: 'POST', body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-github-event': 'push', 'x-github-delivery': 'd-10', 'x-hub-signature-256': sign(body, SECRET) },
    });
    expect(res.status).toBe(202);
    expect(pushes).toEqual(['d-10']);
  });
});

describe('bearer token', () => {
  const routes: Route[] = [
    { method: 'GET', path: '/livez', public: true, handler: (_q, res) => void res.end('ok') },
    { method: 'GET', path: '/metrics', handler: (_q, res) => void res.end('tide_up 1\n') },
  ];

  it('is required on every route but the public ones, and compared whole', async () => {
    const base = await serve(routes, 'the-daemon-token');
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer the-daemon-toke' } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer the-daemon-token' } })).status).toBe(200);
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/livez`, { method: 'POST' })).status).toBe(405);
  });

  it('is not asked for when none is configured (loopback)', async () => {
    const base = await serve(routes);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });
});

describe('daemon log', () => {
  function capture(format: 'text' | 'json') {
    const lines: string[] = [];
    const out = new Writable({ write(chunk, _e, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    return { lines, log: createLogger(out, format, () => new Date('2026-01-02T03:04:05Z')) };
  }

  it('writes one line per event, in text or JSON, with secrets redacted', () => {
    redactor.add('s3cret-token-value');
    const text = capture('text');
    text.log.warn('fetch.failed', { error: new Error('auth failed for s3cret-token-value\nsecond line'), attempt: 2 });
    expect(text.lines).toEqual(['2026-01-02T03:04:05.000Z warn fetch.failed error="auth failed for [redacted]\\nsecond line" attempt=2']);
    const json = capture('json');
    json.log.info('reconcile.done', { commit: 'abc1234', result: 'applied', skipped: undefined });
    expect(json.lines).toHaveLength(1);
    expect(JSON.parse(json.lines[0]!)).toEqual({ time: '2026-01-02T03:04:05.000Z', level: 'info', event: 'reconcile.done', commit: 'abc1234', result: 'applied' });
  });
});

describe('--interval', () => {
  it('takes a whole number and a unit, and refuses anything else', () => {
    expect(parseDuration('--interval', '2m')).toBe(120_000);
    expect(parseDuration('--interval', '500ms')).toBe(500);
    expect(() => parseDuration('--interval', '0s')).toThrow(/--interval must be a duration/);
    expect(() => parseDuration('--interval', '2 minutes')).toThrow(/--interval must be a duration/);
  });
});
