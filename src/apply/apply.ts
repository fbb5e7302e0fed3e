// apply: carries out the plan on the servers. Takes the one-writer lock,
// recovers from a crashed run first (so the plan starts from where the sites
// really are), plans, and runs the operations, recording each on the state
// branch as it starts and ends.

import type { DesiredState } from '../model/kinds.js';
import { requireCommitted } from '../fleet/committed.js';
import { loadDesired } from '../fleet/context.js';
import { plan as makePlan } from '../plan/planner.js';
import type { Operation, Plan } from '../model/plan.js';
import { operationFor } from '../operations/index.js';
import type { OperationBuilder, RunnableOperation } from '../operations/types.js';
import { execute, type OperationResult } from './executor.js';
import { checkFilterNames, filterOperations, type PlanFilter, withoutRepairs } from './filter.js';
import { checkPlanFile, checkReviewedFleet, readPlanFile } from './plan-file.js';
import { holdBackUnreviewed, type ReviewedPlan } from '../plan/reviewed.js';
import { Recorder } from './recorder.js';
import { blockUnrecovered, recoverInterrupted } from './recovery.js';
import type { OperationRecord } from './records.js';
import { runOperation } from './run-operation.js';
import { loadTransports, operationRuntime, withSession } from './session.js';
import { warmUp } from './warm-up.js';
import { TideError } from '../errors.js';

export interface ApplyOptions {
  repo?: string;
  ref?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  planFile?: string;
  /**
   * What reviewers were shown (plan/reviewed.ts): a destructive operation it
   * did not show is held back (blocked, reported); the rest runs.
   */
  reviewed?: ReviewedPlan;
  /** Apply a work tree with uncommitted changes (recorded as such) instead of refusing it. */
  allowDirty?: boolean;
  filter: PlanFilter;
  /**
   * `selfHeal`: drift repairs (operations only there because a verify found
   * drift) run only when the fleet's selfHeal is on, and are left out
   * otherwise: the daemon reports drift unless told to heal it. A person
   * running `tide apply` asks for them (the default, `always`).
   */
  driftRepairs?: 'always' | 'selfHeal';
  /** Asked once the plan is known; false stops before any planned operation runs (recovery has run by then). */
  confirm(plan: Plan, operations: Operation[], desired: DesiredState): Promise<boolean>;
  onStart?(op: Operation): void;
  onEnd?(result: OperationResult): void;
  onInterrupted?(records: OperationRecord[]): void;
  /** Stops starting operations (Ctrl-C); running ones finish and are recorded. */
  signal?: AbortSignal;
  /** Who holds the state lock, as shown to a run that finds it taken (default: the tide apply command line). */
  command?: string;
}

export interface ApplyResult {
  plan: Plan;
  operations: Operation[];
  results: OperationResult[];
  /** False when the user declined. */
  confirmed: boolean;
  /** Recovery operations run before planning (their results are also in `results`). */
  recovered: OperationResult[];
  /** Destructive operations held back because the reviewed plan did not show them (also blocked in `operations`). */
  held: Operation[];
  stateCommit: string | null;
  repoDir: string;
  branch: string;
}

export async function apply(options: ApplyOptions): Promise<ApplyResult> {
  // ssh2 loads while the fleet does (git answers from processes of its own meanwhile).
  loadTransports();
  const { repoDir, desired } = await loadDesired(options.repo, options.ref, options.cwd);
  // With --ref the files come from that commit; without, the work tree must be it.
  const uncommitted = options.ref === undefined ? await requireCommitted(repoDir, desired, { allowDirty: options.allowDirty ?? false }) : [];
  const branch = desired.fleet.state.branch;
  // Checked before anything is locked or run.
  const reviewed = options.reviewed;
  if (reviewed) checkReviewedFleet(reviewed, desired.fleet.name);
  const command = options.command ?? `tide apply${options.repo ? ` --repo ${options.repo}` : ''}`;
  return withSession({ repoDir, desired, command, env: options.env, cwd: options.cwd }, async ({ writer, recorded, pool }) => {
    // Before anything runs, recovery included: a name that matches nothing is a mistake, not "nothing to do".
    checkFilterNames(options.filter, {
      server: [...desired.servers.keys(), ...recorded.servers.keys()],
      platform: [...desired.platforms.keys(), ...recorded.platforms.keys()],
      site: [...desired.sites.keys(), ...recorded.sites.keys()],
    });
    const runtimeFor = (recorder: Recorder, builder: (op: RunnableOperation) => OperationBuilder) =>
      operationRuntime({ desired, recorder, pool, repoDir, ref: options.ref, env: options.env, cwd: options.cwd, builder });
    const recovery = await recoverInterrupted({ writer, recorded, desired, runtime: runtimeFor, transport: (server) => pool.get(server),
      onInterrupted: options.onInterrupted, onStart: options.onStart, onEnd: options.onEnd });
    const recovered = recovery.results;

    const plan = makePlan(desired, recorded);
    const recorder = new Recorder(writer, recorded, { desiredCommit: desired.commit, planHash: plan.hash, uncommitted });
    if (options.planFile) checkPlanFile(options.planFile, readPlanFile(options.planFile), plan);
    const wanted = options.driftRepairs === 'selfHeal' && !desired.fleet.selfHeal ? withoutRepairs(plan.operations) : plan.operations;
    const filtered = blockUnrecovered(filterOperations(wanted, options.filter), recovery);
    const { operations, held } = reviewed ? holdBackUnreviewed(filtered, reviewed) : { operations: filtered, held: [] };
    // Connects while the plan is shown and confirmed (the lock is held; no command runs before its write-ahead record).
    const connected = warmUp(pool, desired, operations);
    const confirmed = await options.confirm(plan, operations, desired);
    if (!confirmed) return { plan, operations, results: recovered, recovered, held, confirmed, stateCommit: writer.head, repoDir, branch };

    // A builder loads its operation's modules (drivers, services, templates: ~0.1 s in one block) when first used, so
    // only once the connections are up, overlapping the login shells: during the handshakes that block would hold up
    // their round trips. The operations' write-ahead records do not wait for it.
    const runtime = runtimeFor(recorder, (op) => {
      const build = builderFor(op);
      return async (context) => {
        await connected;
        return build(context);
      };
    });
    const results = await execute(operations, {
      concurrency: desired.fleet.concurrency,
      signal: options.signal,
      onStart: options.onStart,
      onEnd: options.onEnd,
      run: (op, slot) => runOperation(op, runtime, slot),
    });
    return { plan, operations, results: [...recovered, ...results], recovered, held, confirmed, stateCommit: writer.head, repoDir, branch };
  });
}

function builderFor(op: RunnableOperation): OperationBuilder {
  const builder = operationFor(op.target.kind, op.action);
  if (!builder) {
    throw new TideError('OPERATION_UNSUPPORTED', `This version of tide cannot ${op.action} a ${op.target.kind} yet.`, {
      hint: 'Leave that change out of the fleet for now, or apply the other operations with --target.',
    });
  }
  return builder;
}
