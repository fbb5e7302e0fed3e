// Writes the state branch without a checkout: loose objects written directly
// (repo/object-writer.ts), trees read through git, the ref moved by
// compare-and-swap under git's own `<ref>.lock` protocol, so a concurrent
// `git update-ref`, `git fetch` or second tide cannot be overwritten unseen.
// Every object is on disk before the ref moves. The work tree and index are
// never touched.

import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TideError } from '../errors.js';
import { type GitDirs, requireGitDirs } from '../repo/git-dir.js';
import { commitTree, GitReader, withGitReader } from '../repo/git-objects.js';
import { LooseObjectWriter } from '../repo/object-writer.js';
import { readRef } from '../repo/refs.js';

type Node = { kind: 'tree'; tree: Tree } | { kind: 'leaf'; mode: string; oid: string };
/** A directory: `oid` is known when it is as stored, `entries` once loaded (or built). */
interface Tree {
  oid: string | undefined;
  entries: Map<string, Node> | undefined;
}

export interface Identity {
  name: string;
  email: string;
}

export interface StateWriterOptions {
  /** The repository: a work tree, a bare repository or a linked worktree. */
  repoDir: string;
  branch: string;
  author?: Partial<Identity>;
  /**
   * Directories read with the tip, by the same git process: each one listed
   * or written below later then needs no git started for it (a start costs
   * 10-70 ms of a busy machine). Missing ones are skipped.
   */
  preload?: string[];
  /**
   * When this run took the state lock (Date.now()): a `<ref>.lock` of the
   * branch older than that is a dead run's leftover, which the writer
   * removes (see removeLeftoverRefLock). Without it such a lock stops every
   * commit with STATE_REF_LOCKED, as git's would.
   */
  lockedSince?: number;
}

/** How long a `<ref>.lock` from before the state lock must stay before it counts as left over (git itself waits 0.1 s for one). */
const LEFTOVER_REF_LOCK_WAIT_MS = 1000;

/** The state branch moved since this writer last saw it: someone else wrote it. */
export class StateMovedError extends TideError {
  constructor(
    readonly branch: string,
    readonly expected: string | null,
    readonly found: string | null,
  ) {
    const at = (oid: string | null): string => (oid ? `at ${oid.slice(0, 12)}` : 'not to exist');
    super(
      'STATE_MOVED',
      `The state branch '${branch}' moved behind tide's back: expected it ${at(expected)}, found it ${found ? `at ${found.slice(0, 12)}` : 'deleted'}. Nothing was recorded.`,
      { hint: `Another run or a git command wrote '${branch}' meanwhile; see 'git log ${branch}', then plan again from the new state.` },
    );
  }
}

interface PendingCommit {
  files: Record<string, string | null>;
  message: string;
  resolve(oid: string): void;
  reject(error: unknown): void;
}

/** At most this many calls share a commit, so one commit's message stays readable. */
const MAX_BATCH = 32;

/** One message for grouped calls: each call's subject on the subject line's behalf, then every message in full. */
export function combineMessages(messages: string[]): string {
  if (messages.length === 1) return messages[0]!;
  const subjects = messages.map((m) => m.split('\n')[0]!);
  return `${subjects[0]} (and ${messages.length - 1} more)\n\n${messages.map((m) => m.trimEnd()).join('\n\n')}\n`;
}

export class StateWriter {
  /** The commit new commits build on (the local branch, or origin's before the first commit). */
  private tip: string | null;
  /** What refs/heads/<branch> must still hold for the next move: null while it does not exist. */
  private refTip: string | null;
  private root: Tree;
  private readonly pending: PendingCommit[] = [];
  private draining = false;

  private readonly objects: LooseObjectWriter;

