// How the fleet's files are read from a work tree (repo/worktree.ts): files
// git's index holds unchanged carry the index's blob id and are read only
// when asked for; the others are read and hashed at once. Either way a
// file's text and id are those of its bytes on disk, whatever its size
// (around the reader's scratch buffer too), and a file too large to be a
// fleet file is only sized. Many of them wanted at once (a first plan) are
// read together from git's object store.

import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/repo/files.js';
import { gitOutputsTogetherBytes } from '../../src/repo/git-run.js';
import { INDEX_LISTING, listWorktree, readIndexedTogether, readWorktreeFiles } from '../../src/repo/worktree.js';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos);

const yaml = (bytes: number, fill = 'x'): string => `# ${fill.repeat(Math.max(0, bytes - 3))}\n`.slice(0, bytes);

describe('reading a work tree', () => {
  it('gives every file its bytes and blob id: unchanged in the index, changed since, untracked; small, around 64 KiB, large', async () => {
    const dir = tempDir('tide-worktree-read-');
    git(dir, 'init', '-q', '-b', 'main');
    const sizes = [0, 1, 65_535, 65_536, 65_537, 131_072, 300_001];
    for (const size of sizes) writeFileSync(join(dir, `committed-${size}.yaml`), yaml(size));
    writeFileSync(join(dir, 'changed.yaml'), 'kind: Site\n');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '-m', 'fleet');
    appendFileSync(join(dir, 'changed.yaml'), 'name: changed.example.com\n');
    for (const size of sizes) writeFileSync(join(dir, `untracked-${size}.yaml`), yaml(size, 'y'));
    writeFileSync(join(dir, 'not-utf8.yaml'), Buffer.concat([Buffer.from('kind: Site\nname: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    writeFileSync(join(dir, 'too-large.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x23));

    const files = await readWorktreeFiles(dir);
    expect(files.map((f) => f.path)).toEqual(git(dir, 'ls-files', '--cached', '--others').trim().split('\n').sort());
    // Those git's index holds unchanged are known by its listing (their text read only when asked for); the others are read.
    const readAtOnce = (path: string): boolean => Object.hasOwn(files.find((f) => f.path === path)!, 'text');
    expect(sizes.map((size) => readAtOnce(`committed-${size}.yaml`))).toEqual(sizes.map(() => false));
    expect(['changed.yaml', 'untracked-1.yaml', 'not-utf8.yaml'].map(readAtOnce)).toEqual([true, true, true]);
    for (const file of files.filter((f) => f.path !== 'too-large.yaml')) {
      const expected = readFileSync(join(dir, file.path), 'utf8');
      expect(file.oid, file.path).toBe(git(dir, 'hash-object', file.path).trim());
      if (file.path === 'not-utf8.yaml') {
        expect(file).toMatchObject({ text: 'kind: Site\nname: ', notUtf8: true, size: 20 });
      } else {
        expect(file.text, file.path).toBe(expected);
        expect(file.size ?? Buffer.byteLength(file.text), file.path).toBe(Buffer.byteLength(expected));
      }
    }
    expect(files.find((f) => f.path === 'changed.yaml')!.text).toContain('changed.example.com');
    expect(files.find((f) => f.path === 'too-large.yaml')).toMatchObject({ text: '', size: MAX_FILE_BYTES + 1 });
  });
});

// A first plan wants every file: those the index holds unchanged are read together from git's object store.
describe('reading many unchanged files at once', () => {
  /** A committed work tree of `count` small fleet files (and one changed since); the files as read. */
  async function committed(count: number) {
    const dir = tempDir('tide-worktree-together-');
    git(dir, 'init', '-q', '-b', 'main');
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `site-${i}.yaml`), `kind: Site\nname: s${i}.example.com # é\n`);
    writeFileSync(join(dir, 'changed.yaml'), 'kind: Site\n');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '-m', 'fleet');
    git(dir, 'gc', '-q'); // packed, as a clone is
    appendFileSync(join(dir, 'changed.yaml'), 'name: changed.example.com\n');
    return { dir, files: await readWorktreeFiles(dir) };
  }

  it('takes their bytes from git in one go, under the ids the index gives them', async () => {
    const { dir, files } = await committed(100);
    // Gone from the work tree after git listed them: only git's object store still has them.
    for (let i = 0; i < 100; i++) rmSync(join(dir, `site-${i}.yaml`));
    await readIndexedTogether(files);
    for (let i = 0; i < 100; i++) {
      const file = files.find((f) => f.path === `site-${i}.yaml`)!;
      expect(file.text).toBe(`kind: Site\nname: s${i}.example.com # é\n`);
      expect(file.oid).toBe(git(dir, 'rev-parse', `HEAD:site-${i}.yaml`).trim());
    }
    expect(files.find((f) => f.path === 'changed.yaml')!.text).toBe('kind: Site\nname: changed.example.com\n');
  });

  it('when git cannot give them all, each is read from the work tree as before', async () => {
    const { dir, files } = await committed(100);
    // A stranger's index may name objects the repository does not have: git fails, the files are still there.
    rmSync(join(dir, '.git', 'objects', 'pack'), { recursive: true, force: true });
    await readIndexedTogether(files);
    expect(files.find((f) => f.path === 'site-7.yaml')!.text).toBe('kind: Site\nname: s7.example.com # é\n');
    expect(files.find((f) => f.path === 'site-7.yaml')!.oid).toBe(git(dir, 'hash-object', 'site-7.yaml').trim());
  });
});

