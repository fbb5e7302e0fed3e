// A file streamed from one server to another (or within one) through tide,
// never whole in memory: `cat` on the source, its stdout piped with
// backpressure into the stdin of `cat > temp` on the target, then a second
// command on the target renames the temp file, only if it holds every byte
// sent. Built on exec alone (streamed stdin and stdout), so it is the same
// for every pair of transports.

import { Transform } from 'node:stream';
import { TideError } from '../errors.js';
import { CommandTimeoutError, FileCopyError, type FileAt } from './errors.js';
import { commitFileCommand, READ_MISSING, readFileCommand, receiveFileCommand, SIZE_MISMATCH, tempBeside } from './remote-shell.js';
import { commandTimeoutMs } from './timeouts.js';
import { shellQuote, type ExecResult, type FileOptions, type Transport } from './types.js';

/** Bytes held between the two commands at most (beside each transport's own buffers). */
const BUFFER_BYTES = 256 * 1024;

type Settled = { ok: true; value: ExecResult } | { ok: false; error: unknown };

const settle = (p: Promise<ExecResult>): Promise<Settled> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

export async function copyFile(source: Transport, path: string, target: Transport, dest: string, mode = 0o644, options: FileOptions = {}): Promise<{ bytes: number }> {
  const from: FileAt = { server: source.server, path };
  const to: FileAt = { server: target.server, path: dest };
  // One limit for the whole transfer: both commands start together.
  const limit = options.timeoutMs ?? commandTimeoutMs();
  const what = `copying ${from.server}:${from.path} → ${to.server}:${to.path}`;
  const run = { timeoutMs: limit, what, tag: options.tag };
  const { tmp } = tempBeside(dest);
  let bytes = 0;
  const meter = new Transform({
    highWaterMark: BUFFER_BYTES,
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  // Its failures are reported through the two commands.
  meter.on('error', () => undefined);

  let sendDone = false;
  const receiving = settle(target.exec(receiveFileCommand(tmp), { ...run, stdin: meter }));
  const sending = settle(source.exec(readFileCommand(path), { ...run, stdout: meter }));
  // The receiver stopped before the sender's last byte: stop the sender
  // rather than leave it waiting on a full pipe.
  void receiving.then(() => {
    if (!sendDone && !meter.writableEnded) meter.destroy(new Error(`the receiving command on ${target.server} ended first`));
  });
  // The sender failed mid-way (a lost connection): end the receiver's input
  // so it finishes; the partial temp file is removed below.
  void sending.then(() => {
    sendDone = true;
    if (!meter.writableEnded && !meter.destroyed) meter.end();
  });
  const [sent, received] = await Promise.all([sending, receiving]);

  const failure = copyFailure(from, to, sent, received);
  if (failure) {
    await target.exec(`rm -f ${shellQuote(tmp)}`, { tag: options.tag }).catch(() => undefined);
    throw failure;
  }
  let commit: ExecResult;
  try {
    commit = await target.exec(commitFileCommand(tmp, dest, mode, bytes), { tag: options.tag });
  } catch (error) {
    await target.exec(`rm -f ${shellQuote(tmp)}`, { tag: options.tag }).catch(() => undefined);
    throw new FileCopyError(from, to, (error as Error).message, { cause: error, retryable: retryable(error) });
  }
  if (commit.exitCode === SIZE_MISMATCH) {
    throw new FileCopyError(from, to, `${target.server} ${commit.stderr.trim()} of ${bytes} sent (transfer cut short)`, { retryable: true });
  }
  if (commit.exitCode !== 0) throw new FileCopyError(from, to, `${target.server}: ${commit.stderr.trim() || `exit ${commit.exitCode}`}`);
  return { bytes };
}

/**
 * Why the transfer failed, if it did: a missing source first, then a timeout
 * (as a timeout: the caller may raise the limit), then the receiver (a failed
 * receiver stops the sender).
 */
function copyFailure(from: FileAt, to: FileAt, sent: Settled, received: Settled): Error | null {
  if (sent.ok && sent.value.exitCode === READ_MISSING) return new FileCopyError(from, to, `no such file on ${from.server}`, { missing: true });
  for (const side of [sent, received]) if (!side.ok && side.error instanceof CommandTimeoutError) return side.error;
  if (!received.ok) return wrap(from, to, received.error);
  if (received.value.exitCode !== 0) return new FileCopyError(from, to, `${to.server}: ${exitDetail(received.value)}`);
  if (!sent.ok) return wrap(from, to, sent.error);
  if (sent.value.exitCode !== 0) return new FileCopyError(from, to, `${from.server}: ${exitDetail(sent.value)}`);
  return null;
}

function wrap(from: FileAt, to: FileAt, error: unknown): FileCopyError {
  return new FileCopyError(from, to, (error as Error).message, { cause: error, retryable: retryable(error) });
}

function retryable(error: unknown): boolean {
  return error instanceof TideError && error.retryable;
}

function exitDetail(r: ExecResult): string {
  return r.stderr.trim() || `exit ${r.exitCode}${r.signal ? ` (${r.signal})` : ''}`;
}
