// Several commands that need no answer in between, run as one command: one
// round trip instead of one each. Each step still ends on its own: after it
// the script writes a line on stderr with the step's number and exit status
// (and a nonce of this command, so no output can pass for it), and it stops
// at the first step that fails. So the caller learns, for every step, that it
// succeeded (with its stderr), failed (with its exit status), did not run, or,
// when the command as a whole was cut off (a timeout, a lost connection), that
// it was running then: an undo knows exactly what was done.
//
// Steps read their own stdin: the bytes of every step ride, one after the
// other, on the combined command's stdin (never in its arguments: settings
// hold secrets), and each step gets exactly its own through `head -c` (which
// never reads past its count); whatever a step leaves unread is drained, so
// the next step's bytes stay in place. A step that itself reads exactly its
// bytes when it succeeds (`exactStdin`: the file writes below, each file read
// by its own `head -c`) needs neither: on a failure the script stops, so
// nothing after it could be out of place. Three processes fewer per step.
// Where the perl loop runs the command, it writes those files itself
// (ExecOptions.files, shell-loops.ts): their bytes never reach the script,
// which asks the loop for each write instead of forking `head` and `mv`.

import { randomBytes } from 'node:crypto';
import { tempBeside, writeFileCommand } from '../transport/remote-shell.js';
import { fileCallCommand, newFileId } from '../transport/shell-loops.js';
import { shellQuote as q, type ExecResult, type StdinFile, type Transport } from '../transport/types.js';
import { ioTimeoutMs } from '../transport/timeouts.js';

/** One step of a combined command. */
export interface ShellStep {
  /** A shell command; its exit status is the step's. */
  command: string;
  /** Bytes for its standard input. */
  stdin?: string | Buffer;
  /** The command reads exactly `stdin`'s bytes when it succeeds (never more): it reads the combined stdin directly, no `head -c` and drain around it. */
  exactStdin?: boolean;
  /**
   * The command leaves the shell as it found it (no cd, umask, set, trap,
   * exec; no variable but `s` and a `tide_` one it leaves for a later step on
   * purpose) and calls `exit` only to fail: it runs in the
   * combined script's own shell instead of a subshell, one process fewer.
   * An `exit` in it still ends with its end line (an EXIT trap prints it).
   */
  inline?: boolean;
  /** Variables it needs (secrets allowed: they travel as ExecOptions.env does); set for the whole combined command. */
  env?: Record<string, string>;
  /** Its own limit; the combined command gets the sum (default: TIDE_IO_TIMEOUT_SECONDS). */
  timeoutMs?: number;
  /** Files it writes (ExecOptions.files), `at` counted in its own stdin; a step with bytes for them has `exactStdin`. */
  files?: readonly StdinFile[];
}

/** How one step ended. */
export interface StepResult {
  /** The step's own command. */
  command: string;
  /** Its exit status; null when it was running when the combined command was cut off (see `error`). */
  exitCode: number | null;
  /** Its stderr (what it printed before its end line); the combined stdout is not split. */
  stderr: string;
  /** Why the combined command did not finish, when exitCode is null. */
  error?: Error;
}

/** A step that did not run: an earlier one failed. */
export const NOT_RUN = null;

/**
 * Runs `steps` in order as one command through `t.exec` (a logging view
 * logs it once, with its output). `prelude`: shell text on one line before
 * the steps (functions they call). Returns one entry per step: its result, or NOT_RUN after
 * a failed one. Never rejects for a step's failure; a command that could not
 * run at all is reported as the first step's `error`.
 */
