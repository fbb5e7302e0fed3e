// A platform's code identity: the git tree id of its `source.path`. At a
// commit it is read from that commit; for a work tree it is computed the way
// `git add -A` would stage the files, in a throwaway index so the user's own
// index is never touched. The same files give the same id either way, so a
// plan of a clean checkout and a plan of its commit agree, and a change to
// any file under the path (content, mode, name) changes the id.
// Files git ignores are not part of the identity. A `source.path` that is a
// symlink inside the repository (`current -> releases/7`) is followed, as a
// deploy follows it (source-tree.ts), so its id is the code's, not the link's.

import { copyFileSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { TideError } from '../errors.js';
import { findGitDirs } from './git-dir.js';
import { gitOutput, gitOutputsTogether, type GitCommand, type GitOutput } from './git-run.js';

/** `source.path` as git names it inside a tree: no `./`, no trailing `/`, `''` for the root. */
export function treePath(path: string): string {
  const normal = posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\/?/, '').replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}

/**
 * Tree id of each path (as given) under `commit`, or under the work tree when
 * `fromWorktree`; a path that is not a directory there is left out.
 */
export async function sourceTreeIds(repoDir: string, paths: readonly string[], commit: string | null, fromWorktree: boolean): Promise<Map<string, string>> {
  if (!fromWorktree) return commit && paths.length > 0 ? treesAt(repoDir, commit, paths) : new Map();
  const questions = worktreeTreeQuestions(repoDir, paths, commit);
  return questions.answer(questions.commands.length > 0 ? await gitOutputsTogether(repoDir, questions.commands) : []);
}

/**
 * What git is asked for the work tree's tree ids of `paths` (HEAD being
 * `commit`), for running alongside other questions (gitOutputsTogether),
 * and how its answers, in the order asked, give the ids as sourceTreeIds does.
 */
export interface TreeQuestions {
  commands: GitCommand[];
  answer(outputs: readonly GitOutput[]): Promise<Map<string, string>>;
}

export function worktreeTreeQuestions(repoDir: string, paths: readonly string[], commit: string | null): TreeQuestions {
  const gitDir = paths.length > 0 ? findGitDirs(repoDir)?.gitDir : undefined;
  if (!gitDir) return { commands: [], answer: async () => new Map() };
  const pathspecs = withLinkTargets(repoDir, paths).map(treePath);
  const staged = async (): Promise<Map<string, string>> => treesAt(repoDir, await stagedTree(repoDir, gitDir, pathspecs), paths);
  if (!commit) return { commands: [], answer: staged };
  // A clean work tree (the usual case) has the commit's trees: they are asked for with git status, by one process start.
  return {
    commands: [statusCommand(pathspecs), treesCommand(commit, paths)],
    answer: async ([status, atCommit]) => {
      if (status?.code === 0 && status.stdout === '') return treesFrom(paths, checked(repoDir, 'cat-file', atCommit!));
      return staged();
    },
  };
}

/** Tree id of each path under the tree or commit `root`; a path that is not a directory there is left out. */
async function treesAt(repoDir: string, root: string, paths: readonly string[]): Promise<Map<string, string>> {
  const { args, input } = treesCommand(root, paths);
  return treesFrom(paths, await git(repoDir, args, { input }));
}

/** The question whose answer treesFrom reads: `root:path` of each path, to cat-file --batch-check. */
function treesCommand(root: string, paths: readonly string[]): GitCommand {
  const specs = paths.map((p) => `${root}:${treePath(p)}`);
  // --follow-symlinks: a link inside the repository names what it points to.
  return { args: ['cat-file', '--batch-check', '--follow-symlinks'], input: `${specs.join('\n')}\n` };
}

function treesFrom(paths: readonly string[], answer: string): Map<string, string> {
  const out = new Map<string, string>();
  const found = batchCheckAnswers(answer);
  paths.forEach((p, i) => {
    const [oid, type] = (found[i] ?? '').split(' ');
    if (type === 'tree' && oid) out.set(p, oid);
  });
  return out;
}

/**
 * One answer line per request from `cat-file --batch-check --follow-symlinks`,
 * whose answers for a link leaving the repository, a dangling link, a loop or
 * a path through a file take a second line (the link's target or the name
 * asked for): those requests answer `''`.
 */
function batchCheckAnswers(output: string): string[] {
  const lines = output.split('\n');
  const answers: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^(symlink|dangling|loop|notdir) \d+$/.test(lines[i]!)) {
      answers.push('');
      i++;
    } else {
      answers.push(lines[i]!);
    }
  }
  return answers;
}

/** git status of the paths (`treePath`s): nothing to add there, staged or not, when it prints nothing. */
function statusCommand(pathspecs: readonly string[]): GitCommand {
  // --no-optional-locks: status must not rewrite the user's index while it looks.
  return { args: ['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=all', '--', ...pathspecs.map((p) => (p === '' ? '.' : p))] };
}

/**
 * The tree the work tree would commit as, after `git add -A` of the paths
 * (`treePath`s, their link targets included) in a temporary index, so the
 * user's own index is never touched.
 */
async function stagedTree(repoDir: string, gitDir: string, pathspecs: readonly string[]): Promise<string> {
  const tmp = mkdtempSync(join(tmpdir(), 'tide-index-'));
  const index = join(tmp, 'index');
  try {
    // Starting from the real index keeps git's stat cache: unchanged files are not read again.
    if (existsSync(join(gitDir, 'index'))) copyFileSync(join(gitDir, 'index'), index);
    const env = { ...process.env, GIT_INDEX_FILE: index };
    const present = pathspecs.filter((p) => existsSync(join(repoDir, p)));
    if (present.length > 0) await git(repoDir, ['add', '-A', '--', ...present.map((p) => (p === '' ? '.' : p))], { env });
    return (await git(repoDir, ['write-tree'], { env })).trim();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** `paths` and, for each that resolves elsewhere inside the repository through a link, where it resolves to. */
function withLinkTargets(repoDir: string, paths: readonly string[]): string[] {
  const root = realpathSync(repoDir);
  const targets = paths.flatMap((p) => {
    let real: string;
    try {
      real = realpathSync(join(repoDir, treePath(p)));
    } catch {
      return []; // not there (yet): nothing to follow
    }
    const inside = relative(root, real);
    if (inside.startsWith('..') || inside.startsWith(sep) || inside === treePath(p)) return [];
    return [inside.split(sep).join('/')];
  });
  return [...new Set([...paths, ...targets])];
}

async function git(cwd: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return checked(cwd, args[0]!, await gitOutput(cwd, args, options));
}

/** What git printed, when it succeeded; SOURCE_DIGEST naming `command` otherwise. */
function checked(cwd: string, command: string, r: GitOutput): string {
  if (r.code !== 0) {
    throw new TideError('SOURCE_DIGEST', `Cannot compute the platform code's identity in ${cwd}: git ${command} failed: ${(r.stderr || String(r.error ?? '')).trim().split('\n')[0]}`, {
      hint: 'tide needs git on PATH and a readable repository.',
    });
  }
  return r.stdout;
}
