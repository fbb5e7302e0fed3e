// A platform's source kept in the fleet repository (`source: { path }`), from
// the work tree or from a commit (`--ref`), as a list of entries whose
// contents are streamed one at a time: a deploy never holds the code in memory.
//
// The whole list is made and checked before anything reaches a server:
// 1. resolve source.path inside the repository (a symlink on the way that
//    leads out is refused: a deploy must not ship a key from ~/.ssh);
// 2. walk the tree without following symlinks; each symlink is kept as one
//    if it resolves inside the source, refused otherwise, naming the file;
// 3. empty directories are kept; sockets, fifos and devices are refused.
// Both origins give the same entries for the same files, so a deploy from
// `--ref` puts on the server what one from the work tree would.

import { constants, createReadStream, openSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { TideError } from '../errors.js';
import { SourceRefusedError } from './errors.js';
import { resolveCommit } from './git.js';
import { commitTree, GitReader } from './git-objects.js';
import { diskView, isEscape, type PathNode, type PathView, resolveInside, symlinkTarget, treeView } from './source-paths.js';

export interface SourceEntry {
  /** Relative to the source directory, forward slashes. */
  path: string;
  type: 'directory' | 'file' | 'symlink';
  /** Files only: mode 755 rather than 644 (platform code keeps its executable bits). */
  executable: boolean;
  /** Files only: bytes. */
  size: number;
  /** Symlinks only: where the link points, as written. */
  target?: string;
}

export interface SourceTree {
  /** Sorted by path: a directory before what it holds. */
  entries: SourceEntry[];
  /** The contents of a file entry. */
  open(entry: SourceEntry): Readable;
  /** Stops the git reader of a `--ref` tree. */
  close(): Promise<void>;
}

/** Never shipped: a nested repository's git data. */
const SKIPPED = '.git';

/** The checked entries under `path` of the repo at `repoDir`: its work tree, or the commit `ref` names. */
export async function openSourceTree(repoDir: string, path: string, ref?: string): Promise<SourceTree> {
  if (ref === undefined) return openWorktreeSource(repoDir, path);
  const commit = await resolveCommit(repoDir, ref);
  const git = GitReader.open(repoDir);
  try {
    return await openCommitSource(git, commit, path, ref);
  } catch (error) {
    await git.close();
    throw error;
  }
}

async function openWorktreeSource(repoDir: string, path: string): Promise<SourceTree> {
  const rootParts = await sourceRoot(diskView(repoDir), path, '', async (parts) => parts);
  const root = join(repoDir, ...rootParts);
  const source = diskView(root);
  const entries: SourceEntry[] = [];
  const walk = async (dir: string[]): Promise<void> => {
    const names = (await readdir(join(root, ...dir))).filter((n) => n !== SKIPPED).sort();
    for (const name of names) {
      const parts = [...dir, name];
      const node = await source.node(parts);
      if (!node) continue; // removed while we looked
      const entry = await checkedEntry(source, path, parts, node);
      entries.push({ ...entry, size: entry.type === 'file' ? (await lstat(join(root, ...parts))).size : 0 });
      if (entry.type === 'directory') await walk(parts);
    }
  };
  await walk([]);
  return finish(path, '', entries, {
    // O_NOFOLLOW: a file swapped for a symlink since it was checked is not read.
    open: (entry) => createReadStream('', { fd: openSync(join(root, entry.path), constants.O_RDONLY | constants.O_NOFOLLOW) }),
    close: async () => undefined,
  });
}

async function openCommitSource(git: GitReader, commit: string, path: string, ref: string): Promise<SourceTree> {
  const at = ` at ${ref}`;
  const repo = treeView(git, await commitTree(git, commit));
  const rootTree = await sourceRoot(repo, path, at, (parts) => repo.entry(parts));
  const source = treeView(git, rootTree!.oid);
  const oids = new Map<string, string>();
  const entries: SourceEntry[] = [];
  const walk = async (dir: string[], treeOid: string): Promise<void> => {
    const children = (await git.tree(treeOid)).filter((e) => e.name !== SKIPPED).sort((a, b) => compare(a.name, b.name));
    const sizes = await Promise.all(children.map(async (e) => (e.kind === 'file' || e.kind === 'executable' ? git.lookup(e.oid) : undefined)));
    for (const [i, child] of children.entries()) {
      const parts = [...dir, child.name];
      const node: PathNode = child.kind === 'symlink'
        ? { type: 'symlink', target: await symlinkTarget(git, child.oid) }
        : { type: child.kind === 'tree' || child.kind === 'submodule' ? 'directory' : child.kind };
      const entry = await checkedEntry(source, path, parts, node);
      const size = sizes[i];
      entries.push({ ...entry, size: typeof size === 'object' ? size.size : 0 });
      oids.set(entry.path, child.oid);
      // A submodule is an empty directory, as in a checkout that did not fetch it.
      if (child.kind === 'tree') await walk(parts, child.oid);
    }
  };
  await walk([], rootTree!.oid);
  return finish(path, at, entries, {
    open: (entry) => git.stream(oids.get(entry.path)!),
    close: () => git.close(),
  });
}

/**
 * Resolves source.path inside the repository and checks it is a directory;
 * `found` turns the resolved components into what the caller needs.
 */
async function sourceRoot<T>(repo: PathView, path: string, at: string, found: (parts: string[]) => Promise<T>): Promise<T> {
  const resolved = await resolveInside(repo, path.split('/'));
  if (isEscape(resolved)) {
    const how = resolved.via ? `${resolved.via.path} is a symlink to ${resolved.via.target}` : `the path goes above the repository's root`;
    throw new SourceRefusedError(resolved.loop ? 'SOURCE_SYMLINK_LOOP' : 'SOURCE_OUTSIDE_REPO',
      resolved.loop
        ? `The platform source ${path}${at} cannot be found: ${how}, one of a loop of symlinks.`
        : `The platform source ${path}${at} leads outside the repository: ${how}. Nothing was deployed.`,
      'A platform\'s code must be kept in the fleet repository: copy it there instead of linking to it.');
  }
  const node = await repo.node(resolved);
  if (node?.type !== 'directory') {
    throw new TideError('SOURCE_EMPTY', `The platform source ${path}${at} is not a directory of the repository${node ? '' : ' (there is nothing at that path)'}.`, {
      hint: 'Check the platform\'s source.path: it is relative to the fleet repository\'s root.',
    });
  }
  return found(resolved);
}

/** The entry for `node` at `parts` below the source root, or the reason it cannot be shipped. */
async function checkedEntry(source: PathView, sourcePath: string, parts: string[], node: PathNode): Promise<Omit<SourceEntry, 'size'>> {
  const path = parts.join('/');
  const shown = `${sourcePath}/${path}`;
  switch (node.type) {
    case 'directory':
    case 'submodule':
      return { path, type: 'directory', executable: false };
    case 'file':
    case 'executable':
      return { path, type: 'file', executable: node.type === 'executable' };
    case 'symlink': {
      // An absolute target leaves the source wherever the source is put.
      const resolved = node.target.startsWith('/') ? { loop: false } : await resolveInside(source, [...parts.slice(0, -1), ...node.target.split('/')]);
      if (isEscape(resolved)) {
        throw new SourceRefusedError(resolved.loop ? 'SOURCE_SYMLINK_LOOP' : 'SOURCE_SYMLINK_OUTSIDE',
          resolved.loop
            ? `${shown} is a symlink to ${node.target}, one of a loop of symlinks. Nothing was deployed.`
            : `${shown} is a symlink to ${node.target}, outside the platform source ${sourcePath}. Nothing was deployed.`,
          'Symlinks in a platform source must point inside it (a relative target): copy the file in, or remove the link.');
      }
      return { path, type: 'symlink', executable: false, target: node.target };
    }
    default:
      throw new SourceRefusedError('SOURCE_FILE_UNSUPPORTED', `${shown} is neither a file, a directory nor a symlink (a socket, fifo or device). Nothing was deployed.`,
        'Remove it from the platform source.');
  }
}

function finish(path: string, at: string, entries: SourceEntry[], access: Pick<SourceTree, 'open' | 'close'>): SourceTree {
  if (!entries.some((e) => e.type !== 'directory')) {
    void access.close();
    throw new TideError('SOURCE_EMPTY', `The platform source ${path} has no files${at}.`, {
      hint: 'Check the platform\'s source.path: it is relative to the fleet repository\'s root.',
    });
  }
  return { entries: entries.sort((a, b) => compare(a.path, b.path)), ...access };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
