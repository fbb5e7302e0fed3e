// tide's cache files (.git/tide-cache/*.json), sealed so that only what this
// user's tide wrote is ever read back.
//
// A cache file sits in a repository's git directory, and a repository can
// come from a stranger (a tarball, a copied checkout, a shared volume): a
// checksum anyone can recompute would let such a file put documents that
// never passed their schemas, or a plan of other files, into this user's
// plan. So each file carries a MAC (a GMAC: see seal) of its header and body under a
// key kept outside every repository, in the user's cache directory
// ($CACHE_DIRECTORY, $XDG_CACHE_HOME/tide or ~/.cache/tide, file
// `cache-key`, mode 0600, made on first use). A file that does not verify
// (damaged, cut short, written by another user or machine, forged) is
// treated as missing. Where the key cannot be kept, nothing is cached.
//
// Layout: the MAC's nonce and tag (hex) on the first line, the header (one line of JSON) on
// the second, then the body as bytes: a plan can be megabytes, and it may go
// out as it is.

import { createCipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const KEY_FILE = 'cache-key';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** The seal's line: its nonce and tag, in hex. */
const MAC_HEX = 2 * (NONCE_BYTES + TAG_BYTES);

/** The user's own cache directory for tide: systemd's CacheDirectory, else $XDG_CACHE_HOME/tide or ~/.cache/tide. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CACHE_DIRECTORY?.split(':')[0] || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tide');
}

const keys = new Map<string, Buffer | undefined>();

/** This user's sealing key, made on first use; undefined when it can be neither read nor made. */
export function cacheKey(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const path = join(userCacheDir(env), KEY_FILE);
  if (!keys.has(path)) keys.set(path, readKey(path) ?? makeKey(path));
  return keys.get(path);
}

function readKey(path: string): Buffer | undefined {
  try {
    const key = readFileSync(path);
    return key.length === KEY_BYTES ? key : undefined;
  } catch {
    return undefined;
  }
}

function makeKey(path: string): Buffer | undefined {
  try {
    mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
    // 'wx': of two tides making it at once, one writes and the other reads what it wrote.
    writeFileSync(path, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
  } catch {
    // Made meanwhile by another run, or nowhere to keep it: whatever is there decides.
  }
  return readKey(path);
}

/**
 * The seal of a file's header line and body: a GMAC of everything after the
 * seal's own line (NIST SP 800-38D: AES-256-GCM given it all as data to
 * authenticate, nothing to encrypt) under a fresh random nonce; the nonce,
 * then the tag. Why not HMAC-SHA256: a cached plan is megabytes, checked on
 * every plan, and GCM's hash runs at several times SHA-256's speed.
 */
function seal(key: Buffer, header: string, body: Uint8Array): string {
  const nonce = randomBytes(NONCE_BYTES);
  const mac = gmac(key, nonce);
  mac.update(Buffer.from(`${header}\n`));
  mac.update(body);
  return `${nonce.toString('hex')}${mac.tag().toString('hex')}`;
}

/** A GMAC under `key` and `nonce`: the bytes given, in order, authenticated; `tag` once they all are. */
function gmac(key: Buffer, nonce: Buffer): { update(bytes: Uint8Array): void; tag(): Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  return {
    update: (bytes) => cipher.setAAD(bytes),
    tag: () => {
      cipher.final();
      return cipher.getAuthTag();
    },
  };
}

/** A cache file opened and found sealed with the key; its body stays on disk until asked for. */
export interface OpenCacheFile {
  header: Record<string, unknown>;
  /** The body, read whole. */
  body(): Buffer;
  /** Hands the body, from byte `from` on, to `write` in pieces, each a buffer of its own: a body of megabytes is never in memory at once. */
  copyBody(write: (piece: Buffer) => void, from?: number): void;
  /**
   * Writes the body to the file descriptor `fd` through one buffer, reused
   * (see writePieces); returns how many bytes went out: fewer than the body
   * when `fd` would block, and copyBody then hands on the rest.
   */
  writeBody(fd: number): number;
  close(): void;
}

/** Bytes read at a time: a plan of megabytes is checked and copied through buffers this size. */
const PIECE = 1024 * 1024;

/**
 * The cache file at `path`, when it is sealed with `key`; undefined when
 * missing, unreadable, or not sealed so. Checked through one buffer, piece
 * by piece, and read again from the same descriptor when its body is asked
 * for: writers replace the file (rename), so what was checked is what is read.
 */
export function openCacheFile(path: string, key: Buffer): OpenCacheFile | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const opened = checkSeal(fd, key);
    if (opened) return opened;
  } catch {
    // unreadable, or a header that is not JSON: as if missing
  }
  if (fd !== undefined) closeSync(fd);
  return undefined;
}

