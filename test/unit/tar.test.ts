// The platform source goes to a server as one ustar stream: GNU tar must
// unpack exactly the files, bytes and executable bits.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packTar } from '../../src/operations/platform/tar.js';

const dir = mkdtempSync(join(tmpdir(), 'tide-tar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packTar', () => {
  it('round-trips through tar -x: contents, executable bits, long and non-ASCII paths', () => {
    const long = `${'deep/'.repeat(30)}file.txt`;
    const files = [
      { path: 'bin/install.php', data: Buffer.from('<?php echo 1;\n'), executable: true },
      { path: 'public/index.html', data: Buffer.from('<h1>hi</h1>\n'), executable: false },
      { path: 'public/é.txt', data: Buffer.from('accent\n'), executable: false },
      { path: 'empty', data: Buffer.alloc(0), executable: false },
      { path: 'blob.bin', data: Buffer.from(Array.from({ length: 1500 }, (_, i) => i % 256)), executable: false },
      { path: long, data: Buffer.from('far down\n'), executable: false },
    ];
    const out = join(dir, 'x');
    execFileSync('mkdir', ['-p', out]);
    execFileSync('tar', ['-xf', '-', '-C', out], { input: packTar(files) });
    for (const f of files) {
      expect(readFileSync(join(out, f.path)).equals(f.data), f.path).toBe(true);
      expect((statSync(join(out, f.path)).mode & 0o111) !== 0, f.path).toBe(f.executable);
    }
  });

  it('refuses a path ustar cannot hold', () => {
    expect(() => packTar([{ path: `${'x'.repeat(300)}/a`, data: Buffer.alloc(1), executable: false }])).toThrow(/too long to deploy/);
  });
});
