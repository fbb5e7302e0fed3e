import { createHash } from 'node:crypto';
import type { Operation, Orphan } from '../model/plan.js';

/**
 * sha256 over what the plan would do: equal hashes mean the same work. Plain
 * JSON is canonical here: the planner builds every object with a fixed key
 * order and sorts nested fields (see diff.ts), so no re-sorting is needed.
 * The bytes hashed are JSON.stringify({ fleet, operations, orphans }), fed
 * one operation at a time: for a fleet of thousands of sites, one string of
 * megabytes costs more to build and to encode than the hash itself.
 */
export function planHash(fleet: string, operations: readonly Operation[], orphans: readonly Orphan[]): string {
  const hash = createHash('sha256').update(`{"fleet":${JSON.stringify(fleet)},"operations":[`);
  operations.forEach((op, i) => hash.update(i === 0 ? JSON.stringify(op) : `,${JSON.stringify(op)}`));
  return hash.update(`],"orphans":${JSON.stringify(orphans)}}`).digest('hex');
}
