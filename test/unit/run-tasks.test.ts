// An operation either completes or leaves the target as it was: finished
// tasks are undone in reverse when one fails.

import { describe, expect, it } from 'vitest';
import { OperationLog } from '../../src/shell/log.js';
import { runTasks } from '../../src/operations/run-tasks.js';
import type { Task } from '../../src/operations/types.js';

function task(name: string, trail: string[], { fail = false, failUndo = false, undo = true } = {}): Task {
  return {
    name,
    run: async () => {
      trail.push(`run ${name}`);
      if (fail) throw new Error(`${name} broke`);
    },
    ...(undo ? { undo: async () => {
      trail.push(`undo ${name}`);
      if (failUndo) throw new Error(`undo of ${name} broke`);
    } } : {}),
  };
}

describe('runTasks', () => {
  it('runs every task in order when all succeed', async () => {
    const trail: string[] = [];
    const outcome = await runTasks([task('a', trail), task('b', trail)], new OperationLog());
    expect(outcome.status).toBe('ok');
    expect(trail).toEqual(['run a', 'run b']);
    expect(outcome.tasks.map((t) => t.status)).toEqual(['ok', 'ok']);
  });

  it('undoes the finished tasks in reverse when one fails: rolled-back', async () => {
    const trail: string[] = [];
    const log = new OperationLog();
    const outcome = await runTasks([task('dir', trail), task('db', trail), task('install', trail, { fail: true }), task('vhost', trail)], log);
    expect(outcome.status).toBe('rolled-back');
    expect(trail).toEqual(['run dir', 'run db', 'run install', 'undo db', 'undo dir']);
    expect(outcome.tasks.map((t) => t.status)).toEqual(['undone', 'undone', 'failed', 'not-run']);
    expect(outcome.tasks[2]!.error).toBe('install broke');
    expect(log.text()).toMatch(/✗ install: install broke\n.*↶ undo: db\n.*↶ undo: dir/);
  });

  it('is failed, not rolled-back, when an undo fails; it still tries the other undos', async () => {
    const trail: string[] = [];
    const outcome = await runTasks([task('dir', trail), task('db', trail, { failUndo: true }), task('install', trail, { fail: true })], new OperationLog());
    expect(outcome.status).toBe('failed');
    expect(trail).toEqual(['run dir', 'run db', 'run install', 'undo db', 'undo dir']);
    expect(outcome.tasks.map((t) => t.status)).toEqual(['undone', 'undo-failed', 'failed']);
  });
});
