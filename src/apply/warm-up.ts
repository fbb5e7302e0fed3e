// Connections opened while the apply still plans and writes its first
// records: once the plan is known (under the state lock), each server it
// touches gets its SSH connection (handshake, pinned host key check) and as
// many long-lived shells as operations will run there at once, so the login
// shells' start-up overlaps tide's own work instead of delaying the first
// command. Nothing runs in them: the first command still waits for its
// operation's write-ahead record. A server that cannot be reached fails its
// first command exactly as it would have.

import { setTimeout as delay } from 'node:timers/promises';
import type { DesiredState } from '../model/kinds.js';
import type { Operation } from '../model/plan.js';
import type { TransportPool } from '../transport/pool.js';

/** The longest the warm-up's promise waits for a server that is slow to answer: a handshake on a busy machine. */
const HANDSHAKE_WAIT_MS = 300;

/**
 * Starts the connections and shells; resolves once every connection is up
 * or has failed, or after HANDSHAKE_WAIT_MS, whichever comes first (never
 * rejects). Work that would hold up the handshakes' round trips (a long
 * synchronous stretch) waits for it; the shells may still be starting then.
 */
export function warmUp(pool: TransportPool, desired: DesiredState, operations: readonly Operation[]): Promise<void> {
  const perServer = new Map<string, number>();
  for (const op of operations) if (op.blockers.length === 0) perServer.set(op.server, (perServer.get(op.server) ?? 0) + 1);
  const connected: Promise<void>[] = [];
  for (const [name, count] of perServer) {
    const server = desired.servers.get(name);
    const warming = server && pool.get(server).warm?.(Math.min(count, desired.fleet.concurrency.perServer));
    if (warming) connected.push(warming);
  }
  if (connected.length === 0) return Promise.resolve();
  const timeout = new AbortController();
  const slow = delay(HANDSHAKE_WAIT_MS, undefined, { signal: timeout.signal }).catch(() => undefined);
  return Promise.race([Promise.all(connected), slow]).then(() => timeout.abort());
}
