// The daemon's own routes: the probes (public), /metrics, the pending plan,
// and the manual triggers. The status page at `/` is a plug-in's route.
//
//   GET  /livez      200 while the process answers
//   GET  /readyz     200 when the fleet was fetched recently and no state lock is stuck; 503 with why
//   GET  /metrics    Prometheus text
//   GET  /plan       the pending plan (text; ?format=json for the plan JSON); 404 when none
//   POST /reconcile  look now, and retry a failed commit at once (202)
//   POST /apply?plan=HASH  apply the pending plan if it still has this hash (202)

import { renderJson } from '../plan/render/json.js';
import { renderText } from '../plan/render/text.js';
import { send, sendJson } from './http.js';
import { stuckLock } from './locks.js';
import type { DaemonContext, Route } from './types.js';

export interface CoreRouteOptions {
  trigger(approvedPlan?: string): void;
  intervalMs: number;
  stuckLockMs: number;
  /** Git dirs whose state lock the daemon takes. */
  lockDirs(): string[];
}

export function coreRoutes(ctx: DaemonContext, o: CoreRouteOptions): Route[] {
  return [
    { method: 'GET', path: '/livez', public: true, handler: (_req, res) => send(res, 200, 'ok\n') },
    {
      method: 'GET', path: '/readyz', public: true,
      async handler(_req, res) {
        const problems = await readinessProblems(ctx, o);
        if (problems.length === 0) return send(res, 200, 'ok\n');
        send(res, 503, problems.map((p) => `${p}\n`).join(''));
      },
    },
    {
      method: 'GET', path: '/metrics',
      async handler(_req, res) {
        send(res, 200, await ctx.registry.metrics(), { 'content-type': ctx.registry.contentType });
      },
    },
    {
      method: 'GET', path: '/plan',
      handler(_req, res, url) {
        const plan = ctx.status().pendingPlan;
        if (!plan) return send(res, 404, 'no pending plan\n');
        if (url.searchParams.get('format') === 'json') return send(res, 200, renderJson(plan), { 'content-type': 'application/json' });
        send(res, 200, renderText(plan, { color: false }));
      },
    },
    {
      method: 'POST', path: '/reconcile',
      handler(_req, res) {
        o.trigger();
        send(res, 202, 'reconciling\n');
      },
    },
    {
      method: 'POST', path: '/apply',
      handler(_req, res, url) {
        const hash = url.searchParams.get('plan');
        const pending = ctx.status().pendingPlan;
        if (!hash) return send(res, 400, 'give the hash of the plan you reviewed: POST /apply?plan=HASH\n');
        if (!pending || pending.hash !== hash) {
          return sendJson(res, 409, { error: 'that is not the pending plan (it was applied, or a newer commit changed it)', pending: pending?.hash ?? null });
        }
        o.trigger(hash);
        send(res, 202, 'applying the reviewed plan (only if planning again gives the same hash)\n');
      },
    },
  ];
}

/** Empty when ready; otherwise one sentence per problem. */
async function readinessProblems(ctx: DaemonContext, o: CoreRouteOptions): Promise<string[]> {
  const status = ctx.status();
  const problems: string[] = [];
  if (ctx.signal.aborted) problems.push('stopping');
  // A failing fetch shows at once; a fetch that is merely late after three intervals (one late poll is jitter).
  const fresh = Math.max(3 * o.intervalMs, 60_000);
  if (status.lastFetchError) {
    const e = status.lastFetchError;
    problems.push(`fetch failing (${e.attempts} attempt${e.attempts === 1 ? '' : 's'}, last at ${e.at.toISOString()}): ${e.message}`);
  } else if (!status.lastFetchAt) problems.push('not fetched yet');
  else if (Date.now() - status.lastFetchAt.getTime() > fresh) problems.push(`last fetch ${Math.round((Date.now() - status.lastFetchAt.getTime()) / 1000)} s ago`);
  for (const dir of o.lockDirs()) {
    const stuck = await stuckLock(dir, o.stuckLockMs);
    if (stuck) problems.push(`state lock stuck: ${stuck}`);
  }
  return problems;
}
