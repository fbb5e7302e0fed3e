// git helpers shared by the benchmark's generators (generate.mjs, state.mjs).
//
//   git(dir, ['init', '-q']);
//   await commitFiles(dir, 'refs/heads/main', [['tide.yaml', text], ...], 'message\n');
//
// Commits are written with `git fast-import` straight into the object store
// (one pack file), so neither the work tree nor the index is touched, and
// with a fixed author, committer and date, so the same files give the same
// commit id.

import { execFileSync, spawn } from 'node:child_process';

export const GIT_CONFIG = [
  '-c', 'init.defaultBranch=main',
  '-c', 'user.name=tide bench',
  '-c', 'user.email=bench@tide.invalid',
  '-c', 'commit.gpgsign=false',
  '-c', 'core.autocrlf=false',
];

/** Runs a git command in `dir` with the benchmark's fixed identity; throws if it fails. */
export function git(dir, args) {
  execFileSync('git', [...GIT_CONFIG, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Runs `git fast-import` in `dir`, feeding it `input`; resolves when it exits 0. */
function fastImport(dir, input) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_CONFIG, 'fast-import', '--quiet', '--done'], {
      cwd: dir,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${signal ?? code}`)),
    );
    child.stdin.on('error', reject);
    child.stdin.end(input);
  });
}

/**
 * One fast-import commit on `ref` holding every file (fixed date: same files,
 * same commit). No `from` line: when `ref` does not exist yet, the commit is
 * a root commit (an orphan branch).
 */
function fastImportStream(ref, entries, message) {
  const parts = [
    `commit ${ref}\n`,
    'committer tide bench <bench@tide.invalid> 1700000000 +0000\n',
    `data ${Buffer.byteLength(message)}\n${message}\n`,
  ];
  for (const [rel, text] of entries) parts.push(`M 100644 inline ${rel}\ndata ${Buffer.byteLength(text)}\n`, text, '\n');
  parts.push('done\n');
  return parts.join('');
}

/**
 * Commits `entries` ([path relative to the repository root, text] pairs) as
 * one new root commit on `ref` (e.g. `refs/heads/main`) of the repository in
 * `dir`, which must exist (git init) and must not have `ref` yet. Only the
 * object store and `ref` change: the work tree, the index and HEAD do not.
 */
export function commitFiles(dir, ref, entries, message) {
  return fastImport(dir, fastImportStream(ref, entries, message));
}

/**
 * Repacks every object of the repository in `dir` into one pack with fresh
 * deltas, as `git gc` would (`repack -a -d -f`, git's default window and
 * depth; one thread, so the same objects always give the same pack).
 *
 * fast-import deltifies each blob against the blob written just before it,
 * so N similar files become chains of up to 50 deltas (mean depth about 25);
 * git's own packing finds short chains (mean depth about 5 on the state
 * files). Object ids, refs, the work tree and the index do not change.
 */
export function repackLikeGc(dir) {
  git(dir, ['-c', 'pack.threads=1', 'repack', '-q', '-a', '-d', '-f']);
}
