import { createHash } from 'node:crypto';
import type { Operation, Orphan } from '../model/plan.js';

/**
 * Operations stringified at a time. A batch's JSON is small enough to stay
 * in the young generation and to be encoded in reused memory, where one
 * string of megabytes costs thousands of page faults; and it is one call
 * and one update where an operation at a time is thousands of each.
 */
const BATCH = 100;

/**
 * sha256 over what the plan would do: equal hashes mean the same work. Plain
 * JSON is canonical here: the planner builds every object with a fixed key
 * order and sorts nested fields (see diff.ts), so no re-sorting is needed.
 * The bytes hashed are JSON.stringify({ fleet, operations, orphans }), fed
 * BATCH operations at a time.
 */
export function planHash(fleet: string, operations: readonly Operation[], orphans: readonly Orphan[]): string {
  const hash = createHash('sha256').update(`{"fleet":${JSON.stringify(fleet)},"operations":[`);
  for (let at = 0; at < operations.length; at += BATCH) {
    if (at > 0) hash.update(',');
    // The batch's operations without its brackets: they join the one list.
    hash.update(JSON.stringify(operations.slice(at, at + BATCH)).slice(1, -1));
  }
  return hash.update(`],"orphans":${JSON.stringify(orphans)}}`).digest('hex');
}
