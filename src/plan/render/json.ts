// The plan as JSON (schemas/plan.schema.json). Key order is the plan object's own.

import type { Plan } from '../../model/plan.js';

export function renderJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