export async function runSteps(
  t: Pick<Transport, 'exec'>, steps: readonly ShellStep[], options: { prelude?: string } = {},
): Promise<(StepResult | typeof NOT_RUN)[]> {
  const nonce = randomBytes(8).toString('hex');
  const ends = new StepEnds(nonce);
  const env: Record<string, string> = {};
  for (const step of steps) Object.assign(env, step.env);
  const files: StdinFile[] = [];
  let offset = 0;
  for (const step of steps) {
    for (const f of step.files ?? []) files.push({ ...f, at: offset + f.at });
    offset += Buffer.byteLength(step.stdin ?? '');
  }
  let finished: ExecResult | undefined;
  let failure: Error | undefined;
  try {
    finished = await t.exec((options.prelude ? `${options.prelude} ` : '') + combinedCommand(steps, nonce), {
      stdin: Buffer.concat(steps.map((s) => Buffer.from(s.stdin ?? ''))),
      ...(Object.keys(env).length ? { env } : {}),
      ...(files.length ? { files } : {}),
      timeoutMs: steps.reduce((sum, s) => sum + (s.timeoutMs ?? ioTimeoutMs()), 0),
      onOutput: (text, stream) => void (stream === 'stderr' && ends.push(text)),
    });
  } catch (error) {
    failure = error as Error;
  }
  if (finished) ends.reset(finished.stderr);
  const found = ends.parse();
  return steps.map((step, i) => {
    const end = found.ends[i];
    if (end) return { command: step.command, exitCode: end.status, stderr: end.stderr };
    // The first step without an end line was running when it all stopped; a finished command that printed no end
    // for it exited in the wrapper itself (it could not read its stdin: a broken frame).
    if (i === found.ends.length && found.ends.every((e) => e.status === 0)) {
      return failure
        ? { command: step.command, exitCode: null, stderr: found.rest, error: failure }
        : { command: step.command, exitCode: finished!.exitCode || 1, stderr: found.rest };
    }
    return NOT_RUN;
  });
}

/**
 * The combined script, on one line (one line in the log): each step in a
 * subshell fed exactly its bytes, its end line, a stop at the first failure.
 */
function combinedCommand(steps: readonly ShellStep[], nonce: string): string {
  return steps.map((step, i) => {
    const bytes = Buffer.byteLength(step.stdin ?? '');
    const end = `tide-step:${nonce}:${i + 1}:`;
    if (step.inline && (bytes === 0 || step.exactStdin)) {
      return `trap 'printf "%s\\n" "${end}$?" >&2' EXIT; { ${step.command}; }${bytes === 0 ? ' </dev/null' : ''}; s=$?; trap - EXIT; ` +
        `printf '%s\\n' "${end}$s" >&2; [ "$s" -eq 0 ] || exit "$s"`;
    }
    const run = bytes === 0
      ? `( ${step.command} ) </dev/null`
      : step.exactStdin
        ? `( ${step.command} )`
        : `head -c ${bytes} | { ( ${step.command} ); s=$?; cat >/dev/null; exit $s; }`;
    return `${run}; s=$?; printf '%s\\n' "${end}$s" >&2; [ "$s" -eq 0 ] || exit "$s"`;
  }).join('; ');
}

/** The end lines in a combined command's stderr, and each step's stderr before its line. */
class StepEnds {
  private text = '';
  private readonly line: RegExp;

  constructor(nonce: string) {
    this.line = new RegExp(`tide-step:${nonce}:(\\d+):(\\d+)$`, 'gm');
  }

  push(chunk: string): void {
    this.text += chunk;
  }

  /** The whole stderr once the command finished (the chunks seen may be fewer when a caller kept them). */
  reset(stderr: string): void {
    if (stderr.length >= this.text.length) this.text = stderr;
  }

  /** Each step's end, in order (a line out of order ends the list), and what came after the last one. */
  parse(): { ends: { status: number; stderr: string }[]; rest: string } {
    const ends: { status: number; stderr: string }[] = [];
    let from = 0;
    for (const m of this.text.matchAll(this.line)) {
      if (Number(m[1]) !== ends.length + 1) break;
      ends.push({ status: Number(m[2]), stderr: this.text.slice(from, m.index) });
      from = m.index + m[0].length + 1;
    }
    return { ends, rest: this.text.slice(from) };
  }
}

