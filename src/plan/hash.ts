import { createHash } from 'node:crypto';
import type { Operation, Orphan } from '../model/plan.js';

/**
 * sha256 over what the plan would do: equal hashes mean the same work. Plain
 * JSON is canonical here: the planner builds every object with a fixed key
 * order and sorts nested fields (see diff.ts), so no re-sorting is needed.
 * The bytes hashed are JSON.stringify({ fleet, operations, orphans }), made
 * in one call: for 10,000 operations, one walk in native code and one
 * update cost less than a call and an update per operation.
 */
export function planHash(fleet: string, operations: readonly Operation[], orphans: readonly Orphan[]): string {
  return createHash('sha256').update(JSON.stringify({ fleet, operations, orphans })).digest('hex');
}
