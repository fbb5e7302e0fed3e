// Reads git objects through git itself: one long-lived `git cat-file
// --batch-command` per reader. Requests are written as they are made (those
// made in one turn of the event loop in one write: a state branch of ten
// thousand records is then a few writes, not ten thousand), so many reads
// pipeline through the one process; answers come back in order.
//
// Why git rather than a pack reader of our own: packs, deltas and zlib are
// where a crafted repository attacks a reader, and git's is the well-kept
// one. Where git itself is weak, the reader bounds it:
// - a delta that names itself as its base makes git loop, growing its memory:
//   git runs under an address-space limit (`ulimit -v`, with small pack
//   windows so a big pack still fits) and is killed when a request goes
//   unanswered for idleTimeoutMs; either way the caller gets an error naming
//   the object, never a hang;
// - an object larger than maxObjectBytes is drained without being kept, and
//   refused; large blobs can be streamed instead (`stream`).

import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { GitObjectError } from './errors.js';
import { type GitDirs, requireGitDirs } from './git-dir.js';
import { gitEnvironment } from './git-run.js';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface ObjectInfo {
  oid: string;
  type: ObjectType;
  size: number;
}

export interface GitObject extends ObjectInfo {
  data: Buffer;
}

export interface TreeEntry {
  name: string;
  oid: string;
  /** As git stores it: 40000, 100644, 100755, 120000, 160000. */
  mode: string;
  kind: 'tree' | 'file' | 'executable' | 'symlink' | 'submodule';
}

export interface GitReaderOptions {
  /** Address space git may use; past it git fails instead of exhausting the machine. */
  memoryLimitBytes?: number;
  /** A request left unanswered this long kills git. */
  idleTimeoutMs?: number;
  /** Largest object `read` keeps in memory. */
  maxObjectBytes?: number;
}

const DEFAULTS: Required<GitReaderOptions> = {
  memoryLimitBytes: 1024 * 1024 * 1024,
  idleTimeoutMs: 30_000,
  maxObjectBytes: 64 * 1024 * 1024,
};

const MODES: Record<string, TreeEntry['kind']> = {
  '40000': 'tree',
  '100644': 'file',
  '100664': 'file', // written by very old gits; git reads it as 100644
  '100755': 'executable',
  '120000': 'symlink',
  '160000': 'submodule',
};

const OID_BYTES = 20;
const HEADER = /^([0-9a-f]{40}) (commit|tree|blob|tag) ([0-9]+)$/;
const STDERR_KEPT = 2000;

interface Request {
  name: string;
  what: 'info' | 'contents';
  /** contents only: where the bytes go; collected in memory when absent. */
  sink?: PassThrough;
  /** contents only, collected: the most kept in memory; a larger object is refused, or answered with its size only. */
  maxBytes: number;
  whenLarger: 'refuse' | 'size';
  resolve(answer: ObjectInfo | GitObject | 'missing' | 'ambiguous'): void;
  reject(error: Error): void;
}

interface Body {
  request: Request;
  info: ObjectInfo;
  remaining: number;
  /** Collected bytes; undefined while streaming or when the object is too large to keep. */
  chunks: Buffer[] | undefined;
}

/** Runs `use` with a reader of the repository at `dir`, and stops git afterwards. */
export async function withGitReader<T>(dir: string | GitDirs, use: (reader: GitReader) => Promise<T>, options?: GitReaderOptions): Promise<T> {
  const reader = GitReader.open(dir, options);
  try {
    return await use(reader);
  } finally {
    await reader.close();
  }
}

export class GitReader {
  private readonly options: Required<GitReaderOptions>;
  // node's own spawn, not execa: a plan reads git on every run, and loading execa costs more than the reads.
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly pending: Request[] = [];
  /** Request lines made this turn, not yet written. */
  private unsent = '';
  private body: Body | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private stderr = '';
  private failure: Error | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private paused = false;
  private readonly exited: Promise<void>;

  static open(dir: string | GitDirs, options: GitReaderOptions = {}): GitReader {
    return new GitReader(typeof dir === 'string' ? requireGitDirs(dir) : dir, options);
  }

