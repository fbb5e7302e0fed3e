import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { Operation, Orphan } from './types.js';

/** sha256 over what the plan would do: equal hashes mean the same work. */
export function planHash(fleet: string, operations: readonly Operation[], orphans: readonly Orphan[]): string {
  return createHash('sha256').update(canonicalJson({ fleet, operations, orphans })).digest('hex');
}
