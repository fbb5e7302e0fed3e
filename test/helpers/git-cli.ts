// A repository written by the git command line, for checking tide's own git
// readers against git itself.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** Removes every directory made here; call from afterAll. */
export function removeGitCliRepos(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A new temporary directory, removed by removeGitCliRepos. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Runs git in `dir` and returns its output (latin1, so binary output survives). */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'latin1',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' },
  });
}

// Long enough that git deltifies the site files against each other.
const NOTES = Array.from({ length: 80 }, (_, i) => `note ${i}`).join(', ');
const ROUNDS = 6;
let template: string | undefined;

/**
 * A fresh copy of a repository on branch main with ROUNDS (6) commits of
 * similar files (sites/site-N.json, a large big.txt, a non-ASCII file name),
 * every object loose.
 */
export function makeGitCliRepo(): string {
  template ??= buildTemplate();
  const dir = tempDir('tide-git-');
  cpSync(template, dir, { recursive: true });
  return dir;
}

function buildTemplate(): string {
  const dir = tempDir('tide-git-template-');
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'sites'));
  // A large file whose versions differ a little: deltas with copies over 64 KiB.
  const big = Array.from({ length: 20000 }, (_, i) => `line ${i} of a large settings file\n`).join('');
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < 40; i++) {
      const site = { name: `site-${i}`, round, php: '8.2', aliases: [`www.site-${i}.example`], notes: NOTES };
      writeFileSync(join(dir, 'sites', `site-${i}.json`), `${JSON.stringify(site, null, 2)}\n`);
    }
    writeFileSync(join(dir, 'big.txt'), big.replace(`line ${round * 100} `, `changed ${round} `));
    writeFileSync(join(dir, 'unicode ünï.txt'), `round ${round} — ✓\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `round ${round}`);
  }
  return dir;
}
