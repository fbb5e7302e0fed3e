// Loose objects written by hand must be the very objects isomorphic-git (which
// wrote the state branch before) and git would make: same ids for the same
// blobs, trees and commits, readable by git, accepted by git fsck --strict.

import fs from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { afterAll, describe, expect, it } from 'vitest';
import { LooseObjectWriter, type TreeEntryToWrite } from '../../src/repo/object-writer.js';
import { git as gitCli, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos, 60_000);

/** The git helper reads output as latin1. */
const utf8 = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');

function freshRepo(): string {
  const dir = tempDir('tide-objects-');
  gitCli(dir, 'init', '-q', '-b', 'main');
  return dir;
}

describe('LooseObjectWriter', () => {
  it('writes blobs, trees and commits with the ids isomorphic-git gives them, readable by git', async () => {
    const ours = freshRepo();
    const theirs = freshRepo();
    const gitdir = join(theirs, '.git');
    const writer = new LooseObjectWriter(join(ours, '.git', 'objects'));

    const texts = ['', 'a\n', 'unicode ünï — ✓\n', 'x'.repeat(100_000)];
    const blobs = texts.map((text) => writer.blob(text));
    await writer.flush();
    for (const [i, text] of texts.entries()) {
      expect(blobs[i]).toBe(await git.writeBlob({ fs, gitdir, blob: Buffer.from(text, 'utf8') }));
      expect(utf8(gitCli(ours, 'cat-file', 'blob', blobs[i]!))).toBe(text);
    }

    // Names that sort differently as bytes, as UTF-16 and with a directory's implied '/'.
    const sub = writer.tree([{ mode: '100644', name: 'b.json', oid: blobs[1]! }]);
    const entries: TreeEntryToWrite[] = [
      { mode: '100644', name: 'a.b', oid: blobs[0]! },
      { mode: '40000', name: 'a', oid: sub },
      { mode: '100644', name: 'a-', oid: blobs[1]! },
      { mode: '100755', name: 'run.sh', oid: blobs[2]! },
      { mode: '100664', name: 'old', oid: blobs[3]! },
      { mode: '120000', name: 'link', oid: blobs[1]! },
      { mode: '100644', name: '\u{1F600}', oid: blobs[1]! },
      { mode: '100644', name: '\uFF21', oid: blobs[1]! },
    ];
    const tree = writer.tree(entries);
    await git.writeBlob({ fs, gitdir, blob: Buffer.from('b') }); // isomorphic-git needs no objects to exist; neither do we
    const theirSub = await git.writeTree({ fs, gitdir, tree: [{ mode: '100644', path: 'b.json', oid: blobs[1]!, type: 'blob' }] });
    expect(sub).toBe(theirSub);
    const theirTree = await git.writeTree({
      fs,
      gitdir,
      tree: entries.map((e) => ({ mode: e.mode === '40000' ? '040000' : e.mode, path: e.name, oid: e.oid, type: e.mode === '40000' ? 'tree' : 'blob' })),
    });
    expect(tree).toBe(theirTree);
    expect(utf8(gitCli(ours, 'ls-tree', '-z', '--name-only', tree)).split('\0')).toEqual(['a-', 'a.b', 'a', 'link', 'old', 'run.sh', '\uFF21', '\u{1F600}', '']);

    for (const [timezoneOffset, message] of [[0, 'one line'], [-120, '\n\nsubject\r\n\nbody\n\n\n'], [330, 'west\n']] as const) {
      const author = { name: 'tide', email: 'tide@localhost', timestamp: 1_790_000_000, timezoneOffset };
      const commit = { tree, parent: [] as string[], author, committer: { ...author, name: 'other' }, message };
      const first = writer.commit(commit);
      expect(first).toBe(await git.writeCommit({ fs, gitdir, commit }));
      const second = writer.commit({ ...commit, parent: [first] });
      expect(second).toBe(await git.writeCommit({ fs, gitdir, commit: { ...commit, parent: [first] } }));
      await writer.flush();
      gitCli(ours, 'update-ref', 'refs/heads/main', second);
    }
    gitCli(ours, 'fsck', '--strict', '--no-dangling');
    // Objects are read-only, as git makes them; writing one again leaves the same object and no temporary file.
    const path = join(ours, '.git', 'objects', blobs[1]!.slice(0, 2), blobs[1]!.slice(2));
    expect(fs.statSync(path).mode & 0o777).toBe(0o444);
    expect(writer.blob('a\n')).toBe(blobs[1]);
    await writer.flush();
    expect(fs.readdirSync(join(ours, '.git', 'objects', blobs[1]!.slice(0, 2))).filter((f) => f.startsWith('tmp_obj_'))).toEqual([]);
  });

  it('makes a fan-out directory again when it went after the writer saw it (git prune removes empty ones)', async () => {
    const repo = freshRepo();
    const objects = join(repo, '.git', 'objects');
    const writer = new LooseObjectWriter(objects);
    const oid = writer.blob('pruned\n');
    await writer.flush();
    fs.rmSync(join(objects, oid.slice(0, 2)), { recursive: true, force: true });
    expect(writer.blob('pruned\n')).toBe(oid);
    await writer.flush();
    expect(gitCli(repo, 'cat-file', 'blob', oid)).toBe('pruned\n');
  });

  it('reports a write that failed at the next flush, and only there', async () => {
    const repo = freshRepo();
    const objects = join(repo, '.git', 'objects');
    const writer = new LooseObjectWriter(objects);
    const oid = writer.blob('blocked\n');
    await writer.flush();
    // A file where the fan-out directory should be: the write cannot succeed.
    fs.rmSync(join(objects, oid.slice(0, 2)), { recursive: true, force: true });
    fs.writeFileSync(join(objects, oid.slice(0, 2)), '');
    expect(writer.blob('blocked\n')).toBe(oid);
    await expect(writer.flush()).rejects.toThrow();
    await writer.flush();
  });
});
