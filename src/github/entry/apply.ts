// Entry point of actions/apply (bundled into actions/dist/apply.mjs).

import { runApply } from '../apply-run.js';
import { runAction } from './run.js';

await runAction('apply', async (context, io) => {
  const result = await runApply(context, io);
  return { failed: result.failed, reason: result.reason };
});
