// The local transport: commands run here with execa, for the quickstart and
// for a reconciler running on the server itself. Same contract as ssh.

import { brief, CommandTimeoutError, TransportError } from './errors.js';
import { CommandTransport } from './command-transport.js';
import { OutputCollector, signalExitCode, type RawResult } from './output.js';
import { commandToken, RUN_VAR } from './run-tag.js';
import { stdinStream, watchInput, watchOutput, type StreamWatch } from './streams.js';
import { ioTimeoutMs } from './timeouts.js';
import type { ExecOptions } from './types.js';

export class LocalTransport extends CommandTransport {
  constructor(readonly server: string) {
    super();
  }

  protected async run(command: string, given: ExecOptions): Promise<RawResult> {
    // Every command has a limit, and its processes carry their run's tag.
    const options = { ...given, timeoutMs: given.timeoutMs ?? ioTimeoutMs() };
    const started = performance.now();
    const output = new OutputCollector(options.onOutput);
    const input = stdinStream(options.stdin);
    // Loaded on first use: execa costs ~0.25 s of start-up that an apply over ssh never needs.
    const { execa } = await import('execa');
    const child = execa('sh', ['-c', command], {
      cwd: options.cwd,
      // Never tide's own environment: it holds credentials (DB admin password, SSH keys).
      env: { ...commandEnv(options.env), [RUN_VAR]: commandToken(options.tag) },
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
    if (timedOut) throw new CommandTimeoutError(this.server, command, options.timeoutMs, options.what);
    if (streamError) throw new TransportError(this.server, `command stopped: ${brief(command)}`, streamError.message);
    const durationMs = Math.round(performance.now() - started);
    if (result.signal !== undefined) return { exitCode: signalExitCode(result.signal), signal: result.signal, stdout, stderr, durationMs };
    if (result.exitCode === undefined) {
      // sh never started (e.g. cwd missing: spawn reports ENOENT).
      throw new TransportError(this.server, `cannot run the command${options.cwd ? ` in ${options.cwd}` : ''}`, result.shortMessage ?? 'sh did not start');
    }
    return { exitCode: result.exitCode, stdout, stderr, durationMs };
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
