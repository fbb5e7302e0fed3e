// Module customization hooks for record-modules.mjs (they run off the main thread).
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.TIDE_RECORD_MODULES) appendFileSync(process.env.TIDE_RECORD_MODULES, `${url}\n`);
  return nextLoad(url, context);
}
