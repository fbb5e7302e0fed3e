// One long-lived remote shell (shell-frames.ts) running commands one after
// another: waits for the loop's ready line (which loop runs: the requests
// differ), writes a command's request, relays its output as it arrives, and
// settles with its exit status. A timeout kills the command's process group
// (by pid, through `killGroup`, outside this shell); the shell itself lives
// on. A shell that ends, or breaks the protocol, fails its command with
// RemoteShellLostError and is never used again (the pool starts another).

import { CommandTimeoutError, RemoteShellLostError } from './errors.js';
import { OutputCollector, signalName, type RawResult } from './output.js';
import { PidFilter } from './pid-filter.js';
import { checkFrameInput, commandFrame, FramedOutput, type FrameInput } from './shell-frames.js';
import type { ShellLoopKind } from './shell-loops.js';
import type { ExecOptions } from './types.js';

/** What a shell runs on: an ssh channel, or a local `sh` in the tests. */
export interface ShellPipes {
  write(data: Buffer): void;
  onStdout(listener: (chunk: Buffer) => void): void;
  onStderr(listener: (chunk: Buffer) => void): void;
  /** Called once when the shell's channel or process is gone. */
  onClose(listener: (why: string) => void): void;
  close(): void;
}

/** How long a timed-out command's shell waits for the kill to show before the shell is given up. */
const KILL_WAIT_MS = 5_000;

interface Running {
  command: string;
  fail(error: Error): void;
}

export class ShellSession {
  private readonly stdout: FramedOutput;
  private readonly stderr: FramedOutput;
  private running: Running | null = null;
  private closedWhy: string | null = null;
  /** Which loop the shell runs, once its ready line came. */
  private kind: ShellLoopKind | undefined;
  /** Waits for the ready line: the first command's request. */
  private onReady: (() => void) | null = null;

  constructor(
    private readonly server: string,
    private readonly pipes: ShellPipes,
    /** Kills a process group on the server from elsewhere (another channel). */
    private readonly killGroup: (pid: number) => Promise<void>,
  ) {
    const broken = (why: string) => void this.broken(why);
    this.stdout = new FramedOutput(broken, (kind) => {
      this.kind = kind;
      const waiting = this.onReady;
      this.onReady = null;
      waiting?.();
    });
    this.stderr = new FramedOutput(broken);
    pipes.onStdout((chunk) => this.stdout.push(chunk));
    pipes.onStderr((chunk) => this.stderr.push(chunk));
    pipes.onClose((why) => {
      this.closedWhy ??= why;
      this.running?.fail(this.lost(this.running.command));
    });
  }

  /** False once the shell ended or broke: it takes no more commands. */
  get usable(): boolean {
    return this.closedWhy === null;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** The loop the shell runs (shell-loops.ts), once it said so. */
  get loop(): ShellLoopKind | undefined {
    return this.kind;
  }

  /** Ends the shell (its loop exits; a running command's group is left to its timeout). */
  close(why = 'closed by tide'): void {
    this.closedWhy ??= why;
    this.pipes.close();
  }

  /** Fails the running command with `error` (a lost connection) and ends the shell. */
  abort(error: Error): void {
    const running = this.running;
    this.close('aborted');
    running?.fail(error);
  }

  run(input: FrameInput & { timeoutMs: number }, options: ExecOptions): Promise<RawResult> {
    if (this.closedWhy !== null) return Promise.reject(this.lost(input.command));
    if (this.running) return Promise.reject(new Error('a shell runs one command at a time'));
    try {
      checkFrameInput(input);
    } catch (error) {
      return Promise.reject(error);
    }
    const startedAt = performance.now();
    const output = new OutputCollector(options.onOutput);
    const pids = new PidFilter((b) => output.push('stderr', b));
    return new Promise<RawResult>((resolve, reject) => {
      let status: string | undefined;
      let stderrDone = false;
      let timedOut: CommandTimeoutError | undefined;
      let killWait: NodeJS.Timeout | undefined;
      const settle = (error: Error | null) => {
        if (this.running !== running) return;
        this.running = null;
        clearTimeout(timer);
        clearTimeout(killWait);
        if (error) return reject(error);
        pids.end();
        const { stdout, stderr } = output.finish();
        const exitCode = Number(status);
        if (!/^\d+$/.test(status ?? '')) return reject(this.broken('it returned no exit status', input.command));
        const durationMs = Math.round(performance.now() - startedAt);
        // sh reports a command killed by signal N as 128 + N; ssh would have named the signal.
        const signal = exitCode > 128 ? signalName(exitCode - 128) : undefined;
        resolve(signal === undefined ? { exitCode, stdout, stderr, durationMs } : { exitCode, signal, stdout, stderr, durationMs });
      };
      const finished = () => {
        if (status === undefined || !stderrDone) return;
        // The kill went through and the shell is ready again: the command still failed.
        settle(timedOut ?? null);
      };
      const running: Running = { command: input.command, fail: (error) => settle(error) };
      this.running = running;
      const timer = setTimeout(() => {
        timedOut = new CommandTimeoutError(this.server, input.command, input.timeoutMs, options.what);
        void pids.known.then((pid) => (pid === undefined ? undefined : this.killGroup(pid).catch(() => undefined)));
        // The group is gone but its output is not closed (a process of it
        // moved to a group of its own): this shell is stuck, give it up.
        killWait = setTimeout(() => {
          const error = timedOut as CommandTimeoutError;
          this.close('a timed-out command did not let go of its output');
          settle(error);
        }, KILL_WAIT_MS);
      }, input.timeoutMs);
      const send = (kind: ShellLoopKind) => {
        const { request, boundary } = commandFrame(input, kind);
        this.stdout.expect(boundary, {
          data: (chunk) => output.push('stdout', chunk),
          end: (trailer) => {
            status = trailer;
            finished();
          },
        });
        this.stderr.expect(boundary, {
          data: (chunk) => pids.push(chunk),
          end: () => {
            stderrDone = true;
            finished();
          },
        });
        this.pipes.write(request);
      };
      if (this.kind) send(this.kind);
      else this.onReady = () => this.running === running && send(this.kind as ShellLoopKind);
    });
  }

  private lost(command?: string): RemoteShellLostError {
    return new RemoteShellLostError(this.server, command, this.closedWhy ?? 'it ended');
  }

  /** The shell broke the protocol: end it, fail what runs. */
  private broken(why: string, command = this.running?.command): RemoteShellLostError {
    this.closedWhy ??= why;
    const error = this.lost(command);
    this.pipes.close();
    this.running?.fail(error);
    return error;
  }
}
