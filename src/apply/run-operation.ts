// Carries out one operation: prepare its tasks, record it as running, run the
// tasks (undoing on failure), record how it ended.

import type { DesiredState, Server } from '../model/kinds.js';
import { OperationPreconditionError } from '../shell/errors.js';
import { OperationLog } from '../shell/log.js';
import { runTasks, type TasksOutcome } from '../operations/run-tasks.js';
import { shellFor } from '../shell/shell.js';
import type { OperationSlot } from '../shell/slot.js';
import type { OperationBuilder, PeerServer, PreparedOperation, RunnableOperation } from '../operations/types.js';
import { redactor } from '../redact.js';
import type { SourceTree } from '../repo/source-tree.js';
import type { Transport } from '../transport/types.js';
import type { OperationResult } from './executor.js';
import type { Recorder } from './recorder.js';
import type { RunProcesses } from './records.js';
import { stopRun } from './stop-run.js';
import { newRunTag } from '../transport/run-tag.js';

export interface OperationRuntime {
  desired: DesiredState;
  recorder: Recorder;
  transport(server: Server): Transport;
  dbAdminPassword(server: Server): string | undefined;
  readSource(path: string): Promise<SourceTree>;
  builder(op: RunnableOperation): OperationBuilder;
  now(): Date;
}

/** `slot`: the operation's place in the executor, handed back while it only waits (shell/slot.ts); none when run alone. */
export async function runOperation(op: RunnableOperation, rt: OperationRuntime, slot?: OperationSlot): Promise<Omit<OperationResult, 'op' | 'durationMs'>> {
  const server = rt.desired.servers.get(op.server);
  const log = new OperationLog(rt.now);
  // Every process the operation starts carries its tag; the marker says where they run.
  const run: RunProcesses = { tag: newRunTag(), servers: [op.server] };
  const record = await rt.recorder.begin(op, run);
  /** A peer's server goes into the marker before the first command there. */
  const marked = new Map<string, Promise<void>>([[op.server, Promise.resolve()]]);
  const runsOn = (name: string): Promise<void> => {
    if (!marked.has(name)) {
      run.servers = [...run.servers, name];
      marked.set(name, rt.recorder.runsOn(record, { ...run }));
    }
    return marked.get(name)!;
  };
  log.line(`${op.action} ${op.target.kind} ${op.target.name} on ${op.server}: ${op.reason}`);
  let prepared: PreparedOperation | undefined;
  let outcome: TasksOutcome;
  try {
    if (!server) {
      throw new OperationPreconditionError(`Server ${op.server} is not in the fleet, so tide cannot reach it.`,
        'Put its Server file back to let tide finish with what is on it.');
    }
    const shell = shellFor(rt.transport(server), log, { tag: run.tag, slot });
    const peer = (name: string): PeerServer => {
      const other = rt.desired.servers.get(name);
      if (!other) {
        throw new OperationPreconditionError(`Server ${name} is not in the fleet, so tide cannot reach it.`,
          'Put its Server file back to let tide finish with what is on it.');
      }
      return { desired: rt.desired, server: other, shell: shellFor(rt.transport(other), log, { tag: run.tag, slot, beforeFirstUse: () => runsOn(name) }),
        dbAdminPassword: () => rt.dbAdminPassword(other) };
    };
    prepared = await rt.builder(op)({
      op, operationId: record.id, desired: rt.desired, recorded: rt.recorder.state, server, shell, peer, log,
      dbAdminPassword: () => rt.dbAdminPassword(server),
      readSource: rt.readSource,
      now: rt.now,
    });
    outcome = await runTasks(prepared.tasks, log, {
      beforeUndo: () => stopRun(run, { desired: rt.desired, transport: rt.transport, log: (line) => log.line(line) }),
    });
  } catch (error) {
    // Failed before any task ran (precondition, connection): nothing to undo.
    log.line(`✗ ${redactor.redact((error as Error).message)}`);
    outcome = { status: 'rolled-back', tasks: [], error: error as Error };
  }
  log.line(`${op.action} ${op.target.kind} ${op.target.name}: ${outcome.status}`);
  const updates = outcome.status === 'ok' ? prepared!.updates() : (prepared?.kept?.() ?? []);
  const finished = await rt.recorder.finish(record, outcome, log, updates, prepared?.details?.());
  return { status: outcome.status, message: finished.error, recordId: finished.id };
}
