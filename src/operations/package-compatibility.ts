// Package compatibility of a site with a platform (Aegir's hosting_package
// rule, made stricter): can the site's database move onto that platform's code?
// Pure, and shared: the planner runs it on recorded inventories, and a
// migrate's "compatibility check" task runs it again on fresh ones, so each
// message stands on its own (package, type, platform, versions). It lives in
// operations/, which plan/ may import, not the other way round.
//
// For each package enabled on the site:
//   missing on the platform                      → blocker
//   lower schema on the platform (both known)     → blocker: a database cannot be downgraded
//   same or unknown schema, lower version there   → warning
// A higher version or schema is what an update is for, and is fine.

import type { Package } from '../state/types.js';

export interface Compatibility {
  /** One sentence per package that makes the move impossible, sorted by package name. */
  blockers: string[];
  /** One sentence per package worth a look (a version downgrade), sorted by package name. */
  warnings: string[];
}

/** A platform's packages by name; build it once with `indexPackages` to check many sites against one platform. */
export type PackageIndex = ReadonlyMap<string, readonly Package[]>;

export function indexPackages(packages: readonly Package[]): PackageIndex {
  const index = new Map<string, Package[]>();
  for (const p of packages) {
    const same = index.get(p.name);
    if (same) same.push(p);
    else index.set(p.name, [p]);
  }
  return index;
}

export function checkCompatibility(
  site: readonly Package[],
  target: readonly Package[] | PackageIndex,
  targetPlatform: string,
): Compatibility {
  const index = target instanceof Map ? (target as PackageIndex) : indexPackages(target as readonly Package[]);
  const blockers: string[] = [];
  const warnings: string[] = [];
  const enabled = site.filter((p) => p.enabled !== false).sort(byNameThenType);
  for (const p of enabled) {
    const label = `package ${p.name} (${p.type})`;
    const there = lookup(index, p);
    if (!there) {
      blockers.push(`${label} is enabled on the site but platform ${targetPlatform} does not have it`);
      continue;
    }
    const from = schemaOf(p);
    const to = schemaOf(there);
    if (from !== null && to !== null && to < from) {
      blockers.push(`${label} would go to a lower schema on platform ${targetPlatform} (schema ${from} → ${to}): a database cannot be downgraded`);
      continue;
    }
    if (from !== null && to !== null && to > from) continue;
    if ((compareVersions(there.version, p.version) ?? 0) < 0) {
      const schema = from !== null && to !== null ? `its schema stays ${from}` : 'its schema version is not known';
      warnings.push(`${label} would go to a lower version on platform ${targetPlatform} (${p.version} → ${there.version}); ${schema}`);
    }
  }
  return { blockers, warnings };
}

/** The platform's package of that name, of the same type when it has several. */
function lookup(index: PackageIndex, p: Package): Package | undefined {
  const named = index.get(p.name);
  if (!named) return undefined;
  return named.find((q) => q.type === p.type) ?? named[0];
}

function schemaOf(p: Package): number | null {
  return typeof p.schema === 'number' && Number.isFinite(p.schema) ? p.schema : null;
}

function byNameThenType(a: Package, b: Package): number {
  return cmp(a.name, b.name) || cmp(a.type, b.type);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// --- versions -------------------------------------------------------------

interface Version {
  /** Drupal's core prefix: 8 for `8.x-1.2`; null without one. */
  core: number | null;
  /** The numeric release: [1, 2, 10] for `1.2.10`. */
  release: number[];
  /** Pre-release identifiers (`rc1` → ['rc', 1]); empty for a release. */
  pre: (string | number)[];
}

/** Pre-release words in the order they come before a release; a version with any other word is not comparable. */
const PRE_RANK = new Map<string, number>([
  ['dev', 0], ['unstable', 1], ['alpha', 2], ['a', 2], ['beta', 3], ['b', 3], ['rc', 4], ['c', 4],
]);

/**
 * Compares two version strings: negative when `a` is lower, 0 when equal,
 * positive when higher, null when they cannot be compared (an unparseable
 * string such as `1.x-dev`, a commit id or an unknown pre-release word).
 * Handles `1.2.10` > `1.2.9`, `1.2` = `1.2.0`, `2.0.0-rc1` < `2.0.0`
 * (dev < unstable < alpha < beta < rc < release), a leading `v`, semver build
 * metadata (`+…`, ignored), and Drupal's `8.x-1.2`: the core prefix is
 * compared first when both have one, and ignored when only one does
 * (`8.x-1.2` < `1.3.0`, as contrib modules moved from one to the other).
 */
export function compareVersions(a: string, b: string): number | null {
  if (typeof a !== 'string' || typeof b !== 'string') return null; // recorded JSON is not type-checked
  if (a.trim() === b.trim()) return 0;
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) return null;
  if (va.core !== null && vb.core !== null && va.core !== vb.core) return Math.sign(va.core - vb.core);
  const release = compareNumbers(va.release, vb.release);
  if (release !== 0) return release;
  return comparePre(va.pre, vb.pre);
}

const CORE_PREFIX = /^(\d+)\.x-(.+)$/;
const RELEASE = /^(\d+(?:\.\d+)*)(.*)$/;
const PRE = /^[0-9a-z]+(?:[.-][0-9a-z]+)*$/;

function parseVersion(text: string): Version | null {
  let rest = text.trim().toLowerCase().replace(/^v(?=\d)/, '');
  let core: number | null = null;
  const prefixed = CORE_PREFIX.exec(rest);
  if (prefixed) {
    core = Number(prefixed[1]);
    rest = prefixed[2]!;
  }
  rest = rest.replace(/\+.*$/, '');
  const m = RELEASE.exec(rest);
  if (!m) return null;
  const release = m[1]!.split('.').map(Number);
  let tail = m[2]!;
  if (tail === '') return { core, release, pre: [] };
  // `1.0-rc1` or `1.0rc1`; never `1.x…` or `1.0.beta`, which are not releases.
  if (tail.startsWith('-')) tail = tail.slice(1);
  else if (!/^[a-z]/.test(tail)) return null;
  if (!PRE.test(tail)) return null;
  const pre: (string | number)[] = [];
  for (const part of tail.split(/[.-]/)) {
    for (const token of part.match(/\d+|[a-z]+/g)!) {
      if (/^\d/.test(token)) pre.push(Number(token));
      else if (PRE_RANK.has(token)) pre.push(token);
      else return null; // `1.0-hotfix`, or a commit id such as `3f2a1c9`
    }
  }
  return { core, release, pre };
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function comparePre(a: readonly (string | number)[], b: readonly (string | number)[]): number | null {
  // A release is higher than any of its pre-releases.
  if (a.length === 0 || b.length === 0) return Math.sign(b.length - a.length);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    // More identifiers, equal so far: later (`rc1` → `rc1.1`); `rc` alone is `rc0`.
    if (x === undefined) return typeof y === 'number' && y === 0 ? 0 : -1;
    if (y === undefined) return typeof x === 'number' && x === 0 ? 0 : 1;
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    if (typeof x === 'string' && typeof y === 'string') {
      const d = PRE_RANK.get(x)! - PRE_RANK.get(y)!;
      if (d !== 0) return Math.sign(d);
      continue; // `b` and `beta` are the same word
    }
    // A number against a word (`rc.1` vs `rc.beta`): no sensible order.
    return null;
  }
  return 0;
}
