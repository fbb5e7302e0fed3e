// A platform's source kept in the fleet repository (`source: { path }`): every
// file under that path, from the work tree or from a commit, with its
// executable bit, ready to be packed and sent to a server.

import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TideError } from '../errors.js';
import { resolveCommit } from './git.js';
import { withObjectStore } from './object-store.js';

export interface SourceFile {
  /** Relative to the source directory, forward slashes. */
  path: string;
  data: Buffer;
  executable: boolean;
}

/** Files under `path` of the repo at `repoDir` (work tree), or at `ref` when given; sorted by path. */
export function readSourceTree(repoDir: string, path: string, ref?: string): SourceFile[] {
  const files = ref === undefined ? readFromWorktree(repoDir, path) : readFromCommit(repoDir, path, resolveCommit(repoDir, ref));
  if (files.length === 0) {
    throw new TideError('SOURCE_EMPTY', `The platform source ${path} has no files${ref ? ` at ${ref}` : ''}.`, {
      hint: 'Check the platform\'s source.path: it is relative to the fleet repository\'s root.',
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function readFromWorktree(repoDir: string, path: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(repoDir, path, rel), { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const full = join(repoDir, path, child);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push({ path: child, data: readFileSync(full), executable: (lstatSync(full).mode & 0o111) !== 0 });
    }
  };
  try {
    walk('');
  } catch (error) {
    throw new TideError('SOURCE_UNREADABLE', `Cannot read the platform source ${path}: ${(error as Error).message}`, {
      hint: 'source.path is relative to the fleet repository\'s root and must be a directory.',
    });
  }
  return out;
}

function readFromCommit(repoDir: string, path: string, commit: string): SourceFile[] {
  return withObjectStore(repoDir, (store) => {
    let tree = store.commitTree(commit);
    for (const name of path.split('/').filter((n) => n && n !== '.')) {
      const entry = store.readTree(tree).find((e) => e.name === name);
      if (entry?.type !== 'tree') return [];
      tree = entry.oid;
    }
    const out: SourceFile[] = [];
    const walk = (oid: string, base: string): void => {
      for (const entry of store.readTree(oid)) {
        const child = base ? `${base}/${entry.name}` : entry.name;
        if (entry.type === 'tree') walk(entry.oid, child);
        else if (entry.type === 'blob') out.push({ path: child, data: store.readBlob(entry.oid), executable: entry.executable });
      }
    };
    walk(tree, '');
    return out;
  });
}
