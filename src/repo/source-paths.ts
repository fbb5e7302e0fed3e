// Following symlinks without leaving a root, the way the kernel would follow
// them, over either a directory on disk or a git tree. A platform's
// `source.path` is resolved inside the repository, and each symlink of the
// source inside the source: what a deploy ships must come from there.
//
// Why not realpath and compare prefixes: the same rules must hold at a commit
// (`--ref`), where there is no file system to ask; and a link is judged where
// it will be resolved on the server, relative to its own directory.

import { lstat, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { GitObjectError } from './errors.js';
import type { GitReader, TreeEntry } from './git-objects.js';

/** What is at a path, a symlink not followed. */
export type PathNode = { type: 'directory' | 'file' | 'executable' | 'other' | 'submodule' } | { type: 'symlink'; target: string };

/** A tree of paths below a root; `node` gets components below it (no symlink among the parents). */
export interface PathView {
  node(parts: readonly string[]): Promise<PathNode | undefined>;
}

/** Where resolving went out of the root (or round in circles), and through which link. */
export interface Escape {
  loop: boolean;
  /** The last symlink followed before leaving, when there was one. */
  via?: { path: string; target: string };
}

/** Kernel's limit on symlinks followed in one lookup (MAXSYMLINKS). */
const MAX_HOPS = 40;
/** Longer than any path a kernel follows (PATH_MAX). */
const MAX_TARGET_BYTES = 4096;

/** `parts` with every symlink on the way followed: the components below the root, or how it escaped. */
export async function resolveInside(view: PathView, parts: readonly string[]): Promise<string[] | Escape> {
  const resolved: string[] = [];
  const todo = [...parts];
  let hops = 0;
  let via: Escape['via'];
  while (todo.length > 0) {
    const part = todo.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (resolved.length === 0) return { loop: false, via };
      resolved.pop();
      continue;
    }
    const node = await view.node([...resolved, part]);
    if (node?.type === 'symlink') {
      via = { path: [...resolved, part].join('/'), target: node.target };
      if (++hops > MAX_HOPS) return { loop: true, via };
      if (node.target.startsWith('/')) return { loop: false, via };
      todo.unshift(...node.target.split('/'));
      continue;
    }
    resolved.push(part);
  }
  return resolved;
}

export function isEscape(result: string[] | Escape): result is Escape {
  return !Array.isArray(result);
}

/** A directory on disk. */
export function diskView(root: string): PathView {
  return {
    async node(parts) {
      const path = join(root, ...parts);
      try {
        const stat = await lstat(path);
        if (stat.isSymbolicLink()) return { type: 'symlink', target: await readlink(path) };
        if (stat.isDirectory()) return { type: 'directory' };
        if (stat.isFile()) return { type: (stat.mode & 0o111) !== 0 ? 'executable' : 'file' };
        return { type: 'other' };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
      }
    },
  };
}

/** A git tree (read through `git`), entries cached per tree. */
export function treeView(git: GitReader, rootTree: string): PathView & { entry(parts: readonly string[]): Promise<TreeEntry | undefined> } {
  const trees = new Map<string, Promise<TreeEntry[]>>();
  const entriesOf = (oid: string): Promise<TreeEntry[]> => {
    let entries = trees.get(oid);
    if (!entries) trees.set(oid, (entries = git.tree(oid)));
    return entries;
  };
  const entry = async (parts: readonly string[]): Promise<TreeEntry | undefined> => {
    let oid = rootTree;
    let found: TreeEntry | undefined;
    for (const [i, name] of parts.entries()) {
      found = (await entriesOf(oid)).find((e) => e.name === name);
      if (!found || (i < parts.length - 1 && found.kind !== 'tree')) return undefined;
      oid = found.oid;
    }
    return found ?? { name: '', oid: rootTree, mode: '40000', kind: 'tree' };
  };
  return {
    entry,
    async node(parts) {
      const found = await entry(parts);
      if (!found) return undefined;
      if (found.kind === 'symlink') return { type: 'symlink', target: await symlinkTarget(git, found.oid) };
      return { type: found.kind === 'tree' ? 'directory' : found.kind };
    },
  };
}

/** A symlink's target, stored in git as a blob. */
export async function symlinkTarget(git: GitReader, oid: string): Promise<string> {
  const info = await git.lookup(oid);
  if (typeof info === 'object' && info.size > MAX_TARGET_BYTES) {
    throw new GitObjectError('GIT_OBJECT_CORRUPT', `Git blob ${oid} is stored as a symlink but holds ${info.size} bytes, longer than any path.`);
  }
  return (await git.read(oid, 'blob')).data.toString('utf8');
}
