// Reads a fleet repository's git data without a checkout: refs, commits and
// the files of a commit. Used for `--ref` plans and for the state branch.
// Read-only and synchronous, on tide's own ref and object readers: a plan
// never loads isomorphic-git (it costs ~150 ms to load), only writers do.

import { TideError } from '../errors.js';
import { decodeFleetFile, type FleetFile } from './files.js';
import { findGitDirs, requireGitDirs, type GitDirs } from './git-dir.js';
import { headerValues, type ObjectStore, withObjectStore } from './object-store.js';
import { expandRef, readRef } from './refs.js';

/**
 * The commit a ref, branch, tag or (abbreviated) sha names, with git's `~N`
 * and `^N` suffixes (HEAD~1, main^2); throws if there is none.
 */
export function resolveCommit(dir: string, rev: string): string {
  const dirs = requireGitDirs(dir);
  const [, ref = rev, suffixes = ''] = /^(.+?)((?:[~^][0-9]*)*)$/.exec(rev) ?? [];
  return withObjectStore(dirs, (store) => {
    let oid = peelToCommit(store, resolveBase(dirs, store, ref, dir), ref);
    for (const [, op, count] of suffixes.matchAll(/([~^])([0-9]*)/g)) {
      const n = count === '' ? 1 : Number(count);
      if (op === '~') {
        for (let i = 0; i < n; i++) oid = parentOf(store, oid, 0, rev);
      } else if (n > 0) {
        oid = parentOf(store, oid, n - 1, rev);
      }
    }
    return oid;
  });
}

function resolveBase(dirs: GitDirs, store: ObjectStore, ref: string, dir: string): string {
  const named = expandRef(dirs, ref)?.oid;
  if (named) return named;
  if (/^[0-9a-f]{4,40}$/i.test(ref)) {
    const matches = store.oidsStartingWith(ref.toLowerCase());
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new TideError('REF_AMBIGUOUS', `'${ref}' is the start of ${matches.length} objects in ${dir}.`, {
        hint: `Give more digits: ${matches.slice(0, 3).map((m) => m.slice(0, ref.length + 4)).join(', ')}.`,
      });
    }
  }
  throw new TideError('REF_NOT_FOUND', `No commit named '${ref}' in ${dir}.`, {
    hint: 'Give a branch, tag or commit sha that exists in the repository (git log --oneline).',
  });
}

/** Annotated tags peeled down to the commit they point at. */
function peelToCommit(store: ObjectStore, start: string, ref: string): string {
  let oid = start;
  for (;;) {
    const object = store.read(oid);
    if (object.type === 'commit') return oid;
    if (object.type !== 'tag') throw new TideError('REF_NOT_COMMIT', `'${ref}' names a ${object.type}, not a commit.`);
    oid = headerValues(object.data, 'object')[0] ?? '';
  }
}

function parentOf(store: ObjectStore, oid: string, index: number, rev: string): string {
  const parent = headerValues(store.read(oid).data, 'parent')[index];
  if (!parent) throw new TideError('REF_NOT_FOUND', `'${rev}' goes past the history: commit ${oid.slice(0, 7)} has no parent ${index + 1}.`);
  return parent;
}

/** The first ref of `refs` (full names) that exists, with its commit; undefined when none does. */
export function resolveFirstRef(dir: string, refs: readonly string[]): { ref: string; commit: string } | undefined {
  const dirs = findGitDirs(dir);
  if (!dirs) return undefined;
  for (const ref of refs) {
    const commit = readRef(dirs, ref);
    if (commit) return { ref, commit };
  }
  return undefined;
}

/** HEAD's commit, or null outside a repository or before the first commit. */
export function headCommit(dir: string): string | null {
  const dirs = findGitDirs(dir);
  return (dirs && readRef(dirs, 'HEAD')) ?? null;
}

export interface TreeFilter {
  /** Whether to descend into a directory (path relative to the root). */
  enter(path: string, name: string): boolean;
  /** Whether to read a file. */
  take(path: string, name: string): boolean;
}

/**
 * Every file of `commit` under `prefix` that the filter takes, decoded as
 * UTF-8. Read with tide's own object reader: one blob per state record makes
 * this the hot path of a no-change plan (see object-store.ts).
 */
export function readFilesAt(dir: string, commit: string, prefix: string, filter: TreeFilter): FleetFile[] {
  return withObjectStore(dir, (store) => {
    const rootOid = subtreeOid(store, store.commitTree(commit), prefix);
    if (!rootOid) return [];
    const files: FleetFile[] = [];
    const walk = (treeOid: string, base: string): void => {
      for (const entry of store.readTree(treeOid)) {
        const path = base ? `${base}/${entry.name}` : entry.name;
        if (entry.type === 'tree') {
          if (filter.enter(path, entry.name)) walk(entry.oid, path);
        } else if (entry.type === 'blob' && filter.take(path, entry.name)) {
          files.push(decodeFleetFile(path, store.readBlob(entry.oid)));
        }
      }
    };
    walk(rootOid, prefix);
    return files;
  });
}

/** The tree at `prefix` (slash-separated) below `treeOid`; undefined when the path is not a directory. */
function subtreeOid(store: ObjectStore, treeOid: string, prefix: string): string | undefined {
  let oid = treeOid;
  for (const name of prefix.split('/').filter(Boolean)) {
    const entry = store.readTree(oid).find((e) => e.name === name);
    if (entry?.type !== 'tree') return undefined;
    oid = entry.oid;
  }
  return oid;
}
