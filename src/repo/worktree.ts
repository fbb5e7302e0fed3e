// Reads the fleet's YAML files from a directory on disk (the usual case:
// a checkout being edited, or CI's clone).
//
// Files git's index holds unchanged are not read: their blob id comes from
// the index, checked against the work tree the way `git status` checks it
// (size, times, inode, and the content when those cannot tell), both in one
// `git ls-files`, and their text is read only when asked for (a cache miss,
// an error to position). Anything else (untracked, ignored, changed, or no
// git at all) is read and hashed here.
//
// When many of them are wanted at once (a first plan, a fresh clone),
// readIndexedTogether takes their bytes from git's object store under their
// ids, in one `git cat-file` (blob-file.ts): a clone's objects are one pack,
// read in one go, where ten thousand files cost ten thousand opens. Those
// bytes are the index's for that id by construction (git stored them under
// the id of their content), and the work tree has them too, as ls-files has
// just checked. Should that read fail in any way, each file is read from the
// work tree as before.
//
// A cached plan checks the work tree by its listing's id (WorktreeListing.id)
// instead: the files' paths and git's answer, hashed as they come.
//
// Synchronous on purpose: for thousands of small files, readSync costs a
// fraction of fs/promises, whose every file is four thread-pool round trips
// (open, fstat, read, close). Nothing else runs while a plan loads.

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { TideError } from '../errors.js';
import type { ReadBlob } from './blob-file.js';
import { blobAsFleetFile, blobId, decodeFleetFile, isAlwaysSkipped, isFleetFileName, MAX_FILE_BYTES, type FleetFile, type WorktreeStamp } from './files.js';
import { findGitDirs } from './git-dir.js';
import { gitEnvironment, gitOutputBytes } from './git-run.js';

export async function readWorktreeFiles(root: string): Promise<FleetFile[]> {
  return (await listWorktree(root)).files();
}

/**
 * `git ls-files` of every index entry (-c) and, again, each the work tree
 * changed or deleted (-m), as `git diff-files` would list it: what
 * unchangedInIndex reads. No fsmonitor: git checks the files itself rather
 * than trusting a daemon's word.
 */
export const INDEX_LISTING: readonly string[] = ['-c', 'core.fsmonitor=false', 'ls-files', '--cached', '--modified', '--stage', '-v', '-z'];

/** INDEX_LISTING's answer, or undefined when git fails (no git, not a repository). */
export async function listIndex(root: string): Promise<Buffer | undefined> {
  const r = await gitOutputBytes(root, [...INDEX_LISTING], { env: gitEnvironment(), viaFile: true });
  return r.code === 0 ? r.stdout : undefined;
}

/**
 * Lists the fleet files under `root` (the walk) while git lists its index
 * (`index`: INDEX_LISTING's answer, by default asked here).
 */
export async function listWorktree(root: string, index: Promise<Buffer | undefined> = listIndex(root)): Promise<WorktreeListing> {
  const dirs: FleetDir[] = [];
  try {
    walk(root, '', dirs);
  } catch (error) {
    index.catch(() => undefined); // not waited for any more
    throw new TideError('REPO_UNREADABLE', `Cannot read the fleet repository at ${root}.`, {
      hint: 'Pass --repo DIR pointing at a fleet repository (a directory with tide.yaml).',
      cause: error,
    });
  }
  return new WorktreeListing(root, dirs, await index);
}

/** A directory of fleet files: its path relative to the root ('' for the root) and the names of its fleet files, as read. */
type FleetDir = readonly [rel: string, names: readonly string[]];

/** The fleet files of a work tree, by path, and git's listing of its index, as taken at one moment. */
export class WorktreeListing {
  constructor(readonly root: string, private readonly dirs: readonly FleetDir[], private readonly index: Buffer | undefined) {}

  /** The paths of the fleet files, sorted. */
  get paths(): readonly string[] {
    return (this.sortedPaths ??= this.dirs.flatMap(([rel, names]) => (rel ? names.map((name) => `${rel}/${name}`) : names)).sort());
  }

  private sortedPaths: string[] | undefined;

  /** The files: those the index holds unchanged known by its blob id, the others read now. */
  files(): FleetFile[] {
    const unchanged = unchangedInIndex(this.index);
    return this.paths.map((path) => {
      const oid = unchanged.get(path);
      return oid ? new IndexedFile(this.root, path, oid) : readFleetFile(this.root, path);
    });
  }

  /**
   * What identifies the listing: equal ids, equal paths and equal index
   * answers, so the same files come from the index under the same blob ids
   * and the same others are read.
   */
  get id(): string {
    if (this.cachedId === undefined) {
      // The index's answer, after its length, then each directory, `rel\0name\0name\0\0`, in the order walked
      // (the same for the same directories: node lists each sorted), as they are: no path is made.
      const hash = createHash('sha256').update(`${this.index?.length ?? -1}\n`).update(this.index ?? '');
      for (const [rel, names] of this.dirs) hash.update(`${rel}\0${names.join('\0')}\0\0`);
      this.cachedId = hash.digest('hex');
    }
    return this.cachedId;
  }

  private cachedId: string | undefined;

  /**
   * The listing's id and its files that do not come from the index, of
   * `files` (this listing's files, as a plan used them); undefined when one
   * the index holds was read meanwhile and found changed (its id is then
   * not the index's), or when most files are read anyway.
   */
  stamp(files: readonly FleetFile[]): WorktreeStamp | undefined {
    if (files.some((f) => f instanceof IndexedFile && f.oid !== f.indexOid)) return undefined;
    const loose = files.filter((f) => !(f instanceof IndexedFile)).map((f) => f.path);
    return loose.length <= MAX_LOOSE ? { listing: this.id, loose } : undefined;
  }

