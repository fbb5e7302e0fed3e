// The last plan of a work tree, kept with everything it was computed from
// (.git/tide-cache/plan.json), so planning an unchanged fleet against an
// unchanged state branch is reading one file instead of loading thousands.
//
// plan() is pure, so its inputs identify its output. They are checked, not
// trusted: every YAML file the fleet source lists, by path and git blob id
// (the files the loader takes are among them; a change to one it ignores is
// only a miss, and the check needs neither the YAML parser nor tide.yaml's
// globs, so a cached plan loads neither), the commit they belong to, the
// directory name (the fleet's default name), the platform code trees, and
// the state branch's ref and commit, all under the same tide, parser and
// schemas (the namespace). Any difference, or a file not sealed by this
// user's tide (fleet/cache-file.ts), is a miss: the plan is computed afresh
// and replaces the entry.
// Only plans of valid fleets are kept, so errors always come from the loader.
//
// The files are checked without building their list: when the work tree's
// listing (its fleet file paths, and git's answer about its index, stat
// checks included) has the id it had (worktree.ts), the files the index
// holds unchanged are the same under the same blob ids, and only the others
// (untracked, ignored, changed: few) are read again and compared. Any other
// listing is checked file by file, by digestFiles.

import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { DesiredState } from '../model/kinds.js';
import { openCacheFile, peekCacheHeader, writeCacheFile, writePieces } from '../fleet/cache-file.js';
import { cacheLocation, cacheNamespace, type CacheLocation } from '../fleet/document-cache.js';
import { digestFiles, type FleetSource, type WorktreeStamp } from '../repo/files.js';
import { headCommit, resolveFirstRef } from '../repo/refs.js';
import { gitOutputsTogetherBytes, type GitOutput } from '../repo/git-run.js';
import { worktreeTreeQuestions } from '../repo/source-digest.js';
import { INDEX_LISTING, listWorktree, type WorktreeListing } from '../repo/worktree.js';
import { stateRefCandidates } from '../state/layout.js';
import type { RecordedState } from '../state/types.js';

const FORMAT = 'tide-plan-cache/3';
const FILE = 'plan.json';

interface Inputs {
  format: string;
  namespace: string;
  defaultName: string;
  commit: string | null;
  /** digestFiles of every file of the source. */
  files: string;
  /** Of a work tree, when it has one (FleetSource.stamp): its listing's id, and digestFiles of its loose files. */
  worktree?: WorktreeStamp & { looseFiles: string };
  /** The state branch the fleet names, and the ref and commit it was read from (null: none yet). */
  branch: string;
  state: { ref: string; commit: string } | null;
  /** Platform code: source path → tree id (null: not a directory). */
  sources: [string, string | null][];
  /** Whether the plan has operations (for --detailed-exitcode without parsing it). */
  changes: boolean;
  /** Whether the plan has no character a terminal stream escapes, so its bytes may go out as they are. */
  printsAsIs: boolean;
}

/**
 * A plan as renderJson wrote it, as UTF-8 bytes (encoded once: for the
 * cache, --out and stdout alike), and what was learnt of it. From the cache,
 * the bytes stay in the file until asked for, and go out a piece at a time:
 * a plan of 10,000 sites is 12 MB.
 */
export interface PlanJson {
  bytes(): Buffer;
  /** Hands the bytes, from byte `from` on, to `write`, in pieces when they come from the cache. */
  copy(write: (piece: Buffer) => void, from?: number): void;
  /** Writes the bytes to the file descriptor `fd`; returns how many went out (fewer when it would block). */
  writeTo(fd: number): number;
  changes: boolean;
  printsAsIs: boolean;
  /** Lets go of the cache file, if the plan came from one. */
  close(): void;
}

/** A plan just made: its bytes in memory. */
export function madePlan(json: Buffer, changes: boolean, printsAsIs: boolean): PlanJson {
  return {
    bytes: () => json,
    copy: (write, from = 0) => {
      if (from < json.length) write(from === 0 ? json : json.subarray(from));
    },
    writeTo: (fd) => writePieces(fd, json.length, (at, length) => json.subarray(at, at + length)),
    changes,
    printsAsIs,
    close: () => undefined,
  };
}

export class PlanCache {
  private constructor(private readonly repoDir: string, private readonly file: CacheLocation | undefined) {}

  /** The plan cache of a work tree at `repoDir` (plans of a --ref are not cached). */
  static open(repoDir: string, env: NodeJS.ProcessEnv = process.env): PlanCache {
    return new PlanCache(repoDir, cacheLocation(repoDir, FILE, env));
  }

  /** Whether there is no cached plan to check at all: a plan will be made. */
  get isEmpty(): boolean {
    return !this.file || !existsSync(this.file.path);
  }

