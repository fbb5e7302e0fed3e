// Runs an operation's tasks in order. When one fails, the finished ones are
// undone in reverse, so the target is left as it was ("rolled-back"); if an
// undo fails too, the operation is "failed" and the log says what is left.

import { redactor } from '../redact.js';
import type { OperationLog } from '../shell/log.js';
import type { Task } from './types.js';

export type TaskStatus = 'ok' | 'failed' | 'undone' | 'undo-failed' | 'not-run';

export interface TaskRecord {
  name: string;
  status: TaskStatus;
  durationMs?: number;
  error?: string;
}

export interface TasksOutcome {
  status: 'ok' | 'rolled-back' | 'failed';
  tasks: TaskRecord[];
  error?: Error;
}

export interface RunTasksOptions {
  /**
   * Called once before the first undo: makes sure nothing the failed task
   * started still runs (a command cut off by a lost connection), so the undo
   * is not undone behind its back. If it fails, nothing is undone.
   */
  beforeUndo?: () => Promise<void>;
}

export async function runTasks(tasks: readonly Task[], log: OperationLog, options: RunTasksOptions = {}): Promise<TasksOutcome> {
  const records: TaskRecord[] = tasks.map((t) => ({ name: t.name, status: 'not-run' }));
  const done: number[] = [];
  for (const [i, task] of tasks.entries()) {
    const started = Date.now();
    log.line(`▸ ${task.name}`);
    try {
      await task.run();
      records[i] = { name: task.name, status: 'ok', durationMs: Date.now() - started };
      done.push(i);
    } catch (error) {
      const message = redactor.redact((error as Error).message);
      records[i] = { name: task.name, status: 'failed', durationMs: Date.now() - started, error: message };
      log.line(`✗ ${task.name}: ${message}`);
      const undone = (await readyToUndo(options, log)) && (await undoAll(tasks, done, records, log));
      return { status: undone ? 'rolled-back' : 'failed', tasks: records, error: error as Error };
    }
  }
  return { status: 'ok', tasks: records };
}

async function readyToUndo(options: RunTasksOptions, log: OperationLog): Promise<boolean> {
  if (!options.beforeUndo) return true;
  try {
    await options.beforeUndo();
    return true;
  } catch (error) {
    log.line(`✗ nothing undone: ${redactor.redact((error as Error).message)}`);
    return false;
  }
}

async function undoAll(tasks: readonly Task[], done: number[], records: TaskRecord[], log: OperationLog): Promise<boolean> {
  let clean = true;
  for (const i of [...done].reverse()) {
    const task = tasks[i]!;
    if (!task.undo) continue;
    log.line(`↶ undo: ${task.name}`);
    try {
      await task.undo();
      records[i] = { ...records[i]!, status: 'undone' };
    } catch (error) {
      clean = false;
      const message = redactor.redact((error as Error).message);
      records[i] = { ...records[i]!, status: 'undo-failed', error: message };
      log.line(`✗ undo of ${task.name} failed: ${message} (left as is; check the server)`);
    }
  }
  return clean;
}
