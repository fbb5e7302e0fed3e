// tide reads git objects through `git cat-file`: every object must come back
// byte for byte as git prints it, and a damaged or crafted repository must
// give a clear error, never a crash, a hang or unbounded memory.

import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitReader, withGitReader } from '../../src/repo/git-objects.js';
import { readFilesAt } from '../../src/repo/git.js';
import { readBlobsViaFile } from '../../src/repo/blob-file.js';
import { decodeFleetFile } from '../../src/repo/files.js';
import { requireGitDirs } from '../../src/repo/git-dir.js';
import { TideError } from '../../src/errors.js';
import { git, makeGitCliRepo as makeRepo, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { CRAFTED_OID, rawTree, repoWithSelfDelta, writeLooseObject } from '../helpers/hostile-git.js';

afterAll(removeGitCliRepos, 60_000);

/** Every object id in the repository, loose or packed. */
function allObjects(dir: string): { oid: string; type: string }[] {
  return git(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype)')
    .trim()
    .split('\n')
    .map((line) => {
      const [oid, type] = line.split(' ');
      return { oid: oid!, type: type! };
    });
}

/** Every object's bytes as one `git cat-file --batch` prints them. */
function catAll(dir: string, oids: string[]): Map<string, Buffer> {
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: dir, input: oids.join('\n') + '\n', maxBuffer: 256 * 1024 * 1024 });
  const objects = new Map<string, Buffer>();
  for (let at = 0; at < out.length; ) {
    const eol = out.indexOf(0x0a, at);
    const [oid, , size] = out.toString('latin1', at, eol).split(' ');
    objects.set(oid!, out.subarray(eol + 1, eol + 1 + Number(size)));
    at = eol + 1 + Number(size) + 1;
  }
  return objects;
}

async function expectSameAsGit(dir: string): Promise<number> {
  const objects = allObjects(dir);
  const expected = catAll(dir, objects.map((o) => o.oid));
  await withGitReader(dir, async (reader) => {
    // All requested at once: the answers must come back in order.
    const read = await Promise.all(objects.map((o) => reader.read(o.oid)));
    for (const [i, { oid, type }] of objects.entries()) {
      expect(read[i]!.type, oid).toBe(type);
      expect(read[i]!.data.equals(expected.get(oid)!), `${type} ${oid} differs from git cat-file`).toBe(true);
    }
  });
  return objects.length;
}

/** A commit on `main` whose tree holds `state/<name>` → the given blob id (which may not exist, or be crafted). */
function commitPointingAt(dir: string, entries: Record<string, string>): string {
  for (const [path, oid] of Object.entries(entries)) git(dir, 'update-index', '--add', '--cacheinfo', `100644,${oid},${path}`);
  const tree = git(dir, 'write-tree', '--missing-ok').trim();
  return git(dir, 'commit-tree', tree, '-m', 'crafted').trim();
}

/** readFilesAt's error, whether it throws at once or rejects. */
async function readFailure(dir: string, commit: string): Promise<TideError> {
  try {
    await readFilesAt(dir, commit, 'state', { enter: () => true, take: () => true });
  } catch (error) {
    if (error instanceof TideError) return error;
    throw new Error(`expected a TideError, got ${String(error).slice(0, 200)}`);
  }
  throw new Error('expected an error, the read succeeded');
}

