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
// Synchronous on purpose: for thousands of small files, readSync costs a
// fraction of fs/promises, whose every file is four thread-pool round trips
// (open, fstat, read, close). Nothing else runs while a plan loads.

import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { TideError } from '../errors.js';
import { readBlobsViaFile, TOGETHER, type ReadBlob } from './blob-file.js';
import { blobAsFleetFile, blobId, decodeFleetFile, isAlwaysSkipped, isFleetFileName, MAX_FILE_BYTES, type FleetFile } from './files.js';
import { findGitDirs } from './git-dir.js';
import { gitEnvironment } from './git-objects.js';
import { gitOutput } from './git-run.js';

export async function readWorktreeFiles(root: string): Promise<FleetFile[]> {
  // git reads its index while the directory is walked.
  const indexed = unchangedInIndex(root);
  const paths: string[] = [];
  try {
    walk(root, '', paths);
  } catch (error) {
    throw new TideError('REPO_UNREADABLE', `Cannot read the fleet repository at ${root}.`, {
      hint: 'Pass --repo DIR pointing at a fleet repository (a directory with tide.yaml).',
      cause: error,
    });
  }
  paths.sort();
  const unchanged = await indexed;
  return paths.map((path) => {
    const oid = unchanged.get(path);
    return oid ? new IndexedFile(root, path, oid) : readFleetFile(root, path);
  });
}

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
  const dirs = unread.length >= TOGETHER ? findGitDirs(unread[0]!.root) : undefined;
  if (!dirs || unread.some((f) => f.root !== unread[0]!.root)) return;
  const blobs = await readBlobsViaFile(dirs, unread.map((f) => f.indexOid), MAX_FILE_BYTES);
  blobs?.forEach((blob, i) => unread[i]!.fill(blob));
}

/**
 * Blob ids of the regular files under `root` that git's index holds and the
 * work tree has not changed, by path relative to `root`; empty outside git.
 * Entries git is told to skip checking (assume-unchanged, skip-worktree) or
 * in a conflict are left out: only what git verifies counts.
 */
async function unchangedInIndex(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // Every entry (-c) and, again, each the work tree changed or deleted (-m), as `git diff-files` would list it.
  const listed = await gitStdout(root, ['ls-files', '--cached', '--modified', '--stage', '-v', '-z']);
  if (listed === undefined) return out;
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

/** What git prints, or undefined when it fails (no git, not a repository). No fsmonitor: git checks the files itself rather than trusting a daemon's word. */
async function gitStdout(cwd: string, args: string[]): Promise<string | undefined> {
  const r = await gitOutput(cwd, ['-c', 'core.fsmonitor=false', ...args], { env: gitEnvironment(), viaFile: true });
  return r.code === 0 ? r.stdout : undefined;
}

function walk(root: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    if (isAlwaysSkipped(entry.name)) continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, path, out);
    else if (entry.isFile() && isFleetFileName(entry.name)) out.push(path);
  }
}
