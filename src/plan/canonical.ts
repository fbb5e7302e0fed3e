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
  return canonicalJson(a) === canonicalJson(b);
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
