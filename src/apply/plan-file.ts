// `tide apply --plan FILE` applies exactly what was reviewed: it refuses a
// plan made against another desired state or another state branch commit.
// `--reviewed-plan FILE` is the lenient form (plan/reviewed.ts): the file
// only has to be a valid plan of this fleet.

import { readFileSync } from 'node:fs';
import { TideError } from '../errors.js';
import { validatorFor } from '../model/schemas.js';
import { reviewedFrom, type ReviewedPlan } from '../plan/reviewed.js';
import type { Plan } from '../model/plan.js';

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

/** A plan file that must match schemas/plan.schema.json (it may come from CI artifacts): what it shows. */
export function readReviewedPlan(path: string): ReviewedPlan {
  const plan = readPlanFile(path);
  const validate = validatorFor('plan.schema.json');
  if (!validate(plan)) {
    const first = validate.errors?.[0];
    throw new TideError('PLAN_UNREADABLE', `${path} is not a valid tide plan: ${first?.instancePath || 'plan'} ${first?.message}. Nothing was applied.`, {
      hint: 'Give the JSON plan that was shown for review (tide plan --json or --out FILE).',
    });
  }
  return reviewedFrom(plan, path);
}

/** Throws unless the reviewed plan is one of `fleet`. */
export function checkReviewedFleet(reviewed: ReviewedPlan, fleet: string): void {
  if (reviewed.fleet !== fleet) {
    throw new TideError('PLAN_OTHER_FLEET', `${reviewed.source} is a plan of the fleet '${reviewed.fleet}', not of '${fleet}'. Nothing was applied.`, {
      hint: 'Give the plan shown for this fleet\'s pull request.',
    });
  }
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