function checkSeal(fd: number, key: Buffer): OpenCacheFile | undefined {
  const size = fstatSync(fd).size;
  const buffer = Buffer.allocUnsafe(Math.min(PIECE, Math.max(size, 1)));
  const first = readSync(fd, buffer, 0, buffer.length, 0);
  const eol = buffer.subarray(0, first).indexOf(0x0a, MAC_HEX + 1);
  if (size <= MAC_HEX || buffer[MAC_HEX] !== 0x0a || eol < 0) return undefined;
  const sealed = buffer.toString('latin1', 0, MAC_HEX);
  if (!/^[0-9a-f]+$/.test(sealed)) return undefined;
  const nonce = Buffer.from(sealed.slice(0, 2 * NONCE_BYTES), 'hex');
  const tag = Buffer.from(sealed.slice(2 * NONCE_BYTES), 'hex');
  const header = buffer.toString('utf8', MAC_HEX + 1, eol);
  // The seal covers everything after its own line: the header, its newline and the body.
  const mac = gmac(key, nonce);
  mac.update(buffer.subarray(MAC_HEX + 1, first));
  for (let at = first; at < size; ) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
    if (n === 0) return undefined;
    mac.update(buffer.subarray(0, n));
    at += n;
  }
  if (!timingSafeEqual(mac.tag(), tag)) return undefined;
  const parsed = JSON.parse(header) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const start = eol + 1;
  const readPiece = (at: number, length: number): Buffer => {
    const piece = Buffer.allocUnsafe(length);
    for (let filled = 0; filled < length; ) {
      const n = readSync(fd, piece, filled, length - filled, at + filled);
      if (n === 0) throw new Error(`cache file cut short while read`);
      filled += n;
    }
    return piece;
  };
  return {
    header: parsed as Record<string, unknown>,
    body: () => readPiece(start, size - start),
    copyBody: (write, from = 0) => {
      for (let at = start + from; at < size; at += PIECE) write(readPiece(at, Math.min(PIECE, size - at)));
    },
    writeBody: (out) => writePieces(out, size - start, (at, length) => {
      if (readSync(fd, buffer, 0, length, start + at) !== length) throw new Error(`cache file cut short while read`);
      return buffer.subarray(0, length);
    }),
    close: () => closeSync(fd),
  };
}

/**
 * The header of the cache file at `path`, NOT checked against its seal:
 * only for starting early work that the header openCacheFile checks must
 * then confirm, never to be trusted. Undefined when there is none to read
 * (or it is longer than HEADER_PEEK).
 */
export function peekCacheHeader(path: string): Record<string, unknown> | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.allocUnsafe(HEADER_PEEK);
    const read = buffer.subarray(0, readSync(fd, buffer, 0, HEADER_PEEK, 0));
    const eol = read.indexOf(0x0a, MAC_HEX + 1);
    const parsed = eol > MAC_HEX && read[MAC_HEX] === 0x0a ? (JSON.parse(read.toString('utf8', MAC_HEX + 1, eol)) as unknown) : undefined;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Bytes peekCacheHeader reads: headers are a few hundred. */
const HEADER_PEEK = 64 * 1024;

/**
 * Writes `total` bytes to the file descriptor `fd`, PIECE at a time, each
 * piece from `piece(at, length)` (which may hand back the same buffer each
 * time: the write is done when writeSync returns). Why not fresh buffers:
 * here a page of memory costs more at its first touch than copying it, and
 * a plan of megabytes is thousands of pages, most of the time of printing a
 * cached plan. Returns how many bytes went out: fewer than `total` when
 * `fd` would block (a full pipe that is not blocking) or fails; the caller
 * hands the rest to the stream, whose errors are reported as they always were.
 */
export function writePieces(fd: number, total: number, piece: (at: number, length: number) => Uint8Array): number {
  let at = 0;
  try {
    while (at < total) {
      const bytes = piece(at, Math.min(PIECE, total - at));
      for (let done = 0; done < bytes.length; ) {
        const n = writeSync(fd, bytes, done, bytes.length - done);
        done += n;
        at += n;
      }
    }
  } catch {
    // EAGAIN, or an error the stream will meet again (EPIPE): the rest goes through it.
  }
  return at;
}

/** The header and body of the cache file at `path`; undefined when missing, unreadable, or not sealed with `key`. */
export function readCacheFile(path: string, key: Buffer): { header: Record<string, unknown>; body: Buffer } | undefined {
  const file = openCacheFile(path, key);
  if (!file) return undefined;
  try {
    return { header: file.header, body: file.body() };
  } catch {
    return undefined;
  } finally {
    file.close();
  }
}

/** Writes a cache file whole (a temporary file renamed over it), or not at all. */
export function writeCacheFile(path: string, key: Buffer, header: Record<string, unknown>, body: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const line = JSON.stringify(header);
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${seal(key, line, bytes)}\n${line}\n`);
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}
