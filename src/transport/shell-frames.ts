// The text of a long-lived remote shell, and how its output is framed. One
// ssh channel runs the loop below (a fixed POSIX sh script: no value on its
// command line) for many commands, so a login shell's start-up (.bashrc) is
// paid once per channel, not once per command.
//
// Request, on the channel's stdin, one per command:
//
//   <boundary> <length>\n<script of `length` bytes>
//
// The loop reads the script with `head -c` (exact: it never reads past the
// count), checks that it ends with `#<boundary>` (a cut-off script runs
// nothing: the loop exits), and evaluates it in a subshell with stdin from
// /dev/null. The script (commandScript) exports the command's environment,
// secrets included, from the loop's memory (never an argument a `ps` shows),
// cds, and execs `setsid sh -c COMMAND`: the command gets a process group of
// its own (a timeout kills it and only it) and TIDE_RUN (orphan reaping).
// Bytes for its stdin ride inside the script as base64 in a here-document.
//
// Response: the command's stdout and stderr, relayed as they come on the
// channel's stdout and stderr, then `<boundary><exit status>\n` on stdout
// and `<boundary>\n` on stderr once both are closed (like a one-command
// channel, which ends only when its output does). The boundary is 128 random
// bits chosen per command and sent only on stdin, so no output, binary or
// not, can end a command early or pass for another's.

import { randomBytes } from 'node:crypto';
import { RUN_VAR } from './run-tag.js';
import { shellQuote } from './types.js';

/** Printed once on stdout and stderr when the loop starts: what a noisy .bashrc printed before it is dropped. */
export const SHELL_READY = '\x1etide-shell-ready\n';

// fd 5 and 6 keep the channel's stdout and stderr; the command gets neither
// them nor fd 3/4 (the relay pipe and the status pipe), so a process it
// leaves behind holds no pipe but its own output, and the loop waits for that.
const LOOP = [
  'exec 5>&1 6>&2',
  `printf '\\036tide-shell-ready\\n'; printf '\\036tide-shell-ready\\n' >&2`,
  `while IFS=' ' read -r b n; do`,
  // The script ends with "#<boundary>", so $(...) strips no newline of it.
  '  s=$(head -c "$n")',
  '  case $s in *"#$b") ;; *) exit 125 ;; esac',
  // The subshell runs in the background only to learn its pid ($!): it
  // execs setsid (no fork: it is no group leader), so $! is the command's
  // process group, reported first on stderr.
  `  c=$( { { { ( eval "$s" ) </dev/null 3>&- 4>&- 5>&- 6>&- & printf '\\036tide-pid:%s\\n' $! >&2; wait $!; echo $? >&4; } 2>&1 >&3 3>&- | cat >&6; } 3>&1 | cat >&5; } 4>&1 )`,
  `  printf '%s%s\\n' "$b" "$c"`,
  `  printf '%s\\n' "$b" >&2`,
  'done',
].join('\n');

/** The channel's command line: the same for every shell, no value in it. */
export const SHELL_COMMAND = `exec sh -c ${shellQuote(LOOP)} tide-shell`;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

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
}

/** The request for one command. */
export function commandFrame(input: FrameInput): CommandFrame {
  const boundary = `\x1etide-end:${randomBytes(16).toString('hex')}:`;
  const script = Buffer.from(`${commandScript(input, boundary)}\n#${boundary}`);
  return { request: Buffer.concat([Buffer.from(`${boundary} ${script.length}\n`), script]), boundary: Buffer.from(boundary) };
}

/** What the loop evaluates for one command (the loop reports its pid). */
export function commandScript(input: FrameInput, boundary: string): string {
  const lines = [`${RUN_VAR}=${shellQuote(input.token)}; export ${RUN_VAR}`];
  for (const [name, value] of Object.entries(input.env ?? {})) {
    if (!ENV_NAME.test(name)) throw new Error(`invalid environment variable name: ${JSON.stringify(name)}`);
    lines.push(`export ${name}=${shellQuote(value)}`);
  }
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

const READY = Buffer.from(SHELL_READY, 'latin1');

/**
 * Splits one of the shell's output streams into commands: drops what comes
 * before SHELL_READY, then hands each command's bytes to its sink as they
 * arrive (holding back only a tail that could be the start of its boundary) until
 * the boundary line. Bytes while no command runs break the protocol: `stray`.
 */
export class FramedOutput {
  private buf: Buffer = Buffer.alloc(0);
  private ready = false;
  private current: { boundary: Buffer; sink: FrameSink } | null = null;

  constructor(private readonly stray: () => void) {}

  expect(boundary: Buffer, sink: FrameSink): void {
    this.current = { boundary, sink };
    this.drain();
  }

  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    this.drain();
  }

  private drain(): void {
    if (!this.ready) {
      const at = this.buf.indexOf(READY);
      if (at < 0) {
        this.buf = this.buf.subarray(Math.max(0, this.buf.length - READY.length + 1));
        return;
      }
      this.ready = true;
      this.buf = this.buf.subarray(at + READY.length);
    }
    const current = this.current;
    if (!current) {
      if (this.buf.length > 0) this.stray();
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
    if (this.buf.length > 0 && !this.current) this.stray();
  }
}

/** How many bytes at the end of `buf` could be the start of `mark` (held back until the next chunk tells). */
function partialAtEnd(buf: Buffer, mark: Buffer): number {
  for (let i = Math.max(0, buf.length - mark.length + 1); i < buf.length; i++) {
    if (buf[i] === mark[0] && buf.subarray(i).equals(mark.subarray(0, buf.length - i))) return buf.length - i;
  }
  return 0;
}