describe('git reader', () => {
  it('reads loose objects exactly as git stores them', async () => {
    const dir = makeRepo();
    expect(git(dir, 'count-objects', '-v')).toMatch(/^in-pack: 0$/m);
    expect(await expectSameAsGit(dir)).toBeGreaterThan(250);
  });

  it('reads a gc-packed repository with offset deltas, and ref deltas', async () => {
    const dir = makeRepo();
    git(dir, 'repack', '-q', '-a', '-d', '-f', '--depth=50');
    expect(git(dir, 'verify-pack', '-v', ...globPack(dir))).toMatch(/chain length = 1[0-9]: /);
    await expectSameAsGit(dir);
    git(dir, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-q', '-a', '-d', '-f');
    await expectSameAsGit(dir);
  });

  it('reads a bare repository and a linked worktree', async () => {
    const dir = makeRepo();
    const bare = join(tempDir('tide-bare-'), 'fleet.git');
    git(dir, 'clone', '-q', '--bare', dir, bare);
    await expectSameAsGit(bare);
    const linked = join(tempDir('tide-linked-'), 'checkout');
    git(dir, 'worktree', 'add', '-q', linked, 'HEAD~1');
    const files = await readFilesAt(linked, git(linked, 'rev-parse', 'HEAD').trim(), 'sites', {
      enter: () => true,
      take: (path) => path.endsWith('site-3.json'),
    });
    expect(files).toEqual([{ path: 'sites/site-3.json', text: expect.stringContaining('"round": 4'), oid: expect.stringMatching(/^[0-9a-f]{40}$/) }]);
  });

  it('streams a blob of any size, and lists a tree with its modes', async () => {
    const dir = makeRepo();
    const blob = git(dir, 'rev-parse', 'HEAD:big.txt').trim();
    await withGitReader(dir, async (reader) => {
      const chunks: Buffer[] = [];
      for await (const chunk of reader.stream(blob)) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(execFileSync('git', ['cat-file', 'blob', blob], { cwd: dir }))).toBe(true);
      const tree = await reader.tree('HEAD^{tree}');
      expect(tree.map((e) => [e.name, e.kind])).toEqual([['big.txt', 'file'], ['sites', 'tree'], ['unicode ünï.txt', 'file']]);
    });
  });

  it('names the missing object and the repository when an object is absent', async () => {
    const dir = makeRepo();
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const error = await withGitReader(dir, (reader) => reader.read(missing).then(() => undefined, (e: unknown) => e));
    expect(error).toBeInstanceOf(TideError);
    expect(error).toMatchObject({ code: 'GIT_OBJECT_MISSING', message: `Git object ${missing} is missing from ${join(dir, '.git')}.` });
  });
});

describe('a damaged or crafted repository', () => {
  it('a delta whose base is its own offset: a clear error, no crash', async () => {
    const dir = repoWithSelfDelta('ofs');
    const error = await readFailure(dir, commitPointingAt(dir, { 'state/sites/a.json': CRAFTED_OID }));
    expect(error.code).toMatch(/^GIT_/);
    expect(error.message).toContain(CRAFTED_OID);
  });

  it('a delta that names itself as its base: git is stopped (bounded memory), a clear error', async () => {
    const dir = repoWithSelfDelta('ref');
    // git 2.39 loops on it, its memory growing ~150 MB/s: the reader's address-space limit stops it.
    const error = await withGitReader(dir, (reader) => reader.read(CRAFTED_OID).then(() => undefined, (e: unknown) => e), { memoryLimitBytes: 64 * 1024 * 1024 });
    expect(error).toMatchObject({ code: 'GIT_READ_FAILED', message: expect.stringMatching(new RegExp(`^Cannot read git object ${CRAFTED_OID} in .*: git says: .*(memory|alloc)`)) });
    expect((error as TideError).hint).toContain('git fsck');
  }, 60_000);

  it('a git that gives no answer is stopped after the idle timeout', async () => {
    const dir = repoWithSelfDelta('ref');
    const error = await withGitReader(dir, (reader) => reader.read(CRAFTED_OID).then(() => undefined, (e: unknown) => e), { idleTimeoutMs: 500 });
    expect(error).toMatchObject({ code: 'GIT_READ_FAILED', message: expect.stringContaining('gave no answer for 0.5 s') });
  });

  it('an object that inflates past the limit is never kept: read refuses it, readFilesAt gives its size only', async () => {
    const dir = makeRepo();
    const size = 80 * 1024 * 1024; // zeros: about 80 KB on disk
    const bomb = writeLooseObject(dir, Buffer.concat([Buffer.from(`blob ${size}\0`), Buffer.alloc(size)]));
    const error = await withGitReader(dir, (reader) => reader.read(bomb).then(() => undefined, (e: unknown) => e));
    expect(error).toMatchObject({ code: 'GIT_OBJECT_TOO_LARGE', message: expect.stringContaining(`${size} bytes`) });
    const commit = commitPointingAt(dir, { 'state/sites/a.json': bomb });
    expect(await readFilesAt(dir, commit, 'state', { enter: () => true, take: () => true })).toEqual([{ path: 'state/sites/a.json', text: '', size, oid: bomb }]);
  });

  it('an object that does not inflate', async () => {
    const dir = makeRepo();
    const oid = writeLooseObject(dir, Buffer.from('blob 5\0hello'), Buffer.from('not zlib at all'));
    const error = await readFailure(dir, commitPointingAt(dir, { 'state/sites/a.json': oid }));
    expect(error.code).toMatch(/^GIT_/);
    expect(error.message).toContain(oid);
  });

  it('a tree entry named ".." or holding a slash', async () => {
    const dir = makeRepo();
    const blob = git(dir, 'rev-parse', 'HEAD:big.txt').trim();
    for (const name of ['..', 'a/b']) {
      const bad = writeLooseObject(dir, rawTree([{ mode: '100644', name, oid: blob }]));
      const state = writeLooseObject(dir, rawTree([{ mode: '40000', name: 'sites', oid: bad }]));
      const root = writeLooseObject(dir, rawTree([{ mode: '40000', name: 'state', oid: state }]));
      const commit = git(dir, 'commit-tree', root, '-m', 'crafted').trim();
      expect(await readFailure(dir, commit)).toMatchObject({ code: 'GIT_OBJECT_CORRUPT', message: `Git tree ${bad} is corrupt: it holds an entry named '${name}'.` });
    }
  });

  it('refuses names that would break the request line', async () => {
    const dir = makeRepo();
    const reader = GitReader.open(dir);
    await expect(reader.read('HEAD\ninfo HEAD')).rejects.toMatchObject({ code: 'GIT_OBJECT_MISSING' });
    expect((await reader.read('HEAD')).type).toBe('commit');
    await reader.close();
  });
});

