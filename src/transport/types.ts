// One interface for every way tide reaches a server: `ssh` (ssh2, one pooled
// connection per server) and `local` (execa, for the quickstart and for a
// reconciler running on the server itself). Operations only see this.

import type { Readable, Writable } from 'node:stream';

export type OutputStream = 'stdout' | 'stderr';

export interface ExecOptions {
  /** Directory the command runs in (on the server). */
  cwd?: string;
  /**
   * Variables for the command. Values may be secrets: the ssh transport sends
   * them on the channel's stdin, never on a command line a `ps` could show.
   */
  env?: Record<string, string>;
  /**
   * Bytes fed to the command's standard input (then closed). A Readable is
   * piped in with backpressure (after the env script over ssh) and closes the
   * input when it ends; if it fails, the command is killed and exec rejects.
   */
  stdin?: string | Buffer | Readable;
  /**
   * Where the command's standard output goes as raw bytes, with backpressure
   * (a slow consumer pauses the command), instead of being collected: the
   * result's stdout is then empty and onOutput sees stderr only. Ended when
   * the output ends. If it fails or closes before then, the command is killed
   * and exec rejects.
   */
  stdout?: Writable;
  /**
   * Kill the command's process group and fail with a CommandTimeoutError
   * after this long (default: TIDE_IO_TIMEOUT_SECONDS, see timeouts.ts).
   */
  timeoutMs?: number;
  /** What the command does, for the timeout error ("reading /x"); default: the command itself. */
  what?: string;
  /**
   * The run (an operation) the command belongs to, from newRunTag(): its
   * processes carry it in their environment (run-tag.ts), so they can be
   * found and killed after a lost connection or a crash of tide.
   */
  tag?: string;
  /** Called with each chunk of output as it arrives (for the operation log). */
  onOutput?: (chunk: string, stream: OutputStream) => void;
  /**
   * Files the command writes from bytes of its stdin. A shell that can
   * write them itself (the perl loop, shell-loops.ts) takes those bytes out
   * of the stdin and writes each file when the command asks for it
   * (fileCallCommand); every other way of running the command ignores this
   * and feeds the whole stdin, so the command writes them itself then.
   */
  files?: readonly StdinFile[];
}

/** A file written from bytes of a command's stdin (ExecOptions.files). */
export interface StdinFile {
  /** How the command asks for it: letters, digits, `_` and `-`, unique in the command. */
  id: string;
  /**
   * new: created in place, never over anything already there (a directory
   * the same command made); put: a temp file `tmp` beside it, renamed over
   * it; rm: removed if there (no bytes); dir: a directory made as `install
   * -d -g GROUP -m MODE` does (0700, its group, then its mode; no bytes).
   */
  op: 'new' | 'put' | 'rm' | 'dir';
  path: string;
  /** The temp file of a `put`. */
  tmp?: string;
  /** Read and write bits only: the file is created with them through the umask (any mode for a dir). */
  mode: number;
  /** The group a dir is given. */
  group?: string;
  /** Its bytes are stdin[at, at + length); files in stdin order, none overlapping. */
  at: number;
  length: number;
  /** What the file held is printed first on stdout: `<report>:1`, base64, `<report>:end` (`<report>:0` when nothing). */
  report?: string;
}

export interface ExecResult {
  command: string;
  /** 128 + the signal's number when a signal ended the command. */
  exitCode: number;
  /** The signal that ended the command ("SIGKILL"), when one did. */
  signal?: string;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Limits and ownership for the file calls, as for exec. */
export interface FileOptions {
  /** Default: TIDE_IO_TIMEOUT_SECONDS for reads and writes, TIDE_COMMAND_TIMEOUT_SECONDS for copies. */
  timeoutMs?: number;
  tag?: string;
}

export interface Transport {
  /** The fleet's name for the server this transport reaches. */
  readonly server: string;
  /**
   * Runs a shell command (sh -c semantics). Resolves with any exit code;
   * rejects only when the command could not run or timed out.
   */
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Writes a file atomically (temp file + rename), creating parent dirs. */
  writeFile(path: string, content: string | Buffer, mode?: number, options?: FileOptions): Promise<void>;
  /** The file's bytes, or null when it does not exist. */
  readFile(path: string, options?: FileOptions): Promise<Buffer | null>;
  /**
   * Writes `content` to `path` as writeFile does (null: removes the file)
   * and returns what the file held before (null: there was none), in one
   * command: reading the old bytes and writing the new need no answer in
   * between, so they cost one round trip (an undo's input, for free).
   */
  replaceFile(path: string, content: string | Buffer | null, mode?: number, options?: FileOptions): Promise<Buffer | null>;
  /**
   * Streams the file at `path` on this server to `dest` on `target` (which
   * may be this server), never holding it whole in memory. `dest` is written
   * like writeFile does (temp file + rename, parent dirs, `mode`, default
   * 0644), only once every byte arrived: a failed transfer leaves no `dest`
   * behind. Rejects with a FileCopyError (`missing` when there is no file),
   * or a CommandTimeoutError when the whole copy takes longer than its limit.
   */
  copyFileTo(path: string, target: Transport, dest: string, mode?: number, options?: FileOptions): Promise<{ bytes: number }>;
  /** Ends the connection; safe to call twice. */
  close(): Promise<void>;
  /**
   * Connects and starts up to `shells` shells ahead of use, running nothing
   * (ssh only; a failure is met by the first command). Resolves once the
   * connection is up or has failed (never rejects); the shells may still be
   * starting then.
   */
  warm?(shells: number): Promise<void>;
}

/** Quotes a value for a POSIX shell: every value that reaches a remote command goes through this. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
