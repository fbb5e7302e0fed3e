// Requests to a long-lived remote shell and the framing of its responses.
// One ssh channel runs a loop (shell-loops.ts: perl, or sh where there is no
// perl) for many commands, so a login shell's start-up (.bashrc) is paid once
// per channel, not once per command. The loop names itself in its ready line
// (`\x1etide-shell-ready perl` or `sh`, on stdout and stderr), and every
// request is written for that loop:
//
//   perl: <boundary> <m> <n>\n, then m bytes of NUL-separated fields
//         (command, "-" or "+" cwd, the number of files and 9 fields each
//         (id, op, mode in octal, at, length, path, tmp, report, group), NAME=VALUE
//         for TIDE_RUN and each variable, boundary), then the n bytes of
//         stdin, raw (the files' bytes in it: the loop takes them out).
//   sh:   <boundary> <length>\n, then a shell script of `length` bytes
//         ending "#<boundary>" (commandScript): exports, cd, then
//         `exec setsid sh -c COMMAND`, stdin as base64 in a here-document.
//
// Either loop reads exactly the lengths given (never past them) and runs
// nothing of a request cut short or malformed: it exits REQUEST_BROKEN. The
// command's environment, secrets included, travels only in the request (the
// channel's stdin), never on a command line a `ps` shows. The command runs in
// a process group of its own (a timeout kills it and only it) with
// TIDE_RUN (orphan reaping) and stdin from its request (EOF at once without).
//
// Response: `\x1etide-pid:<pid>\n` first on stderr (the command's process
// group, for a timeout's kill), the command's stdout and stderr relayed as
// they come on the channel's stdout and stderr, then `<boundary><exit
// status>\n` on stdout and `<boundary>\n` on stderr once both are closed and
// the command ended (like a one-command channel, which ends only when its
// output does). The boundary is 128 random bits chosen per command and sent
// only on stdin, so no output, binary or not, can end a command early or
// pass for another's.

import { randomBytes } from 'node:crypto';
import { RUN_VAR } from './run-tag.js';
import { SHELL_READY_PREFIX, type ShellLoopKind } from './shell-loops.js';
import { shellQuote, type StdinFile } from './types.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FILE_ID = /^[A-Za-z0-9_-]+$/;

export interface CommandFrame {
  /** Bytes to write on the shell's stdin. */
  request: Buffer;
  /** Ends the command's stdout and stderr in the response. */
  boundary: Buffer;
}

export interface FrameInput {
  command: string;
  cwd?: string;
  env?: Record<string, string>;
  /** The command's TIDE_RUN (run-tag.ts commandToken). */
  token: string;
  stdin?: string | Buffer;
  /** Files the command writes from its stdin (ExecOptions.files): the perl loop writes them itself; the sh loop feeds them as stdin. */
  files?: readonly StdinFile[];
}

/** The request for one command, for the loop `kind`. */
export function commandFrame(input: FrameInput, kind: ShellLoopKind): CommandFrame {
  checkFrameInput(input);
  const boundary = `\x1etide-end:${randomBytes(16).toString('hex')}:`;
  if (kind === 'sh') {
    const script = Buffer.from(`${commandScript(input, boundary)}\n#${boundary}`);
    return { request: Buffer.concat([Buffer.from(`${boundary} ${script.length}\n`), script]), boundary: Buffer.from(boundary) };
  }
  const vars = [[RUN_VAR, input.token], ...Object.entries(input.env ?? {})].map(([name, value]) => `${name}=${value}`);
  const files = (input.files ?? []).flatMap((f) => [f.id, f.op, f.mode.toString(8), String(f.at), String(f.length), f.path, f.tmp ?? '', f.report ?? '', f.group ?? '']);
  const meta = Buffer.from([input.command, input.cwd === undefined ? '-' : `+${input.cwd}`, String(input.files?.length ?? 0), ...files, ...vars, boundary].join('\0'));
  const stdin = input.stdin === undefined ? Buffer.alloc(0) : Buffer.from(input.stdin);
  return { request: Buffer.concat([Buffer.from(`${boundary} ${meta.length} ${stdin.length}\n`), meta, stdin]), boundary: Buffer.from(boundary) };
}

/** Names a shell can export; no NUL where a command line or the environment holds the value (C strings end there). */
export function checkFrameInput(input: FrameInput): void {
  for (const [name, value] of Object.entries(input.env ?? {})) {
    if (!ENV_NAME.test(name)) throw new Error(`invalid environment variable name: ${JSON.stringify(name)}`);
    if (value.includes('\0')) throw new Error(`environment variable ${name} holds a NUL byte`);
  }
  if (input.command.includes('\0')) throw new Error('the command holds a NUL byte');
  if (input.cwd?.includes('\0')) throw new Error('the working directory holds a NUL byte');
  checkFiles(input.files ?? [], input.stdin === undefined ? 0 : Buffer.byteLength(input.stdin));
}

