// One reconcile of one fleet commit: apply/apply.ts's apply, read from that
// commit of the daemon's clone, so the daemon plans, recovers and records
// exactly as `tide apply --ref COMMIT` would. Recovery of interrupted
// operations runs first in every case (it repairs, it applies nothing new);
// then the plan is applied when auto-apply is on (the flag or the fleet's
// `autoApply`) or when its hash is the one a person approved, and otherwise
// kept as the pending plan.

import { apply } from '../apply/apply.js';
import type { OperationResult } from '../apply/executor.js';
import { describe } from '../apply/progress.js';
import type { DesiredState } from '../model/kinds.js';
import { summarySentence } from '../plan/render/labels.js';
import type { Operation, Plan } from '../model/plan.js';
import type { DaemonMetrics } from './metrics.js';
import type { DaemonLogger, ReconcileResult } from './types.js';

export interface ReconcileOptions {
  repoDir: string;
  commit: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** --auto-apply: apply whatever the fleet's tide.yaml says. */
  autoApply: boolean;
  /** Apply the plan if its hash is this one (a person approved it through POST /apply). */
  approvedPlan?: string;
  signal: AbortSignal;
  log: DaemonLogger;
  metrics: DaemonMetrics;
}

export interface ReconcileOutcome {
  result: ReconcileResult;
  plan: Plan;
  /** Whether the plan's operations were applied (or there were none). */
  applied: boolean;
  autoApply: boolean;
  stateBranch: string;
  results: OperationResult[];
  /** The fleet at the commit, as apply loaded it. */
  desired: DesiredState;
}

export async function reconcileCommit(o: ReconcileOptions): Promise<ReconcileOutcome> {
  const short = o.commit.slice(0, 7);
  let autoApply = o.autoApply;
  let loaded: DesiredState | undefined;
  const outcome = await apply({
    repo: o.repoDir, ref: o.commit, cwd: o.cwd, env: o.env, signal: o.signal,
    command: `tide daemon (commit ${short})`,
    filter: { targets: [], servers: [] },
    // Drift a verify recorded is healed only with the fleet's selfHeal; otherwise it stays reported.
    driftRepairs: 'selfHeal',
    confirm: async (plan, operations, desired) => {
      loaded = desired;
      autoApply = o.autoApply || desired.fleet.autoApply;
      if (operations.length === 0) return true;
      if (autoApply || (o.approvedPlan !== undefined && o.approvedPlan === plan.hash)) return true;
      o.log.info('plan.pending', { commit: short, plan: plan.hash.slice(0, 12), operations: operations.length, summary: summarySentence(plan) });
      return false;
    },
    onInterrupted: (records) => {
      for (const r of records) {
        o.log.warn('operation.interrupted', {
          id: r.id, action: r.action, kind: r.target.kind, target: r.target.name, server: r.server,
          note: 'an earlier run stopped during it (crash, kill, lost connection): it is recovered now, before anything else runs on its target',
        });
      }
    },
    onStart: (op) => o.log.info('operation.started', opFields(op)),
    onEnd: (r) => {
      o.metrics.operations.inc({ kind: r.op.target.kind, action: r.op.action, result: r.status });
      if (r.status !== 'skipped') o.metrics.operationDuration.observe({ kind: r.op.target.kind, action: r.op.action }, r.durationMs / 1000);
      const fields = { ...opFields(r.op), status: r.status, seconds: (r.durationMs / 1000).toFixed(1), message: r.message, record: r.recordId };
      if (r.status === 'ok') o.log.info('operation.finished', fields);
      else o.log.warn('operation.finished', { ...fields, log: r.recordId ? `/?op=${r.recordId}` : undefined });
    },
  });
  const planned = outcome.operations.length;
  const failed = outcome.results.some((r) => r.status !== 'ok');
  const result: ReconcileResult = failed ? 'failed' : !outcome.confirmed ? 'planned' : planned === 0 ? 'no-changes' : 'applied';
  return { result, plan: outcome.plan, applied: outcome.confirmed, autoApply, stateBranch: outcome.branch, results: outcome.results, desired: loaded! };
}

function opFields(op: Operation): Record<string, string> {
  return { operation: describe(op), action: op.action, kind: op.target.kind, target: op.target.name, server: op.server };
}
