// Repositories crafted to attack a git reader: packs whose deltas name
// themselves as their base, objects that do not inflate, trees with names
// git itself never writes. Built byte by byte, because git refuses to.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { git, tempDir } from './git-cli.js';

/** The id the crafted objects are filed under. */
export const CRAFTED_OID = '1234567890123456789012345678901234567890';

/** A pack entry header: type and size, git's variable-length encoding. */
function entryHeader(type: number, size: number): Buffer {
  const out: number[] = [];
  let byte = (type << 4) | (size & 15);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    out.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  out.push(byte);
  return Buffer.from(out);
}

/**
 * A repository whose only packed object, CRAFTED_OID, is a delta on itself:
 * `ref` names its own id as the base (git 2.39 loops, its memory growing),
 * `ofs` its own offset (git reports it missing).
 */
export function repoWithSelfDelta(kind: 'ref' | 'ofs'): string {
  const dir = tempDir('tide-hostile-');
  git(dir, 'init', '-q', '-b', 'main');
  const oid = Buffer.from(CRAFTED_OID, 'hex');
  const delta = Buffer.from([5, 5, 0x90, 5]); // a 5-byte base, a 5-byte result: copy 5 bytes from 0
  const entry = kind === 'ref'
    ? Buffer.concat([entryHeader(7, delta.length), oid, deflateSync(delta)])
    : Buffer.concat([entryHeader(6, delta.length), Buffer.from([0]), deflateSync(delta)]);
  const head = Buffer.alloc(12);
  head.write('PACK');
  head.writeUInt32BE(2, 4);
  head.writeUInt32BE(1, 8);
  const body = Buffer.concat([head, entry]);
  const packSum = createHash('sha1').update(body).digest();
  // Index v2: magic, version, fanout, names, CRCs, offsets, the pack's checksum, its own.
  const fanout = Buffer.alloc(1024);
  for (let i = 0; i < 256; i++) fanout.writeUInt32BE(i >= oid[0]! ? 1 : 0, i * 4);
  const offset = Buffer.alloc(4);
  offset.writeUInt32BE(12);
  const idxBody = Buffer.concat([Buffer.from([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]), fanout, oid, Buffer.alloc(4), offset, packSum]);
  const packDir = join(dir, '.git', 'objects', 'pack');
  const name = `pack-${packSum.toString('hex')}`;
  writeFileSync(join(packDir, `${name}.pack`), Buffer.concat([body, packSum]));
  writeFileSync(join(packDir, `${name}.idx`), Buffer.concat([idxBody, createHash('sha1').update(idxBody).digest()]));
  return dir;
}

/** Writes a loose object holding `raw` (header and body) as given, compressed, under its hash; returns the id. */
export function writeLooseObject(dir: string, raw: Buffer, compressed = deflateSync(raw)): string {
  const oid = createHash('sha1').update(raw).digest('hex');
  mkdirSync(join(dir, '.git', 'objects', oid.slice(0, 2)), { recursive: true });
  writeFileSync(join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)), compressed);
  return oid;
}

/** A raw tree object with the given entries, names written as they are (even '..'). */
export function rawTree(entries: { mode: string; name: string; oid: string }[]): Buffer {
  const body = Buffer.concat(entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.oid, 'hex')])));
  return Buffer.concat([Buffer.from(`tree ${body.length}\0`), body]);
}
