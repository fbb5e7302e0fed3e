// A fleet repository as the loader sees it: YAML files and where they came from.

import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';

export interface FleetFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  /** The file's text; for a file that is not UTF-8, the text before the first bad byte. */
  text: string;
  /** Size in bytes, when the text does not tell it: a file too large to read, or cut at a bad byte. */
  size?: number;
  /** True when the file is not valid UTF-8: `text` stops where the first bad byte is. */
  notUtf8?: boolean;
  /** Git's blob id of the file's bytes, when known (read from git, or hashed as git would). */
  oid?: string;
}

/**
 * Files larger than this are never read into memory (the size limit a
 * fleet can set in tide.yaml goes up to it; the loader refuses them by name).
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const decoder = new TextDecoder();

/** A file's bytes as a FleetFile: decoded if they are UTF-8, cut at the first bad byte if not. */
export function decodeFleetFile(path: string, bytes: Uint8Array): FleetFile {
  if (bytes.length > MAX_FILE_BYTES) return { path, text: '', size: bytes.length };
  // node's check (native) answers for the usual file; only a bad one is walked to find where it goes wrong.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad === -1) return { path, text: decoder.decode(bytes) };
  return { path, text: decoder.decode(bytes.subarray(0, bad)), size: bytes.length, notUtf8: true };
}

/**
 * A blob read from git as the file at `path`: its text (decoded already when
 * it came with its batch's check, see blob-file.ts), or only its size when
 * it was too large to read.
 */
export function blobAsFleetFile(path: string, blob: { size: number; data?: Uint8Array; text?: string }, oid: string): FleetFile {
  let file: FleetFile;
  if (blob.text !== undefined && blob.size <= MAX_FILE_BYTES) file = { path, text: blob.text };
  else if (blob.data) file = decodeFleetFile(path, blob.data);
  else file = { path, text: '', size: blob.size };
  file.oid = oid;
  return file;
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
 * Node's TextDecoder can say whether bytes are valid, but not where they stop being so.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead, and the range the first of them must fall in.
    let count: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) count = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      count = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      count = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= count; k++) {
      const b = bytes[i + k];
      if (b === undefined || b < (k === 1 ? low : 0x80) || b > (k === 1 ? high : 0xbf)) return i;
    }
    i += count + 1;
  }
  return -1;
}

export interface FleetSource {
  files: FleetFile[];
  /** Commit the files belong to: the one read, or HEAD for a work tree. */
  commit: string | null;
  /** Where they were read from, for messages: a directory or `DIR@REF`. */
  origin: string;
  /** Of a work tree: what identifies its listing, for a cache to check more cheaply than by digestFiles (worktree.ts). */
  stamp?(): WorktreeStamp | undefined;
}

/** What identifies the listing of a work tree's files (WorktreeListing.stamp in worktree.ts). */
export interface WorktreeStamp {
  /** sha256 of the files' paths and git's answer about its index. */
  listing: string;
  /** The files that do not come from the index: read and hashed on every look. */
  loose: string[];
}

/** Paths the loader never descends into. */
export function isAlwaysSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isFleetFileName(name: string): boolean {
  return name.endsWith('.yaml');
}

/** Git's blob id of `bytes`, as `git hash-object` computes it. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The file's blob id; for a file given only as text, that of its UTF-8 bytes. */
export function fileOid(file: FleetFile): string {
  return file.oid ?? blobId(Buffer.from(file.text));
}

/**
 * sha256 over every file's path and content (as its git blob id), in path
 * order: a file's id stands for its bytes, so a plan of a work tree and a plan
 * of its commit agree, and files git already knows need not be read.
 */
export function digestFiles(files: readonly FleetFile[]): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // One update: thousands of small ones cost more than the hash.
  return createHash('sha256').update(sorted.map((f) => `${f.path}\0${fileOid(f)}\0`).join('')).digest('hex');
}
