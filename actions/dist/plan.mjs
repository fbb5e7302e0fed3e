import { createRequire as __tideCreateRequire } from 'node:module';
import { fileURLToPath as __tideFileURLToPath } from 'node:url';
import { dirname as __tideDirname } from 'node:path';
const require = __tideCreateRequire(import.meta.url);
const __filename = __tideFileURLToPath(import.meta.url);
const __dirname = __tideDirname(__filename);
import {
  runPlan,
  statusFor
} from "./chunks/chunk-LJOC7I2E.mjs";
import {
  runAction
} from "./chunks/chunk-QN4BLND6.mjs";
import "./chunks/chunk-RX4KRF3O.mjs";
import "./chunks/chunk-HYMO7CDY.mjs";

// dist/github/entry/plan.js
await runAction("plan", async (context, io) => {
  const result = await runPlan(context, io);
  return { failed: result.failed, reason: `tide/plan: ${statusFor(result.outcome).description}` };
});
