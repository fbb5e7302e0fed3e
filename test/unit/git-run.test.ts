// Local git through gitOutput (repo/git-run.ts): an answer through a
// temporary file comes back byte for byte; bounded runs (what blob-file.ts
// reads a stranger's objects with) stop a git that hangs or answers too much.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitOutput, gitOutputBytes, gitOutputsTogether } from '../../src/repo/git-run.js';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos);

/** A repository with one blob of `bytes`; its id. */
function repoWithBlob(bytes: Buffer): { dir: string; oid: string } {
  const dir = tempDir('tide-git-run-');
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'blob'), bytes);
  return { dir, oid: git(dir, 'hash-object', '-w', 'blob').trim() };
}

describe('gitOutput', () => {
  it('through a file, bounded or not: the bytes git wrote, as they were', async () => {
    const bytes = Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x0a, 0x41]);
    const { dir, oid } = repoWithBlob(bytes);
    for (const limits of [undefined, { memoryBytes: 1 << 30, outputBytes: 1 << 20 }]) {
      const r = await gitOutputBytes(dir, ['cat-file', 'blob', oid], { viaFile: true, limits, timeoutMs: 10_000 });
      expect(r.code).toBe(0);
      expect(r.stdout.equals(bytes)).toBe(true);
    }
    expect((await gitOutput(dir, ['cat-file', '-t', oid], { viaFile: true })).stdout).toBe('blob\n');
  });

  it('an answer larger than the output limit fails rather than filling the disk', async () => {
    const { dir, oid } = repoWithBlob(Buffer.alloc(256 * 1024, 0x61));
    const r = await gitOutputBytes(dir, ['cat-file', 'blob', oid], { viaFile: true, limits: { memoryBytes: 1 << 30, outputBytes: 16 * 1024 } });
    expect(r.code).not.toBe(0);
  });

  it('a git that hangs is killed once its time is up', async () => {
    const dir = tempDir('tide-git-run-');
    const started = Date.now();
    // A git alias that sleeps stands in for a git that never answers.
    const r = await gitOutputBytes(dir, ['-c', 'alias.hang=!sleep 5', 'hang'], { viaFile: true, timeoutMs: 300 });
    expect(r.code).toBeNull();
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});

describe('gitOutputsTogether', () => {
  it('runs several commands from one shell, each with its own input, answer, errors and code, its arguments as they are', async () => {
    const { dir, oid } = repoWithBlob(Buffer.from('one blob\n'));
    // Arguments a shell would expand, split or run, were they ever parsed by it.
    const odd = ["it's $(touch pwned) `touch pwned` ; \"x\" * \\ $HOME", '', '-n', '\n'];
    const [check, echo, failing, none] = await gitOutputsTogether(dir, [
      { args: ['cat-file', '--batch-check'], input: `${oid}\n${'0'.repeat(40)}\n` },
      { args: ['rev-parse', '--sq-quote', ...odd] },
      { args: ['cat-file', '-t', 'no-such-object'] },
      { args: ['rev-parse', '--is-inside-work-tree'] },
    ]);
    expect(check).toEqual({ code: 0, stdout: `${oid} blob 9\n${'0'.repeat(40)} missing\n`, stderr: '' });
    expect(echo!.code).toBe(0);
    expect(echo!.stdout).toBe(` ${odd.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')}\n`);
    expect(failing!.code).not.toBe(0);
    expect(failing!.stderr).toMatch(/no-such-object/);
    expect(none).toEqual({ code: 0, stdout: 'true\n', stderr: '' });
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).not.toMatch(/pwned/);
  });
});
