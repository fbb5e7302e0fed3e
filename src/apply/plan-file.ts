// `tide apply --plan FILE` applies exactly what was reviewed: it refuses a
// plan made against another desired state or another state branch commit.

import { readFileSync } from 'node:fs';
import { TideError } from '../errors.js';
import type { Plan } from '../plan/types.js';

export class StalePlanError extends TideError {
  constructor(file: string, why: string) {
    super('PLAN_STALE', `The plan in ${file} is stale: ${why}. Nothing was applied.`, {
      hint: 'Run tide plan --out FILE again, review it, and apply that.',
    });
  }
}

export function readPlanFile(path: string): Plan {
  let plan: Plan;
  try {
    plan = JSON.parse(readFileSync(path, 'utf8')) as Plan;
  } catch (error) {
    throw new TideError('PLAN_UNREADABLE', `Cannot read the plan ${path}: ${(error as Error).message}`, {
      hint: 'Give the file written by tide plan --out FILE.',
    });
  }
  if (plan?.formatVersion !== 1 || typeof plan.hash !== 'string') {
    throw new TideError('PLAN_UNREADABLE', `${path} is not a tide plan (formatVersion 1).`, { hint: 'Give the file written by tide plan --out FILE.' });
  }
  return plan;
}

/** Throws unless `fresh` (planned now) is the plan that was saved. */
export function checkPlanFile(path: string, saved: Plan, fresh: Plan): void {
  const short = (c: string | null): string => (c ? c.slice(0, 7) : 'none');
  if (saved.desired.digest !== fresh.desired.digest) {
    throw new StalePlanError(path, `the fleet changed since it was made (desired commit then ${short(saved.desired.commit)}, now ${short(fresh.desired.commit)})`);
  }
  if (saved.state.commit !== fresh.state.commit) {
    throw new StalePlanError(path, `the state branch moved since it was made (then ${short(saved.state.commit)}, now ${short(fresh.state.commit)})`);
  }
  if (saved.hash !== fresh.hash) {
    throw new StalePlanError(path, `planning the same inputs now gives different work (hash ${saved.hash.slice(0, 12)} vs ${fresh.hash.slice(0, 12)})`);
  }
}
