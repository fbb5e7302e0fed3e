// Tasks whose remote work needs no answer in between, folded into one round
// trip (shell/steps.ts) while staying tasks of their own: each is still run,
// logged (`▸ name`), recorded and undone on its own by run-tasks.ts. The
// first of them runs the combined command for all; each then reports its own
// step: done (its undo will run if a later task fails), failed (its error,
// nothing of it to undo: a folded step is all-or-nothing), or cut off. A
// task after a failed one is never run, as without folding.

import type { Shell } from '../shell/shell.js';
import { CommandFailedError } from '../shell/errors.js';
import { runSteps, type ShellStep, type StepResult } from '../shell/steps.js';
import type { Task } from './types.js';

/** A task whose remote work is one step. */
export interface FoldedTask {
  name: string;
  /** Its step, built when the group runs (after the earlier steps were built, so one may use what another generated). */
  step(): ShellStep | Promise<ShellStep>;
  /**
   * What the step's end means: throws the task's error when it failed
   * (default: CommandFailedError on a non-zero exit, or the reason it was
   * cut off). May run a command of its own (a partial creation cleaned up).
   */
  check?(result: StepResult): void | Promise<void>;
  undo?(): Promise<void>;
}

/** The tasks of `folded`, their steps run as one command on `shell` by whichever of them runs first. */
export function foldTasks(shell: Shell, folded: readonly FoldedTask[]): Task[] {
  let outcomes: Promise<{ results: (StepResult | null)[]; buildError?: { at: number; error: unknown } }> | undefined;
  const runAll = async () => {
    // Steps are built in order; a step that cannot be built is its task's failure, and only those before it run.
    const steps: ShellStep[] = [];
    for (const [at, task] of folded.entries()) {
      try {
        steps.push(await task.step());
      } catch (error) {
        return { results: steps.length ? await runSteps(shell.transport, steps) : [], buildError: { at, error } };
      }
    }
    return { results: await runSteps(shell.transport, steps) };
  };
  return folded.map((task, i): Task => ({
    name: task.name,
    async run() {
      const { results, buildError } = await (outcomes ??= runAll());
      if (buildError?.at === i) throw buildError.error;
      const result = results[i];
      // Not run: an earlier step failed, and its task (run first) failed with it.
      if (!result) throw new Error(`${task.name}: not run, an earlier step of its command failed`);
      await (task.check ? task.check(result) : checkStep(shell.transport.server, task.name, result));
    },
    ...(task.undo ? { undo: task.undo } : {}),
  }));
}

/** The default meaning of a step's end: CommandFailedError on a non-zero exit, or the reason it was cut off. */
export function checkStep(server: string, what: string, result: StepResult): void {
  if (result.exitCode === null) throw result.error!;
  if (result.exitCode !== 0) throw new CommandFailedError(server, what, result.command, result.exitCode, result.stderr);
}
