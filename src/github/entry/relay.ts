// Entry point of actions/relay (bundled into actions/dist/relay.mjs).

import { runRelay } from '../relay-run.js';
import { runAction } from './run.js';

await runAction('relay', async (context, io) => {
  const result = await runRelay(context, io);
  return { failed: result.failed, reason: `tide/plan failed for pull request #${result.pullRequest}: see its comment.` };
});
