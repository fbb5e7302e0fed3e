// The platform source goes to a server as one tar stream: GNU tar must
// unpack exactly the files, bytes, executable bits, symlinks and empty
// directories, and a file that cannot be read must fail the stream, naming it.

import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { packSource } from '../../src/operations/platform/tar.js';
import type { SourceEntry, SourceTree } from '../../src/repo/source-tree.js';

const dir = mkdtempSync(join(tmpdir(), 'tide-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A source tree held in memory: files by path, and extra directory and symlink entries. */
function memoryTree(files: Record<string, { data: Buffer; executable?: boolean }>, others: SourceEntry[] = []): SourceTree {
  const entries: SourceEntry[] = [
    ...Object.entries(files).map(([path, f]) => ({ path, type: 'file' as const, executable: f.executable ?? false, size: f.data.length })),
    ...others,
  ];
  return { entries, open: (e) => Readable.from([files[e.path]!.data]), close: async () => undefined };
}

function unpack(archive: Buffer): string {
  const out = mkdtempSync(join(dir, 'x-'));
  execFileSync('tar', ['-xf', '-', '-C', out], { input: archive });
  return out;
}

describe('packSource', () => {
  it('round-trips through tar -x: contents, executable bits, long and non-ASCII paths, symlinks, empty directories', async () => {
    const long = `${'deep/'.repeat(60)}file.txt`; // 308 bytes: past ustar's 255
    const files: Record<string, { data: Buffer; executable?: boolean }> = {
      'bin/install.php': { data: Buffer.from('<?php echo 1;\n'), executable: true },
      'public/index.html': { data: Buffer.from('<h1>hi</h1>\n') },
      'public/é.txt': { data: Buffer.from('accent\n') },
      empty: { data: Buffer.alloc(0) },
      'blob.bin': { data: Buffer.from(Array.from({ length: 1500 }, (_, i) => i % 256)) },
      [long]: { data: Buffer.from('far down\n') },
    };
    const tree = memoryTree(files, [
      { path: 'cache', type: 'directory', executable: false, size: 0 },
      { path: 'public/current', type: 'symlink', executable: false, size: 0, target: 'index.html' },
    ]);
    const out = unpack(await buffer(packSource(tree, 'platforms/app')));
    for (const [path, f] of Object.entries(files)) {
      expect(readFileSync(join(out, path)).equals(f.data), path).toBe(true);
      expect(statSync(join(out, path)).mode & 0o777, path).toBe(f.executable ? 0o755 : 0o644);
    }
    expect(lstatSync(join(out, 'cache')).isDirectory()).toBe(true);
    expect(lstatSync(join(out, 'public/current')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(out, 'public/current'))).toBe('index.html');
  });

  it('fails the stream, naming the file, when a file cannot be read or changed size', async () => {
    const tree = memoryTree({ 'a.txt': { data: Buffer.from('abc') } });
    tree.entries[0]!.size = 10; // the file shrank after it was listed
    await expect(buffer(packSource(tree, 'platforms/app'))).rejects.toThrow('Cannot send platforms/app/a.txt: it changed while being sent.');
    const broken: SourceTree = { ...tree, open: () => { throw new Error('ELOOP: too many symbolic links'); } };
    await expect(buffer(packSource(broken, 'platforms/app'))).rejects.toThrow('Cannot send platforms/app/a.txt: ELOOP');
  });
});