  private constructor(
    private readonly dirs: GitDirs,
    readonly branch: string,
    private readonly identity: Identity,
    tip: string | null,
    refTip: string | null,
    rootOid: string | undefined,
    private readonly lockedSince: number | undefined,
  ) {
    this.tip = tip;
    this.refTip = refTip;
    this.root = rootOid ? { oid: rootOid, entries: undefined } : { oid: undefined, entries: new Map() };
    this.objects = new LooseObjectWriter(join(dirs.commonDir, 'objects'));
  }

  static async open({ repoDir, branch, author, preload = [], lockedSince }: StateWriterOptions): Promise<StateWriter> {
    if (!isValidBranch(branch)) throw new TideError('STATE_BRANCH_INVALID', `'${branch}' is not a valid branch name for the state.`);
    const dirs = requireGitDirs(repoDir);
    const identity = {
      name: author?.name || process.env.TIDE_GIT_AUTHOR_NAME || 'tide',
      email: author?.email || process.env.TIDE_GIT_AUTHOR_EMAIL || 'tide@localhost',
    };
    if (/[<>\n\0]/.test(identity.name + identity.email)) {
      throw new TideError('GIT_IDENTITY_INVALID', `'${identity.name} <${identity.email}>' cannot be a git author: no '<', '>' or newlines.`);
    }
    const local = readRefFresh(dirs, `refs/heads/${branch}`);
    const tip = local ?? readRefFresh(dirs, `refs/remotes/origin/${branch}`);
    if (!tip) return new StateWriter(dirs, branch, identity, tip, local, undefined, lockedSince);
    return withGitReader(dirs, async (reader) => {
      const writer = new StateWriter(dirs, branch, identity, tip, local, await commitTree(reader, tip), lockedSince);
      const git = () => reader;
      for (const path of preload) {
        const node = await writer.lookup(git, splitPath(path));
        if (node?.kind === 'tree') await writer.load(git, node.tree);
      }
      return writer;
    });
  }

  /** The tip this writer last saw (its own last commit), or null before the first. */
  get head(): string | null {
    return this.tip;
  }

  /** The git dir holding objects and refs (shared by linked worktrees): where the state lock lives. */
  get gitDir(): string {
    return this.dirs.commonDir;
  }

  /** The text of `path` at the tip (the last commit made, not queued ones), or null when there is no such file. */
  async readFile(path: string): Promise<string | null> {
    return this.withReader(async (git) => {
      const node = await this.lookup(git, splitPath(path));
      return node?.kind === 'leaf' ? (await git().read(node.oid, 'blob')).data.toString('utf8') : null;
    });
  }

  /** Names in the directory `path` ('' for the root) at the tip; [] when it does not exist. */
  async listDir(path: string): Promise<string[]> {
    return this.withReader(async (git) => {
      const node = await this.lookup(git, path === '' ? [] : splitPath(path));
      return node?.kind === 'tree' ? [...(await this.load(git, node.tree)).keys()].sort() : [];
    });
  }

