// readFilesIn (repo/git.ts): the files directly in some directories of a
// commit, listed by one `git ls-tree` (how the state reader reads a state
// branch), must be exactly what readFilesAt's tree walk gives for the same
// directories: the same files, bytes, ids and order, subdirectories, links
// and other names left out, few files or many (read together). When git
// cannot list them, it says so (undefined) and the caller walks instead.

import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFilesAt, readFilesIn } from '../../src/repo/git.js';
import { readRecordedState } from '../../src/state/reader.js';
import { forgeState } from '../helpers/forge-state.js';
import { git, removeGitCliRepos, tempDir } from '../helpers/git-cli.js';

afterAll(removeGitCliRepos);

const SECTIONS = ['state/servers', 'state/sites', 'state/deleted-sites'];
const take = (name: string): boolean => name.endsWith('.json');

/** A commit with `many` extra site files, odd names, a subdirectory, a link, an executable and files that do not count. */
function stateCommit(many: number): { dir: string; commit: string } {
  const dir = tempDir('tide-git-list-');
  git(dir, 'init', '-q', '-b', 'main');
  const put = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put('state/servers/web1.json', '{"name":"web1"}\n');
  put('state/sites/a.example.json', '{"name":"a.example"}\n');
  put('state/sites/with space.json', '{"name":"with space"}\n');
  put('state/sites/ünï\nline.json', '{"name":"odd"}\n');
  put('state/sites/run.json', '{"name":"run"}\n');
  chmodSync(join(dir, 'state/sites/run.json'), 0o755);
  put('state/sites/nested/deep.json', '{"name":"deep"}\n');
  put('state/sites/notes.txt', 'not a record\n');
  put('state/other/x.json', '{"name":"x"}\n');
  put('state/sites.json', '{"name":"beside"}\n');
  symlinkSync('a.example.json', join(dir, 'state/sites/link.json'));
  for (let i = 0; i < many; i++) put(`state/sites/s${String(i).padStart(4, '0')}.json`, `{"name":"s${i}","n":${i}}\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'state');
  return { dir, commit: git(dir, 'rev-parse', 'HEAD').trim() };
}

describe('readFilesIn', () => {
  for (const many of [0, 100]) {
    it(`gives what the tree walk gives for the same directories (${many} more files)`, async () => {
      const { dir, commit } = stateCommit(many);
      const listed = await readFilesIn(dir, commit, SECTIONS, take);
      const walked = await readFilesAt(dir, commit, 'state', {
        enter: (path) => SECTIONS.includes(path),
        take: (path, name) => SECTIONS.includes(path.slice(0, path.lastIndexOf('/'))) && take(name),
      });
      expect(listed).toEqual(walked);
      const paths = listed!.map((f) => f.path);
      expect(paths.length).toBe(5 + many);
      expect(paths).toEqual(expect.arrayContaining(['state/servers/web1.json', 'state/sites/with space.json', 'state/sites/ünï\nline.json', 'state/sites/run.json']));
      expect(paths.filter((p) => /nested|notes|other|link|state\/sites\.json/.test(p))).toEqual([]);
      expect(listed!.find((f) => f.path === 'state/sites/a.example.json')).toEqual({
        path: 'state/sites/a.example.json',
        text: '{"name":"a.example"}\n',
        oid: git(dir, 'rev-parse', `${commit}:state/sites/a.example.json`).trim(),
      });
    });
  }

  it('says it cannot list (undefined) what git cannot: a commit that is not there, or not a commit id', async () => {
    const { dir } = stateCommit(0);
    expect(await readFilesIn(dir, '0'.repeat(40), SECTIONS, take)).toBeUndefined();
    expect(await readFilesIn(dir, 'HEAD', SECTIONS, take)).toBeUndefined();
  });
});

describe('the state reader', () => {
  it('reads only the records directly in a section: a file beside the sections or deeper is not read (it once crashed the reader)', async () => {
    const dir = tempDir('tide-git-list-');
    git(dir, 'init', '-q', '-b', 'main');
    const server = (name: string) => JSON.stringify({ formatVersion: 1, name, transport: 'local', root: '/var/tide', services: { http: { type: 'none' }, db: { type: 'none' } } });
    forgeState(dir, { 'state/servers/web1.json': server('web1'), 'state/stray.json': '{"name":"stray"}', 'state/servers/deeper/web2.json': server('web2') });
    const state = await readRecordedState(dir, 'tide-state');
    expect([...state.servers.keys()]).toEqual(['web1']);
  });
});
