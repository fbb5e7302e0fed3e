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

import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { DesiredState } from '../model/kinds.js';
import { openCacheFile, writeCacheFile, writePieces } from '../fleet/cache-file.js';
import { cacheLocation, cacheNamespace, type CacheLocation } from '../fleet/document-cache.js';
import { digestFiles, type FleetSource } from '../repo/files.js';
import { headCommit, resolveFirstRef } from '../repo/git.js';
import { sourceTreeIds } from '../repo/source-digest.js';
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
   * The JSON plan (as renderJson wrote it) for the files `read` resolves to,
   * when nothing it depends on changed. The platform code's trees are asked
   * of git while the files are still being read.
   */
  async lookup(read: Promise<FleetSource>): Promise<PlanJson | undefined> {
    if (!this.file) return undefined;
    const file = openCacheFile(this.file.path, this.file.key);
    if (!file) return undefined;
    const hit = await this.check(file.header as unknown as Inputs, read).catch((error: unknown) => {
      file.close();
      throw error;
    });
    if (!hit) {
      file.close();
      return undefined;
    }
    return { bytes: file.body, copy: file.copyBody, writeTo: file.writeBody, changes: hit.changes === true, printsAsIs: hit.printsAsIs === true, close: file.close };
  }

  /** The inputs `was`, when they are those of the files `read` resolves to and of everything else the plan depends on. */
  private async check(was: Inputs, read: Promise<FleetSource>): Promise<Inputs | undefined> {
    if (
      was.format !== FORMAT || was.namespace !== cacheNamespace() || was.defaultName !== basename(this.repoDir) ||
      typeof was.branch !== 'string' || !Array.isArray(was.sources)
    ) return undefined;
    const state = resolveFirstRef(this.repoDir, stateRefCandidates(was.branch)) ?? null;
    if (state?.ref !== was.state?.ref || state?.commit !== was.state?.commit) return undefined;
    const paths = was.sources.map(([path]) => path);
    const [source, trees] = await Promise.all([read, sourceTreeIds(this.repoDir, paths, headCommit(this.repoDir), true)]);
    if (was.commit !== source.commit || was.files !== digestFiles(source.files)) return undefined;
    if (was.sources.some(([path, tree]) => (trees.get(path) ?? null) !== tree)) return undefined;
    return was;
  }

  /** Keeps `plan`, the plan of `desired` against `recorded`, loaded from `source`. */
  store(source: FleetSource, desired: DesiredState, recorded: RecordedState, plan: PlanJson): void {
    if (!this.file) return;
    const sources = new Map<string, string | null>();
    for (const platform of desired.platforms.values()) {
      if ('path' in platform.source) sources.set(platform.source.path, desired.sourceTrees?.get(platform.name) ?? null);
    }
    const inputs: Inputs = {
      format: FORMAT,
      namespace: cacheNamespace(),
      defaultName: basename(this.repoDir),
      commit: source.commit,
      files: digestFiles(source.files),
      branch: desired.fleet.state.branch,
      state: recorded.commit ? { ref: resolveFirstRef(this.repoDir, stateRefCandidates(desired.fleet.state.branch))?.ref ?? '', commit: recorded.commit } : null,
      sources: [...sources],
      changes: plan.changes,
      printsAsIs: plan.printsAsIs,
    };
    writeCacheFile(this.file.path, this.file.key, inputs as unknown as Record<string, unknown>, plan.bytes());
  }
}