  /**
   * The JSON plan (as renderJson wrote it) of the work tree, when nothing it
   * depends on changed; else the listing of the work tree taken to check
   * (when one was), for the plan to be made from.
   *
   * One process start asks git everything at once: its index listing, and
   * the platform code's status and trees, whose paths come from the cache
   * file's header read before its seal is checked (the checked header must
   * name the same, or it is a miss). The work tree is walked and the seal
   * checked while git answers.
   */
  async lookup(): Promise<{ plan?: PlanJson; listing?: Promise<WorktreeListing> }> {
    if (!this.file) return {};
    const peeked = peekCacheHeader(this.file.path);
    const paths = sourcePaths(peeked?.sources);
    if (!paths) return {};
    const commit = headCommit(this.repoDir);
    const trees = worktreeTreeQuestions(this.repoDir, paths, commit);
    // In the environment status runs in (source-digest.ts): the listing's ids hold whichever index git reads,
    // as git checks each entry against the work tree; a listing unlike a first plan's is only a miss.
    const answers = gitOutputsTogetherBytes(this.repoDir, [{ args: [...INDEX_LISTING] }, ...trees.commands]);
    const listing = listWorktree(this.repoDir, answers.then(([index]) => (index!.code === 0 ? index!.stdout : undefined)));
    listing.catch(() => undefined); // awaited below or by the caller; this only keeps a failure from counting as unhandled meanwhile
    const file = openCacheFile(this.file.path, this.file.key);
    if (!file) return { listing };
    const was = file.header as unknown as Inputs;
    const hit = await this.check(was, paths, commit, listing, async () => trees.answer(asText((await answers).slice(1)))).catch((error: unknown) => {
      file.close();
      throw error;
    });
    if (!hit) {
      file.close();
      return { listing };
    }
    return { plan: { bytes: file.body, copy: file.copyBody, writeTo: file.writeBody, changes: was.changes === true, printsAsIs: was.printsAsIs === true, close: file.close } };
  }

  /**
   * Whether the inputs `was` are those of the work tree (HEAD at `commit`,
   * listed by `listing`) and of everything else the plan depends on; the
   * platform code at `paths` (those `was` must name) has the trees `trees` resolves to.
   */
  private async check(was: Inputs, paths: readonly string[], commit: string | null, listing: Promise<WorktreeListing>, trees: () => Promise<Map<string, string>>): Promise<boolean> {
    if (
      was.format !== FORMAT || was.namespace !== cacheNamespace() || was.defaultName !== basename(this.repoDir) ||
      typeof was.branch !== 'string' || !Array.isArray(was.sources) || was.commit !== commit ||
      !sameList(sourcePaths(was.sources), paths)
    ) return false;
    const state = resolveFirstRef(this.repoDir, stateRefCandidates(was.branch)) ?? null;
    if (state?.ref !== was.state?.ref || state?.commit !== was.state?.commit) return false;
    if (!sameFiles(was, await listing)) return false;
    const ids = await trees();
    return !was.sources.some(([path, tree]) => (ids.get(path) ?? null) !== tree);
  }

  /** Keeps `plan`, the plan of `desired` against `recorded`, loaded from `source`. */
  store(source: FleetSource, desired: DesiredState, recorded: RecordedState, plan: PlanJson): void {
    if (!this.file) return;
    const sources = new Map<string, string | null>();
    for (const platform of desired.platforms.values()) {
      if ('path' in platform.source) sources.set(platform.source.path, desired.sourceTrees?.get(platform.name) ?? null);
    }
    const worktree = stampOf(source);
    const inputs: Inputs = {
      format: FORMAT,
      namespace: cacheNamespace(),
      defaultName: basename(this.repoDir),
      commit: source.commit,
      files: digestFiles(source.files),
      ...(worktree && { worktree }),
      branch: desired.fleet.state.branch,
      state: recorded.commit ? { ref: resolveFirstRef(this.repoDir, stateRefCandidates(desired.fleet.state.branch))?.ref ?? '', commit: recorded.commit } : null,
      sources: [...sources],
      changes: plan.changes,
      printsAsIs: plan.printsAsIs,
    };
    writeCacheFile(this.file.path, this.file.key, inputs as unknown as Record<string, unknown>, plan.bytes());
  }
}

/** The source's stamp (a work tree's), with the digest of its loose files. */
function stampOf(source: FleetSource): Inputs['worktree'] {
  const stamp = source.stamp?.();
  if (!stamp) return undefined;
  const loose = new Set(stamp.loose);
  return { ...stamp, looseFiles: digestFiles(source.files.filter((f) => loose.has(f.path))) };
}

/**
 * Whether the work tree's files, as `listing` lists them, are those `was`
 * was made from: by the listing's id when it is the one then, the files not
 * from the index read again; else every file, by digestFiles.
 */
function sameFiles(was: Inputs, listing: WorktreeListing): boolean {
  const stamp = was.worktree;
  if (stamp && stamp.listing === listing.id && Array.isArray(stamp.loose)) return digestFiles(listing.read(stamp.loose)) === stamp.looseFiles;
  return digestFiles(listing.files()) === was.files;
}

/** A platform's `source.path` as the schema allows it (defs.schema.json, relPath; a unit test keeps the two equal). */
export const PLATFORM_PATH = /^(?!\/)(?!-)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/@+-]+$/;

/**
 * The source paths of a header's `sources`, when it is a list of [path,
 * tree] whose paths a fleet could have named (a peeked header is not
 * trusted to be: its paths go to git before its seal is checked).
 */
function sourcePaths(sources: unknown): string[] | undefined {
  if (!Array.isArray(sources)) return undefined;
  const paths = sources.map((entry: unknown) => (Array.isArray(entry) ? entry[0] : undefined));
  return paths.every((p): p is string => typeof p === 'string' && PLATFORM_PATH.test(p)) ? paths : undefined;
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

function asText(outputs: readonly GitOutput<Buffer>[]): GitOutput[] {
  return outputs.map((r) => ({ ...r, stdout: r.stdout.toString('utf8') }));
}
