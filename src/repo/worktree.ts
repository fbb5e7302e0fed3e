// Reads the fleet's YAML files from a directory on disk (the usual case:
// a checkout being edited, or CI's clone).
//
// Files git's index holds unchanged are not read: their blob id comes from
// the index (`git ls-files`), checked against the work tree the way
// `git status` checks it (`git diff-files`: size, times, inode, and the
// content when those cannot tell), and their text is read only when asked
// for (a cache miss, an error to position). Anything else (untracked,
// ignored, changed, or no git at all) is read and hashed here.
//
// Synchronous on purpose: for thousands of small files, readFileSync costs a
// fraction of fs/promises, whose every file is four thread-pool round trips
// (open, fstat, read, close). Nothing else runs while a plan loads.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TideError } from '../errors.js';
import { blobId, decodeFleetFile, isAlwaysSkipped, isFleetFileName, MAX_FILE_BYTES, type FleetFile } from './files.js';
import { gitEnvironment } from './git-objects.js';

export function readWorktreeFiles(root: string): FleetFile[] {
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
  const unchanged = paths.length > 0 ? unchangedInIndex(root) : new Map<string, string>();
  return paths.map((path) => {
    const oid = unchanged.get(path);
    return oid ? indexedFile(root, path, oid) : readFleetFile(root, path);
  });
}

/** A file's content and blob id, unless it is too large to be a fleet file (then only its size). */
function readFleetFile(root: string, path: string): FleetFile {
  const size = statSync(join(root, path)).size;
  if (size > MAX_FILE_BYTES) return { path, text: '', size };
  const bytes = readFileSync(join(root, path));
  return { ...decodeFleetFile(path, bytes), oid: blobId(bytes) };
}

/**
 * A file the index says is unchanged: its blob id is known, its bytes are
 * read on first use. Should the file change in between, the id follows what
 * was read, so a cache never files one content under another's id.
 */
function indexedFile(root: string, path: string, indexOid: string): FleetFile {
  let loaded: FleetFile | undefined;
  const load = (): FleetFile => (loaded ??= readFleetFile(root, path));
  return {
    path,
    get text() {
      return load().text;
    },
    get size() {
      return load().size;
    },
    get notUtf8() {
      return load().notUtf8;
    },
    get oid() {
      return loaded ? loaded.oid : indexOid;
    },
  };
}

/**
 * Blob ids of the regular files under `root` that git's index holds and the
 * work tree has not changed, by path relative to `root`; empty outside git.
 * Entries git is told to skip checking (assume-unchanged, skip-worktree) or
 * in a conflict are left out: only what git verifies counts.
 */
function unchangedInIndex(root: string): Map<string, string> {
  const out = new Map<string, string>();
  // No fsmonitor: git checks the files itself rather than trusting a daemon's word.
  const git = (args: string[]): string | undefined => {
    const r = spawnSync('git', ['-c', 'core.fsmonitor=false', ...args], { cwd: root, env: gitEnvironment(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return r.status === 0 ? r.stdout : undefined;
  };
  const listed = git(['ls-files', '--stage', '-v', '-z']);
  const changed = listed === undefined ? undefined : git(['diff-files', '--name-only', '--relative', '-z']);
  if (listed === undefined || changed === undefined) return out;
  // `H 100644 <oid> 0\t<path>`: H is a tracked entry git checks; stage 0 is no conflict.
  for (const entry of listed.split('\0')) {
    const tab = entry.indexOf('\t');
    const [tag, mode, oid, stage] = entry.slice(0, tab).split(' ');
    if (tag === 'H' && (mode === '100644' || mode === '100755') && stage === '0' && oid) out.set(entry.slice(tab + 1), oid);
  }
  for (const path of changed.split('\0')) out.delete(path);
  return out;
}

function walk(root: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    if (isAlwaysSkipped(entry.name)) continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, path, out);
    else if (entry.isFile() && isFleetFileName(entry.name)) out.push(path);
  }
}
