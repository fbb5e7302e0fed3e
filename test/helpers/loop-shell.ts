// A long-lived shell (the perl loop, or the sh loop where PATH has no perl)
// run by a local `sh`, as the server runs it at the end of an ssh channel:
// for tests of what runs through it (shell/steps.ts) with the same requests
// the ssh transport sends (ExecOptions.files included).

import { spawn, type ChildProcess } from 'node:child_process';
import { toExecResult } from '../../src/transport/output.js';
import { commandToken } from '../../src/transport/run-tag.js';
import { SHELL_COMMAND } from '../../src/transport/shell-loops.js';
import { ShellSession } from '../../src/transport/shell-session.js';
import type { ExecOptions, ExecResult } from '../../src/transport/types.js';

export interface LoopShell {
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Which loop runs, once the first command ran. */
  loop(): string | undefined;
  close(): void;
}

/** Starts the shell; `path` replaces PATH (a directory without perl: the sh loop). */
export function loopShell(path?: string): LoopShell {
  const env = path === undefined ? process.env : { ...process.env, PATH: path };
  const child: ChildProcess = spawn('sh', ['-c', SHELL_COMMAND], { stdio: 'pipe', detached: true, env });
  let closed = false;
  const session = new ShellSession('local', {
    write: (data) => child.stdin!.write(data),
    onStdout: (l) => child.stdout!.on('data', l),
    onStderr: (l) => child.stderr!.on('data', l),
    onClose: (l) => child.on('exit', (code, signal) => {
      if (!closed) l(`exit ${code ?? signal}`);
      closed = true;
    }),
    close: () => child.stdin!.end(),
  }, async (pid) => {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
  return {
    exec: async (command, o = {}) => toExecResult(command, await session.run({
      command, token: commandToken(o.tag), cwd: o.cwd, env: o.env, stdin: o.stdin as string | Buffer | undefined, files: o.files,
      timeoutMs: o.timeoutMs ?? 10_000,
    }, o)),
    loop: () => session.loop,
    close: () => {
      session.close();
      child.kill('SIGKILL');
    },
  };
}
