// Output handling shared by both transports: bytes are kept whole (readFile
// needs them binary-exact), and onOutput gets text decoded per stream so a
// UTF-8 character split across two chunks is not mangled.

import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import type { ExecOptions, ExecResult, OutputStream } from './types.js';

export interface RawResult {
  exitCode: number;
  signal?: string;
  stdout: Buffer;
  stderr: Buffer;
  durationMs: number;
}

export class OutputCollector {
  private readonly chunks: Record<OutputStream, Buffer[]> = { stdout: [], stderr: [] };
  private readonly decoders: Record<OutputStream, StringDecoder> | undefined;

  constructor(private readonly onOutput: ExecOptions['onOutput']) {
    this.decoders = onOutput ? { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') } : undefined;
  }

  push(stream: OutputStream, chunk: Buffer): void {
    this.chunks[stream].push(chunk);
    if (this.decoders) this.emit(stream, this.decoders[stream].write(chunk));
  }

  /** Flushes what the decoders hold and returns the collected bytes. */
  finish(): { stdout: Buffer; stderr: Buffer } {
    if (this.decoders) {
      this.emit('stdout', this.decoders.stdout.end());
      this.emit('stderr', this.decoders.stderr.end());
    }
    return { stdout: Buffer.concat(this.chunks.stdout), stderr: Buffer.concat(this.chunks.stderr) };
  }

  private emit(stream: OutputStream, text: string): void {
    // A throwing log callback must not break the command's bookkeeping.
    if (text !== '') {
      try {
        this.onOutput?.(text, stream);
      } catch {
        /* ignored */
      }
    }
  }
}

/** Shell convention: a command killed by a signal exits with 128 + its number. */
export function signalExitCode(signal: string): number {
  const n = (constants.signals as Record<string, number | undefined>)[signal];
  return n === undefined ? 255 : 128 + n;
}

/** The signal whose number is `n` ("SIGKILL" for 9), if there is one. */
export function signalName(n: number): string | undefined {
  const signals = constants.signals as Record<string, number | undefined>;
  return Object.keys(signals).find((name) => signals[name] === n);
}

export function toExecResult(command: string, raw: RawResult): ExecResult {
  const result: ExecResult = {
    command,
    exitCode: raw.exitCode,
    stdout: raw.stdout.toString('utf8'),
    stderr: raw.stderr.toString('utf8'),
    durationMs: raw.durationMs,
  };
  if (raw.signal !== undefined) result.signal = raw.signal;
  return result;
}