/** Files with ids a call can carry, paths a C string holds, modes a umask gives, bytes in order inside the stdin. */
function checkFiles(files: readonly StdinFile[], stdinBytes: number): void {
  let end = 0;
  const ids = new Set<string>();
  for (const f of files) {
    if (!FILE_ID.test(f.id) || ids.has(f.id)) throw new Error(`invalid or repeated file id: ${JSON.stringify(f.id)}`);
    ids.add(f.id);
    if ([f.path, f.tmp ?? '', f.report ?? '', f.group ?? ''].some((v) => v.includes('\0'))) throw new Error(`the path of file ${f.id} holds a NUL byte`);
    if ((f.mode & ~(f.op === 'dir' ? 0o7777 : 0o666)) !== 0) throw new Error(`file ${f.path}: mode ${f.mode.toString(8)} has more than read and write bits`);
    if (f.op === 'put' && !f.tmp) throw new Error(`file ${f.path}: a put needs its temp file`);
    if (!Number.isSafeInteger(f.at) || !Number.isSafeInteger(f.length) || f.at < end || f.length < 0 || f.at + f.length > stdinBytes) {
      throw new Error(`file ${f.path}: its bytes are not in order inside the stdin`);
    }
    end = f.at + f.length;
  }
}

/** What the sh loop evaluates for one command (the loop reports its pid). */
export function commandScript(input: FrameInput, boundary: string): string {
  const lines = [`${RUN_VAR}=${shellQuote(input.token)}; export ${RUN_VAR}`];
  for (const [name, value] of Object.entries(input.env ?? {})) lines.push(`export ${name}=${shellQuote(value)}`);
  if (input.cwd !== undefined) lines.push(`cd ${shellQuote(input.cwd)} || exit 1`);
  if (input.stdin === undefined) {
    lines.push(`exec setsid sh -c ${shellQuote(input.command)}`);
  } else {
    // A delimiter base64 never produces (it has no '-').
    const eof = `tide-stdin-${boundary.slice(-9, -1)}`;
    lines.push(`exec setsid sh -c ${shellQuote('base64 -d | sh -c "$1"')} sh ${shellQuote(input.command)} <<'${eof}'`);
    lines.push(...base64Lines(Buffer.from(input.stdin)), eof);
  }
  return lines.join('\n');
}

function base64Lines(bytes: Buffer): string[] {
  const text = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 4096) lines.push(text.slice(i, i + 4096));
  return lines;
}

/** What one stream (stdout or stderr) gives one command. */
export interface FrameSink {
  data(chunk: Buffer): void;
  /** The bytes between the boundary and the newline (the exit status on stdout). */
  end(trailer: string): void;
}

const READY = Buffer.from(SHELL_READY_PREFIX, 'latin1');
const KINDS: readonly string[] = ['perl', 'sh'] satisfies ShellLoopKind[];

/**
 * Splits one of the shell's output streams into commands: drops what comes
 * before the ready line (telling `ready` which loop printed it), then hands
 * each command's bytes to its sink as they arrive (holding back only a tail
 * that could be the start of its boundary) until the boundary line. Bytes
 * while no command runs, or a ready line naming no known loop, break the
 * protocol: `broken`.
 */
export class FramedOutput {
  private buf: Buffer = Buffer.alloc(0);
  private kind: ShellLoopKind | undefined;
  /** Set by drain(), told by push() once drain() is through (the listener may call expect()). */
  private announce = false;
  private current: { boundary: Buffer; sink: FrameSink } | null = null;

  constructor(
    private readonly broken: (why: string) => void,
    private readonly ready: (kind: ShellLoopKind) => void = () => undefined,
  ) {}

  expect(boundary: Buffer, sink: FrameSink): void {
    this.current = { boundary, sink };
    this.drain();
  }

  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    this.drain();
    if (this.announce && this.kind) {
      this.announce = false;
      this.ready(this.kind);
    }
  }

  private drain(): void {
    if (!this.kind) {
      const at = this.buf.indexOf(READY);
      const nl = at < 0 ? -1 : this.buf.indexOf(0x0a, at + READY.length);
      if (nl < 0) {
        if (at < 0) this.buf = this.buf.subarray(Math.max(0, this.buf.length - READY.length + 1));
        else this.buf = this.buf.subarray(at);
        if (this.buf.length > 64) this.broken('it printed no ready line');
        return;
      }
      const kind = this.buf.subarray(at + READY.length, nl).toString('latin1');
      if (!KINDS.includes(kind)) return this.broken('it started no loop tide knows');
      this.kind = kind as ShellLoopKind;
      this.announce = true;
      this.buf = this.buf.subarray(nl + 1);
    }
    const current = this.current;
    if (!current) {
      if (this.buf.length > 0) this.broken('it printed output between commands');
      return;
    }
    const { boundary, sink } = current;
    const at = this.buf.indexOf(boundary);
    if (at < 0) {
      const keep = partialAtEnd(this.buf, boundary);
      if (this.buf.length > keep) {
        sink.data(this.buf.subarray(0, this.buf.length - keep));
        this.buf = this.buf.subarray(this.buf.length - keep);
      }
      return;
    }
    if (at > 0) sink.data(this.buf.subarray(0, at));
    this.buf = this.buf.subarray(at);
    const nl = this.buf.indexOf(0x0a, boundary.length);
    if (nl < 0) return;
    const trailer = this.buf.subarray(boundary.length, nl).toString('latin1');
    this.buf = this.buf.subarray(nl + 1);
    this.current = null;
    sink.end(trailer);
    if (this.buf.length > 0 && !this.current) this.broken('it printed output between commands');
  }
}

/** How many bytes at the end of `buf` could be the start of `mark` (held back until the next chunk tells). */
function partialAtEnd(buf: Buffer, mark: Buffer): number {
  for (let i = Math.max(0, buf.length - mark.length + 1); i < buf.length; i++) {
    if (buf[i] === mark[0] && buf.subarray(i).equals(mark.subarray(0, buf.length - i))) return buf.length - i;
  }
  return 0;
}
