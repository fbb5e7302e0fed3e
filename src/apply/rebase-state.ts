// A shard whose state push lost the race replays its own state commits onto
// the remote's new tip, as `git rebase` would, without a work tree:
//   1. list what the remote changed since the common base, and what each of
//      our commits changed (git diff-tree);
//   2. replay our commits in order: a file the remote did not touch takes our
//      version; a file both changed is merged field by field (state/merge.ts),
//      or the rebase stops with a conflict: never a silent pick, never a force;
//   3. write the new commits with git fast-import (author, date and message
//      kept; a scratch ref, removed after) and move the local branch by
//      compare-and-swap, so a writer that moved it meanwhile is not lost.
// Nothing is written to the branch unless every commit replayed.

import { createHash } from 'node:crypto';
import { execa } from 'execa';
import { TideError } from '../errors.js';
import { withGitReader, type GitReader } from '../repo/git-objects.js';
import { mergeStateFile } from '../state/merge.js';

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const ZERO = /^0+$/;
/** A state file larger than this is not merged (state files are a few KiB). */
const MAX_MERGED_BYTES = 8 * 1024 * 1024;

export class StateRebaseConflictError extends TideError {
  constructor(branch: string, upstream: string, detail: string) {
    super('STATE_REBASE_CONFLICT', `Cannot put this run's state commits on top of ${upstream}: ${detail}. The local ${branch} keeps them; nothing was pushed.`, {
      hint: `Two runs recorded the same thing differently (shards must apply different servers). Compare git log ${branch}...${upstream} and keep the record that matches the servers; never force the push.`,
    });
  }
}

interface Change {
  path: string;
  mode: string;
  /** Blob before and after; null when absent. */
  before: string | null;
  after: string | null;
}

interface Replayed {
  commit: string;
  author: string;
  committer: string;
  message: string;
  changes: { path: string; mode: string; oid: string | null; text?: string }[];
}

export interface RebaseOutcome {
  /** Our commits now on top of the upstream tip (the remote already had the rest). */
  replayed: number;
  tip: string;
}

/** Replays refs/heads/<branch>'s commits not in `upstreamRef` onto it and moves the branch there. */
export async function rebaseStateBranch(repoDir: string, branch: string, upstreamRef: string): Promise<RebaseOutcome> {
  const git = gitIn(repoDir);
  const local = (await git(['rev-parse', '--verify', `refs/heads/${branch}`])).trim();
  const upstream = (await git(['rev-parse', '--verify', `${upstreamRef}^{commit}`])).trim();
  const base = (await git(['merge-base', local, upstream], [0, 1])).trim() || null;
  if (base === upstream) return { replayed: 0, tip: local }; // nothing of theirs to build on
  const ours = (await git(['rev-list', '--reverse', '--parents', base ? `${base}..${local}` : local])).split('\n').filter(Boolean).map((l) => l.split(' '));
  if (ours.some((parents) => parents.length > 2)) {
    throw new StateRebaseConflictError(branch, upstreamRef, 'the local branch has merge commits, which tide never writes');
  }
  const theirs = new Map<string, string | null>(
    parseRawDiff(await git(['diff-tree', '-r', '-z', '--no-renames', base ?? EMPTY_TREE, upstream])).get('')?.map((c) => [c.path, c.after]) ?? [],
  );
  const changes = parseRawDiff(await git(['diff-tree', '--stdin', '-r', '-z', '--no-renames', '--root'], [0], ours.map((c) => c[0]).join('\n') + '\n'));
  const meta = await commitMeta(git, ours.map((c) => c[0]!));

  const replayed = await withGitReader(repoDir, async (reader) => {
    const out: Replayed[] = [];
    const merged = new Map<string, string>(); // oid → text, for files merged earlier in this replay
    const read = async (oid: string | null): Promise<string | null> => (oid === null ? null : merged.get(oid) ?? readText(reader, oid));
    for (const [commit] of ours) {
      const replay: Replayed = { commit: commit!, ...meta.get(commit!)!, changes: [] };
      for (const c of changes.get(commit!) ?? []) {
        if (!theirs.has(c.path)) {
          replay.changes.push({ path: c.path, mode: c.mode, oid: c.after });
          continue;
        }
        const current = theirs.get(c.path)!;
        if (current === c.after) continue; // they already have our version
        if (current === c.before) {
          replay.changes.push({ path: c.path, mode: c.mode, oid: c.after });
          theirs.set(c.path, c.after);
          continue;
        }
        const result = mergeStateFile(await read(c.before), await read(c.after), await read(current));
        if ('conflict' in result) throw new StateRebaseConflictError(branch, upstreamRef, `${c.path}: ${result.conflict}`);
        const oid = blobOid(result.merged);
        merged.set(oid, result.merged);
        replay.changes.push({ path: c.path, mode: '100644', oid, text: result.merged });
        theirs.set(c.path, oid);
      }
      // The remote already held everything this commit did: like git rebase, drop it.
      if (replay.changes.length > 0) out.push(replay);
    }
    return out;
  });
  if (replayed.length === 0) {
    await git(['update-ref', `refs/heads/${branch}`, upstream, local]);
    return { replayed: 0, tip: upstream };
  }
  const scratch = `refs/tide/rebase/${branch}`;
  await git(['fast-import', '--quiet', '--force', '--date-format=raw'], [0], fastImportStream(scratch, upstream, replayed));
  const tip = (await git(['rev-parse', '--verify', scratch])).trim();
  await git(['update-ref', '-d', scratch]);
  // Compare-and-swap: a local writer that moved the branch meanwhile makes this fail, loudly.
  await git(['update-ref', '-m', `tide: rebase state onto ${upstreamRef}`, `refs/heads/${branch}`, tip, local]);
  return { replayed: replayed.length, tip };
}