  /** The files at `paths` (a stamp's loose files), read now. */
  read(paths: readonly string[]): FleetFile[] {
    return paths.map((path) => readFleetFile(this.root, path));
  }
}

/** A stamp lists its loose files: past this many (a fleet outside git), checking them costs as much as checking all. */
const MAX_LOOSE = 256;

/** Where files are read to: most fleet files fit; their text is decoded from it, so it is reused. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * A file's content and blob id, unless it is too large to be a fleet file
 * (then only its size). Read to its end without a stat first: for thousands
 * of small files, a stat each costs a third more; only a file that fills the
 * scratch buffer is sized, to be refused or given room.
 */
function readFleetFile(root: string, path: string): FleetFile {
  const fd = openSync(join(root, path), 'r');
  try {
    let filled = 0;
    for (;;) {
      if (filled === scratch.length) {
        const size = fstatSync(fd).size;
        if (size > MAX_FILE_BYTES) return { path, text: '', size };
        const larger = Buffer.allocUnsafe(Math.max(size + 1, 2 * scratch.length));
        scratch.copy(larger);
        scratch = larger;
      }
      const n = readSync(fd, scratch, filled, scratch.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    const read = scratch.subarray(0, filled);
    return { ...decodeFleetFile(path, read), oid: blobId(read) };
  } finally {
    closeSync(fd);
  }
}

/**
 * A file the index says is unchanged: its blob id is known, its bytes are
 * read on first use. Should the file change in between, the id follows what
 * was read, so a cache never files one content under another's id.
 */
class IndexedFile implements FleetFile {
  private loaded: FleetFile | undefined;

  constructor(readonly root: string, readonly path: string, readonly indexOid: string) {}

  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** Takes `blob`, git's object of the index's id, as the file's bytes. */
  fill(blob: ReadBlob): void {
    this.loaded ??= blobAsFleetFile(this.path, blob, this.indexOid);
  }

  private load(): FleetFile {
    return (this.loaded ??= readFleetFile(this.root, this.path));
  }

  get text(): string {
    return this.load().text;
  }

  get size(): number | undefined {
    return this.load().size;
  }

  get notUtf8(): boolean | undefined {
    return this.load().notUtf8;
  }

  get oid(): string {
    return this.loaded ? this.loaded.oid! : this.indexOid;
  }
}

/**
 * Reads the bytes of those of `files` the index holds unchanged, and that
 * are not read yet, together from git's object store (see the opening
 * comment); the rest, or all of them when that fails, are read one by one
 * when asked for.
 */
export async function readIndexedTogether(files: readonly FleetFile[]): Promise<void> {
  const unread = files.filter((f): f is IndexedFile => f instanceof IndexedFile && !f.isLoaded);
  // Loaded here, with git's object reader: a cached plan needs neither.
  const { readBlobsViaFile, TOGETHER } = await import('./blob-file.js');
  const dirs = unread.length >= TOGETHER ? findGitDirs(unread[0]!.root) : undefined;
  if (!dirs || unread.some((f) => f.root !== unread[0]!.root)) return;
  const blobs = await readBlobsViaFile(dirs, unread.map((f) => f.indexOid), MAX_FILE_BYTES);
  blobs?.forEach((blob, i) => unread[i]!.fill(blob));
}

/**
 * Blob ids of the regular files that git's index holds and the work tree
 * has not changed, by path relative to the work tree, from `listed`
 * (INDEX_LISTING's answer); empty outside git.
 * Entries git is told to skip checking (assume-unchanged, skip-worktree) or
 * in a conflict are left out: only what git verifies counts.
 */
function unchangedInIndex(answer: Buffer | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (answer === undefined) return out;
  const listed = answer.toString('utf8');
  const code = (at: number): number => listed.charCodeAt(at);
  const changed: string[] = [];
  // `H 100644 <oid> 0\t<path>`: H is a tracked entry git checks, C one it found changed; stage 0 is no conflict.
  // Read in place (fixed offsets up to the tab, characters compared as codes): ten thousand entries split
  // into arrays, or cut into one-character strings, are garbage to collect.
  // An entry of any other shape counts as neither, so its file is read from the work tree.
  for (let at = 0; at < listed.length; ) {
    const end = listed.indexOf('\0', at);
    const stop = end < 0 ? listed.length : end;
    const tab = at + 51;
    if (stop > tab && code(tab) === TAB && code(at + 1) === SPACE && code(at + 8) === SPACE && code(at + 49) === SPACE) {
      const tag = code(at);
      const path = listed.slice(tab + 1, stop);
      if (tag === TAG_CHANGED) changed.push(path);
      else if (tag === TAG_CACHED && isRegularFileMode(listed, at + 2) && code(at + 50) === STAGE_0) out.set(path, listed.slice(at + 9, at + 49));
    }
    at = stop + 1;
  }
  for (const path of changed) out.delete(path);
  return out;
}

const [TAB, SPACE, TAG_CHANGED, TAG_CACHED, STAGE_0] = [0x09, 0x20, 0x43, 0x48, 0x30]; // '\t', ' ', 'C', 'H', '0'

/** Whether the six characters at `at` are 100644 or 100755. */
function isRegularFileMode(text: string, at: number): boolean {
  return text.startsWith('100644', at) || text.startsWith('100755', at);
}

/** Adds the directory `rel` under `root`, and those under it, that hold fleet files to `out`. */
function walk(root: string, rel: string, out: FleetDir[]): void {
  const names: string[] = [];
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    if (isAlwaysSkipped(entry.name)) continue;
    if (entry.isDirectory()) walk(root, rel ? `${rel}/${entry.name}` : entry.name, out);
    else if (entry.isFile() && isFleetFileName(entry.name)) names.push(entry.name);
  }
  if (names.length > 0) out.push([rel, names]);
}