  private constructor(
    private readonly dirs: GitDirs,
    options: GitReaderOptions,
  ) {
    this.options = { ...DEFAULTS, ...options };
    const git = [
      '--git-dir', dirs.gitDir,
      '-c', 'core.packedGitWindowSize=32m', '-c', 'core.packedGitLimit=256m', '-c', 'core.bigFileThreshold=16m',
      'cat-file', '--batch-command',
    ];
    // `ulimit -v` is per process: only git is limited. Where the shell lacks it, git runs unlimited.
    const script = 'ulimit -v "$1" 2>/dev/null; shift; exec git "$@"';
    this.child = spawn('sh', ['-c', script, 'tide-git', String(Math.ceil(this.options.memoryLimitBytes / 1024)), ...git], {
      env: gitEnvironment(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => void (this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEPT)));
    this.child.stdin.on('error', () => undefined); // EPIPE once git died: its exit tells why
    this.exited = new Promise<void>((resolve) => {
      this.child.once('error', (error: Error) => {
        this.fail(this.exitError(undefined, undefined, error));
        resolve();
      });
      this.child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        this.fail(this.exitError(code ?? undefined, signal ?? undefined));
        resolve();
      });
    });
  }

  /** What `name` (an oid, or any name git resolves: ref, `commit:path`) is; 'missing' or 'ambiguous' when git cannot say. */
  lookup(name: string): Promise<ObjectInfo | 'missing' | 'ambiguous'> {
    return this.request(name, 'info') as Promise<ObjectInfo | 'missing' | 'ambiguous'>;
  }

  /** The object `name`, which must exist and, when `type` is given, be of that type. */
  async read(name: string, type?: ObjectType): Promise<GitObject> {
    const answer = await this.request(name, 'contents');
    if (answer === 'missing' || answer === 'ambiguous') throw this.missing(name, answer);
    const object = answer as GitObject;
    if (type && object.type !== type) {
      throw new GitObjectError('GIT_OBJECT_CORRUPT', `Git object ${name} in ${this.where} is a ${object.type}, expected a ${type}.`);
    }
    return object;
  }

  /** The blob `oid`, or only its size when it is larger than `maxBytes` (drained, never kept). */
  async readBlobUpTo(oid: string, maxBytes: number): Promise<{ size: number; data?: Buffer }> {
    const answer = await this.request(oid, 'contents', { maxBytes, whenLarger: 'size' });
    if (answer === 'missing' || answer === 'ambiguous') throw this.missing(oid, answer);
    const object = answer as ObjectInfo & { data?: Buffer };
    if (object.type !== 'blob') throw new GitObjectError('GIT_OBJECT_CORRUPT', `Git object ${oid} in ${this.where} is a ${object.type}, expected a blob.`);
    return object;
  }

  /** The entries of the tree `name` (names checked: no empty, '.', '..' or '/'). */
  async tree(name: string): Promise<TreeEntry[]> {
    const { oid, data } = await this.read(name, 'tree');
    return parseTree(oid, data);
  }

  /** The blob `oid` as a stream, of any size; read it to its end before the reader's next answer can arrive. */
  stream(oid: string): Readable {
    const sink = new PassThrough();
    this.request(oid, 'contents', { sink }).then(
      (answer) => {
        if (answer === 'missing' || answer === 'ambiguous') sink.destroy(this.missing(oid, answer));
      },
      (error: Error) => sink.destroy(error),
    );
    return sink;
  }

  /** Stops git; requests still waiting fail. */
  async close(): Promise<void> {
    this.flush();
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  private get where(): string {
    return this.dirs.commonDir;
  }

  private request(
    name: string,
    what: Request['what'],
    how: Partial<Pick<Request, 'sink' | 'maxBytes' | 'whenLarger'>> = {},
  ): Promise<ObjectInfo | GitObject | 'missing' | 'ambiguous'> {
    if (name === '' || /[\0\n\r]/.test(name)) {
      return Promise.reject(new GitObjectError('GIT_OBJECT_MISSING', `${JSON.stringify(name)} cannot name a git object.`, 'Object names are one line of text.'));
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ name, what, maxBytes: this.options.maxObjectBytes, whenLarger: 'refuse', ...how, resolve, reject });
      if (this.unsent === '') queueMicrotask(() => this.flush());
      this.unsent += `${what} ${name}\n`;
      this.armIdleTimer();
    });
  }

  /** Writes the request lines made so far, in the order they were made. */
  private flush(): void {
    if (this.unsent === '') return;
    const lines = this.unsent;
    this.unsent = '';
    this.child.stdin.write(lines);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.armIdleTimer(true);
    try {
      this.parse();
    } catch (error) {
      this.fail(error as Error);
      this.child.kill('SIGKILL');
    }
  }

  /** Consumes what git has printed: headers, bodies and the newline after each body. */
  private parse(): void {
    for (;;) {
      if (this.body) {
        if (!this.consumeBody(this.body)) return;
        continue;
      }
      const eol = this.buffer.indexOf(0x0a);
      if (eol < 0) {
        if (this.buffer.length > 4096) throw this.protocolError('an answer line longer than 4 KiB');
        return;
      }
      const line = this.buffer.toString('utf8', 0, eol);
      this.buffer = this.buffer.subarray(eol + 1);
      const request = this.pending.shift();
      if (!request) throw this.protocolError(`an answer nobody asked for: ${line.slice(0, 80)}`);
      this.answerHeader(request, line);
    }
  }

  private answerHeader(request: Request, line: string): void {
    if (line === `${request.name} missing` || line === `${request.name} ambiguous`) {
      request.resolve(line.endsWith('missing') ? 'missing' : 'ambiguous');
      return;
    }
    const match = HEADER.exec(line);
    if (!match) throw this.protocolError(`'${line.slice(0, 80)}' for ${request.name}`);
    const info: ObjectInfo = { oid: match[1]!, type: match[2] as ObjectType, size: Number(match[3]) };
    if (request.what === 'info') {
      request.resolve(info);
      return;
    }
    if (request.sink && info.type !== 'blob') {
      request.sink.destroy(new GitObjectError('GIT_OBJECT_CORRUPT', `Git object ${request.name} in ${this.where} is a ${info.type}, expected a blob.`));
    }
    const keep = !request.sink && info.size <= request.maxBytes;
    this.body = { request, info, remaining: info.size, chunks: keep ? [] : undefined };
  }

  /** Moves body bytes on; true once the body and its newline are consumed. */
  private consumeBody(body: Body): boolean {
    if (body.remaining > 0) {
      const part = this.buffer.subarray(0, Math.min(body.remaining, this.buffer.length));
      if (part.length === 0) return false;
      this.buffer = this.buffer.subarray(part.length);
      body.remaining -= part.length;
      const sink = body.request.sink;
      if (body.chunks) body.chunks.push(part);
      else if (sink && !sink.destroyed && !sink.write(part)) this.pauseUntilDrained(sink);
      if (body.remaining > 0) return false;
    }
    if (this.buffer.length === 0) return false;
    if (this.buffer[0] !== 0x0a) throw this.protocolError(`no newline after ${body.request.name}`);
    this.buffer = this.buffer.subarray(1);
    this.body = undefined;
    const { request, info, chunks } = body;
    if (request.sink) {
      if (!request.sink.destroyed) request.sink.end();
      request.resolve(info);
    } else if (chunks) {
      request.resolve({ ...info, data: Buffer.concat(chunks, info.size) });
    } else if (request.whenLarger === 'size') {
      request.resolve(info);
    } else {
      request.reject(new GitObjectError('GIT_OBJECT_TOO_LARGE',
        `Git object ${request.name} in ${this.where} is ${info.size} bytes, more than tide reads (${request.maxBytes}).`,
        'A fleet or state file that large is not one tide wrote; check where it came from (git log).'));
    }
    return true;
  }

  /** Backpressure: git waits (its pipe fills) while the stream's reader catches up. */
  private pauseUntilDrained(sink: PassThrough): void {
    if (this.paused) return;
    this.paused = true;
    this.child.stdout.pause();
    this.armIdleTimer();
    const resume = (): void => {
      sink.off('drain', resume);
      sink.off('close', resume);
      this.paused = false;
      this.child.stdout.resume();
      this.armIdleTimer(true);
    };
    sink.on('drain', resume);
    sink.on('close', resume);
  }

  /** Runs while git owes an answer and nothing on our side holds it back. */
  private armIdleTimer(progress = false): void {
    const waiting = (this.pending.length > 0 || this.body !== undefined) && !this.paused && !this.failure;
    if (progress || !waiting) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    if (!waiting || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      const name = this.body?.request.name ?? this.pending[0]?.name ?? 'an object';
      this.fail(new GitObjectError('GIT_READ_FAILED',
        `git gave no answer for ${this.options.idleTimeoutMs / 1000} s reading ${name} in ${this.where}; it was stopped.`));
      this.child.kill('SIGKILL');
    }, this.options.idleTimeoutMs);
  }

  /** Every request still waiting fails with `error`; later ones fail at once. */
  private fail(error: Error): void {
    clearTimeout(this.idleTimer);
    this.failure ??= error;
    const body = this.body;
    this.body = undefined;
    if (body) {
      body.request.sink?.destroy(this.failure);
      body.request.reject(this.failure);
    }
    for (const request of this.pending.splice(0)) {
      request.sink?.destroy(this.failure);
      request.reject(this.failure);
    }
  }

  private exitError(code: number | undefined, signal: string | undefined, error?: Error): GitObjectError {
    const name = this.body?.request.name ?? this.pending[0]?.name;
    const said = this.stderr.trim() || error?.message || (signal ? `killed by ${signal}` : `exit status ${code}`);
    const what = name ? `Cannot read git object ${name} in ${this.where}` : `git cat-file stopped in ${this.where}`;
    return new GitObjectError('GIT_READ_FAILED', `${what}: git says: ${said.split('\n').slice(-3).join(' ')}`);
  }

  private missing(name: string, why: 'missing' | 'ambiguous'): GitObjectError {
    return why === 'missing'
      ? new GitObjectError('GIT_OBJECT_MISSING', `Git object ${name} is missing from ${this.where}.`,
        'The repository is incomplete (a shallow or partial clone?); fetch the full history.')
      : new GitObjectError('GIT_OBJECT_MISSING', `'${name}' names more than one object in ${this.where}.`, 'Give the full object id.');
  }

  private protocolError(what: string): GitObjectError {
    return new GitObjectError('GIT_READ_FAILED', `git cat-file printed something unexpected in ${this.where}: ${what}.`);
  }
}

