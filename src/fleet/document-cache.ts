// A cache of parsed, validated fleet documents by git blob id, kept in the
// repository's git directory (.git/tide-cache/documents.json), so a plan of
// a fleet whose files did not change skips YAML parsing and schema checks.
//
// Safe to delete; never trusted beyond its key: an entry stands only for the
// blob id it is filed under, under the same schemas, parser and tide version
// (the namespace), and a file whose checksum does not match, or an entry of
// the wrong shape, is ignored, never fatal. Only documents that loaded with
// no problem are cached, so errors and their positions always come from a
// fresh parse. Writing is best effort: a read-only repository just goes
// without.

import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import type { DocumentCache, ParsedFile } from '../model/loader.js';
import { buildIdentity } from '../model/build-identity.js';
import { findGitDirs } from '../repo/git-dir.js';

const FORMAT = 'tide-document-cache/1';
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

  private constructor(private readonly path: string | undefined, private readonly namespace: string, stored: Record<string, unknown>) {
    this.stored = stored;
  }

  /** The cache of the repository at `repoDir`; an empty one that never writes outside git or when TIDE_CACHE=0. */
  static open(repoDir: string, env: NodeJS.ProcessEnv = process.env): FileDocumentCache {
    const namespace = cacheNamespace();
    const dir = cacheDirectory(repoDir, env);
    if (!dir) return new FileDocumentCache(undefined, namespace, {});
    const path = join(dir, FILE);
    return new FileDocumentCache(path, namespace, readEntries(path, namespace));
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
    if (!this.path) return;
    const spare = Object.keys(this.stored).filter((oid) => !this.used.has(oid) && !this.added.has(oid));
    const live = this.used.size + this.added.size;
    const keep = spare.slice(0, Math.max(0, (SPARE - 1) * live));
    if (this.added.size === 0 && keep.length === spare.length) return;
    const parts = [...this.added].map(([oid, json]) => `${JSON.stringify(oid)}:${json}`);
    for (const oid of [...this.used, ...keep]) parts.push(`${JSON.stringify(oid)}:${JSON.stringify(this.stored[oid])}`);
    writeCacheFile(this.path, { format: FORMAT, namespace: this.namespace }, `{${parts.join(',')}}`);
  }
}

/** The stored entries, or none when the file is missing, from another namespace, or damaged. */
function readEntries(path: string, namespace: string): Record<string, unknown> {
  const file = readCacheFile(path);
  if (!file || file.header.format !== FORMAT || file.header.namespace !== namespace) return {};
  try {
    const entries: unknown = JSON.parse(file.body.toString('utf8'));
    return typeof entries === 'object' && entries !== null && !Array.isArray(entries) ? (entries as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Where the repository at `repoDir` keeps tide's caches; undefined outside git or when TIDE_CACHE=0. */
export function cacheDirectory(repoDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = env.TIDE_CACHE === '0' ? undefined : findGitDirs(repoDir);
  return dirs && join(dirs.commonDir, CACHE_DIR);
}

/**
 * A cache file: one line of JSON header (with the body's checksum), then the
 * body, as bytes: a plan can be megabytes, and it may go out as it is.
 * Undefined when missing, unreadable, or its body does not match.
 *
 * The checksum is there to catch a damaged file (cut short, a flipped bit),
 * not a forged one: whoever can write .git can rewrite its hooks too. So it
 * is a CRC-32 (zlib's, a few ms for a plan of megabytes where sha256 takes
 * tens); a node without zlib.crc32 (before 20.15) writes and checks sha256.
 */
export function readCacheFile(path: string): { header: Record<string, unknown>; body: Buffer } | undefined {
  try {
    const bytes = readFileSync(path);
    const eol = bytes.indexOf(0x0a);
    if (eol < 0) return undefined;
    const header = JSON.parse(bytes.toString('utf8', 0, eol)) as Record<string, unknown>;
    const body = bytes.subarray(eol + 1);
    return typeof header === 'object' && header !== null && checksumMatches(header, body) ? { header, body } : undefined;
  } catch {
    return undefined;
  }
}

const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

function checksum(body: Uint8Array): Record<string, string | number> {
  return crc32 ? { crc32: crc32(body) } : { sha256: sha256(body) };
}

function checksumMatches(header: Record<string, unknown>, body: Uint8Array): boolean {
  if (crc32 && typeof header.crc32 === 'number') return header.crc32 === crc32(body);
  return typeof header.sha256 === 'string' && header.sha256 === sha256(body);
}

/** Writes a cache file whole (a temporary file renamed over it), or not at all. */
export function writeCacheFile(path: string, header: Record<string, unknown>, body: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${JSON.stringify({ ...header, ...checksum(bytes) })}\n`);
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

function isParsedFile(entry: unknown): entry is ParsedFile {
  const e = entry as Partial<ParsedFile> | null | undefined;
  return typeof e === 'object' && e !== null && Number.isSafeInteger(e.size) && e.size! >= 0 && Array.isArray(e.docs);
}

/** What a cached verdict depends on besides the bytes: tide, its YAML parser and its schemas. */
export function cacheNamespace(): string {
  return buildIdentity();
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
