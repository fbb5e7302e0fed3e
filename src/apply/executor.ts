// Runs a plan's operations in dependency order, at most `total` at once and
// `perServer` per server. A failed operation fails only its dependants (they
// are skipped); everything else goes on.
//
// An operation that waits for work done on its behalf (its vhost in the
// server's reload group) runs no command meanwhile, so it parks
// (shell/slot.ts): its slot is free and the next pending operation starts at
// once. It takes a slot back only when it runs a command of its own again
// (an undo, a clean-up), and then before any new operation starts: the
// limits bound the operations running commands, never more. An operation
// whose last command is done (it only records its result) needs no slot.

import type { Operation } from '../model/plan.js';
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
  /** Slots held (what `total` bounds). */
  let running = 0;
  /** Operations started and not ended, with a slot or without. */
  let alive = 0;
  /** Resumed operations waiting for a slot to run a command again: served before new ones. */
  const owed: { server: string; grant(): void }[] = [];
  const fits = (server: string): boolean => running < options.concurrency.total && activity.active(server) < options.concurrency.perServer;

  return new Promise((resolveAll) => {
    const finish = (result: OperationResult<O>): void => {
      results.set(result.op.id, result);
      options.onEnd?.(result);
    };
    const pump = (): void => {
      if (options.signal?.aborted) {
        for (const op of pending.splice(0)) finish({ op, status: 'skipped', durationMs: 0, message: 'cancelled: the apply was interrupted before it started' });
      }
      for (let i = 0; i < owed.length; ) {
        if (fits(owed[i]!.server)) owed.splice(i, 1)[0]!.grant();
        else i++;
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
        if (!ready || !fits(op.server) || owed.some((w) => w.server === op.server)) {
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
        alive++;
        const started = Date.now();
        options.onStart?.(op);
        let held = true;
        let depth = 0;
        const slot: OperationSlot = {
          server: op.server,
          activity,
          async parked(wait) {
            // Nested or overlapping waits of one operation hand its slot back once.
            if (depth++ === 0 && held) {
              held = false;
              release();
              pump();
            }
            try {
              return await wait();
            } finally {
              depth--;
            }
          },
          async working() {
            // A command run for a parked operation (its batch's) needs no slot of its own.
            if (held || depth > 0) return;
            await new Promise<void>((grant) => {
              owed.push({ server: op.server, grant: () => { take(); held = true; grant(); } });
              pump();
            });
          },
        };
        options.run(op, slot)
          .catch((error: Error) => ({ status: 'failed' as const, message: error.message }))
          .then((outcome) => {
            alive--;
            if (held) release();
            finish({ ...outcome, op, durationMs: Date.now() - started });
            pump();
          });
      }
      // A parked operation is still running: its dependants wait for it.
      if (alive === 0 && pending.length === 0) resolveAll(operations.map((o) => results.get(o.id)!));
      else if (alive === 0) {
        // Nothing runs and nothing can start: dependencies outside the plan's order. Skip the rest.
        for (const op of pending.splice(0)) finish({ op, status: 'skipped', durationMs: 0, message: 'its dependencies never ran' });
        resolveAll(operations.map((o) => results.get(o.id)!));
      }
    };
    options.signal?.addEventListener('abort', () => {
      if (alive > 0) pump(); // the last running operation to end resolves the run
    });
    pump();
  });
}
