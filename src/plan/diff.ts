// Field-by-field comparison of a recorded spec with a desired one. Nested
// objects are compared leaf by leaf, so a reviewer reads
// `services.http.port: 80 → 8080` rather than two blobs of JSON.

import { identical, sameValue } from './canonical.js';
import type { FieldChange } from '../model/plan.js';

type Labels<T> = Partial<Record<keyof T, string>>;

export function diffFields<T extends object>(
  recorded: Partial<T> | undefined,
  desired: T,
  fields: readonly (keyof T)[] = Object.keys(desired) as (keyof T)[],
  labels: Labels<T> = {},
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = recorded?.[field];
    // Most fields are unchanged: skip naming them.
    if (!identical(from, desired[field])) diffValue(labels[field] ?? String(field), from, desired[field], changes);
  }
  return changes;
}

/**
 * What a new object brings: its leaf fields that carry a value, leaving out
 * empty ones and those equal to `quiet` (defaults a reviewer need not read).
 */
export function initialFields<T extends object>(desired: T, labels: Labels<T> = {}, quiet: Partial<T> = {}): FieldChange[] {
  // From nothing, diffValue reports only leaves that carry a value: a blank one is no change from a blank one.
  const changes: FieldChange[] = [];
  for (const field of Object.keys(desired) as (keyof T)[]) {
    if (!(field in quiet) || !sameValue(desired[field], quiet[field])) diffValue(labels[field] ?? String(field), undefined, desired[field], changes);
  }
  return changes;
}

function diffValue(path: string, from: unknown, to: unknown, out: FieldChange[]): void {
  // Unchanged (most of a plan against an applied fleet): nothing to walk.
  if (identical(from, to)) return;
  if (isPlainObject(from) || isPlainObject(to)) {
    if (!isPlainObject(from) && !isBlank(from)) return void out.push(change(path, from, to));
    if (!isPlainObject(to) && !isBlank(to)) return void out.push(change(path, from, to));
    const a = (from ?? {}) as Record<string, unknown>;
    const b = (to ?? {}) as Record<string, unknown>;
    // A blank side has no keys: only a changed object needs the union of both.
    const keys = isPlainObject(from) && isPlainObject(to) ? [...new Set([...Object.keys(b), ...Object.keys(a)])] : Object.keys(isPlainObject(to) ? b : a);
    // Sorted, so the order of keys in a YAML file never reorders a plan (sort() allocates even when they are).
    if (!isSorted(keys)) keys.sort();
    for (const key of keys) diffValue(`${path}.${key}`, a[key], b[key], out);
    return;
  }
  if (!sameValue(from, to) && !(isBlank(from) && isBlank(to))) out.push(change(path, from, to));
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

function change(field: string, from: unknown, to: unknown): FieldChange {
  return { field, from: from ?? null, to: to ?? null };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);
}