/** Entries of a raw tree object: `MODE NAME\0` and the 20-byte oid, repeated. */
export function parseTree(oid: string, data: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  const corrupt = (why: string) => new GitObjectError('GIT_OBJECT_CORRUPT', `Git tree ${oid} is corrupt: ${why}.`);
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = space < 0 ? -1 : data.indexOf(0, space);
    if (nul < 0 || nul + 1 + OID_BYTES > data.length) throw corrupt(`entry at byte ${at} is cut short`);
    const mode = data.toString('latin1', at, space);
    const name = data.toString('utf8', space + 1, nul);
    const kind = MODES[mode];
    if (!kind) throw corrupt(`entry '${name.slice(0, 80)}' has mode ${mode.slice(0, 10)}`);
    if (name === '' || name === '.' || name === '..' || name.includes('/')) throw corrupt(`it holds an entry named '${name.slice(0, 80)}'`);
    entries.push({ name, oid: data.toString('hex', nul + 1, nul + 1 + OID_BYTES), mode, kind });
    at = nul + 1 + OID_BYTES;
  }
  return entries;
}

/** The root tree of `commit`. */
export async function commitTree(git: GitReader, commit: string): Promise<string> {
  const tree = headerValues((await git.read(commit, 'commit')).data, 'tree')[0];
  if (!tree) throw new GitObjectError('GIT_OBJECT_CORRUPT', `Commit ${commit} names no tree.`);
  return tree;
}

/** Values of a header field (`tree`, `parent`, `object`) of a commit or tag, in order. */
export function headerValues(data: Buffer, field: string): string[] {
  const end = data.indexOf('\n\n');
  return data
    .toString('utf8', 0, end < 0 ? data.length : end)
    .split('\n')
    .filter((line) => line.startsWith(`${field} `))
    .map((line) => line.slice(field.length + 1));
}

// Defined beside the process runner (git-run.ts), which a plan loads without this reader.
export { gitEnvironment };
