// Streamed stdin and stdout, shared by both transports: a Readable piped into
// a command's input, a command's output piped into a Writable, both with
// backpressure (pipe pauses the faster side). The caller's stream is watched
// from the moment exec is called, so its failure, even before the command
// started, stops the command instead of passing for a normal end.

import type { Readable, Writable } from 'node:stream';
import type { ExecOptions } from './types.js';

/** The caller's stdin when it is a stream rather than bytes. */
export function stdinStream(stdin: ExecOptions['stdin']): Readable | undefined {
  return stdin === undefined || typeof stdin === 'string' || Buffer.isBuffer(stdin) ? undefined : stdin;
}

/** A caller's stream watched for failure from the moment exec is called. */
export interface StreamWatch {
  /** Pipes the command's side in (stdin) or out (stdout). */
  pipe(): void;
  /** Stops watching and piping, once the command has settled. */
  detach(): void;
}

/**
 * Watches `from`, the caller's stdin stream, and later pipes it into the
 * command's `input` (ended when `from` ends). `fail` is called if `from`
 * fails or is destroyed before its end, even before the command started:
 * the command must not take a cut-off input for a whole one.
 */
export function watchInput(from: Readable, input: () => Writable, fail: (error: Error) => void): StreamWatch {
  return watch(from, () => from, input, 'the input stream', fail);
}

/**
 * Watches `to`, the caller's stdout stream, and later pipes the command's
 * `output` into it (ended when the output ends). `fail` is called if `to`
 * fails or closes before the output has all gone in.
 */
export function watchOutput(to: Writable, output: () => Readable, fail: (error: Error) => void): StreamWatch {
  return watch(to, output, () => to, 'the output stream', fail);
}

function watch(
  watched: Readable | Writable,
  source: () => Readable,
  sink: () => Writable,
  what: string,
  fail: (error: Error) => void,
): StreamWatch {
  let ended = false;
  let piped: { src: Readable; dst: Writable } | undefined;
  let failed = false;
  const report = (error: Error) => {
    if (failed || ended) return;
    failed = true;
    fail(error);
  };
  const onEnd = () => void (ended = true);
  const onError = (e: Error) => report(new Error(`${what} failed: ${e.message}`));
  const onClose = () => report(new Error(`${what} closed before its end`));
  watched.on('error', onError);
  watched.once('close', onClose);
  // Already broken when handed over: its events are past.
  const errored = (watched as { errored?: Error | null }).errored;
  if (errored) queueMicrotask(() => onError(errored));
  else if (watched.destroyed) queueMicrotask(onClose);

  return {
    pipe() {
      if (failed) return;
      const src = source();
      const dst = sink();
      piped = { src, dst };
      if (src.readableEnded) {
        ended = true;
        dst.end();
        return;
      }
      src.once('end', onEnd);
      src.pipe(dst);
    },
    detach() {
      watched.off('error', onError);
      watched.off('close', onClose);
      // A later failure of the caller's stream is no longer ours to report,
      // and must not crash the process either.
      watched.on('error', () => undefined);
      if (!piped) return;
      piped.src.off('end', onEnd);
      piped.src.unpipe(piped.dst);
      // Nobody reads the command's output any more: drain it so its end is seen.
      if (watched !== piped.src && !piped.src.readableEnded) piped.src.resume();
    },
  };
}
