// Reads many blobs at once: one `git cat-file --batch` writes its answers to
// a temporary file, read back in one piece.
//
// Why a file and not a pipe: git writes its answers a few KiB at a time, and
// through a pipe each write wakes tide up to read it. For the ten thousand
// small records of a state branch that ping-pong cost tide three times the
// CPU it spends on the records themselves (and git more than its own work);
// into a file the same writes cost a copy each.
//
// Bounded like the reader in git-objects.ts (which stays the way to read one
// object, a tree, or a large blob): git runs under an address-space limit, a
// file-size limit and a timeout (gitOutput's viaFile and limits). Anything
// out of the ordinary (git stopped or failing, an object missing or not a
// blob, an answer that does not parse) gives undefined, never an error: the
// caller then reads the objects one at a time through GitReader, which
// refuses or names what is wrong exactly as before.

import { isUtf8 } from 'node:buffer';
import type { GitDirs } from './git-dir.js';
import { gitEnvironment } from './git-objects.js';
import { gitOutputBytes } from './git-run.js';

export interface BlobFileLimits {
  /** Address space git may use. */
  memoryLimitBytes: number;
  /** Largest answer file kept (all blobs together); past it git is stopped and the caller reads one by one. */
  maxFileBytes: number;
  /** git is stopped after this long. */
  timeoutMs: number;
}

const LIMITS: BlobFileLimits = {
  memoryLimitBytes: 1024 * 1024 * 1024,
  maxFileBytes: 64 * 1024 * 1024,
  timeoutMs: 30_000,
};

/** From this many blobs on, they are read together: below it, opening them one by one (or the reader already running) answers sooner. */
export const TOGETHER = 64;

/**
 * A blob's bytes; only its size when it is larger than `maxBytes` (its bytes
 * are not kept). When every blob read together is UTF-8, each comes as its
 * text instead (see parseAnswers).
 */
export interface ReadBlob {
  size: number;
  data?: Buffer;
  /** The bytes decoded, as TextDecoder would (a leading byte order mark dropped). */
  text?: string;
}

/** The blobs `oids`, in order; undefined when they cannot all be read this way (see the opening comment). */
export async function readBlobsViaFile(dirs: GitDirs, oids: readonly string[], maxBytes: number, limits: Partial<BlobFileLimits> = {}): Promise<ReadBlob[] | undefined> {
  const { memoryLimitBytes, maxFileBytes, timeoutMs } = { ...LIMITS, ...limits };
  if (oids.some((oid) => !/^[0-9a-f]{40}$/.test(oid))) return undefined;
  const git = ['--git-dir', dirs.gitDir, '-c', 'core.packedGitWindowSize=32m', '-c', 'core.packedGitLimit=256m', 'cat-file', '--batch'];
  const r = await gitOutputBytes(dirs.gitDir, git, {
    input: `${oids.join('\n')}\n`,
    env: gitEnvironment(),
    viaFile: true,
    limits: { memoryBytes: memoryLimitBytes, outputBytes: maxFileBytes },
    timeoutMs,
  });
  return r.code === 0 ? parseAnswers(r.stdout, oids, maxBytes) : undefined;
}

/**
 * `<oid> blob <size>\n<bytes>\n` for each oid in order, and nothing else.
 * The headers are read byte by byte: cut into strings and matched, ten
 * thousand of them cost tide more than git took to write them.
 */
function parseAnswers(answers: Buffer, oids: readonly string[], maxBytes: number): ReadBlob[] | undefined {
  // Where each blob's bytes start; -1 for one larger than maxBytes, not kept.
  const starts = new Int32Array(oids.length);
  const sizes = new Float64Array(oids.length);
  let at = 0;
  for (let i = 0; i < oids.length; i++) {
    const oid = oids[i]!;
    const sizeAt = at + oid.length + BLOB.length;
    if (sizeAt >= answers.length || !matches(answers, at, oid) || !matches(answers, at + oid.length, BLOB)) return undefined;
    let size = 0;
    let eol = sizeAt;
    for (let c = answers[eol]!; c >= DIGIT_0 && c <= DIGIT_9 && eol - sizeAt < MAX_SIZE_DIGITS; c = answers[++eol]!) size = size * 10 + c - DIGIT_0;
    if (eol === sizeAt || answers[eol] !== LF) return undefined;
    const end = eol + 1 + size;
    if (answers[end] !== LF) return undefined;
    starts[i] = size > maxBytes ? -1 : eol + 1;
    sizes[i] = size;
    at = end + 1;
  }
  if (at !== answers.length) return undefined;
  const blobs: ReadBlob[] = new Array(oids.length);
  // One check of the whole answer instead of one per blob: headers and separators are ASCII, so it is all UTF-8
  // exactly when every blob is. Decoding straight from it saves a Buffer view per blob.
  const asText = isUtf8(answers);
  for (let i = 0; i < oids.length; i++) {
    const start = starts[i]!;
    const size = sizes[i]!;
    if (start < 0) blobs[i] = { size };
    else if (asText) blobs[i] = { size, text: textAt(answers, start, start + size) };
    else blobs[i] = { size, data: answers.subarray(start, start + size) };
  }
  return blobs;
}

/** The UTF-8 bytes from `start` to `end` as text, as TextDecoder decodes them: a leading byte order mark is dropped. */
function textAt(bytes: Buffer, start: number, end: number): string {
  const bom = end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf;
  return bytes.toString('utf8', bom ? start + 3 : start, end);
}

const BLOB = ' blob ';
const [LF, DIGIT_0, DIGIT_9, MAX_SIZE_DIGITS] = [0x0a, 0x30, 0x39, 15];

/** Whether the bytes at `at` are the ASCII text `text`. */
function matches(bytes: Buffer, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[at + k] !== text.charCodeAt(k)) return false;
  return true;
}
