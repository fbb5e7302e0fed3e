import { createHash } from 'node:crypto';
import type { Operation, Orphan } from './types.js';

/**
 * sha256 over what the plan would do: equal hashes mean the same work. Plain
 * JSON is canonical here: the planner builds every object with a fixed key
 * order and sorts nested fields (see diff.ts), so no re-sorting is needed.
 */
export function planHash(fleet: string, operations: readonly Operation[], orphans: readonly Orphan[]): string {
  return createHash('sha256').update(JSON.stringify({ fleet, operations, orphans })).digest('hex');
}
