// The git CLI for network work (fetch, push): it brings the user's
// credentials (SSH agent, CI tokens) and never stops to prompt for one.

import { execa } from 'execa';

/** Runs git in `repoDir`; the caller reads the exit code (nothing throws on failure). */
export function runGit(repoDir: string, args: string[]) {
  return execa('git', args, { cwd: repoDir, reject: false, env: { GIT_TERMINAL_PROMPT: '0' } });
}
