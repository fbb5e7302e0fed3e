// The local transport: commands run here with execa, for the quickstart and
// for a reconciler running on the server itself. Same contract as ssh.

import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { execa } from 'execa';
import { copyFile } from './copy-file.js';
import { brief, CommandTimeoutError, TransportError } from './errors.js';
import { OutputCollector, signalExitCode, toExecResult } from './output.js';
import { stdinStream, watchInput, watchOutput, type StreamWatch } from './streams.js';
import type { ExecOptions, ExecResult, Transport } from './types.js';

export class LocalTransport implements Transport {
  constructor(readonly server: string) {}

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const started = performance.now();
    const output = new OutputCollector(options.onOutput);
    const input = stdinStream(options.stdin);
    const child = execa('sh', ['-c', command], {
      cwd: options.cwd,
      // Never tide's own environment: it holds credentials (DB admin password, SSH keys).
      env: commandEnv(options.env),
      extendEnv: false,
      // No stdin given: /dev/null, as over ssh (the command sees EOF at once).
      ...(options.stdin === undefined
        ? { stdin: 'ignore' as const }
        : input
          ? { stdin: 'pipe' as const }
          : { input: options.stdin as string | Buffer }),
      // Its own process group, so a timeout kills what the command started too.
      detached: true,
      buffer: false,
      reject: false,
      encoding: 'buffer',
    });
    // A failed caller's stream ends the command, as over ssh.
    let streamError: Error | undefined;
    const streams: StreamWatch[] = [];
    const detachAll = () => {
      for (const w of streams.splice(0)) w.detach();
    };
    const streamFailed = (e: Error) => {
      streamError ??= e;
      killGroup(child.pid);
      // execa waits for stdout to end: drain what nobody reads any more.
      detachAll();
    };
    if (options.stdout && child.stdout) {
      const stdout = child.stdout;
      streams.push(watchOutput(options.stdout, () => stdout, streamFailed));
    } else child.stdout?.on('data', (chunk: Buffer) => output.push('stdout', chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push('stderr', chunk));
    if (input && child.stdin) {
      const stdin = child.stdin;
      // EPIPE when the command exits without reading it all: its exit status tells.
      stdin.on('error', () => undefined);
      streams.push(watchInput(input, () => stdin, streamFailed));
    }
    for (const w of streams) w.pipe();

    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup(child.pid);
          }, options.timeoutMs);
    const result = await child.finally(() => {
      clearTimeout(timer);
      detachAll();
    });
    const { stdout, stderr } = output.finish();
    if (timedOut) throw new CommandTimeoutError(this.server, command, options.timeoutMs as number);
    if (streamError) throw new TransportError(this.server, `command stopped: ${brief(command)}`, streamError.message);
    const durationMs = Math.round(performance.now() - started);
    if (result.signal !== undefined) {
      return toExecResult(command, { exitCode: signalExitCode(result.signal), signal: result.signal, stdout, stderr, durationMs });
    }
    if (result.exitCode === undefined) {
      // sh never started (e.g. cwd missing: spawn reports ENOENT).
      throw new TransportError(this.server, `cannot run the command${options.cwd ? ` in ${options.cwd}` : ''}`, result.shortMessage ?? 'sh did not start');
    }
    return toExecResult(command, { exitCode: result.exitCode, stdout, stderr, durationMs });
  }

  async writeFile(path: string, content: string | Buffer, mode = 0o644): Promise<void> {
    const dir = dirname(path);
    const tmp = join(dir, `.${basename(path)}.tide-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(dir, { recursive: true });
      // Created 0600 then chmod: a secret is never briefly readable by others,
      // and the final mode does not depend on the umask.
      await writeFile(tmp, content, { mode: 0o600, flag: 'wx' });
      await chmod(tmp, mode);
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new TransportError(this.server, `cannot write ${path}`, (error as Error).message);
    }
  }

  async readFile(path: string): Promise<Buffer | null> {
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new TransportError(this.server, `cannot read ${path}`, (error as Error).message);
    }
  }

  copyFileTo(path: string, target: Transport, dest: string, mode?: number): Promise<{ bytes: number }> {
    return copyFile(this, path, target, dest, mode);
  }

  async close(): Promise<void> {}
}

/** What a local command inherits, as a login over ssh would give it; the rest comes from `facts`. */
const INHERITED = ['PATH', 'HOME', 'LANG'] as const;

function commandEnv(facts: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...facts };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
