// Runs a plan's operations in dependency order, at most `total` at once and
// `perServer` per server. A failed operation fails only its dependants (they
// are skipped); everything else goes on.
//
// An operation that waits for work done on its behalf (its vhost in the
// server's reload group) runs no command meanwhile, so it parks
// (shell/slot.ts): its slot is free and the next pending operation starts at
// once. When the wait ends it takes its slot back without waiting for one:
// what a resumed operation has left is its record (at most an undo or a
// clean-up), and making it queue behind operations that start long remote
// work would hold its result back for nothing. So for a moment more than
// the limits may run; the limits bound the operations that start.

import type { Operation } from '../plan/types.js';
import { ServerActivity, type OperationSlot } from '../shell/slot.js';

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
  /** Runs one operation; `slot` lets it hand its place back while it only waits (shell/slot.ts). */
  run(op: O, slot: OperationSlot): Promise<Omit<OperationResult<O>, 'op' | 'durationMs'>>;
  onStart?(op: O): void;
  onEnd?(result: OperationResult<O>): void;
  /** Once aborted, nothing new starts; running operations finish (and are recorded). */
  signal?: AbortSignal;
}

export async function execute<O extends Schedulable = Operation>(operations: readonly O[], options: ExecutorOptions<O>): Promise<OperationResult<O>[]> {
  const results = new Map<string, OperationResult<O>>();
  const pending = [...operations];
  const planned = new Set(operations.map((o) => o.id));
  // Per server, the operations running and not parked: what perServer bounds, and what reload groups wait on.
  const activity = new ServerActivity();
  let running = 0;
  let parked = 0;

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
        if (!ready || running >= options.concurrency.total || activity.active(op.server) >= options.concurrency.perServer) {
          i++;
          continue;
        }
        pending.splice(i, 1);
        const take = (): void => {
          running++;
          activity.add(op.server, 1);
        };
        const release = (): void => {
          running--;
          activity.add(op.server, -1);
        };
        take();
        const started = Date.now();
        options.onStart?.(op);
        let depth = 0;
        const slot: OperationSlot = {
          server: op.server,
          activity,
          async parked(wait) {
            // Nested or overlapping waits of one operation hand its slot back once.
            if (depth++ === 0) {
              release();
              parked++;
              pump();
            }
            try {
              return await wait();
            } finally {
              if (--depth === 0) {
                parked--;
                take();
              }
            }
          },
        };
        options.run(op, slot)
          .catch((error: Error) => ({ status: 'failed' as const, message: error.message }))
          .then((outcome) => {
            release();
            finish({ ...outcome, op, durationMs: Date.now() - started });
            pump();
          });
      }
      // A parked operation is still running: its dependants wait for it.
      if (running === 0 && parked === 0 && pending.length === 0) resolveAll(operations.map((o) => results.get(o.id)!));
      else if (running === 0 && parked === 0) {
        // Nothing runs and nothing can start: dependencies outside the plan's order. Skip the rest.
        for (const op of pending.splice(0)) finish({ op, status: 'skipped', durationMs: 0, message: 'its dependencies never ran' });
        resolveAll(operations.map((o) => results.get(o.id)!));
      }
    };
    options.signal?.addEventListener('abort', () => {
      if (running > 0 || parked > 0) pump(); // the last running operation to end resolves the run
    });
    pump();
  });
}
