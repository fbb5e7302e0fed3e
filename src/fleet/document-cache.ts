// A cache of parsed, validated fleet documents by git blob id, kept in the
// repository's git directory (.git/tide-cache/documents.json), so a plan of
// a fleet whose files did not change skips YAML parsing and schema checks.
//
// Safe to delete; never trusted beyond its key: an entry stands only for the
// blob id it is filed under, under the same schemas, parser and tide version
// (the namespace), and a file not sealed by this user's tide (cache-file.ts:
// damaged, or written elsewhere), or an entry of the wrong shape, is
// ignored, never fatal. Only documents that loaded with
// no problem are cached, so errors and their positions always come from a
// fresh parse. Writing is best effort: a read-only repository just goes
// without.

import { join } from 'node:path';
import type { DocumentCache, ParsedFile } from '../model/loader.js';
import { buildIdentity } from '../model/build-identity.js';
import { findGitDirs } from '../repo/git-dir.js';
import { cacheKey, readCacheFile, writeCacheFile } from './cache-file.js';

const FORMAT = 'tide-document-cache/2';
export const CACHE_DIR = 'tide-cache';
const FILE = 'documents.json';
/** Entries kept beyond those the last load used, so switching between branches still hits. */
const SPARE = 2;

export class FileDocumentCache implements DocumentCache {
  private readonly stored: Record<string, unknown>;
  /** Stored entries this run read back. */
  private readonly used = new Set<string>();
  /** Entries this run added, serialized (the documents may be changed once loaded). */
  private readonly added = new Map<string, string>();

  private constructor(private readonly file: CacheLocation | undefined, private readonly namespace: string, stored: Record<string, unknown>) {
    this.stored = stored;
  }

  /** The cache of the repository at `repoDir`; an empty one that never writes outside git, without a key, or when TIDE_CACHE=0. */
  static open(repoDir: string, env: NodeJS.ProcessEnv = process.env): FileDocumentCache {
    const namespace = cacheNamespace();
    const file = cacheLocation(repoDir, FILE, env);
    return new FileDocumentCache(file, namespace, file ? readEntries(file, namespace) : {});
  }

  /** Whether an entry is filed under `oid` (not checked yet: get may still refuse it). */
  has(oid: string): boolean {
    return Object.hasOwn(this.stored, oid);
  }

  get(oid: string): ParsedFile | undefined {
    const entry = Object.hasOwn(this.stored, oid) ? this.stored[oid] : undefined;
    if (!isParsedFile(entry)) return undefined;
    this.used.add(oid);
    return entry;
  }

  set(oid: string, parsed: ParsedFile): void {
    if (!/^[0-9a-f]{40}$/.test(oid)) return;
    this.added.set(oid, JSON.stringify(parsed));
  }

  /** Writes what this run used or added, plus some older entries, when that changes the file. */
  save(): void {
    if (!this.file) return;
    const spare = Object.keys(this.stored).filter((oid) => !this.used.has(oid) && !this.added.has(oid));
    const live = this.used.size + this.added.size;
    const keep = spare.slice(0, Math.max(0, (SPARE - 1) * live));
    if (this.added.size === 0 && keep.length === spare.length) return;
    const parts = [...this.added].map(([oid, json]) => `${JSON.stringify(oid)}:${json}`);
    for (const oid of [...this.used, ...keep]) parts.push(`${JSON.stringify(oid)}:${JSON.stringify(this.stored[oid])}`);
    writeCacheFile(this.file.path, this.file.key, { format: FORMAT, namespace: this.namespace }, `{${parts.join(',')}}`);
  }
}

/** The stored entries, or none when the file is missing, not sealed by this user's tide, or from another namespace. */
function readEntries(file: CacheLocation, namespace: string): Record<string, unknown> {
  const read = readCacheFile(file.path, file.key);
  if (!read || read.header.format !== FORMAT || read.header.namespace !== namespace) return {};
  try {
    const entries: unknown = JSON.parse(read.body.toString('utf8'));
    return typeof entries === 'object' && entries !== null && !Array.isArray(entries) ? (entries as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Where the repository at `repoDir` keeps tide's caches; undefined outside git or when TIDE_CACHE=0. */
function cacheDirectory(repoDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = env.TIDE_CACHE === '0' ? undefined : findGitDirs(repoDir);
  return dirs && join(dirs.commonDir, CACHE_DIR);
}

/** A cache file of the repository and the key that seals it. */
export interface CacheLocation {
  path: string;
  key: Buffer;
}

/** The cache file `name` of the repository at `repoDir`; undefined when caches are off, outside git, or without a key. */
export function cacheLocation(repoDir: string, name: string, env: NodeJS.ProcessEnv = process.env): CacheLocation | undefined {
  const dir = cacheDirectory(repoDir, env);
  const key = dir && cacheKey(env);
  return dir && key ? { path: join(dir, name), key } : undefined;
}

function isParsedFile(entry: unknown): entry is ParsedFile {
  const e = entry as Partial<ParsedFile> | null | undefined;
  return typeof e === 'object' && e !== null && Number.isSafeInteger(e.size) && e.size! >= 0 && Array.isArray(e.docs);
}

/** What a cached verdict depends on besides the bytes: tide, its YAML parser and its schemas. */
export function cacheNamespace(): string {
  return buildIdentity();
}
