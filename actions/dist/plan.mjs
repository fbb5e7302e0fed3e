import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import {
<<<<<<< HEAD
  ACTION_ORDER,
  DEFAULT_COMMENT_AUTHOR,
  FleetInvalidError,
  JSON_SCHEMA,
  TideError,
  booleanInput,
  catchUpWithRemote,
  code,
  countPlan,
  createGitHubClient,
  esc,
  fleetRoot,
  formatDiagnostic,
  formatMarker,
  hasChanges,
  isFromFork,
  load,
  loadDesired,
  plan,
  pullRequestOf,
  readFleetSource,
  readRecordedState,
  removesData,
  renderMarkdown,
  reviewKey,
  runAction,
  runUrl,
  summarySentence,
  upsertStickyComment
} from "./chunks/chunk-QLWBKQQW.mjs";
import "./chunks/chunk-RX4KRF3O.mjs";
=======
  runPlan,
  statusFor
} from "./chunks/chunk-LNU32CIR.mjs";
import {
  runAction
} from "./chunks/chunk-WHTUWNEZ.mjs";
>>>>>>> 4c1979a (actions/dist rebuilt after rebasing onto apply on merge (plan, relay and apply share the chunks))
import "./chunks/chunk-HYMO7CDY.mjs";

// dist/github/entry/plan.js
await runAction("plan", async (context, io) => {
  const result = await runPlan(context, io);
  return { failed: result.failed, reason: `tide/plan: ${statusFor(result.outcome).description}` };
});
