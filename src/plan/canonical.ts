// Canonical JSON: keys sorted, undefined dropped. Two values are equal for
// tide exactly when their canonical JSON is equal, and the plan hash is taken
// over it, so key order in a YAML file never changes a plan.

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return a === b || (isEmpty(a) && isEmpty(b));
  }
  return identical(a, b) || canonicalJson(a) === canonicalJson(b);
}

/**
 * Whether `a` and `b` are equal element by element: the same primitives, or
 * arrays or objects with the same keys in the same order holding identical
 * values. Then their canonical JSON is the same, so this answers most of a
 * plan's comparisons (a recorded spec against an unchanged desired one)
 * without building it; false only means "compare their canonical JSON".
 */
export function identical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || !identical((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}
