// Runs the bundled GitHub Action the way a runner does: a repository on the
// fake GitHub (a bare git repository), pull requests as GitHub keeps them
// (refs/pull/N/head and a merge commit at refs/pull/N/merge), a workspace
// checked out like actions/checkout, and `node actions/dist/NAME.mjs` with the
// GITHUB_* variables, an event payload file and INPUT_* variables.

import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './git-cli.js';
import { actionNode } from './action-node.js';
import type { FakeGitHub } from './fake-github.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'dev', GIT_AUTHOR_EMAIL: 'dev@example.test', GIT_COMMITTER_NAME: 'dev', GIT_COMMITTER_EMAIL: 'dev@example.test',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();
}

/** Writes `files` (null removes one) into a work tree and commits them; returns the commit. */
function commitInto(work: string, files: Record<string, string | null>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    const full = join(work, path);
    if (text === null) rmSync(full, { force: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '--allow-empty', '-m', message);
  return git(work, 'rev-parse', 'HEAD');
}

/** A repository as GitHub holds it: a bare repository served by the fake under `fullName`, main holding `files`. */
export class HostedRepo {
  readonly bare: string;
  private readonly work: string;

  constructor(
    readonly fake: FakeGitHub,
    readonly fullName: string,
    files: Record<string, string>,
  ) {
    this.bare = tempDir('tide-gh-bare-');
    git(this.bare, 'init', '-q', '--bare', '-b', 'main');
    this.work = tempDir('tide-gh-work-');
    git(this.work, 'init', '-q', '-b', 'main');
    git(this.work, 'remote', 'add', 'origin', this.bare);
    commitInto(this.work, files, 'initial fleet');
    git(this.work, 'push', '-q', 'origin', 'main');
    fake.addRepo(fullName, this.bare);
  }

  /** Commits on main (a merge, as far as tide can tell) and pushes it. */
  pushMain(files: Record<string, string | null>, message = 'change on main'): string {
    git(this.work, 'checkout', '-q', 'main');
    const sha = commitInto(this.work, files, message);
    git(this.work, 'push', '-q', 'origin', 'main');
    return sha;
  }

  /** The state branch as tide would have pushed it. */
  pushState(files: Record<string, string>, branch = 'tide-state'): string {
    git(this.work, 'checkout', '-q', '--orphan', branch);
    git(this.work, 'rm', '-rq', '--cached', '.');
    git(this.work, 'clean', '-fdqx');
    const sha = commitInto(this.work, files, 'recorded state');
    git(this.work, 'push', '-q', 'origin', branch);
    git(this.work, 'checkout', '-q', '-f', 'main');
    return sha;
  }

  /**
   * Opens pull request `number` (or pushes to it): a branch off main with
   * `files` changed, its head at refs/pull/N/head and GitHub's test merge at
   * refs/pull/N/merge. `fork` names the fork's repository.
   */
  pushPullRequest(number: number, files: Record<string, string | null>, options: { fork?: string; message?: string } = {}): { head: string; merge: string; base: string } {
    const branch = `pr-${number}`;
    const exists = git(this.work, 'branch', '--list', branch) !== '';
    git(this.work, 'checkout', '-q', ...(exists ? [branch] : ['-b', branch, 'main']));
    const head = commitInto(this.work, files, options.message ?? `pull request ${number}`);
    git(this.work, 'push', '-q', '-f', 'origin', `${branch}:refs/pull/${number}/head`);
    git(this.work, 'fetch', '-q', 'origin', 'main');
    git(this.work, 'checkout', '-q', '--detach', 'FETCH_HEAD');
    git(this.work, 'merge', '-q', '--no-ff', '--no-edit', branch);
    const merge = git(this.work, 'rev-parse', 'HEAD');
    git(this.work, 'push', '-q', '-f', 'origin', `HEAD:refs/pull/${number}/merge`);
    const base = git(this.work, 'rev-parse', 'HEAD^1');
    git(this.work, 'checkout', '-q', 'main');
    this.fake.addPullRequest(this.fullName, { number, headRepo: options.fork ?? this.fullName, headRef: branch, baseRef: 'main' });
    return { head, merge, base };
  }

  /** Merges pull request `number` into main (a merge commit, as GitHub's merge button makes) and pushes main; returns the merge commit. */
  mergePullRequest(number: number): string {
    git(this.work, 'checkout', '-q', 'main');
    git(this.work, 'fetch', '-q', 'origin', 'main');
    git(this.work, 'reset', '-q', '--hard', 'FETCH_HEAD');
    git(this.work, 'merge', '-q', '--no-ff', '--no-edit', `pr-${number}`);
    const sha = git(this.work, 'rev-parse', 'HEAD');
    git(this.work, 'push', '-q', 'origin', 'main');
    this.fake.mergePullRequest(this.fullName, number, sha);
    return sha;
  }

  /** A workspace like actions/checkout leaves it: `ref` checked out detached, origin pointing here. */
  checkout(ref: string): string {
    const ws = tempDir('tide-gh-ws-');
    git(ws, 'init', '-q');
    git(ws, 'remote', 'add', 'origin', this.bare);
    git(ws, 'fetch', '-q', '--depth=1', 'origin', ref);
    git(ws, 'checkout', '-q', '--detach', 'FETCH_HEAD');
    return ws;
  }
}

/** A pull_request event payload, as GitHub writes it for `action`. */
export function pullRequestEvent(repo: HostedRepo, number: number, commits: { head: string; base: string }, options: { action?: string; fork?: string } = {}) {
  return {
    action: options.action ?? 'synchronize',
    number,
    pull_request: {
      number,
      head: { ref: `pr-${number}`, sha: commits.head, repo: { full_name: options.fork ?? repo.fullName } },
      base: { ref: 'main', sha: commits.base, repo: { full_name: repo.fullName } },
    },
    repository: { full_name: repo.fullName },
  };
}

/** A push event payload, as GitHub writes it. */
export function pushEvent(repo: HostedRepo, ref: string, before: string, after: string) {
  return { ref, before, after, deleted: false, repository: { full_name: repo.fullName, default_branch: 'main' } };
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
}

export interface ActionRunOptions {
  fake: FakeGitHub;
  repo: HostedRepo;
  eventName: string;
  payload: unknown;
  /** GITHUB_SHA: the commit the run is for. */
  sha: string;
  workspace: string;
  inputs?: Record<string, string>;
  runId?: number;
  /** GITHUB_REF; by default refs/heads/main for a push, empty otherwise. */
  ref?: string;
  /** More environment for the step (the secrets a workflow passes with `env:`). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** The Node binary; by default Node 24, as GitHub runs `node24` actions (action-node.ts). */
  node?: string;
}

/** Runs actions/dist/NAME.mjs as the runner would and collects what it left. */
export async function runBundledAction(name: string, options: ActionRunOptions): Promise<ActionRun> {
  const runnerTemp = tempDir('tide-gh-runner-');
  const eventPath = join(runnerTemp, 'event.json');
  const outputPath = join(runnerTemp, 'output');
  const summaryPath = join(runnerTemp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runnerTemp,
    ...GIT_ENV,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repo.fullName,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref ?? (options.eventName === 'push' ? 'refs/heads/main' : ''),
    GITHUB_RUN_ID: String(options.runId ?? 4242),
    GITHUB_API_URL: options.fake.url,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  // The runner passes every input, with the action's defaults filled in.
  for (const [key, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${key.toUpperCase()}`] = value;
  const bundle = join(ROOT, 'actions', 'dist', `${name}.mjs`);
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build:action`);
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve) => {
    execFile(options.node ?? actionNode(ROOT), [bundle], { cwd: options.workspace, env, timeout: options.timeoutMs ?? 60_000 }, (error, stdout, stderr) => {
      resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
  return { exitCode, stdout, stderr, outputs: parseOutputs(readFileSync(outputPath, 'utf8')), summary: readFileSync(summaryPath, 'utf8'), runnerTemp };
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    outputs[m[1]!] = value.join('\n');
  }
  return outputs;
}
