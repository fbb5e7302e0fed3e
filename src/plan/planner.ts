// plan(desired, recorded) → Plan. Pure: no I/O, no clock, no randomness; the
// same inputs always give the same plan and the same hash.

import type { DesiredState } from '../model/kinds.js';
import type { RecordedState } from '../state/types.js';
import { PlanBuilder } from './builder.js';
import { wireDependencies } from './dependencies.js';
import { planHash } from './hash.js';
import { orderOperations } from './order.js';
import { planPlatforms } from './platforms.js';
import { planServers } from './servers.js';
import { planSites } from './sites.js';
import { PLAN_FORMAT_VERSION, type Operation, type Plan, type PlanSummary } from '../model/plan.js';

export function plan(desired: DesiredState, recorded: RecordedState): Plan {
  const builder = new PlanBuilder();
  planServers(desired, recorded, builder);
  const moves = planSites(desired, recorded, builder);
  planPlatforms(desired, recorded, moves, builder);
  wireDependencies(desired, recorded, moves, builder);
  const operations = orderOperations(builder.operations.values());
  const orphans = builder.orphans.sort((a, b) =>
    a.target.kind.localeCompare(b.target.kind) || a.target.name.localeCompare(b.target.name) || (a.server ?? '').localeCompare(b.server ?? ''));
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    fleet: desired.fleet.name,
    desired: { commit: desired.commit, digest: desired.digest },
    state: { branch: recorded.branch, commit: recorded.commit },
    operations,
    orphans,
    summary: summarize(operations, orphans.length),
    hash: planHash(desired.fleet.name, operations, orphans),
  };
}

function summarize(operations: readonly Operation[], orphans: number): PlanSummary {
  const byAction: PlanSummary['byAction'] = {};
  for (const op of operations) byAction[op.action] = (byAction[op.action] ?? 0) + 1;
  return { operations: operations.length, byAction, blocked: operations.filter((o) => o.blockers.length > 0).length, orphans };
}

export function hasChanges(p: Plan): boolean {
  return p.operations.length > 0;
}