/** A small file to upload with a command. */
export interface FileUpload {
  path: string;
  content: string | Buffer;
  mode: number;
}

/**
 * Writes `files` as Transport.writeFile does (temp file, mode, rename), their
 * bytes on the step's stdin. `fresh`: they go in a directory made by this
 * very command, that no one else can write and that holds none of them yet
 * (an install's): each is created in place with its mode (noclobber: never
 * over a file there), one process (head) where a temp file and its rename
 * take three; one cut off halfway goes with the directory in the undo. The
 * perl loop writes them itself, the same way (no process at all); the step
 * runs inline (it leaves the shell as it found it), so neither forks a
 * subshell for it.
 */
export function writeFilesStep(files: readonly FileUpload[], { fresh = false } = {}): ShellStep {
  const served: StdinFile[] = [];
  let at = 0;
  const command = files.map((f) => {
    const { dir, tmp } = tempBeside(f.path);
    const length = Buffer.byteLength(f.content);
    const bytes = String(length);
    at += length;
    if (!byUmask(f.mode)) return `head -c ${bytes} | { ${writeFileCommand(f.path, f.mode)}; }`;
    const file: StdinFile = { id: newFileId(), op: fresh ? 'new' : 'put', path: f.path, ...(fresh ? {} : { tmp }), mode: f.mode, at: at - length, length };
    served.push(file);
    return `{ ${fileCallCommand([file.id], fresh
      ? `{ [ -d ${q(dir)} ] || mkdir -p ${q(dir)}; } && (umask ${umaskFor(f.mode)} && set -C && head -c ${bytes} > ${q(f.path)})`
      : receiveFile(q(dir), q(tmp), q(f.path), umaskFor(f.mode), bytes))}; }`;
  }).join(' && ');
  return {
    command,
    stdin: Buffer.concat(files.map((f) => Buffer.from(f.content))),
    exactStdin: true,
    inline: true,
    ...(served.length ? { files: served } : {}),
  };
}

/**
 * The next `bytes` bytes of stdin into `path` as Transport.writeFile puts a
 * file (a temp file beside it, renamed over it; removed on failure), the
 * temp file created with the file's mode through the umask (never more
 * open, no chmod): two processes, head and mv. Arguments are shell words
 * (quoted values, or "$n" in a function).
 */
function receiveFile(dir: string, tmp: string, path: string, umask: string, bytes: string): string {
  return `{ [ -d ${dir} ] || mkdir -p ${dir}; } && (umask ${umask} && head -c ${bytes} > ${tmp}) && mv -f ${tmp} ${path} || { s=$?; rm -f ${tmp}; exit $s; }`;
}

/** A file created by the shell (base 0666) gets exactly `mode` from a umask: read and write bits only. */
function byUmask(mode: number): boolean {
  return (mode & ~0o666) === 0;
}

/** The umask that creates a file with exactly `mode` (byUmask). */
function umaskFor(mode: number): string {
  return (~mode & 0o777).toString(8).padStart(4, '0');
}

/** A file to replace: new content, or null to remove it. */
export interface FileReplacement {
  path: string;
  content: string | Buffer | null;
  mode: number;
}

/** How one file of a FileReplacements step ended. */
export type FileOutcome =
  /** Written (or removed); what it held before (null: nothing). */
  | { done: true; previous: Buffer | null }
  /** Not done: the step failed on it (its stderr), was cut off on it (`error`), or stopped before it (`notRun`). */
  | { done: false; stderr?: string; error?: Error; notRun?: boolean };

/**
 * One step that replaces many files, each as Transport.replaceFile does
 * (temp file beside it, created with the file's mode, renamed over it; or
 * removed), in order, stopping at the first that fails. For each it prints
 * on stdout what the file held before, base64 between lines that carry a
 * nonce of this command (no other output can pass for them), then a line
 * once it is in place: the undo's input, and exactly which files were done,
 * in the same round trip. Every file's bytes ride on the step's stdin, one
 * after the other, each read by its own `head -c` (two processes a file:
 * head and mv, base64 for one that was there), or, where the perl loop runs
 * the command, each written by the loop itself (no process). Run it with `prelude` (the
 * shell function it calls) and read it back with `outcomes`; `tmps[i]` is
 * the temp file a cut-off write may leave behind.
 */
