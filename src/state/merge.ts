// Three-way merge of one state file that two shards both changed. Shards
// apply different servers, so they touch different parts of a shared file:
// a platform on web1 and web2 gets `deployments.web1` from one shard and
// `deployments.web2` from the other. Objects merge key by key; anything else
// both sides changed differently is a conflict, never a silent pick, with one
// exception: `lastOperation` is by definition the later of the two.

import { stateJson } from './layout.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export type MergeOutcome = { merged: string } | { conflict: string };

/**
 * Merges `ours` and `theirs`, both changed from `base` (null: the file did not
 * exist there, or was deleted on that side). Returns the merged text in the
 * state branch's JSON form, or the first field both changed differently.
 */
export function mergeStateFile(base: string | null, ours: string | null, theirs: string | null): MergeOutcome {
  if (ours === null || theirs === null) return { conflict: `one side deleted the file, the other changed it` };
  const parsed = [base, ours, theirs].map((text) => (text === null ? {} : parse(text)));
  if (parsed.some((v) => v === undefined || !isObject(v))) return { conflict: 'not a JSON object on both sides' };
  const [b, o, t] = parsed as JsonObject[];
  const result = mergeObjects(b!, o!, t!, []);
  return 'conflict' in result ? result : { merged: stateJson(result.value) };
}

function mergeObjects(base: JsonObject, ours: JsonObject, theirs: JsonObject, path: string[]): { value: JsonObject } | { conflict: string } {
  const out: JsonObject = {};
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)]);
  for (const key of keys) {
    const here = [...path, key];
    const merged = mergeValue(base[key], ours[key], theirs[key], here);
    if (typeof merged === 'object' && merged !== null && 'conflict' in merged) return merged;
    if (merged.value !== undefined) out[key] = merged.value;
  }
  return { value: out };
}

function mergeValue(base: Json | undefined, ours: Json | undefined, theirs: Json | undefined, path: string[]): { value: Json | undefined } | { conflict: string } {
  if (same(ours, theirs)) return { value: ours };
  if (same(base, ours)) return { value: theirs };
  if (same(base, theirs)) return { value: ours };
  if (path.length === 1 && path[0] === 'lastOperation' && isObject(ours) && isObject(theirs)) {
    return { value: String(ours.at) >= String(theirs.at) ? ours : theirs };
  }
  if (isObject(ours) && isObject(theirs) && (base === undefined || isObject(base))) {
    return mergeObjects(base ?? {}, ours, theirs, path);
  }
  return { conflict: `both changed ${path.join('.')}` };
}

function parse(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
