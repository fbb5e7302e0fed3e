// Connections opened while the apply still plans and writes its first
// records: once the plan is known (under the state lock), each server it
// touches gets its SSH connection (handshake, pinned host key check) and as
// many long-lived shells as operations will run there at once, so the login
// shells' start-up overlaps tide's own work instead of delaying the first
// command. Nothing runs in them: the first command still waits for its
// operation's write-ahead record. A server that cannot be reached fails its
// first command exactly as it would have.

import type { DesiredState } from '../model/kinds.js';
import type { Operation } from '../model/plan.js';
import type { TransportPool } from '../transport/pool.js';

export function warmUp(pool: TransportPool, desired: DesiredState, operations: readonly Operation[]): void {
  const perServer = new Map<string, number>();
  for (const op of operations) if (op.blockers.length === 0) perServer.set(op.server, (perServer.get(op.server) ?? 0) + 1);
  for (const [name, count] of perServer) {
    const server = desired.servers.get(name);
    if (server) pool.get(server).warm?.(Math.min(count, desired.fleet.concurrency.perServer));
  }
}
