// POST /webhook: GitHub's push event, as GitHub signs it
// (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries):
// X-Hub-Signature-256 is `sha256=` + the hex HMAC-SHA256 of the raw body
// under the shared secret. The order of the checks matters:
//   1. size first (a body over the limit is not read, let alone hashed);
//   2. the signature, compared in constant time, before anything of the body
//      is believed: unsigned or wrongly signed gets 401 and nothing runs;
//   3. the delivery id: GitHub sends a new one per delivery (a redelivery
//      too), so one seen before is a replay of a captured request: ignored;
//   4. only then the event: a push to the tracked branch wakes the loop
//      (202 at once; the reconcile fetches and runs in the background), any
//      other branch or event does nothing.
// The webhook only says "look now": the daemon fetches and plans from what
// the remote holds, never from the payload.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, RequestTooLargeError, send } from './http.js';
import type { DaemonLogger, Route } from './types.js';

/** GitHub caps payloads at 25 MB, but a push event's is small; pushes with thousands of commits stay under this. */
export const DEFAULT_WEBHOOK_LIMIT = 1024 * 1024;
/** Delivery ids remembered (oldest forgotten first). */
const REMEMBERED_DELIVERIES = 10_000;

export interface WebhookOptions {
  secret: string;
  /** The tracked branch: pushes to it wake the loop. */
  branch(): string | null;
  /** Wakes the loop; `after` is the pushed commit, for the log. */
  onPush(delivery: string, after: string | undefined): void;
  log: DaemonLogger;
  maxBytes?: number;
}

export function webhookRoute(o: WebhookOptions): Route {
  const seen = new Set<string>();
  const limit = o.maxBytes ?? DEFAULT_WEBHOOK_LIMIT;
  return {
    method: 'POST',
    path: '/webhook',
    // GitHub cannot send a bearer token; the signature is this route's authentication.
    public: true,
    async handler(req: IncomingMessage, res: ServerResponse) {
      let body: Buffer;
      try {
        body = await readBody(req, limit);
      } catch (error) {
        if (!(error instanceof RequestTooLargeError)) throw error;
        o.log.warn('webhook.refused', { reason: 'too large', limit });
        return send(res, 413, `payload over ${limit} bytes\n`, { connection: 'close' });
      }
      if (!signatureMatches(body, header(req, 'x-hub-signature-256'), o.secret)) {
        o.log.warn('webhook.refused', { reason: 'bad signature', delivery: header(req, 'x-github-delivery') });
        return send(res, 401, 'missing or wrong X-Hub-Signature-256\n');
      }
      const delivery = header(req, 'x-github-delivery');
      if (!delivery) return send(res, 400, 'missing X-GitHub-Delivery\n');
      if (seen.has(delivery)) {
        o.log.warn('webhook.ignored', { reason: 'delivery seen before', delivery });
        return send(res, 200, 'delivery already received; ignored\n');
      }
      remember(seen, delivery);
      const event = header(req, 'x-github-event');
      if (event === 'ping') return send(res, 200, 'pong\n');
      if (event !== 'push') return send(res, 200, `event ${event ?? '(none)'} ignored\n`);
      const push = parsePush(body, header(req, 'content-type'));
      if (!push) return send(res, 400, 'the body is not a push event\n');
      const branch = o.branch();
      if (branch === null || push.ref !== `refs/heads/${branch}`) {
        o.log.info('webhook.ignored', { reason: 'other branch', delivery, ref: push.ref });
        return send(res, 200, `push to ${push.ref} ignored (tracking ${branch ?? 'nothing yet'})\n`);
      }
      o.log.info('webhook.push', { delivery, after: push.after });
      o.onPush(delivery, push.after);
      send(res, 202, 'accepted; reconciling\n');
    },
  };
}

/** `sha256=<64 hex>` against our HMAC of the body: equal-length buffers, compared in constant time. */
export function signatureMatches(body: Buffer, header: string | undefined, secret: string): boolean {
  const given = /^sha256=([0-9a-f]{64})$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}

export function sign(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function remember(seen: Set<string>, delivery: string): void {
  seen.add(delivery);
  if (seen.size > REMEMBERED_DELIVERIES) seen.delete(seen.values().next().value!);
}

/** GitHub sends JSON, or `payload=<JSON>` form-encoded when the hook is set up that way. */
function parsePush(body: Buffer, contentType: string | undefined): { ref: string; after?: string } | null {
  try {
    const text = contentType?.startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(body.toString('utf8')).get('payload') ?? ''
      : body.toString('utf8');
    const payload = JSON.parse(text) as { ref?: unknown; after?: unknown };
    if (typeof payload.ref !== 'string') return null;
    return { ref: payload.ref, after: typeof payload.after === 'string' ? payload.after : undefined };
  } catch {
    return null;
  }
}
