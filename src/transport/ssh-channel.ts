// One command on one ssh2 channel: input, output, exit status, timeout.
// The connection (and its queue of channels) lives in ssh.ts.

import type { Client, ClientChannel } from 'ssh2';
import { brief, CommandTimeoutError, SshConnectError, TransportError, type SshEndpoint } from './errors.js';
import { OutputCollector, signalExitCode, type RawResult } from './output.js';
import { PidFilter } from './pid-filter.js';
import type { Invocation } from './remote-shell.js';
import { stdinStream, watchInput, watchOutput, type StreamWatch } from './streams.js';
import type { ExecOptions } from './types.js';

export interface ChannelSpec {
  endpoint: SshEndpoint;
  /** The caller's command, for errors. */
  command: string;
  invocation: Invocation;
  options: ExecOptions;
  /** Kills a process group from another channel (timeouts). */
  killGroup(pid: number): Promise<void>;
  /** Registers an abort the connection calls if it drops; returns the unregister. */
  track(abort: (error: Error) => void): () => void;
}

/** Channel opens the server refused, retried for about 10 s in all. */
const OPEN_ATTEMPTS = 48;

/** How long a timed-out exec waits for its kill before rejecting anyway. */
const KILL_WAIT_MS = 5_000;

/**
 * Whether the command reports its pid (PID_MARK) so it can be killed from
 * another channel: when it has a timeout, or streams that may fail mid-way.
 */
export function killable(options: ExecOptions): boolean {
  return options.timeoutMs !== undefined || options.stdout !== undefined || stdinStream(options.stdin) !== undefined;
}

export function runChannel(client: Client, spec: ChannelSpec): Promise<RawResult> {
  const { options, endpoint } = spec;
  const server = endpoint.server;
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const output = new OutputCollector(options.onOutput);
    const stderr = killable(options) ? new PidFilter((b) => output.push('stderr', b)) : null;
    let channel: ClientChannel | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    /** Set once the command is being killed: the kill, not the channel's close, settles it. */
    let stopping = false;
    const done = (error: Error | null, result?: RawResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      untrack();
      for (const w of streams) w.detach();
      if (error) reject(error);
      else resolve(result as RawResult);
    };
    const abort = (error: Error) => {
      channel?.close();
      done(error);
    };
    const untrack = spec.track(abort);

    // The caller's streams are watched from now: one failing before the
    // channel is open fails the exec before anything ran. After that, a
    // failure kills the command: it must not run on with a cut-off input
    // (a closed stdin looks like its end), or write into nothing.
    const streamFailed = (e: Error) => {
      const error = new TransportError(server, `command stopped: ${brief(spec.command)}`, e.message);
      if (channel) stop(error);
      else done(error);
    };
    const input = stdinStream(options.stdin);
    const streams: StreamWatch[] = [];
    const stdinWatch = input && watchInput(input, () => channel as ClientChannel, streamFailed);
    const stdoutWatch = options.stdout && watchOutput(options.stdout, () => channel as ClientChannel, streamFailed);
    for (const w of [stdinWatch, stdoutWatch]) if (w) streams.push(w);

    openChannel(client, endpoint, spec.invocation.command, () => settled).then(
      (opened) => (settled ? opened.channel.close() : attach(opened)),
      (error: Error) => done(error instanceof SshConnectError ? error : new TransportError(server, 'cannot open an ssh channel', error.message)),
    );

    /** Kills the command, then rejects with `error`. */
    function stop(error: Error): void {
      if (stopping || settled || !channel) return;
      stopping = true;
      // Closing alone would leave the remote process running (and a cut-off
      // stdin would look like its end): signal it (works for non-root
      // logins) and kill its group by pid, before the channel closes.
      // The pid may not have arrived yet when a stream fails at once.
      killChannel(channel);
      const killed = (stderr?.known ?? Promise.resolve(undefined)).then((pid) =>
        pid === undefined ? undefined : spec.killGroup(pid).catch(() => undefined),
      );
      const wait = new Promise((r) => setTimeout(r, KILL_WAIT_MS).unref());
      void Promise.race([killed, wait]).then(() => abort(error));
    }

    function attach(opened: OpenedChannel): void {
      const ch = opened.channel;
      channel = ch;
      if (options.timeoutMs !== undefined) {
        const limit = options.timeoutMs;
        timer = setTimeout(() => stop(new CommandTimeoutError(server, spec.command, limit, options.what)), limit);
      }
      if (stdoutWatch) stdoutWatch.pipe();
      else ch.on('data', (chunk: Buffer) => output.push('stdout', chunk));
      ch.stderr.on('data', (chunk: Buffer) => (stderr ? stderr.push(chunk) : output.push('stderr', chunk)));
      ch.on('error', (e: Error) => done(new TransportError(server, 'ssh channel failed', e.message)));
      ch.on('close', () => {
        if (stopping) return; // stop() rejects once the kill is through
        stderr?.end();
        const { stdout, stderr: err } = output.finish();
        const exit = opened.exit;
        if (!exit) return done(new SshConnectError(endpoint, 'the command ended without an exit status (connection lost?)'));
        const durationMs = Math.round(performance.now() - startedAt);
        const signal = exit.code === null ? exit.signal : undefined;
        if (signal === undefined) return done(null, { exitCode: exit.code ?? 255, stdout, stderr: err, durationMs });
        done(null, { exitCode: signalExitCode(signal), signal, stdout, stderr: err, durationMs });
      });
      // The env script first, then the caller's input, on the same stdin.
      if (spec.invocation.preamble !== undefined) ch.write(spec.invocation.preamble);
      if (stdinWatch) return stdinWatch.pipe();
      if (options.stdin !== undefined) ch.write(options.stdin);
      ch.end();
    }
  });
}