export class FileReplacements {
  private readonly nonce = randomBytes(8).toString('hex');
  readonly tmps: string[];
  // tide_replace INDEX ID PATH DIR TMP put|rm UMASK BYTES: the temp file gets the mode through the umask (never more
  // open). The perl loop does the same itself (ExecOptions.files, the old bytes framed alike).
  readonly prelude = `tide_replace() { ${fileCallCommand(['"$2"'], `if [ -e "$3" ]; then printf 'tide-old:%s:%s:1\\n' ${this.nonce} "$1"; base64 < "$3" || exit 1; ` +
    `else printf 'tide-old:%s:%s:0\\n' ${this.nonce} "$1"; fi; printf 'tide-old:%s:%s:end\\n' ${this.nonce} "$1"; ` +
    `if [ "$6" = rm ]; then rm -f -- "$3" || exit; else ${receiveFile('"$4"', '"$5"', '"$3"', '"$7"', '"$8"')}; fi`)} || exit; ` +
    `printf 'tide-done:%s:%s\\n' ${this.nonce} "$1"; };`;
  private readonly ids: string[];

  constructor(private readonly files: readonly FileReplacement[]) {
    for (const f of files) {
      if (!byUmask(f.mode)) throw new Error(`FileReplacements: mode ${f.mode.toString(8)} of ${f.path} has more than read and write bits`);
    }
    this.tmps = files.map((f) => tempBeside(f.path).tmp);
    this.ids = files.map(() => newFileId());
  }

  step(): ShellStep {
    let at = 0;
    const files = this.files.map((f, i): StdinFile => {
      const length = f.content === null ? 0 : Buffer.byteLength(f.content);
      at += length;
      return { id: this.ids[i]!, op: f.content === null ? 'rm' : 'put', path: f.path, tmp: this.tmps[i]!, mode: f.mode, at: at - length, length,
        report: `tide-old:${this.nonce}:${i}` };
    });
    return {
      command: files.map((f, i) =>
        `tide_replace ${i} ${f.id} ${[f.path, tempBeside(f.path).dir, f.tmp!].map(q).join(' ')} ${f.op} ${umaskFor(f.mode)} ${f.length}`).join(' && '),
      stdin: Buffer.concat(this.files.map((f) => Buffer.from(f.content ?? ''))),
      exactStdin: true,
      files,
    };
  }

  /** How each file ended, from the step's result (NOT_RUN: it never ran) and the command's stdout. */
  outcomes(result: StepResult | typeof NOT_RUN, stdout: string): FileOutcome[] {
    const old = new Map<number, Buffer | null>();
    const frame = new RegExp(`^tide-old:${this.nonce}:(\\d+):([01])\\n([A-Za-z0-9+/=\\n]*?)^tide-old:${this.nonce}:\\1:end$`, 'gm');
    for (const m of stdout.matchAll(frame)) old.set(Number(m[1]), m[2] === '1' ? Buffer.from(m[3]!, 'base64') : null);
    const done = new Set([...stdout.matchAll(new RegExp(`^tide-done:${this.nonce}:(\\d+)$`, 'gm'))].map((m) => Number(m[1])));
    let stopped = false;
    return this.files.map((_, i): FileOutcome => {
      if (!stopped && done.has(i) && old.has(i)) return { done: true, previous: old.get(i)! };
      if (stopped || !result) return { done: false, notRun: true };
      // The first file not done is where the step stopped: what it says about it is this file's.
      stopped = true;
      if (result.exitCode === null) return { done: false, error: result.error! };
      return { done: false, stderr: result.exitCode === 0 ? 'the write ended without saying so' : result.stderr };
    });
  }
}
