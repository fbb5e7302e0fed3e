// apply: the only place that touches servers. Takes the one-writer lock,
// recovers from a crashed run, plans, and runs the operations, recording each
// on the state branch as it starts and ends.

import { loadDesired } from '../cli/fleet-context.js';
import type { Server } from '../model/kinds.js';
import { plan as makePlan } from '../plan/planner.js';
import type { Operation, Plan } from '../plan/types.js';
import { operationFor } from '../operations/index.js';
import type { OperationBuilder } from '../operations/types.js';
import { requireGitDirs } from '../repo/git-dir.js';
import { readSourceTree } from '../repo/source-tree.js';
import { readSecret } from '../secrets.js';
import { acquireStateLock } from '../state/lock.js';
import { readRecordedState } from '../state/reader.js';
import { StateWriter } from '../state/writer.js';
import { TransportPool } from '../transport/pool.js';
import { execute, type OperationResult } from './executor.js';
import { filterOperations, type PlanFilter } from './filter.js';
import { checkPlanFile, readPlanFile } from './plan-file.js';
import { Recorder } from './recorder.js';
import { afterRecovery, recoverInterrupted, type Recovery } from './recovery.js';
import type { OperationRecord } from './records.js';
import { runOperation } from './run-operation.js';
import { TideError } from '../errors.js';

export interface ApplyOptions {
  repo?: string;
  ref?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  planFile?: string;
  filter: PlanFilter;
  /** Asked once the plan is known; false stops before anything runs. */
  confirm(plan: Plan, operations: Operation[]): Promise<boolean>;
  onStart?(op: Operation): void;
  onEnd?(result: OperationResult): void;
  onInterrupted?(records: OperationRecord[]): void;
  /** Stops starting operations (Ctrl-C); running ones finish and are recorded. */
  signal?: AbortSignal;
}

export interface ApplyResult {
  plan: Plan;
  operations: Operation[];
  results: OperationResult[];
  /** False when the user declined. */
  confirmed: boolean;
  stateCommit: string | null;
  repoDir: string;
  branch: string;
}

export async function apply(options: ApplyOptions): Promise<ApplyResult> {
  const { repoDir, desired } = await loadDesired(options.repo, options.ref, options.cwd);
  const branch = desired.fleet.state.branch;
  // The lock first: the writer reads the branch tip, which only the lock holder may move.
  const lock = await acquireStateLock(requireGitDirs(repoDir).commonDir, { command: `tide apply${options.repo ? ` --repo ${options.repo}` : ''}` });
  const pool = new TransportPool();
  try {
    const writer = await StateWriter.open({ repoDir, branch });
    // Read under the lock: what another run recorded before we got it counts.
    const recorded = await readRecordedState(repoDir, branch);
    const plan = makePlan(desired, recorded);
    const recorder = new Recorder(writer, recorded, { desiredCommit: desired.commit, planHash: plan.hash });
    if (options.planFile) checkPlanFile(options.planFile, readPlanFile(options.planFile), plan);
    const planned = filterOperations(plan.operations, options.filter);
    const confirmed = await options.confirm(plan, planned);
    if (!confirmed) return { plan, operations: planned, results: [], confirmed, stateCommit: writer.head, repoDir, branch };

    const recovery = await recoverInterrupted(writer, recorder);
    if (recovery.interrupted.length) options.onInterrupted?.(recovery.interrupted);
    const operations = afterRecovery(planned, recovery);
    const secrets = new Map<string, string | undefined>();
    const results = await execute(operations, {
      concurrency: desired.fleet.concurrency,
      signal: options.signal,
      onStart: options.onStart,
      onEnd: options.onEnd,
      run: (op) => runOperation(op, {
        desired,
        recorder,
        transport: (server) => pool.get(server),
        dbAdminPassword: (server) => cachedSecret(secrets, server, options.env, options.cwd),
        readSource: (path) => readSourceTree(repoDir, path, options.ref),
        builder: (o) => builderFor(o, recovery),
        now: () => new Date(),
      }),
    });
    return { plan, operations, results, confirmed, stateCommit: writer.head, repoDir, branch };
  } finally {
    await pool.closeAll();
    await lock.release();
  }
}

function builderFor(op: Operation, recovery: Recovery): OperationBuilder {
  const builder = recovery.builders.get(op.id) ?? operationFor(op.target.kind, op.action);
  if (!builder) {
    throw new TideError('OPERATION_UNSUPPORTED', `This version of tide cannot ${op.action} a ${op.target.kind} yet.`, {
      hint: 'Leave that change out of the fleet for now, or apply the other operations with --target.',
    });
  }
  return builder;
}

function cachedSecret(cache: Map<string, string | undefined>, server: Server, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (!cache.has(server.name)) {
    const ref = server.services.db.adminPassword;
    cache.set(server.name, ref ? readSecret(ref, env, cwd) : undefined);
  }
  return cache.get(server.name);
}

