// Every plan a test makes is checked against schemas/plan.schema.json, so the
// published JSON format can never drift from what the planner emits.

import { validatorFor } from '../../src/model/schemas.js';
import { plan as makePlan } from '../../src/plan/planner.js';
import type { DesiredState } from '../../src/model/kinds.js';
import type { RecordedState } from '../../src/state/types.js';
import type { Plan } from '../../src/model/plan.js';

export function assertValidPlanJson(p: Plan): void {
  const validate = validatorFor('plan.schema.json');
  const json = JSON.parse(JSON.stringify(p)) as unknown;
  if (!validate(json)) throw new Error(`plan does not match plan.schema.json: ${JSON.stringify(validate.errors, null, 2)}`);
}

export function checkedPlan(desired: DesiredState, recorded: RecordedState): Plan {
  const p = makePlan(desired, recorded);
  assertValidPlanJson(p);
  return p;
}
