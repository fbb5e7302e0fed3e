// A platform's source as a deploy ships it: from the work tree or from a
// commit, the same entries; nothing from outside the repository, symlinks
// kept only while they stay inside the source.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceTreeIds } from '../../src/repo/source-digest.js';
import { openSourceTree, type SourceTree } from '../../src/repo/source-tree.js';
import { TideError } from '../../src/errors.js';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos, 60_000);

/** A fleet repository with platforms/app (files, an executable, in-tree symlinks), committed. */
function repoWithApp(): string {
  const dir = tempDir('tide-src-');
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'platforms/app/public/css'), { recursive: true });
  mkdirSync(join(dir, 'platforms/app/bin'), { recursive: true });
  writeFileSync(join(dir, 'platforms/app/public/index.php'), '<?php echo "hi";\n');
  writeFileSync(join(dir, 'platforms/app/public/css/site.css'), 'body {}\n');
  writeFileSync(join(dir, 'platforms/app/bin/install.php'), '<?php\n');
  chmodSync(join(dir, 'platforms/app/bin/install.php'), 0o755);
  symlinkSync('public/index.php', join(dir, 'platforms/app/index.php'));
  symlinkSync('../public/css', join(dir, 'platforms/app/bin/css'));
  writeFileSync(join(dir, 'tide.yaml'), 'kind: Fleet\nname: t\n');
  commit(dir);
  return dir;
}

function commit(dir: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'change');
}

async function refusal(run: () => Promise<unknown>): Promise<TideError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TideError) return error;
    throw error;
  }
  throw new Error('expected the source to be refused');
}

async function contents(tree: SourceTree): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of tree.entries) {
    out[e.path] = e.type === 'file' ? `${e.executable ? 'x ' : ''}${await text(tree.open(e))}` : e.type === 'symlink' ? `-> ${e.target}` : 'dir';
  }
  await tree.close();
  return out;
}

/** A secret outside the repository, the way a deploy key sits in ~/.ssh. */
function secretOutside(): string {
  const path = join(tempDir('tide-home-'), 'id_ed25519');
  writeFileSync(path, 'PRIVATE KEY\n', { mode: 0o600 });
  return path;
}

describe('openSourceTree', () => {
  it('gives the same entries from the work tree and from a commit, in-tree symlinks kept as symlinks', async () => {
    const dir = repoWithApp();
    const expected = {
      bin: 'dir',
      'bin/css': '-> ../public/css',
      'bin/install.php': 'x <?php\n',
      'index.php': '-> public/index.php',
      public: 'dir',
      'public/css': 'dir',
      'public/css/site.css': 'body {}\n',
      'public/index.php': '<?php echo "hi";\n',
    };
    expect(await contents(await openSourceTree(dir, 'platforms/app'))).toEqual(expected);
    expect(await contents(await openSourceTree(dir, 'platforms/app', 'HEAD'))).toEqual(expected);
  });

  it('keeps empty directories of the work tree', async () => {
    const dir = repoWithApp();
    mkdirSync(join(dir, 'platforms/app/cache/twig'), { recursive: true });
    const tree = await contents(await openSourceTree(dir, 'platforms/app'));
    expect(tree).toMatchObject({ cache: 'dir', 'cache/twig': 'dir' });
  });

  it('refuses a source path that is a symlink out of the repository, from the work tree and from a commit', async () => {
    const dir = repoWithApp();
    const outside = tempDir('tide-outside-');
    writeFileSync(join(outside, 'index.php'), 'not ours\n');
    symlinkSync(outside, join(dir, 'platforms/linked'));
    commit(dir);
    for (const ref of [undefined, 'HEAD']) {
      const error = await refusal(() => openSourceTree(dir, 'platforms/linked', ref));
      expect(error.code).toBe('SOURCE_OUTSIDE_REPO');
      expect(error.message).toBe(`The platform source platforms/linked${ref ? ' at HEAD' : ''} leads outside the repository: platforms/linked is a symlink to ${outside}. Nothing was deployed.`);
    }
  });

  it('refuses a source path that passes through a symlink out of the repository, even relative', async () => {
    const dir = repoWithApp();
    const outside = tempDir('tide-outside-');
    mkdirSync(join(outside, 'app'));
    writeFileSync(join(outside, 'app/index.php'), 'not ours\n');
    symlinkSync(`../..${outside}`, join(dir, 'vendor'));
    const error = await refusal(() => openSourceTree(dir, 'vendor/app'));
    expect(error).toMatchObject({ code: 'SOURCE_OUTSIDE_REPO', message: expect.stringContaining(`vendor is a symlink to ../..${outside}`) });
  });

  it('follows a source path symlink that stays in the repository', async () => {
    const dir = repoWithApp();
    symlinkSync('platforms/app', join(dir, 'current'));
    commit(dir);
    const tree = await contents(await openSourceTree(dir, 'current'));
    expect(tree['public/index.php']).toBe('<?php echo "hi";\n');
    expect(await contents(await openSourceTree(dir, 'current', 'HEAD'))).toEqual(tree);
  });

  it('refuses a symlink inside the source that points at a secret outside it, naming the file', async () => {
    for (const target of [secretOutside(), '../../../../../../../../../../../../etc/hostname', '../../tide.yaml']) {
      const dir = repoWithApp();
      symlinkSync(target, join(dir, 'platforms/app/public/key'));
      commit(dir);
      for (const ref of [undefined, 'HEAD']) {
        const error = await refusal(() => openSourceTree(dir, 'platforms/app', ref));
        expect(error).toMatchObject({
          code: 'SOURCE_SYMLINK_OUTSIDE',
          message: `platforms/app/public/key is a symlink to ${target}, outside the platform source platforms/app. Nothing was deployed.`,
        });
      }
    }
  });

  it('refuses a link that climbs out through another link, and a loop of links', async () => {
    const dir = repoWithApp();
    symlinkSync('../..', join(dir, 'platforms/app/public/up'));
    symlinkSync('public/up/..', join(dir, 'platforms/app/sneaky'));
    // Lexically public/up/.. is public, inside; the kernel resolves `up` first and lands outside.
    expect(await refusal(() => openSourceTree(dir, 'platforms/app'))).toMatchObject({ code: 'SOURCE_SYMLINK_OUTSIDE' });
    const loop = repoWithApp();
    symlinkSync('b', join(loop, 'platforms/app/a'));
    symlinkSync('a', join(loop, 'platforms/app/b'));
    expect(await refusal(() => openSourceTree(loop, 'platforms/app'))).toMatchObject({ code: 'SOURCE_SYMLINK_LOOP', message: expect.stringContaining('platforms/app/a is a symlink to b') });
  });

  it('refuses a fifo, naming it', async () => {
    const dir = repoWithApp();
    execFileSync('mkfifo', [join(dir, 'platforms/app/pipe')]);
    expect(await refusal(() => openSourceTree(dir, 'platforms/app'))).toMatchObject({ code: 'SOURCE_FILE_UNSUPPORTED', message: expect.stringContaining('platforms/app/pipe') });
  });
});

