// Reads a fleet repository's git data without a checkout: refs, commits and
// the files of a commit. Used for `--ref` plans and for the state branch.
// Refs are read from files (refs.ts); objects through git itself
// (git-objects.ts), one `git cat-file` per call, its reads pipelined.

import { TideError } from '../errors.js';
import { blobAsFleetFile, type FleetFile, MAX_FILE_BYTES } from './files.js';
import { type GitDirs, requireGitDirs } from './git-dir.js';
import { gitOutput } from './git-run.js';
import { readBlobsViaFile, TOGETHER } from './blob-file.js';
import { commitTree, gitEnvironment, type GitReader, headerValues, type TreeEntry, withGitReader } from './git-objects.js';
import { expandRef } from './refs.js';

// Where a plan reads them, without loading the object reader: refs.ts.
export { headCommit, resolveFirstRef } from './refs.js';

/**
 * The commit a ref, branch, tag or (abbreviated) sha names, with git's `~N`
 * and `^N` suffixes (HEAD~1, main^2); throws if there is none.
 */
export async function resolveCommit(dir: string, rev: string): Promise<string> {
  const dirs = requireGitDirs(dir);
  const [, ref = rev, suffixes = ''] = /^(.+?)((?:[~^][0-9]*)*)$/.exec(rev) ?? [];
  const named = expandRef(dirs, ref)?.oid;
  return withGitReader(dirs, async (git) => {
    let oid = await peelToCommit(git, named ?? (await resolveAbbreviation(git, ref, dir)), ref);
    for (const [, op, count] of suffixes.matchAll(/([~^])([0-9]*)/g)) {
      const n = count === '' ? 1 : Number(count);
      if (op === '~') {
        for (let i = 0; i < n; i++) oid = await parentOf(git, oid, 0, rev);
      } else if (n > 0) {
        oid = await parentOf(git, oid, n - 1, rev);
      }
    }
    return oid;
  });
}

/** A hex sha, whole or abbreviated (4+ digits), as the object it names. */
async function resolveAbbreviation(git: GitReader, ref: string, dir: string): Promise<string> {
  const answer = /^[0-9a-f]{4,40}$/i.test(ref) ? await git.lookup(ref.toLowerCase()) : 'missing';
  if (typeof answer === 'object') return answer.oid;
  if (answer === 'ambiguous') {
    // Only on this error path: git lists the candidates (execa loaded here, not on every plan).
    const { execa } = await import('execa');
    const { stdout } = await execa('git', ['--git-dir', requireGitDirs(dir).gitDir, 'rev-parse', `--disambiguate=${ref.toLowerCase()}`], { reject: false });
    const matches = stdout.split('\n').filter(Boolean);
    throw new TideError('REF_AMBIGUOUS', `'${ref}' is the start of ${matches.length} objects in ${dir}.`, {
      hint: `Give more digits: ${matches.slice(0, 3).map((m) => m.slice(0, ref.length + 4)).join(', ')}.`,
    });
  }
  throw new TideError('REF_NOT_FOUND', `No commit named '${ref}' in ${dir}.`, {
    hint: 'Give a branch, tag or commit sha that exists in the repository (git log --oneline).',
  });
}

/** Annotated tags peeled down to the commit they point at. */
async function peelToCommit(git: GitReader, start: string, ref: string): Promise<string> {
  let oid = start;
  for (let depth = 0; depth < 20; depth++) {
    const object = await git.read(oid);
    if (object.type === 'commit') return oid;
    if (object.type !== 'tag') throw new TideError('REF_NOT_COMMIT', `'${ref}' names a ${object.type}, not a commit.`);
    oid = headerValues(object.data, 'object')[0] ?? '';
  }
  throw new TideError('REF_NOT_COMMIT', `'${ref}' is a chain of more than 20 tags.`);
}

async function parentOf(git: GitReader, oid: string, index: number, rev: string): Promise<string> {
  const parent = headerValues((await git.read(oid, 'commit')).data, 'parent')[index];
  if (!parent) throw new TideError('REF_NOT_FOUND', `'${rev}' goes past the history: commit ${oid.slice(0, 7)} has no parent ${index + 1}.`);
  return parent;
}

export interface TreeFilter {
  /** Whether to descend into a directory (path relative to the root). */
  enter(path: string, name: string): boolean;
  /** Whether to read a file. */
  take(path: string, name: string): boolean;
}

/**
 * Every file of `commit` under `prefix` that the filter takes, decoded as
 * UTF-8. One blob per state record makes this the hot path of a no-change
 * plan: the trees are walked first, each directory's entries asked for at
 * once, then the blobs are read together (blob-file.ts), or, for a few of
 * them or when that fails, one by one through the same reader.
 */
