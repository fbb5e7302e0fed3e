// A fake shell for the driver tests. A driver's contract is the command lines
// it runs (with their env, cwd and timeout) and the files it writes, so the
// tests record those instead of running them: the software they would drive
// (Drupal, a platform's scripts) is not on the test machines.

import { CommandFailedError } from '../../src/shell/errors.js';
import type { Shell } from '../../src/shell/shell.js';
import type { ExecOptions, ExecResult } from '../../src/transport/types.js';

export interface Call {
  what: string;
  command: string;
  options: ExecOptions;
}

export interface Copy {
  path: string;
  target: string;
  dest: string;
  mode: number | undefined;
}

export interface Write {
  path: string;
  content: string;
  mode: number | undefined;
}

/**
 * A shell on server web1 that records commands, file writes and copies, and answers
 * from `reply` (exit 0, no output, unless `reply` says otherwise). Like the
 * real shell, `run` throws CommandFailedError on a non-zero exit; `probe` does not.
 */
export function fakeShell(reply: (command: string) => Partial<ExecResult> = () => ({})) {
  const calls: Call[] = [];
  const writes: Write[] = [];
  const copies: Copy[] = [];
  const answer = (command: string): ExecResult => ({ command, exitCode: 0, stdout: '', stderr: '', durationMs: 1, ...reply(command) });
  const shell: Shell = {
    transport: {
      server: 'web1',
      exec: async (command) => answer(command),
      writeFile: async (path, content, mode) => {
        writes.push({ path, content: String(content), mode });
      },
      readFile: async () => null,
      replaceFile: async (path, content, mode) => {
        if (content !== null) writes.push({ path, content: String(content), mode });
        return null;
      },
      copyFileTo: async (path, target, dest, mode) => {
        copies.push({ path, target: target.server, dest, mode });
        return { bytes: 0 };
      },
      close: async () => {},
    },
    async run(what, command, options = {}) {
      calls.push({ what, command, options });
      const r = answer(command);
      if (r.exitCode !== 0) throw new CommandFailedError('web1', what, command, r.exitCode, r.stderr);
      return r;
    },
    probe: async (command, options = {}) => {
      calls.push({ what: '(probe)', command, options });
      return answer(command);
    },
    quiet: () => shell,
  };
  return { shell, calls, writes, copies };
}
