// Runs a local git command and collects what it prints, without blocking the
// event loop, so a plan's git questions (which files changed, which trees its
// platform code has) are asked at the same time. A plain spawn rather than
// execa: loading execa costs more than a cached plan takes.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitOutput {
  /** The exit code; null when git could not start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why git could not start, when it could not. */
  error?: Error;
}

export interface GitOutputOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * For an answer of megabytes (a listing of ten thousand files): git writes
   * it to a temporary file, read back in one piece. Through a pipe it comes a
   * few KiB at a time, each piece waking tide to read it, which costs more
   * CPU than the listing itself.
   */
  viaFile?: boolean;
}

/** `git ARGS` in `cwd`, with `input` on its stdin; never rejects: the caller reads the code. */
export function gitOutput(cwd: string, args: string[], options: GitOutputOptions = {}): Promise<GitOutput> {
  const dir = options.viaFile ? mkdtempSync(join(tmpdir(), 'tide-git-')) : undefined;
  const file = dir && join(dir, 'stdout');
  return new Promise<GitOutput>((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let error: Error | undefined;
    const [command, argv] = file ? ['sh', ['-c', 'out=$1; shift; exec git "$@" > "$out"', 'tide-git', file, ...args]] : ['git', args];
    const child = spawn(command, argv, { cwd, env: options.env ?? process.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', file ? 'ignore' : 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (e) => (error = e));
    child.stdin?.on('error', () => undefined); // git may exit before reading it all; its code says why
    child.stdin?.end(options.input);
    child.once('close', (code) => {
      let stdout = Buffer.concat(out).toString('utf8');
      try {
        if (file && code === 0) stdout = readFileSync(file, 'utf8');
      } catch (e) {
        error ??= e as Error;
      }
      resolve({ code: error ? null : code, stdout, stderr: Buffer.concat(err).toString('utf8'), error });
    });
  }).finally(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}
