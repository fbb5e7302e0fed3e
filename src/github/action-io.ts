// The step's side of the runner protocol (inputs, outputs, the job summary,
// log lines), as an interface: the commands take it as a parameter, the entry
// points give them @actions/core's implementation.

import * as core from '@actions/core';
import { GitHubInputError } from './errors.js';

export interface ActionIO {
  /** An input's value, trimmed; '' when not given. */
  input(name: string): string;
  setOutput(name: string, value: string | number | boolean): void;
  /** Appends markdown to the job summary ($GITHUB_STEP_SUMMARY). */
  appendSummary(markdown: string): Promise<void>;
  info(message: string): void;
  warning(message: string): void;
}

export const coreIO: ActionIO = {
  input: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
};

/** A yes/no input: true, false, or the default when empty. */
export function booleanInput(io: ActionIO, name: string, fallback: boolean): boolean {
  const value = io.input(name).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new GitHubInputError(`Input '${name}' must be true or false, not '${value}'.`);
}
