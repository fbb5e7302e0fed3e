// What every transport builds on its own exec: readFile, writeFile,
// replaceFile and copyFileTo, each one command (remote-shell.ts) run with a limit like any
// other command, so a FIFO where a file should be, or a stalled disk, ends in
// a CommandTimeoutError that names the file, never in a call that waits for
// ever. The ssh and local transports differ only in how a command runs.

import { copyFile } from './copy-file.js';
import { TransportError } from './errors.js';
import { toExecResult, type RawResult } from './output.js';
import { READ_MISSING, readFileCommand, REPLACED_NONE, replaceFileCommand, tempBeside, writeFileCommand } from './remote-shell.js';
import { ioTimeoutMs } from './timeouts.js';
import { shellQuote, type ExecOptions, type ExecResult, type FileOptions, type Transport } from './types.js';

export abstract class CommandTransport implements Transport {
  abstract readonly server: string;
  abstract close(): Promise<void>;
  /** Runs a command, its output kept as bytes. */
  protected abstract run(command: string, options: ExecOptions): Promise<RawResult>;

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    return toExecResult(command, await this.run(command, options));
  }

  async readFile(path: string, options: FileOptions = {}): Promise<Buffer | null> {
    const r = await this.run(readFileCommand(path), { timeoutMs: options.timeoutMs ?? ioTimeoutMs(), what: `reading ${path}`, tag: options.tag });
    if (r.exitCode === READ_MISSING) return null;
    if (r.exitCode !== 0) throw new TransportError(this.server, `cannot read ${path}`, r.stderr.toString());
    return r.stdout;
  }

  async writeFile(path: string, content: string | Buffer, mode = 0o644, options: FileOptions = {}): Promise<void> {
    const { tmp } = tempBeside(path);
    let r: RawResult;
    try {
      r = await this.run(writeFileCommand(path, mode, tmp), {
        stdin: content, timeoutMs: options.timeoutMs ?? ioTimeoutMs(), what: `writing ${path}`, tag: options.tag,
      });
    } catch (error) {
      // Killed (a timeout) before its own clean-up could run: no temp file stays behind.
      await this.run(`rm -f ${shellQuote(tmp)}`, { tag: options.tag }).catch(() => undefined);
      throw error;
    }
    if (r.exitCode !== 0) throw new TransportError(this.server, `cannot write ${path}`, r.stderr.toString());
  }

  async replaceFile(path: string, content: string | Buffer | null, mode = 0o644, options: FileOptions = {}): Promise<Buffer | null> {
    const { tmp } = tempBeside(path);
    const what = content === null ? `removing ${path}` : `writing ${path}`;
    let r: RawResult;
    try {
      r = await this.run(replaceFileCommand(path, mode, tmp, content !== null), {
        ...(content === null ? {} : { stdin: content }), timeoutMs: options.timeoutMs ?? ioTimeoutMs(), what, tag: options.tag,
      });
    } catch (error) {
      if (content !== null) await this.run(`rm -f ${shellQuote(tmp)}`, { tag: options.tag }).catch(() => undefined);
      throw error;
    }
    if (r.exitCode === REPLACED_NONE) return null;
    if (r.exitCode !== 0) throw new TransportError(this.server, `cannot ${content === null ? 'remove' : 'write'} ${path}`, r.stderr.toString());
    return r.stdout;
  }

  copyFileTo(path: string, target: Transport, dest: string, mode?: number, options?: FileOptions): Promise<{ bytes: number }> {
    return copyFile(this, path, target, dest, mode, options);
  }
}
