// tide's cache files (.git/tide-cache/*.json), sealed so that only what this
// user's tide wrote is ever read back.
//
// A cache file sits in a repository's git directory, and a repository can
// come from a stranger (a tarball, a copied checkout, a shared volume): a
// checksum anyone can recompute would let such a file put documents that
// never passed their schemas, or a plan of other files, into this user's
// plan. So each file carries an HMAC-SHA256 of its header and body under a
// key kept outside every repository, in the user's cache directory
// ($CACHE_DIRECTORY, $XDG_CACHE_HOME/tide or ~/.cache/tide, file
// `cache-key`, mode 0600, made on first use). A file that does not verify
// (damaged, cut short, written by another user or machine, forged) is
// treated as missing. Where the key cannot be kept, nothing is cached.
//
// Layout: the MAC (hex) on the first line, the header (one line of JSON) on
// the second, then the body as bytes: a plan can be megabytes, and it may go
// out as it is.

import { createHmac, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const KEY_FILE = 'cache-key';
const KEY_BYTES = 32;
const MAC_HEX = 64;

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

function seal(key: Buffer, header: string, body: Uint8Array): string {
  return createHmac('sha256', key).update(header).update('\n').update(body).digest('hex');
}

/** The header and body of the cache file at `path`; undefined when missing, unreadable, or not sealed with `key`. */
export function readCacheFile(path: string, key: Buffer): { header: Record<string, unknown>; body: Buffer } | undefined {
  try {
    const bytes = readFileSync(path);
    const eol = bytes.indexOf(0x0a, MAC_HEX + 1);
    if (bytes[MAC_HEX] !== 0x0a || eol < 0) return undefined;
    const header = bytes.toString('utf8', MAC_HEX + 1, eol);
    const body = bytes.subarray(eol + 1);
    if (bytes.toString('latin1', 0, MAC_HEX) !== seal(key, header, body)) return undefined;
    const parsed = JSON.parse(header) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { header: parsed as Record<string, unknown>, body } : undefined;
  } catch {
    return undefined;
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
