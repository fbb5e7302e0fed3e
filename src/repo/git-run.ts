// Runs a local git command and collects what it prints, without blocking the
// event loop, so a plan's git questions (which files changed, which trees its
// platform code has) are asked at the same time. A plain spawn rather than
// execa: loading execa costs more than a cached plan takes.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitOutput<Out = string> {
  /** The exit code; null when git could not start, was killed or ran out of time. */
  code: number | null;
  stdout: Out;
  stderr: string;
  /** Why git could not start, when it could not. */
  error?: Error;
}

export interface GitOutputOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * For an answer of megabytes (a listing of ten thousand files, thousands
   * of blobs): git writes it to a temporary file, read back in one piece.
   * Through a pipe it comes a few KiB at a time, each piece waking tide to
   * read it, which costs more CPU than the answer itself.
   */
  viaFile?: boolean;
  /**
   * With viaFile, for objects a stranger may have written: git runs under an
   * address-space limit and a limit on the answer file (`ulimit -v`,
   * `ulimit -f`), and fails past them.
   */
  limits?: { memoryBytes: number; outputBytes: number };
  /** git is killed after this long (code null). */
  timeoutMs?: number;
}

/** `git ARGS` in `cwd`, with `input` on its stdin; never rejects: the caller reads the code. */
export async function gitOutput(cwd: string, args: string[], options: GitOutputOptions = {}): Promise<GitOutput> {
  const r = await gitOutputBytes(cwd, args, options);
  return { ...r, stdout: r.stdout.toString('utf8') };
}

/** gitOutput, with what git printed as it printed it. */
export function gitOutputBytes(cwd: string, args: string[], options: GitOutputOptions = {}): Promise<GitOutput<Buffer>> {
  let dir: string | undefined;
  try {
    dir = options.viaFile ? mkdtempSync(join(tmpdir(), 'tide-git-')) : undefined;
  } catch (error) {
    return Promise.resolve({ code: null, stdout: Buffer.alloc(0), stderr: '', error: error as Error });
  }
  const file = dir && join(dir, 'stdout');
  return new Promise<GitOutput<Buffer>>((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let error: Error | undefined;
    const [command, argv] = file ? ['sh', ['-c', fileScript(options.limits), 'tide-git', file, ...limitArgs(options.limits), ...args]] : ['git', args];
    const child = spawn(command, argv, {
      cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', file ? 'ignore' : 'pipe', 'pipe'],
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
    });
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (e) => (error = e));
    // Killed (out of time): what git started may still hold its pipes open; stop waiting for them.
    child.once('exit', (_code, signal) => signal && (child.stdout?.destroy(), child.stderr!.destroy()));
    child.stdin?.on('error', () => undefined); // git may exit before reading it all; its code says why
    child.stdin?.end(options.input);
    child.once('close', (code) => {
      let stdout = Buffer.concat(out);
      try {
        if (file && code === 0) stdout = readFileSync(file);
      } catch (e) {
        error ??= e as Error;
      }
      resolve({ code: error ? null : code, stdout, stderr: Buffer.concat(err).toString('utf8'), error });
    });
  }).finally(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

/** One of several git commands run together: its arguments, and what goes to its stdin. */
export interface GitCommand {
  args: string[];
  input?: string;
}

/**
 * Several git commands started by one shell and run side by side, each
 * answering as gitOutput would: its own stdout, stderr and code (null when
 * it did not run). Why: starting a process costs tide ~10 ms of its own
 * time on a small VM, git or sh alike, and a plan asks several small
 * questions at once. The arguments reach git as the shell's positional
 * parameters, never parsed by it. No limits and no timeout: for questions
 * about the user's own repository (status, batch-check, its index listing),
 * whose answers come back through files.
 */
export async function gitOutputsTogether(cwd: string, commands: readonly GitCommand[], env: NodeJS.ProcessEnv = process.env): Promise<GitOutput[]> {
  return (await gitOutputsTogetherBytes(cwd, commands, env)).map((r) => ({ ...r, stdout: r.stdout.toString('utf8') }));
}

/** gitOutputsTogether, with what each command printed as it printed it. */
export function gitOutputsTogetherBytes(cwd: string, commands: readonly GitCommand[], env: NodeJS.ProcessEnv = process.env): Promise<GitOutput<Buffer>[]> {
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'tide-git-'));
    commands.forEach((c, i) => writeFileSync(join(dir, `in.${i}`), c.input ?? ''));
  } catch (error) {
    return Promise.resolve(commands.map(() => ({ code: null, stdout: Buffer.alloc(0), stderr: '', error: error as Error })));
  }
  const argv = commands.flatMap((c) => [String(c.args.length), ...c.args]);
  return new Promise<GitOutput<Buffer>[]>((resolve) => {
    const err: Buffer[] = [];
    let failure: Error | undefined;
    const child = spawn('sh', ['-c', TOGETHER_SCRIPT, 'tide-git', dir, ...argv], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', (e) => (failure = e));
    child.once('close', () => {
      const shell = Buffer.concat(err).toString('utf8');
      resolve(commands.map((_, i) => {
        try {
          const code = Number(readFileSync(join(dir, `code.${i}`), 'utf8'));
          return { code, stdout: readFileSync(join(dir, `out.${i}`)), stderr: readFileSync(join(dir, `err.${i}`), 'utf8') };
        } catch (e) {
          return { code: null, stdout: Buffer.alloc(0), stderr: shell, error: failure ?? (e as Error) };
        }
      }));
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * `sh -c` script for gitOutputsTogether: `$1` the directory of the files,
 * then for each command its number of arguments and the arguments. Each
 * runs in a subshell of its own, in the background, which keeps only its
 * own arguments (turning "$@" round: drop the first, append it if it is
 * one of its own), and leaves in.N, out.N, err.N and code.N.
 */
const TOGETHER_SCRIPT = `d=$1; shift; i=0
while [ $# -gt 0 ]; do
  n=$1; shift
  (
    k=0
    for a do
      if [ $k -lt $n ]; then set -- "$@" "$a"; fi
      shift; k=$((k+1))
    done
    git "$@" <"$d/in.$i" >"$d/out.$i" 2>"$d/err.$i"
    echo $? >"$d/code.$i"
  ) &
  shift $n; i=$((i+1))
done
wait`;

/**
 * `sh -c` script running `git "$@"` into the file `$1`, first lowering the
 * limits `$2` (KiB of address space) and `$3` (blocks of file) when given.
 * `ulimit -f` counts 512-byte blocks in dash (1 KiB in bash: twice the room, still bounded).
 */
function fileScript(limits: GitOutputOptions['limits']): string {
  const bound = limits ? 'ulimit -v "$2" 2>/dev/null; ulimit -f "$3" 2>/dev/null; ' : '';
  return `${bound}out=$1; shift ${limits ? 3 : 1}; exec git "$@" > "$out"`;
}

function limitArgs(limits: GitOutputOptions['limits']): string[] {
  return limits ? [String(Math.ceil(limits.memoryBytes / 1024)), String(Math.ceil(limits.outputBytes / 512))] : [];
}

/**
 * A small environment for git: PATH, and HOME for the user's git config
 * (safe.directory). No GIT_* variable of the caller (a hook's GIT_DIR or
 * GIT_OBJECT_DIRECTORY must not redirect the reads), replace refs off, and
 * none of tide's secrets.
 */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { GIT_NO_REPLACE_OBJECTS: '1', GIT_TERMINAL_PROMPT: '0' };
  for (const key of ['PATH', 'HOME', 'XDG_CONFIG_HOME']) if (process.env[key] !== undefined) env[key] = process.env[key];
  return env;
}
