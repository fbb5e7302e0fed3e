// Operations a user runs at once on one site, not through a plan: `tide
// backup`, `tide restore`, `tide login`. They hold the same lock, recover
// what a crashed run left first (as apply does: the site may have moved, or
// be half restored), and are recorded on the state branch exactly like
// planned operations.

import { loadDesired } from '../fleet/context.js';
import { TideError } from '../errors.js';
import { closest } from '../model/suggest.js';
import { operationFor } from '../operations/index.js';
import type { ImmediateAction, OperationBuilder, RunnableOperation } from '../operations/types.js';
import type { OperationResult } from './executor.js';
import { Recorder } from './recorder.js';
import type { OperationRecord } from './records.js';
import { recoverInterrupted } from './recovery.js';
import { runOperation } from './run-operation.js';
import { operationRuntime, withSession } from './session.js';

export interface ImmediateOptions {
  action: ImmediateAction;
  site: string;
  reason: string;
  repo?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  options?: RunnableOperation['options'];
  /** Overrides the registry's builder (login hands its link back through one). */
  builder?: OperationBuilder;
  onStart?(op: RunnableOperation): void;
  /** Recovery of what a crashed run left, before the action. */
  onInterrupted?(records: OperationRecord[]): void;
  onRecoveryEnd?(result: OperationResult): void;
}

export interface ImmediateResult extends Omit<OperationResult, 'op' | 'durationMs'> {
  op: RunnableOperation;
  stateCommit: string | null;
  branch: string;
}

export async function runImmediate(o: ImmediateOptions): Promise<ImmediateResult> {
  const { repoDir, desired } = await loadDesired(o.repo, undefined, o.cwd);
  const branch = desired.fleet.state.branch;
  return withSession({ repoDir, desired, command: `tide ${o.action} ${o.site}`, env: o.env, cwd: o.cwd }, async ({ writer, recorded, pool }) => {
    const runtimeFor = (recorder: Recorder, builder: (op: RunnableOperation) => OperationBuilder) =>
      operationRuntime({ desired, recorder, pool, repoDir, env: o.env, cwd: o.cwd, builder });
    const recovery = await recoverInterrupted({ writer, recorded, desired, runtime: runtimeFor, transport: (server) => pool.get(server),
      onInterrupted: o.onInterrupted, onStart: o.onStart, onEnd: o.onRecoveryEnd });
    const pending = recovery.unrecovered.get(`site/${o.site}`);
    if (pending) {
      throw new TideError('SITE_RECOVERY_FAILED', `tide ${o.action} ${o.site}: the site is not in a state tide can work from: ${pending}.`, {
        hint: 'Read the recovery\'s log on the state branch, fix what it names, and run tide apply (it tries the recovery again).',
      });
    }
    const site = recorded.sites.get(o.site);
    if (!site) {
      const guess = closest(o.site, [...recorded.sites.keys()]);
      throw new TideError('SITE_NOT_RECORDED', `Site ${o.site} has no record on ${branch}: tide has not installed it (or it was deleted).`, {
        hint: guess ? `Did you mean ${guess}?` : 'tide status lists the sites tide knows.',
      });
    }
    const op: RunnableOperation = {
      id: `site/${o.site}/${o.action}`, action: o.action, target: { kind: 'site', name: o.site }, server: site.server,
      reason: o.reason, changes: [], dependsOn: [], blockers: [], warnings: [], destructive: o.action === 'restore', options: o.options,
    };
    const builder = o.builder ?? operationFor('site', o.action)!;
    const recorder = new Recorder(writer, recorded, { desiredCommit: desired.commit, planHash: null });
    const runtime = runtimeFor(recorder, () => builder);
    o.onStart?.(op);
    const result = await runOperation(op, runtime);
    return { ...result, op, stateCommit: writer.head, branch };
  });
}
