// Writes loose git objects (blobs, trees, commits) straight into a
// repository's object directory, as git itself does: the object is hashed
// (SHA-1 of `type size\0content`), deflated at git's loose-object level
// (core.looseCompression: 1), written read-only to a temporary file beside
// its final name and renamed into place, so a reader never sees half an
// object. The id is known at once (a tree can name a blob still being
// written); the files are written in the background, all at once, and
// `flush` waits for them: a commit's objects must all be on disk before its
// ref moves. (Written synchronously they cost a little less CPU, but a file
// creation that waits for the disk then stalls the event loop: 0.4 s of an
// apply of 40 sites on a busy machine.) The fan-out directories (objects/ab)
// present are listed once, with one readdir, and only missing ones are made,
// not a mkdir per object; one removed meanwhile (`git prune` removes empty
// ones) is made again when a write finds it gone. Deflating is synchronous:
// node's async zlib costs ~1.5 ms of CPU per call in set-up, 50 times the
// work on a record of a few KiB. An object that exists already is replaced by the same bytes (asking
// first would cost a file system call per object).
//
// Why by hand rather than through isomorphic-git or git: the format is a few
// lines and fixed forever; isomorphic-git's writeBlob/writeTree/writeCommit
// redo the git-dir discovery and fs binding on every call and deflate through
// web streams (5 s of CPU for an apply of 400 sites); git has no long-lived
// writer that makes loose objects (`fast-import` packs, visible only at a
// checkpoint), and one `git hash-object` per object costs a process. Trees
// and commits are rendered byte for byte as isomorphic-git renders them
// (test/unit/object-writer.test.ts checks the ids against it and git fsck).

import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export type WrittenType = 'blob' | 'tree' | 'commit';

export interface TreeEntryToWrite {
  /** As git stores it (100644, 100755, 120000, 160000, 40000 or 040000). */
  mode: string;
  name: string;
  oid: string;
}

export interface Signature {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  timestamp: number;
  /** As Date.getTimezoneOffset gives it: minutes west of UTC. */
  timezoneOffset: number;
}

export interface CommitToWrite {
  tree: string;
  parent: string[];
  author: Signature;
  committer: Signature;
  message: string;
}

/** git's core.looseCompression default: speed over size. */
const LOOSE_COMPRESSION = 1;

export class LooseObjectWriter {
  /** Fan-out directories ("ab" of objects/ab) present or being made: listed at the first write. */
  private dirs: Map<string, Promise<unknown>> | undefined;
  /** Writes started and not yet flushed. */
  private writing: Promise<void>[] = [];
  /** Temporary names: this writer's own random prefix and a count (a random name per object cost a CSPRNG call each). */
  private readonly tempPrefix = `tmp_obj_${randomBytes(6).toString('hex')}_`;
  private temps = 0;

  constructor(private readonly objectsDir: string) {}

  /** Starts writing `content` as an object of `type`; returns its id. */
  write(type: WrittenType, content: Buffer): string {
    const header = Buffer.from(`${type} ${content.length}\0`, 'latin1');
    const oid = createHash('sha1').update(header).update(content).digest('hex');
    const stored = this.store(oid, deflateSync(Buffer.concat([header, content]), { level: LOOSE_COMPRESSION }));
    stored.catch(() => undefined); // flush reports it; until then it is not unhandled
    this.writing.push(stored);
    return oid;
  }

  /** Waits until every object written so far is on disk; rejects when one could not be written. */
  async flush(): Promise<void> {
    const writing = this.writing;
    this.writing = [];
    const results = await Promise.allSettled(writing);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  private async store(oid: string, data: Buffer): Promise<void> {
    const fanOut = oid.slice(0, 2);
    const dir = join(this.objectsDir, fanOut);
    this.dirs ??= new Map(readdirSync(this.objectsDir).map((name) => [name, Promise.resolve()]));
    await (this.dirs.get(fanOut) ?? this.makeDir(fanOut, dir));
    const temp = join(dir, `${this.tempPrefix}${++this.temps}`);
    try {
      await writeFile(temp, data, { flag: 'wx', mode: 0o444 }).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        // Its directory went since it was listed (git prune removes empty ones).
        await this.makeDir(fanOut, dir);
        await writeFile(temp, data, { flag: 'wx', mode: 0o444 });
      });
      await rename(temp, join(dir, oid.slice(2)));
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  private makeDir(fanOut: string, dir: string): Promise<unknown> {
    const made = mkdir(dir, { recursive: true });
    this.dirs!.set(fanOut, made);
    return made;
  }

  blob(text: string): string {
    return this.write('blob', Buffer.from(text, 'utf8'));
  }

  tree(entries: readonly TreeEntryToWrite[]): string {
    return this.write('tree', treeContent(entries));
  }

  commit(commit: CommitToWrite): string {
    return this.write('commit', Buffer.from(commitContent(commit), 'utf8'));
  }
}

/** A tree's bytes: entries in git's order (a directory sorts as if its name ended in '/'), modes without a leading 0. */
export function treeContent(entries: readonly TreeEntryToWrite[]): Buffer {
  const rows = entries.map((e) => {
    const mode = canonicalMode(e.mode);
    const name = Buffer.from(e.name, 'utf8');
    return { mode, name, key: mode === '40000' ? Buffer.concat([name, SLASH]) : name, oid: e.oid };
  });
  rows.sort((a, b) => Buffer.compare(a.key, b.key));
  const size = rows.reduce((n, r) => n + r.mode.length + 1 + r.name.length + 1 + 20, 0);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const r of rows) {
    at += out.write(r.mode, at, 'latin1');
    out[at++] = 0x20;
    at += r.name.copy(out, at);
    out[at++] = 0;
    at += out.write(r.oid, at, 'hex');
  }
  return out;
}

const SLASH = Buffer.from('/');

/** The mode git writes for an entry (old gits wrote group-writable files as 100664). */
function canonicalMode(mode: string): string {
  if (/^0?4/.test(mode)) return '40000';
  if (mode.startsWith('1006')) return '100644';
  if (mode.startsWith('1007')) return '100755';
  if (mode.startsWith('120')) return '120000';
  if (mode.startsWith('160')) return '160000';
  throw new Error(`not a git tree entry mode: ${mode}`);
}

/** A commit's text: tree, parents, author, committer, a blank line, the message without CRs or blank lines around it. */
export function commitContent({ tree, parent, author, committer, message }: CommitToWrite): string {
  const body = `${message.replace(/\r/g, '').replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
  return `tree ${tree}\n${parent.map((p) => `parent ${p}\n`).join('')}author ${signature(author)}\ncommitter ${signature(committer)}\n\n${body}`;
}

function signature({ name, email, timestamp, timezoneOffset }: Signature): string {
  // getTimezoneOffset is minutes west; git writes east of UTC (+0200). An offset of 0 is +0000.
  const east = timezoneOffset === 0 ? 0 : -timezoneOffset;
  const minutes = Math.abs(east);
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
  return `${name} <${email}> ${timestamp} ${east < 0 ? '-' : '+'}${hhmm}`;
}