// A cached plan checks the work tree by its listing's id (plan-cache.ts): the files it lists, and what git's index says of them.
describe("a work tree listing's id", () => {
  function fleet() {
    const dir = tempDir('tide-worktree-id-');
    git(dir, 'init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'sites'));
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, 'sites', `${name}.yaml`), `kind: Site\nname: ${name}.example.com\n`);
    writeFileSync(join(dir, 'tide.yaml'), 'kind: Fleet\n');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '-q', '-m', 'fleet');
    return dir;
  }
  const id = async (dir: string) => (await listWorktree(dir)).id;

  it('is the same while nothing changes, whoever asked git (alone or beside other questions)', async () => {
    const dir = fleet();
    const together = await listWorktree(dir, gitOutputsTogetherBytes(dir, [{ args: [...INDEX_LISTING] }]).then(([r]) => r!.stdout));
    expect(await id(dir)).toBe(await id(dir));
    expect(together.id).toBe(await id(dir));
    expect(together.paths).toEqual(['sites/a.yaml', 'sites/b.yaml', 'sites/c.yaml', 'tide.yaml']);
  });

  const changes: Record<string, (dir: string) => void> = {
    'a file edited': (dir) => appendFileSync(join(dir, 'sites/a.yaml'), '# more\n'),
    'a file staged': (dir) => {
      appendFileSync(join(dir, 'sites/a.yaml'), '# more\n');
      git(dir, 'add', 'sites/a.yaml');
    },
    'a file added, untracked': (dir) => writeFileSync(join(dir, 'sites/d.yaml'), 'kind: Site\n'),
    'a file in a new directory': (dir) => {
      mkdirSync(join(dir, 'sites/more'));
      writeFileSync(join(dir, 'sites/more/d.yaml'), 'kind: Site\n');
    },
    'a file deleted': (dir) => rmSync(join(dir, 'sites/b.yaml')),
    'a file moved to another directory': (dir) => {
      mkdirSync(join(dir, 'other'));
      renameSync(join(dir, 'sites/c.yaml'), join(dir, 'other/c.yaml'));
    },
  };
  for (const [name, change] of Object.entries(changes)) {
    it(`changes with ${name}`, async () => {
      const dir = fleet();
      const before = await id(dir);
      change(dir);
      expect(await id(dir)).not.toBe(before);
    });
  }

  it('notes the files not from the index, which a cache reads again', async () => {
    const dir = fleet();
    appendFileSync(join(dir, 'sites/a.yaml'), '# more\n');
    writeFileSync(join(dir, 'sites/d.yaml'), 'kind: Site\n');
    const listing = await listWorktree(dir);
    const files = listing.files();
    expect(listing.stamp(files)).toEqual({ listing: listing.id, loose: ['sites/a.yaml', 'sites/d.yaml'] });
    expect(listing.read(['sites/d.yaml'])).toEqual([{ path: 'sites/d.yaml', text: 'kind: Site\n', oid: git(dir, 'hash-object', 'sites/d.yaml').trim() }]);
  });
});