type Git = (args: string[], okCodes?: number[], input?: string | Buffer) => Promise<string>;

function gitIn(repoDir: string): Git {
  return async (args, okCodes = [0], input) => {
    const run = await execa('git', args, { cwd: repoDir, reject: false, input, encoding: 'utf8', env: { GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 256 * 1024 * 1024 });
    if (!okCodes.includes(run.exitCode ?? -1)) {
      throw new TideError('STATE_REBASE_FAILED', `git ${args[0]} failed while rebasing the state branch: ${run.stderr.trim() || `exit ${run.exitCode}`}`, {
        hint: 'The local state branch is unchanged; nothing was pushed. Run the push again, or push by hand after git fetch (never force).',
      });
    }
    return run.stdout;
  };
}

/**
 * `git diff-tree -r -z` output, by commit (key '' for a diff of two trees):
 * `<commit>\0` (with --stdin) then `:<mode> <mode> <oid> <oid> <status>\0<path>\0` per file.
 */
function parseRawDiff(raw: string): Map<string, Change[]> {
  const out = new Map<string, Change[]>();
  const parts = raw.split('\0');
  let current: Change[] = [];
  out.set('', current);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!.replace(/^\n/, '');
    if (/^[0-9a-f]{40}$/.test(part)) {
      current = [];
      out.set(part, current);
    } else if (part.startsWith(':')) {
      const [, newMode, before, after] = part.slice(1).split(' ');
      current.push({ path: parts[++i]!, mode: newMode!, before: ZERO.test(before!) ? null : before!, after: ZERO.test(after!) ? null : after! });
    }
  }
  return out;
}

async function commitMeta(git: Git, commits: string[]): Promise<Map<string, Pick<Replayed, 'author' | 'committer' | 'message'>>> {
  const out = new Map<string, Pick<Replayed, 'author' | 'committer' | 'message'>>();
  const raw = await git(['log', '--no-walk=unsorted', '--stdin', '--date=raw', '--format=%H%x00%an <%ae> %ad%x00%cn <%ce>%x00%B%x00'], [0], commits.join('\n') + '\n');
  const fields = raw.split('\0');
  for (let i = 0; i + 3 < fields.length; i += 4) {
    out.set(fields[i]!.trim(), { author: fields[i + 1]!, committer: fields[i + 2]!, message: fields[i + 3]! });
  }
  return out;
}

async function readText(reader: GitReader, oid: string): Promise<string> {
  const blob = await reader.readBlobUpTo(oid, MAX_MERGED_BYTES);
  if (!blob.data) throw new TideError('STATE_REBASE_FAILED', `State file ${oid} is ${blob.size} bytes, too large to merge.`);
  return blob.data.toString('utf8');
}

function blobOid(text: string): string {
  const body = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
}

/** The fast-import commands writing `commits` on `ref`, the first on top of `from`. */
function fastImportStream(ref: string, from: string, commits: Replayed[]): Buffer {
  const chunks: Buffer[] = [];
  const line = (text: string): void => void chunks.push(Buffer.from(`${text}\n`, 'utf8'));
  const data = (text: string): void => {
    const body = Buffer.from(text, 'utf8');
    chunks.push(Buffer.from(`data ${body.length}\n`), body, Buffer.from('\n'));
  };
  const now = `${Math.floor(Date.now() / 1000)} +0000`;
  commits.forEach((c, index) => {
    line(`commit ${ref}`);
    line(`author ${c.author}`);
    line(`committer ${c.committer} ${now}`);
    data(c.message);
    if (index === 0) line(`from ${from}`);
    for (const change of c.changes) {
      const path = quotePath(change.path);
      if (change.oid === null) line(`D ${path}`);
      else if (change.text !== undefined) {
        line(`M ${change.mode} inline ${path}`);
        data(change.text);
      } else line(`M ${change.mode} ${change.oid} ${path}`);
    }
  });
  return Buffer.concat(chunks);
}

/** fast-import's C-style quoting, so any path git accepted reads back the same. */
function quotePath(path: string): string {
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
