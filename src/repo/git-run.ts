// Runs a local git command and collects what it prints, without blocking the
// event loop, so a plan's git questions (which files changed, which trees its
// platform code has) are asked at the same time. A plain spawn rather than
// execa: loading execa costs more than a cached plan takes.

import { spawn } from 'node:child_process';

export interface GitOutput {
  /** The exit code; null when git could not start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why git could not start, when it could not. */
  error?: Error;
}

/** `git ARGS` in `cwd`, with `input` on its stdin; never rejects: the caller reads the code. */
export function gitOutput(cwd: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<GitOutput> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let error: Error | undefined;
    const child = spawn('git', args, { cwd, env: options.env ?? process.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (e) => (error = e));
    child.stdin?.on('error', () => undefined); // git may exit before reading it all; its code says why
    child.stdin?.end(options.input);
    child.once('close', (code) =>
      resolve({ code: error ? null : code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), error }),
    );
  });
}