describe('readFilesAt', () => {
  it('returns the files under a prefix at a commit, with paths and UTF-8 text', async () => {
    const dir = makeRepo();
    git(dir, 'repack', '-q', '-a', '-d');
    const commit = git(dir, 'rev-parse', 'HEAD~2').trim();
    const files = await readFilesAt(dir, commit, '', { enter: () => true, take: (p) => !p.startsWith('sites/') || p === 'sites/site-7.json' });
    expect(files.map((f) => f.path).sort()).toEqual(['big.txt', 'sites/site-7.json', 'unicode ünï.txt']);
    expect(files.find((f) => f.path === 'unicode ünï.txt')!.text).toBe('round 3 — ✓\n');
    expect(files.find((f) => f.path === 'sites/site-7.json')!.text).toBe(git(dir, 'show', `${commit}:sites/site-7.json`));
  });

  it('returns nothing for a prefix the commit does not have', async () => {
    const dir = makeRepo();
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    expect(await readFilesAt(dir, head, 'state', { enter: () => true, take: () => true })).toEqual([]);
    expect(await readFilesAt(dir, head, 'big.txt', { enter: () => true, take: () => true })).toEqual([]);
  });
});

// From 64 blobs on, readFilesAt reads them through one git writing to a file (blob-file.ts).
describe('readFilesAt, many files at once', () => {
  /** A commit with `count` small JSON files under state/sites, plus `extra` entries; their blob ids by path. */
  function manyFiles(dir: string, count: number, extra: Record<string, string> = {}): { commit: string; oids: Record<string, string> } {
    const texts = Array.from({ length: count }, (_, i) => `{"name":"s${i}","note":"é ${'x'.repeat(i)}"}\n`);
    const scratch = tempDir('tide-many-');
    texts.forEach((text, i) => writeFileSync(join(scratch, String(i)), text));
    const written = git(dir, 'hash-object', '-w', ...texts.map((_, i) => join(scratch, String(i)))).trim().split('\n');
    const oids = Object.fromEntries(written.map((oid, i) => [`state/sites/s${String(i).padStart(3, '0')}.json`, oid]));
    const all = { ...oids, ...extra };
    execFileSync('git', ['update-index', '--add', '--index-info'], { cwd: dir, input: Object.entries(all).map(([path, oid]) => `100644 ${oid}\t${path}\n`).join('') });
    const tree = git(dir, 'write-tree', '--missing-ok').trim();
    return { commit: git(dir, 'commit-tree', tree, '-m', 'many').trim(), oids: all };
  }

  it('gives each file its path, blob id and text as git has them, in tree order', async () => {
    const dir = makeRepo();
    const { commit, oids } = manyFiles(dir, 150);
    const files = await readFilesAt(dir, commit, 'state', { enter: () => true, take: () => true });
    expect(files.map((f) => f.path)).toEqual(Object.keys(oids).sort());
    const asGit = catAll(dir, Object.values(oids));
    for (const file of files) {
      expect(file.oid).toBe(oids[file.path]);
      expect(file.text).toBe(asGit.get(file.oid!)!.toString('utf8'));
    }
    expect(files[149]!.text).toBe(`{"name":"s149","note":"é ${'x'.repeat(149)}"}\n`);
  });

  it('reads them through one git writing to a file; anything out of the ordinary answers undefined', async () => {
    const dir = makeRepo();
    const { oids } = manyFiles(dir, 70);
    const list = Object.values(oids);
    const blobs = await readBlobsViaFile(requireGitDirs(dir), list, 40);
    const asGit = catAll(dir, list);
    expect(blobs?.map((b) => b.text ?? b.data?.toString('utf8') ?? b.size)).toEqual(
      list.map((oid) => asGit.get(oid)!).map((b) => (b.length > 40 ? b.length : b.toString('utf8'))));
    expect(await readBlobsViaFile(requireGitDirs(dir), [...list, '0123456789abcdef0123456789abcdef01234567'], 40)).toBeUndefined();
    expect(await readBlobsViaFile(requireGitDirs(dir), [...list, git(dir, 'rev-parse', 'HEAD').trim()], 40)).toBeUndefined();
    expect(await readBlobsViaFile(requireGitDirs(dir), list, 40, { maxFileBytes: 2048 })).toBeUndefined();
  });

  it('decodes each file as one read alone would: a byte order mark dropped, a file that is not UTF-8 cut where it goes wrong', async () => {
    const dir = makeRepo();
    const blob = (bytes: Buffer): string => writeLooseObject(dir, Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
    const bom = blob(Buffer.from('\ufeff{"name":"bom"}\n'));
    const bad = blob(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x7d, 0x0a])); // '{"', a lead byte without its continuation, '(}'
    const alone = (oid: string, path: string) => ({ ...decodeFleetFile(path, catAll(dir, [oid]).get(oid)!), oid });
    // All UTF-8 (decoded from git's whole answer at once), then with one file that is not (each decoded on its own).
    const batches: Record<string, string>[] = [{ 'state/sites/bom.json': bom }, { 'state/sites/bom.json': bom, 'state/sites/bad.json': bad }];
    for (const extra of batches) {
      const files = await readFilesAt(dir, manyFiles(dir, 100, extra).commit, 'state', { enter: () => true, take: () => true });
      expect(files).toHaveLength(100 + Object.keys(extra).length);
      for (const [path, oid] of Object.entries(extra)) expect(files.find((f) => f.path === path)).toEqual(alone(oid, path));
      expect(files.find((f) => f.path === 'state/sites/bom.json')!.text).toBe('{"name":"bom"}\n');
    }
  });

  it('an object past the limit among them: its size only, the others read', async () => {
    const dir = makeRepo();
    const size = 20 * 1024 * 1024; // zeros: about 20 KB on disk; more than a fleet or state file may be
    const bomb = writeLooseObject(dir, Buffer.concat([Buffer.from(`blob ${size}\0`), Buffer.alloc(size)]));
    const { commit } = manyFiles(dir, 100, { 'state/sites/zz.json': bomb });
    const files = await readFilesAt(dir, commit, 'state', { enter: () => true, take: () => true });
    expect(files).toHaveLength(101);
    expect(files.at(-1)).toEqual({ path: 'state/sites/zz.json', text: '', size, oid: bomb });
    expect(files[0]!.text).toBe('{"name":"s0","note":"é "}\n');
  });

  it('a missing or damaged object among them: the same clear error as one by one', async () => {
    const dir = makeRepo();
    const missing = '0123456789abcdef0123456789abcdef01234567';
    expect(await readFailure(dir, manyFiles(dir, 100, { 'state/sites/zz.json': missing }).commit)).toMatchObject({ code: 'GIT_OBJECT_MISSING', message: expect.stringContaining(missing) });
    const broken = writeLooseObject(dir, Buffer.from('blob 5\0hello'), Buffer.from('not zlib at all'));
    const error = await readFailure(dir, manyFiles(dir, 100, { 'state/sites/zz.json': broken }).commit);
    expect(error.code).toMatch(/^GIT_/);
    expect(error.message).toContain(broken);
  });
});

function globPack(dir: string): string[] {
  const packDir = join(dir, '.git', 'objects', 'pack');
  return readdirSync(packDir)
    .filter((name) => name.endsWith('.idx'))
    .map((name) => join(packDir, name));
}