/**
 * Opens an exec channel for `command`. sshd frees a session only after its
 * channel loop's next pass, so a burst of close + open can briefly exceed
 * MaxSessions ("open failed"); a server with a lower limit refuses the same
 * way. Refusals are retried with backoff (channels in flight finish and free
 * slots) for about 10 s, unless `cancelled()`.
 */
export function openChannel(client: Client, endpoint: SshEndpoint, command: string, cancelled: () => boolean = () => false): Promise<OpenedChannel> {
  return new Promise((resolve, reject) => {
    const open = (attempt: number) => {
      try {
        client.exec(command, (error, ch) => {
          if (!error) return resolve(listenedFromOpen(ch));
          const refused = typeof (error as Error & { reason?: unknown }).reason === 'number';
          if (refused && attempt < OPEN_ATTEMPTS && !cancelled()) {
            setTimeout(() => open(attempt + 1), Math.min(5 * 2 ** attempt, 250));
            return;
          }
          reject(error);
        });
      } catch (error) {
        reject(new SshConnectError(endpoint, (error as Error).message, { cause: error }));
      }
    };
    open(0);
  });
}

/** How the command on a channel ended, as sshd reported it. */
export interface ChannelExit {
  code: number | null;
  signal?: string;
}

/** An open channel, with its command's exit once sshd sent it. */
export interface OpenedChannel {
  channel: ClientChannel;
  readonly exit: ChannelExit | undefined;
}

/**
 * Listens for the exit status from the moment the channel opens. A short
 * command's whole answer (output, exit status, close) can arrive in the same
 * read as the open's reply, and ssh2 emits 'exit' there and then, before a
 * listener added once the open's promise settles; its output and close wait
 * in the streams, the exit would be lost ("ended without an exit status").
 */
function listenedFromOpen(channel: ClientChannel): OpenedChannel {
  let exit: ChannelExit | undefined;
  channel.once('exit', (code: number | null, signal?: string) => {
    exit = { code, signal };
  });
  return {
    channel,
    get exit() {
      return exit;
    },
  };
}

/**
 * Sends SIGKILL over the channel. ClientChannel.signal() does nothing once
 * our side has sent EOF (it checks `writable`), and every exec ends stdin, so
 * the request goes straight to ssh2's protocol object while the channel is
 * open. OpenSSH answers with killpg() of the session, except for root logins.
 */
function killChannel(ch: ClientChannel): void {
  const inner = ch as unknown as {
    outgoing?: { id: number; state: string };
    _client?: { _protocol?: { signal(id: number, name: string): void } };
  };
  const state = inner.outgoing?.state;
  if ((state === 'open' || state === 'eof') && inner.outgoing && inner._client?._protocol) {
    inner._client._protocol.signal(inner.outgoing.id, 'KILL');
  }
}
