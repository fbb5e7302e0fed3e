// Reads files out of a git commit with isomorphic-git, without a checkout.
// Used for `--ref` plans and for the state branch.

import fs from 'node:fs';
import git from 'isomorphic-git';
import { TideError } from '../errors.js';
import type { FleetFile } from './files.js';
import { type ObjectStore, withObjectStore } from './object-store.js';

/** One cache per process: isomorphic-git reuses parsed packfile indexes through it. */
const cache = {};

/**
 * The commit a ref, branch, tag or (abbreviated) sha names, with git's `~N`
 * and `^N` suffixes (HEAD~1, main^2); throws if there is none.
 */
export async function resolveCommit(dir: string, rev: string): Promise<string> {
  const [, ref = rev, suffixes = ''] = /^(.+?)((?:[~^][0-9]*)*)$/.exec(rev) ?? [];
  let oid = await resolveBase(dir, ref);
  for (const [, op, count] of suffixes.matchAll(/([~^])([0-9]*)/g)) {
    const n = count === '' ? 1 : Number(count);
    if (op === '~') {
      for (let i = 0; i < n; i++) oid = await parentOf(dir, oid, 0, rev);
    } else if (n > 0) {
      oid = await parentOf(dir, oid, n - 1, rev);
    }
  }
  return oid;
}

async function parentOf(dir: string, oid: string, index: number, rev: string): Promise<string> {
  const { commit } = await git.readCommit({ fs, dir, oid, cache });
  const parent = commit.parent[index];
  if (!parent) throw new TideError('REF_NOT_FOUND', `'${rev}' goes past the history: commit ${oid.slice(0, 7)} has no parent ${index + 1}.`);
  return parent;
}

async function resolveBase(dir: string, ref: string): Promise<string> {
  let oid: string | undefined;
  try {
    oid = await git.resolveRef({ fs, dir, ref });
  } catch {
    if (/^[0-9a-f]{4,40}$/i.test(ref)) {
      oid = await git.expandOid({ fs, dir, oid: ref.toLowerCase(), cache }).catch(() => undefined);
    }
  }
  if (!oid) {
    throw new TideError('REF_NOT_FOUND', `No commit named '${ref}' in ${dir}.`, {
      hint: 'Give a branch, tag or commit sha that exists in the repository (git log --oneline).',
    });
  }
  // Peel annotated tags down to the commit they point at.
  for (;;) {
    const object = await git.readObject({ fs, dir, oid, cache });
    if (object.type === 'commit') return oid;
    if (object.type !== 'tag') {
      throw new TideError('REF_NOT_COMMIT', `'${ref}' names a ${object.type}, not a commit.`);
    }
    oid = (object.object as { object: string }).object;
  }
}

/** The first ref of `refs` that exists, with its commit; undefined when none does. */
export async function resolveFirstRef(
  dir: string,
  refs: readonly string[],
): Promise<{ ref: string; commit: string } | undefined> {
  for (const ref of refs) {
    try {
      return { ref, commit: await git.resolveRef({ fs, dir, ref }) };
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** HEAD's commit, or null outside a repository or before the first commit. */
export async function headCommit(dir: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, dir, ref: 'HEAD' });
  } catch {
    return null;
  }
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
    const decoder = new TextDecoder();
    const walk = (treeOid: string, base: string): void => {
      for (const entry of store.readTree(treeOid)) {
        const path = base ? `${base}/${entry.name}` : entry.name;
        if (entry.type === 'tree') {
          if (filter.enter(path, entry.name)) walk(entry.oid, path);
        } else if (entry.type === 'blob' && filter.take(path, entry.name)) {
          files.push({ path, text: decoder.decode(store.readBlob(entry.oid)) });
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