describe('sourceTreeIds', () => {
  const treeId = async (dir: string, commit: string | null, path: string, fromWorktree = false) =>
    (await sourceTreeIds(dir, [path], commit === null ? null : git(dir, 'rev-parse', commit).trim(), fromWorktree)).get(path);

  it('is the git tree id of the source at the commit, symlinks followed inside the repository', async () => {
    const dir = repoWithApp();
    symlinkSync('platforms/app', join(dir, 'current'));
    commit(dir);
    const id = git(dir, 'rev-parse', 'HEAD:platforms/app').trim();
    expect(await treeId(dir, 'HEAD', 'platforms/app')).toBe(id);
    expect(await treeId(dir, 'HEAD', 'current')).toBe(id);
    writeFileSync(join(dir, 'platforms/app/public/index.php'), 'changed\n');
    commit(dir);
    expect(await treeId(dir, 'HEAD', 'current')).not.toBe(id);
    expect(await treeId(dir, 'HEAD~1', 'current')).toBe(id);
  });

  it('follows a linked source.path in the work tree too: an uncommitted change under its target changes the id', async () => {
    const dir = repoWithApp();
    symlinkSync('platforms/app', join(dir, 'current'));
    commit(dir);
    const id = git(dir, 'rev-parse', 'HEAD:platforms/app').trim();
    expect(await treeId(dir, 'HEAD', 'current', true)).toBe(id);
    writeFileSync(join(dir, 'platforms/app/public/index.php'), 'uncommitted\n');
    const changed = await treeId(dir, 'HEAD', 'current', true);
    expect(changed).toBeDefined();
    expect(changed).not.toBe(id);
    expect(await treeId(dir, 'HEAD', 'platforms/app', true)).toBe(changed);
  });

  it('gives no id for a link leaving the repository, and still answers the paths after it', async () => {
    const dir = repoWithApp();
    symlinkSync('/etc', join(dir, 'outside'));
    commit(dir);
    const ids = await sourceTreeIds(dir, ['outside', 'platforms/app'], git(dir, 'rev-parse', 'HEAD').trim(), false);
    expect(ids.has('outside')).toBe(false);
    expect(ids.get('platforms/app')).toBe(git(dir, 'rev-parse', 'HEAD:platforms/app').trim());
  });
});
