// Reading git refs: loose ref files, packed-refs and symbolic refs (HEAD).
// Read-only and synchronous: a plan resolves two or three refs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findGitDirs, type GitDirs } from './git-dir.js';

const OID = /^[0-9a-f]{40}$/;
const MAX_SYMREF_DEPTH = 5;

/**
 * The commit a full ref name (`HEAD`, `refs/heads/main`) points at, following
 * symbolic refs; undefined when it does not exist or is unborn.
 */
export function readRef(dirs: GitDirs, name: string): string | undefined {
  let current = name;
  for (let depth = 0; depth < MAX_SYMREF_DEPTH; depth++) {
    if (!isSafeRefName(current)) return undefined;
    const content = readLooseRef(dirs, current) ?? packedRefs(dirs).get(current);
    if (content === undefined) return undefined;
    if (OID.test(content)) return content;
    const target = /^ref:\s*(\S+)$/.exec(content)?.[1];
    if (!target) return undefined;
    current = target;
  }
  return undefined;
}

/**
 * The full ref a short name means, in git's own order (gitrevisions(7)):
 * NAME, refs/NAME, refs/tags/NAME, refs/heads/NAME, refs/remotes/NAME,
 * refs/remotes/NAME/HEAD.
 */
export function expandRef(dirs: GitDirs, short: string): { ref: string; oid: string } | undefined {
  const candidates = [short, `refs/${short}`, `refs/tags/${short}`, `refs/heads/${short}`, `refs/remotes/${short}`, `refs/remotes/${short}/HEAD`];
  for (const ref of candidates) {
    // A bare name counts only for the pseudo-refs git keeps at the top (HEAD, FETCH_HEAD...).
    if (ref === short && !ref.startsWith('refs/') && !/^[A-Z_]+$/.test(ref)) continue;
    const oid = readRef(dirs, ref);
    if (oid) return { ref, oid };
  }
  return undefined;
}

/** Ref names that cannot leave the git directory or name something odd (git-check-ref-format, simplified). */
function isSafeRefName(name: string): boolean {
  return (
    name.length > 0 &&
    !name.startsWith('/') &&
    !name.endsWith('/') &&
    !name.includes('..') &&
    !name.includes('//') &&
    !/[\x00-\x20\x7f~^:?*[\\]/.test(name) &&
    !name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))
  );
}

function readLooseRef(dirs: GitDirs, name: string): string | undefined {
  // Per-worktree refs (HEAD and the like) live in the worktree's own git dir.
  const base = name.startsWith('refs/') ? dirs.commonDir : dirs.gitDir;
  try {
    return readFileSync(join(base, name), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** packed-refs read once per GitDirs value: a repository can pack thousands of tags. */
const packedRefsCache = new WeakMap<GitDirs, Map<string, string>>();

/** packed-refs as a map of ref name to oid (peeled `^` lines skipped). */
function packedRefs(dirs: GitDirs): Map<string, string> {
  let refs = packedRefsCache.get(dirs);
  if (refs) return refs;
  refs = new Map<string, string>();
  packedRefsCache.set(dirs, refs);
  let text: string;
  try {
    text = readFileSync(join(dirs.commonDir, 'packed-refs'), 'utf8');
  } catch {
    return refs;
  }
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{40}) (\S+)$/.exec(line);
    if (match) refs.set(match[2]!, match[1]!);
  }
  return refs;
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
