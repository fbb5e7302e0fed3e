// What `tide daemon` plugs into its loop: the schedules (schedules/) ticked
// in the daemon's turn, so a tick never overlaps a reconcile and its one
// commit is pushed like a reconcile's; and the status page (status/) at `/`.
// Both read the recorded state through one cache, which also gives
// /metrics its count of drifted sites.

import type { DesiredState } from '../model/kinds.js';
import { RecordedStateCache } from './recorded.js';
import { Scheduler as Schedules } from './schedules/scheduler.js';
import { StatusPage } from './status/page.js';
import type { DaemonContext, DaemonPlugins, Route, Scheduler } from './types.js';

export function builtinPlugins({ env, cwd }: { env: NodeJS.ProcessEnv; cwd: string }): DaemonPlugins {
  let cache: RecordedStateCache | undefined;
  const recorded = (ctx: DaemonContext) => (cache ??= new RecordedStateCache(ctx.repoDir));
  return {
    scheduler(ctx): Scheduler {
      const startedAt = Date.now();
      let schedules: Schedules | undefined;
      return {
        async tick(now) {
          // Nothing is scheduled before the first reconcile has loaded the fleet (and recovered what a crash left).
          const desired = ctx.desired();
          if (!desired) return;
          schedules ??= new Schedules({
            repoDir: ctx.repoDir, desired: () => ctx.desired() ?? desired, env, cwd, startedAt, recorded: recorded(ctx),
            log: (event, fields, level = 'info') => ctx.log[level](event, fields),
          });
          // Nothing due (most ticks): no turn, so no state fetch, lock or push.
          if (!(await schedules.anyDue(now))) return;
          const result = await ctx.exclusive('schedules tick', () => schedules!.tick(now));
          for (const run of result.ran) {
            const labels = { kind: run.job.kind === 'verify' ? 'server' : 'site', action: run.job.kind };
            ctx.metrics.operations.inc({ ...labels, result: run.status });
            ctx.metrics.operationDuration.observe(labels, run.durationMs / 1000);
          }
          await countDrift(ctx, recorded(ctx), desired);
        },
      };
    },
    routes(ctx): Route[] {
      const page = new StatusPage({
        repoDir: ctx.repoDir, recorded: recorded(ctx),
        fleet: () => ({ name: ctx.desired()?.fleet.name ?? '(not loaded yet)', branch: ctx.status().stateBranch ?? 'tide-state' }),
        pendingPlan: () => ctx.status().pendingPlan,
        facts: () => facts(ctx),
      });
      const handler = (req: Parameters<StatusPage['handle']>[0], res: Parameters<StatusPage['handle']>[1]) => page.handle(req, res);
      return [{ method: 'GET', path: '/', handler }, { method: 'HEAD', path: '/', handler }];
    },
  };
}

/** Read again only when the state branch moved (the cache's rule): a tick that recorded nothing costs nothing here. */
async function countDrift(ctx: DaemonContext, cache: RecordedStateCache, desired: DesiredState): Promise<void> {
  const state = await cache.read(desired.fleet.state.branch);
  let drifted = 0;
  for (const site of state.sites.values()) if (site.drift?.length) drifted += 1;
  ctx.metrics.driftedSites.set(drifted);
}

function facts(ctx: DaemonContext): [string, string][] {
  const s = ctx.status();
  const when = (d: Date | null) => (d ? d.toISOString() : 'never');
  return [
    ['Following', `${s.remote} (${s.branch || 'default branch'})`],
    ['Commit', s.fleetCommit?.slice(0, 12) ?? 'not fetched yet'],
    ['Last fetch', s.lastFetchError ? `failing: ${s.lastFetchError.message}` : when(s.lastFetchAt)],
    ['Last reconcile', s.lastReconcile ? `${s.lastReconcile.result} at ${s.lastReconcile.at.toISOString()}` : 'none yet'],
    ['Last successful sync', when(s.lastSuccessAt)],
    ['Auto-apply', s.autoApply ? 'on' : 'off (plans wait at /plan)'],
    ...(s.retryAt ? [['Retry of the failed commit', s.retryAt.toISOString()] as [string, string]] : []),
  ];
}
