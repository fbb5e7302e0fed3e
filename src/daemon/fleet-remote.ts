// The daemon's own clone of the fleet repository (its cache), kept current
// with the git CLI, as apply/push.ts does: git brings proxies, CA bundles and
// credential helpers that isomorphic-git would need configured again.
//
// The clone has no work tree checked out: the daemon reads the fleet from the
// fetched commit (the loader's --ref path), never from files on disk that
// something else could change. Credentials for an HTTP(S) remote come from
// TIDE_GIT_TOKEN through a credential helper written into the clone's config;
// the helper names the variable, not the token, so no secret is stored in
// the cache or shown in a process list.

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { redactor } from '../redact.js';
import { gitFailure, runGit } from '../repo/git-cli.js';
import { resolveFirstRef } from '../repo/git.js';
import { DaemonConfigError, FetchFailedError } from './errors.js';

const REMOTE = 'origin';
/** A fetch that takes longer is given up and retried later (a hung server must not stall the loop). */
const GIT_TIMEOUT_MS = 120_000;

/** Answers git's `get` with TIDE_GIT_USER (default x-access-token, what GitHub wants for tokens) and TIDE_GIT_TOKEN, only when a token is set. */
const CREDENTIAL_HELPER = '!f() { test "$1" = get && test -n "$TIDE_GIT_TOKEN" && printf "username=%s\\npassword=%s\\n" "${TIDE_GIT_USER:-x-access-token}" "$TIDE_GIT_TOKEN"; }; f';

export interface FetchResult {
  /** Tip of the tracked branch. */
  commit: string;
  /** Tip of the state branch on the remote, null when it does not exist yet. */
  stateCommit: string | null;
}

export class FleetRemote {
  private constructor(
    /** The fleet repository as given, credentials masked: for logs and /readyz. */
    readonly display: string,
    readonly dir: string,
    readonly branch: string,
  ) {}

  /**
   * Clones `remote` into `dir` (or reuses the clone there, if it has that
   * origin) and settles the tracked branch: `branch`, or the remote's
   * default. Throws FetchFailedError when the remote cannot be reached (the
   * caller retries), DaemonConfigError when `dir` holds something else.
   */
  static async open(remote: string, dir: string, branch: string | undefined, cwd: string): Promise<FleetRemote> {
    const url = normalizeRemote(remote, cwd);
    const display = maskCredentials(url);
    if (!existsSync(dir) || readdirSync(dir).length === 0) {
      mkdirSync(dir, { recursive: true });
      await run(dir, ['init', '--quiet'], display);
      await run(dir, ['remote', 'add', REMOTE, url], display);
    } else {
      const origin = await git(dir, ['config', '--get', `remote.${REMOTE}.url`]);
      if (origin.exitCode !== 0 || origin.stdout.trim() !== url) {
        throw new DaemonConfigError(`The cache directory ${dir} is not a clone of ${display}; it was left alone.`,
          'Give another --cache-dir, or empty that directory.');
      }
    }
    // Replace whatever helpers the user's config lists: the empty value resets the list.
    await run(dir, ['config', '--replace-all', 'credential.helper', ''], display);
    await run(dir, ['config', '--add', 'credential.helper', CREDENTIAL_HELPER], display);
    const tracked = branch ?? (await defaultBranch(dir, display));
    return new FleetRemote(display, dir, tracked);
  }

  /**
   * Fetches the tracked branch and the state branch in one round trip. The
   * state branch goes through a pattern refspec, which matches nothing
   * (rather than failing) before the first apply has created it.
   */
  async fetch(stateBranch: string | null): Promise<FetchResult> {
    const refspecs = [`+refs/heads/${this.branch}:refs/remotes/${REMOTE}/${this.branch}`];
    if (stateBranch) refspecs.push(`+refs/heads/${stateBranch}*:refs/remotes/${REMOTE}/${stateBranch}*`);
    const fetched = await git(this.dir, ['fetch', '--quiet', '--no-tags', '--prune', REMOTE, ...refspecs]);
    if (fetched.exitCode !== 0) throw new FetchFailedError(this.display, gitMessage(fetched));
    const commit = readRefFile(this.dir, `refs/remotes/${REMOTE}/${this.branch}`);
    if (!commit) throw new FetchFailedError(this.display, `the branch ${this.branch} does not exist there`);
    return { commit, stateCommit: this.stateTip(stateBranch) };
  }

  /** The remote state branch's tip as last fetched or pushed (null: none yet). */
  stateTip(stateBranch: string | null): string | null {
    return stateBranch ? readRefFile(this.dir, `refs/remotes/${REMOTE}/${stateBranch}`) : null;
  }

  /** Whether the local state branch holds commits the remote has not got (after a catch-up: it is ahead). */
  hasUnpushed(stateBranch: string): boolean {
    const local = readRefFile(this.dir, `refs/heads/${stateBranch}`);
    return local !== null && local !== this.stateTip(stateBranch);
  }
}

async function defaultBranch(dir: string, display: string): Promise<string> {
  const listed = await git(dir, ['ls-remote', '--symref', REMOTE, 'HEAD']);
  if (listed.exitCode !== 0) throw new FetchFailedError(display, gitMessage(listed));
  const head = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(listed.stdout)?.[1];
  if (!head) throw new DaemonConfigError(`${display} has no default branch to follow.`, 'Name the branch with --branch.');
  return head;
}

/**
 * A ref's object id, read from the clone's files in this process: a poll
 * that finds nothing new then starts one git process (the fetch), not three;
 * each spawn forks the daemon, which is costly when it holds a large fleet.
 * What the id names is checked when the commit is loaded.
 */
function readRefFile(dir: string, ref: string): string | null {
  return resolveFirstRef(dir, [ref])?.commit ?? null;
}

function git(dir: string, args: string[]) {
  return runGit(dir, args, { timeoutMs: GIT_TIMEOUT_MS });
}

async function run(dir: string, args: string[], display: string): Promise<void> {
  const done = await git(dir, args);
  if (done.exitCode !== 0) throw new FetchFailedError(display, gitMessage(done));
}

function gitMessage(result: Parameters<typeof gitFailure>[0]): string {
  return gitFailure(result, GIT_TIMEOUT_MS);
}

/** A local path is made absolute (the clone runs elsewhere); URLs stay as given. */
function normalizeRemote(remote: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote)) {
    // A password written into the URL is a secret like any other: never printed.
    const password = new URL(remote).password;
    if (password) redactor.add(decodeURIComponent(password));
    return remote;
  }
  if (/^[\w.-]+@[\w.-]+:/.test(remote)) return remote; // scp-like SSH (git@host:path)
  return isAbsolute(remote) ? remote : resolve(cwd, remote);
}

/** The URL without user and password, for logs. */
export function maskCredentials(url: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
