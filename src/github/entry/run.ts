// What every action entry point does around its command: read the run's
// context, run the command with @actions/core's I/O, and turn a failure into
// a failed step whose message says what to do (TideError's hint).

import * as core from '@actions/core';
import { TideError } from '../../errors.js';
import { coreIO, type ActionIO } from '../action-io.js';
import { readRunContext, type RunContext } from '../context.js';

export type ActionCommand = (context: RunContext, io: ActionIO) => Promise<{ failed: boolean; reason?: string }>;

export async function runAction(name: string, command: ActionCommand): Promise<void> {
  try {
    const result = await command(readRunContext(), coreIO);
    if (result.failed) core.setFailed(result.reason ?? `tide ${name}: see the summary above.`);
  } catch (error) {
    if (error instanceof TideError) core.setFailed(`${error.message}${error.hint ? `\n${error.hint}` : ''}`);
    else core.setFailed(`tide ${name} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