  /**
   * Records `files` (path → text, null deletes) on the branch and returns the
   * commit that holds them. Calls are written one after another, so history
   * stays linear; calls that arrive while a commit is being written are
   * grouped into the next one (parallel operations would otherwise wait in
   * line for the state branch). A commit that changes nothing is not made.
   */
  commit({ files, message }: { files: Record<string, string | null>; message: string }): Promise<string> {
    return new Promise((resolve, reject) => {
      this.pending.push({ files, message, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        const oid = await this.commitNow(Object.assign({}, ...batch.map((b) => b.files)), combineMessages(batch.map((b) => b.message)));
        for (const b of batch) b.resolve(oid);
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.draining = false;
  }

  private async commitNow(files: Record<string, string | null>, message: string): Promise<string> {
    const blobs = new Map<string, string | null>();
    for (const [path, text] of Object.entries(files)) {
      splitPath(path);
      blobs.set(path, text === null ? null : this.objects.blob(text));
    }
    // Copy-on-write: the current root stays intact until the ref has moved.
    const drafts = new Set<Tree>();
    const newRoot = await this.withReader(async (git) => {
      for (const path of blobs.keys()) await this.loadAlong(git, splitPath(path));
      const draft = (tree: Tree): Tree => {
        if (drafts.has(tree)) return tree;
        const copy: Tree = { oid: undefined, entries: new Map(tree.entries) };
        drafts.add(copy);
        return copy;
      };
      const top = draft(this.root);
      for (const [path, oid] of blobs) setPath(draft, top, splitPath(path), oid, path);
      return top;
    });
    const treeOid = this.writeDrafts(newRoot, drafts);
    if (this.tip && treeOid === this.root.oid) {
      await this.objects.flush();
      return this.tip;
    }
    const leftover = await this.removeLeftoverRefLock();
    const signature = { ...this.identity, timestamp: Math.floor(Date.now() / 1000), timezoneOffset: new Date().getTimezoneOffset() };
    const parent = this.tip ? [this.tip] : [];
    const commit = this.objects.commit({
      message: leftover ? `${message.trimEnd()}\n\n${leftover}\n` : message, tree: treeOid, parent, author: signature, committer: signature,
    });
    await this.objects.flush();
    await this.moveRef(commit);
    this.tip = commit;
    this.refTip = commit;
    this.root = newRoot;
    return commit;
  }

  /** Writes the draft trees below `tree` (children first), dropping emptied directories; returns its oid. */
  private writeDrafts(tree: Tree, drafts: Set<Tree>): string {
    const entries = tree.entries!;
    const out: { mode: string; name: string; oid: string }[] = [];
    for (const [name, node] of entries) {
      if (node.kind === 'leaf') {
        out.push({ mode: node.mode, name, oid: node.oid });
        continue;
      }
      if (drafts.has(node.tree)) {
        this.writeDrafts(node.tree, drafts);
        // git never stores an empty directory; neither does tide.
        if (node.tree.entries!.size === 0) {
          entries.delete(name);
          continue;
        }
      }
      out.push({ mode: '40000', name, oid: node.tree.oid! });
    }
    tree.oid = this.objects.tree(out);
    return tree.oid;
  }

  /**
   * A run killed between creating `<ref>.lock` and renaming it onto the ref
   * leaves the lock behind, and every later commit would stop on it. While
   * this run holds the state lock no other tide writes the branch, and git
   * holds a ref lock for milliseconds; so a lock that was there before this
   * run took the state lock and is still there a second later is a dead
   * run's. It is removed (the commit in it never became the tip: recovery
   * finds that run's operations by their running markers, as after any
   * kill) and the commit that follows says so. Returns that line, or null.
   */
  private async removeLeftoverRefLock(): Promise<string | null> {
    if (this.lockedSince === undefined) return null;
    const path = join(this.dirs.commonDir, `refs/heads/${this.branch}.lock`);
    const deadline = Date.now() + LEFTOVER_REF_LOCK_WAIT_MS;
    for (;;) {
      const found = await stat(path).catch(() => null);
      // None, or one taken since this run holds the state lock (a git command now): moveRef meets it as it would.
      if (!found || found.mtimeMs >= this.lockedSince) return null;
      if (Date.now() >= deadline) {
        await unlink(path).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err;
        });
        return `Removed refs/heads/${this.branch}.lock, left at ${found.mtime.toISOString()} by a run that died before it moved the branch.`;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Moves refs/heads/<branch> from refTip to `next`, as git does: create `<ref>.lock`, check, rename. */
  private async moveRef(next: string): Promise<void> {
    const name = `refs/heads/${this.branch}`;
    const refPath = join(this.dirs.commonDir, name);
    await mkdir(dirname(refPath), { recursive: true });
    const lock = await open(`${refPath}.lock`, 'wx').catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
      throw new TideError('STATE_REF_LOCKED', `${refPath}.lock exists: another process is updating '${this.branch}'.`, {
        retryable: true,
        hint: `Try again; if no git or tide process is running, remove ${refPath}.lock.`,
      });
    });
    let moved = false;
    try {
      await lock.writeFile(`${next}\n`);
      await lock.close();
      const found = readRefFresh(this.dirs, name);
      if (found !== this.refTip) throw new StateMovedError(this.branch, this.refTip, found);
      await rename(`${refPath}.lock`, refPath);
      moved = true;
    } finally {
      await lock.close().catch(() => undefined);
      if (!moved) await unlink(`${refPath}.lock`).catch(() => undefined);
    }
  }

  /** The entries of a tree, read from the repository the first time (with their modes). */
  private async load(git: () => GitReader, tree: Tree): Promise<Map<string, Node>> {
    if (tree.entries) return tree.entries;
    const entries = new Map<string, Node>();
    for (const e of await git().tree(tree.oid!)) {
      entries.set(e.name, e.kind === 'tree' ? { kind: 'tree', tree: { oid: e.oid, entries: undefined } } : { kind: 'leaf', mode: e.mode, oid: e.oid });
    }
    tree.entries = entries;
    return entries;
  }

  /** Loads the directories on the way to `parts`, so drafting them needs no more reads. */
  private async loadAlong(git: () => GitReader, parts: string[]): Promise<void> {
    let tree = this.root;
    for (const part of parts.slice(0, -1)) {
      const child = (await this.load(git, tree)).get(part);
      if (child?.kind !== 'tree') return;
      tree = child.tree;
    }
    await this.load(git, tree);
  }

  private async lookup(git: () => GitReader, parts: string[]): Promise<Node | undefined> {
    let node: Node | undefined = { kind: 'tree', tree: this.root };
    for (const part of parts) node = node?.kind === 'tree' ? (await this.load(git, node.tree)).get(part) : undefined;
    return node;
  }

  /** Runs `use` with a git reader started only if a tree or blob must be read. */
  private async withReader<T>(use: (git: () => GitReader) => Promise<T>): Promise<T> {
    let opened: GitReader | undefined;
    try {
      return await use(() => (opened ??= GitReader.open(this.dirs)));
    } finally {
      await opened?.close();
    }
  }
}

/** Sets (oid) or deletes (null) the file at `parts` below the draft `top`, drafting each directory on the way. */
function setPath(draft: (tree: Tree) => Tree, top: Tree, parts: string[], oid: string | null, path: string): void {
  let dir = top;
  for (const part of parts.slice(0, -1)) {
    const child = dir.entries!.get(part);
    if (child?.kind === 'leaf') throw conflict(path, part, 'file');
    if (!child && oid === null) return;
    const next = child ? draft(child.tree) : draft({ oid: undefined, entries: new Map() });
    dir.entries!.set(part, { kind: 'tree', tree: next });
    dir = next;
  }
  const name = parts[parts.length - 1]!;
  if (dir.entries!.get(name)?.kind === 'tree') throw conflict(path, name, 'directory');
  if (oid === null) dir.entries!.delete(name);
  else dir.entries!.set(name, { kind: 'leaf', mode: '100644', oid });
}

function conflict(path: string, part: string, what: 'file' | 'directory'): TideError {
  return new TideError('STATE_PATH_CONFLICT', `Cannot change '${path}' on the state branch: '${part}' is a ${what} there.`);
}

/** A slash-separated path git accepts (git fsck --strict): no empty, '.', '..' or '.git' parts. */
function splitPath(path: string): string[] {
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.toLowerCase() === '.git' || p.includes('\0'))) {
    throw new TideError('STATE_PATH_INVALID', `'${path}' is not a valid path on the state branch.`);
  }
  return parts;
}

function isValidBranch(name: string): boolean {
  return /^[A-Za-z0-9._\/-]+$/.test(name) && !name.split('/').some((p) => p === '' || p.startsWith('.') || p.endsWith('.lock')) && !name.includes('..');
}

/** readRef with packed-refs re-read: refs.ts caches them per GitDirs object, and the ref may have moved. */
function readRefFresh(dirs: GitDirs, name: string): string | null {
  return readRef({ ...dirs }, name) ?? null;
}
