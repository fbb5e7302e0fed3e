// Entry point of actions/plan (bundled into actions/plan/dist/index.mjs).

import { runPlan } from '../plan-run.js';
import { statusFor } from '../plan-comment.js';
import { runAction } from './run.js';

await runAction('plan', async (context, io) => {
  const result = await runPlan(context, io);
  return { failed: result.failed, reason: `tide/plan: ${statusFor(result.outcome).description}` };
});
