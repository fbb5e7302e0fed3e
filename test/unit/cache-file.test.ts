// Sealed cache files (fleet/cache-file.ts) whose body is larger than the
// pieces they are checked and copied through: a plan of 10,000 sites is
// 12 MB, read a megabyte at a time. What comes out must be the body written,
// byte for byte, and a change anywhere in it, in any piece, must be caught
// before any of it goes out.

import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCacheFile, readCacheFile, writeCacheFile, writePieces } from '../../src/fleet/cache-file.js';
import { madePlan } from '../../src/plan/plan-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'tide-cache-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = randomBytes(32);
// Two and a half pieces of 1 MiB, and not a multiple of anything.
const body = Buffer.from(Array.from({ length: 2_600_001 }, (_, i) => 32 + ((i * 7919) % 95)));

function written(name: string): string {
  const path = join(dir, name);
  writeCacheFile(path, key, { format: 'test/1', note: 'ünïcode' }, body);
  return path;
}

describe('a cache file larger than a piece', () => {
  it('comes back whole, as one buffer and in pieces, with its header', () => {
    const file = openCacheFile(written('whole.json'), key)!;
    try {
      expect(file.header).toEqual({ format: 'test/1', note: 'ünïcode' });
      expect(file.body().equals(body)).toBe(true);
      const pieces: Buffer[] = [];
      file.copyBody((piece) => pieces.push(piece));
      expect(pieces.length).toBe(3);
      expect(Buffer.concat(pieces).equals(body)).toBe(true);
    } finally {
      file.close();
    }
    expect(readCacheFile(join(dir, 'whole.json'), key)!.body.equals(body)).toBe(true);
  });

  for (const [where, offset] of [['in the seal\'s nonce', 3], ['in the seal\'s tag', 40], ['in the header', 70], ['in the first piece', 1000], ['in the last piece', 2_500_000], ['in the last byte', -1]] as const) {
    it(`a byte changed ${where} is caught before any of it is read out`, () => {
      const path = written(`flipped-${offset}.json`);
      const bytes = readFileSync(path);
      const at = offset < 0 ? bytes.length + offset : offset;
      bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
      writeFileSync(path, bytes);
      expect(openCacheFile(path, key)).toBeUndefined();
    });
  }

  it('is sealed afresh each time it is written (a new nonce), and opens each time', () => {
    const first = readFileSync(written('twice.json'));
    expect(openCacheFile(join(dir, 'twice.json'), key)).toBeDefined();
    const second = readFileSync(written('twice.json'));
    expect(second.subarray(0, 56).equals(first.subarray(0, 56))).toBe(false);
    expect(second.subarray(57).equals(first.subarray(57))).toBe(true);
    expect(readCacheFile(join(dir, 'twice.json'), key)!.body.equals(body)).toBe(true);
  });

  it('cut short, or sealed with another key: not opened', () => {
    const path = written('short.json');
    expect(openCacheFile(path, randomBytes(32))).toBeUndefined();
    writeFileSync(path, readFileSync(path).subarray(0, 1_500_000));
    expect(openCacheFile(path, key)).toBeUndefined();
    expect(openCacheFile(join(dir, 'missing.json'), key)).toBeUndefined();
  });

  it('goes to a file descriptor whole through one reused buffer, and from any byte on in pieces', () => {
    const file = openCacheFile(written('to-fd.json'), key)!;
    const out = join(dir, 'to-fd.out');
    const fd = openSync(out, 'w');
    try {
      expect(file.writeBody(fd)).toBe(body.length);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(out).equals(body)).toBe(true);
    const rest: Buffer[] = [];
    file.copyBody((piece) => rest.push(piece), 1_500_000);
    expect(Buffer.concat(rest).equals(body.subarray(1_500_000))).toBe(true);
    file.close();
  });
});

describe('writing to a file descriptor', () => {
  it('stops where the descriptor fails, and says how far it got: the rest goes through the stream', () => {
    const path = join(dir, 'read-only.out');
    writeFileSync(path, '');
    const fd = openSync(path, 'r'); // writes fail (EBADF), as a full non-blocking pipe would (EAGAIN)
    try {
      expect(writePieces(fd, body.length, (at, length) => body.subarray(at, at + length))).toBe(0);
      const plan = madePlan(body, true, true);
      expect(plan.writeTo(fd)).toBe(0);
    } finally {
      closeSync(fd);
    }
  });

  it('a plan just made goes out whole, or its rest from where the descriptor stopped', () => {
    const plan = madePlan(body, true, true);
    const out = join(dir, 'made.out');
    const fd = openSync(out, 'w');
    try {
      expect(plan.writeTo(fd)).toBe(body.length);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(out).equals(body)).toBe(true);
    const rest: Buffer[] = [];
    plan.copy((piece) => rest.push(piece), 1_000_000);
    expect(Buffer.concat(rest).equals(body.subarray(1_000_000))).toBe(true);
    const none: Buffer[] = [];
    plan.copy((piece) => none.push(piece), body.length);
    expect(none).toEqual([]);
  });
});
