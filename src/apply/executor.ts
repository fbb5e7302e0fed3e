// Runs a plan's operations in dependency order, at most `total` at once and
// `perServer` per server. A failed operation fails only its dependants (they
// are skipped); everything else goes on.

import type { Operation } from '../plan/types.js';

export type ResultStatus = 'ok' | 'rolled-back' | 'failed' | 'skipped';

/** What the executor needs of an operation: planned ones, and the daemon's scheduled runs. */
export type Schedulable = Pick<Operation, 'id' | 'server' | 'dependsOn' | 'blockers'>;

export interface OperationResult<O extends Schedulable = Operation> {
  op: O;
  status: ResultStatus;
  /** Why it failed or was skipped, for humans. */
  message?: string;
  durationMs: number;
  recordId?: string;
}

export interface ExecutorOptions<O extends Schedulable = Operation> {
  concurrency: { total: number; perServer: number };
  run(op: O): Promise<Omit<OperationResult<O>, 'op' | 'durationMs'>>;
  onStart?(op: O): void;
  onEnd?(result: OperationResult<O>): void;
  /** Once aborted, nothing new starts; running operations finish (and are recorded). */
  signal?: AbortSignal;
}

export async function execute<O extends Schedulable = Operation>(operations: readonly O[], options: ExecutorOptions<O>): Promise<OperationResult<O>[]> {
  const results = new Map<string, OperationResult<O>>();
  const pending = [...operations];
  const planned = new Set(operations.map((o) => o.id));
  const busy = new Map<string, number>();
  let running = 0;

  return new Promise((resolveAll) => {
    const finish = (result: OperationResult<O>): void => {
      results.set(result.op.id, result);
      options.onEnd?.(result);
    };
    const pump = (): void => {
      if (options.signal?.aborted) {
        for (const op of pending.splice(0)) finish({ op, status: 'skipped', durationMs: 0, message: 'cancelled: the apply was interrupted before it started' });
      }
      for (let i = 0; i < pending.length; ) {
        const op = pending[i]!;
        const deps = op.dependsOn.filter((d) => planned.has(d));
        const failedDep = deps.map((d) => results.get(d)).find((r) => r && r.status !== 'ok');
        if (op.blockers.length > 0 || failedDep) {
          pending.splice(i, 1);
          finish({ op, status: 'skipped', durationMs: 0,
            message: op.blockers.length > 0 ? `blocked: ${op.blockers.map((b) => b.message).join('; ')}` : `${failedDep!.op.id} did not succeed` });
          continue;
        }
        const ready = deps.every((d) => results.get(d)?.status === 'ok');
        const serverBusy = busy.get(op.server) ?? 0;
        if (!ready || running >= options.concurrency.total || serverBusy >= options.concurrency.perServer) {
          i++;
          continue;
        }
        pending.splice(i, 1);
        running++;
        busy.set(op.server, serverBusy + 1);
        const started = Date.now();
        options.onStart?.(op);
        options.run(op)
          .catch((error: Error) => ({ status: 'failed' as const, message: error.message }))
          .then((outcome) => {
            running--;
            busy.set(op.server, (busy.get(op.server) ?? 1) - 1);
            finish({ ...outcome, op, durationMs: Date.now() - started });
            pump();
          });
      }
      if (running === 0 && pending.length === 0) resolveAll(operations.map((o) => results.get(o.id)!));
      else if (running === 0) {
        // Nothing runs and nothing can start: dependencies outside the plan's order. Skip the rest.
        for (const op of pending.splice(0)) finish({ op, status: 'skipped', durationMs: 0, message: 'its dependencies never ran' });
        resolveAll(operations.map((o) => results.get(o.id)!));
      }
    };
    options.signal?.addEventListener('abort', () => {
      if (running > 0) pump(); // the last running operation to end resolves the run
    });
    pump();
  });
}
