// The git CLI for network work (fetch, push, ls-remote): it brings the user's
// credentials (SSH agent, CI tokens), never stops to prompt for one, gives
// up on an HTTP transfer that stalls, and is killed when it takes too long,
// so an apply or the daemon never waits forever on a remote.

import { execa } from 'execa';
import { redactor } from '../redact.js';

/** A whole fetch or push of a large state branch over a slow link fits; a hung one does not. */
export const DEFAULT_GIT_TIMEOUT_MS = 600_000;

/** Runs git in `repoDir`; the caller reads the exit code and `timedOut` (nothing throws on failure). */
export function runGit(repoDir: string, args: string[], options: { timeoutMs?: number } = {}) {
  return execa('git', args, {
    cwd: repoDir, reject: false, timeout: options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS,
    env: { GIT_TERMINAL_PROMPT: '0', GIT_HTTP_LOW_SPEED_LIMIT: '1000', GIT_HTTP_LOW_SPEED_TIME: '60' },
  });
}

/** Why a runGit call failed, for a message: its last lines of stderr (credentials redacted), or that it timed out. */
export function gitFailure(result: { stderr: string; timedOut?: boolean; exitCode?: number }, timeoutMs = DEFAULT_GIT_TIMEOUT_MS): string {
  if (result.timedOut) return `git gave no answer within ${timeoutMs / 1000} s`;
  const text = result.stderr.trim().split('\n').filter((l) => l.trim()).slice(-3).join(' ');
  return redactor.redact(text || `git exited with ${result.exitCode}`);
}