export async function readFilesAt(dir: string, commit: string, prefix: string, filter: TreeFilter): Promise<FleetFile[]> {
  const dirs = requireGitDirs(dir);
  return withGitReader(dirs, async (git) => {
    const rootOid = await subtreeOid(git, commit, prefix);
    if (!rootOid) return [];
    // The files in tree order, as git lists them.
    const walk = async (treeOid: string, base: string): Promise<{ path: string; oid: string }[]> => {
      const entries = await git.tree(treeOid);
      const found: Promise<{ path: string; oid: string }[]>[] = [];
      for (const entry of entries) {
        const path = base ? `${base}/${entry.name}` : entry.name;
        if (entry.kind === 'tree') {
          if (filter.enter(path, entry.name)) found.push(walk(entry.oid, path));
        } else if ((entry.kind === 'file' || entry.kind === 'executable') && filter.take(path, entry.name)) {
          found.push(Promise.resolve([{ path, oid: entry.oid }]));
        }
      }
      return (await Promise.all(found)).flat();
    };
    return blobsAsFiles(dirs, await walk(rootOid, prefix), git);
  });
}

/**
 * The files directly in each of the directories `dirs` (slash-separated,
 * from the root) of `commit` whose names `take` accepts, decoded as UTF-8,
 * in tree order; what is in their subdirectories is left out, as readFilesAt
 * leaves out a directory it does not enter. One `git ls-tree` lists them
 * (git walks the trees: through the object reader each tree costs tide a
 * request, a parse and promises), then their blobs are read together.
 * Undefined when git cannot list them: the caller then walks with
 * readFilesAt, which names what is wrong.
 */
export async function readFilesIn(dir: string, commit: string, dirs: readonly string[], take: (name: string) => boolean): Promise<FleetFile[] | undefined> {
  const gitDirs = requireGitDirs(dir);
  if (!/^[0-9a-f]{40}$/.test(commit)) return undefined;
  // A path ending in '/' lists that directory's entries, one level; one that is not there lists nothing.
  const args = ['--git-dir', gitDirs.gitDir, 'ls-tree', '-z', '--full-tree', commit, '--', ...dirs.map((d) => `${d}/`)];
  const listed = await gitOutput(gitDirs.gitDir, args, { env: gitEnvironment(), viaFile: true, limits: LIST_LIMITS, timeoutMs: LIST_TIMEOUT_MS });
  if (listed.code !== 0) return undefined;
  const blobs: { path: string; oid: string }[] = [];
  const out = listed.stdout;
  // `<mode> <type> <oid>\t<path>\0`; a file is a blob of mode 100644 or 100755 (a link, 120000, is not). Read in
  // place, at the fixed offsets those give (ten thousand state records split and matched are garbage to collect).
  for (let at = 0; at < out.length; ) {
    const end = out.indexOf('\0', at);
    const stop = end < 0 ? out.length : end;
    const isBlob = out.startsWith('100644 blob ', at) || out.startsWith('100755 blob ', at);
    if (isBlob && stop > at + LISTED_PATH && out.charCodeAt(at + LISTED_PATH - 1) === TAB) {
      const oid = out.slice(at + LISTED_OID, at + LISTED_PATH - 1);
      const path = out.slice(at + LISTED_PATH, stop);
      const slash = path.lastIndexOf('/');
      if (OID.test(oid) && dirs.includes(path.slice(0, slash)) && take(path.slice(slash + 1))) blobs.push({ path, oid });
    }
    at = stop + 1;
  }
  return blobsAsFiles(gitDirs, blobs);
}

/** Where a blob's id and path start in a line of `git ls-tree` (after `100644 blob `, and after the id and a tab). */
const [LISTED_OID, LISTED_PATH] = [12, 53];
const TAB = 0x09;
const OID = /^[0-9a-f]{40}$/;

/** Bounds for listing a branch anyone who can push may have written: its listing is a file of names and ids. */
const LIST_LIMITS = { memoryBytes: 1024 * 1024 * 1024, outputBytes: 256 * 1024 * 1024 };
const LIST_TIMEOUT_MS = 60_000;

/**
 * The blobs as files: read together (blob-file.ts) from TOGETHER on, else,
 * or when that fails, one by one through `git` (or a reader of their own).
 * A file too large to read comes back with its size only: the loader
 * refuses it by name.
 */
async function blobsAsFiles(dirs: GitDirs, blobs: readonly { path: string; oid: string }[], git?: GitReader): Promise<FleetFile[]> {
  const together = blobs.length >= TOGETHER ? await readBlobsViaFile(dirs, blobs.map((b) => b.oid), MAX_FILE_BYTES) : undefined;
  const oneByOne = (reader: GitReader) => Promise.all(blobs.map((b) => reader.readBlobUpTo(b.oid, MAX_FILE_BYTES)));
  const read = together ?? (await (git ? oneByOne(git) : withGitReader(dirs, oneByOne)));
  return blobs.map(({ path, oid }, i) => {
    const blob = read[i]!;
    return blobAsFleetFile(path, blob, oid);
  });
}

/** The tree at `prefix` (slash-separated) of `commit`; undefined when the path is not a directory there. */
async function subtreeOid(git: GitReader, commit: string, prefix: string): Promise<string | undefined> {
  let oid: string | undefined = await commitTree(git, commit);
  for (const name of prefix.split('/').filter(Boolean)) {
    if (!oid) return undefined;
    const entry: TreeEntry | undefined = (await git.tree(oid)).find((e) => e.name === name);
    oid = entry?.kind === 'tree' ? entry.oid : undefined;
  }
  return oid;
}
