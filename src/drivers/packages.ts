// Package inventories printed by applications: a JSON array of
// {name, type, version, schema?, enabled?} (defs.schema.json "package").
// Parsed strictly, since migrate's compatibility check trusts them, and
// sorted by name so state files do not churn when the order changes.

import type { Package } from '../state/types.js';
import { PackagesInvalidError } from './errors.js';

/** Where an inventory came from, for the error message. */
export interface InventorySource {
  server: string;
  command: string;
}

/** Parses a command's stdout: whitespace around the JSON is fine, anything else is not. */
export function parsePackages(stdout: string, source: InventorySource): Package[] {
  const fail = (problem: string): never => {
    throw new PackagesInvalidError(source.server, source.command, problem);
  };
  const text = stdout.trim();
  if (text === '') fail('it printed nothing (expected a JSON array)');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    fail(`stdout is not JSON (it begins ${JSON.stringify(text.slice(0, 60))})`);
  }
  if (!Array.isArray(data)) fail(`stdout is JSON but not an array (got ${describe(data)})`);
  const packages = (data as unknown[]).map((item, i) => toPackage(item, i + 1, fail));
  return sortPackages(checkUnique(packages, fail));
}

/** Sorted by name, by code unit so the order does not depend on the locale. */
export function sortPackages(packages: Package[]): Package[] {
  return [...packages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One item; `n` is 1-based. Unknown keys are dropped: the state schema allows only these. */
function toPackage(item: unknown, n: number, fail: (problem: string) => never): Package {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail(`item ${n} is not an object (got ${describe(item)})`);
  const o = item as Record<string, unknown>;
  for (const key of ['name', 'type'] as const) {
    if (typeof o[key] !== 'string' || o[key] === '') fail(`item ${n} lacks ${key} (a non-empty string)`);
  }
  if (typeof o.version !== 'string') fail(`item ${n} (${String(o.name)}) lacks version (a string, "" when unknown)`);
  const pkg: Package = { name: o.name as string, type: o.type as string, version: o.version as string };
  if (o.schema !== undefined) {
    if (o.schema !== null && (typeof o.schema !== 'number' || !Number.isFinite(o.schema))) {
      fail(`item ${n} (${pkg.name}) has schema ${describe(o.schema)} (expected a number or null)`);
    }
    pkg.schema = o.schema as number | null;
  }
  if (o.enabled !== undefined) {
    if (typeof o.enabled !== 'boolean') fail(`item ${n} (${pkg.name}) has enabled ${describe(o.enabled)} (expected true or false)`);
    pkg.enabled = o.enabled as boolean;
  }
  return pkg;
}

/** Two entries for one name would make the compatibility check ambiguous. */
function checkUnique(packages: Package[], fail: (problem: string) => never): Package[] {
  const seen = new Set<string>();
  for (const p of packages) {
    if (seen.has(p.name)) fail(`package ${p.name} is listed twice`);
    seen.add(p.name);
  }
  return packages;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
  return String(value);
}
