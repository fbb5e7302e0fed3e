// Bounds what YAML aliases can do to the rest of tide. js-yaml resolves
// `*name` to the very object `&name` made, so a 500-byte file of nested
// aliases ("billion laughs") is a small graph that any walk over its values
// (a message quoting a value, a hash, a copy) turns into billions of them,
// and an anchor used inside its own value is a cycle such a walk never leaves.
//
// Sizes are counted over the graph, each shared value once, so the check
// itself stays linear in the file; the first value that expands beyond the
// limit, or the alias that closes a cycle, is what the error points at.

import type { PathSegment } from './yaml-positions.js';

/** Most values one document may hold once its aliases are expanded. */
export const MAX_EXPANDED_VALUES = 100_000;

export interface AliasProblem {
  reason: 'cycle' | 'expansion';
  /** Where in the document: the alias closing the cycle, or the deepest value over the limit. */
  path: PathSegment[];
}

export function findAliasProblem(doc: unknown, limit = MAX_EXPANDED_VALUES): AliasProblem | undefined {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const path: PathSegment[] = [];
  let cycle: PathSegment[] | undefined;

  // Values below `value`, itself included, saturating at limit + 1.
  const sizeOf = (value: unknown): number => {
    if (!isCollection(value)) return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    if (open.has(value)) {
      cycle ??= [...path];
      return limit + 1;
    }
    open.add(value);
    let total = 1;
    for (const [key, child] of children(value)) {
      path.push(key);
      total = Math.min(limit + 1, total + sizeOf(child));
      path.pop();
      if (total > limit) break;
    }
    open.delete(value);
    sizes.set(value, total);
    return total;
  };

  if (sizeOf(doc) <= limit) return undefined;
  if (cycle) return { reason: 'cycle', path: cycle };
  return { reason: 'expansion', path: deepestOverLimit(doc, sizes, limit) };
}

/** Follows the first child over the limit down from the root, as far as one exists. */
function deepestOverLimit(doc: unknown, sizes: Map<object, number>, limit: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node = doc;
  for (;;) {
    const next = isCollection(node) ? children(node).find(([, child]) => isCollection(child) && (sizes.get(child) ?? 0) > limit) : undefined;
    if (!next) return path;
    path.push(next[0]);
    node = next[1];
  }
}

function isCollection(value: unknown): value is object {
  // A !!binary value is one value, however many bytes it holds.
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !(value instanceof Date);
}

function children(value: object): [PathSegment, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
}
