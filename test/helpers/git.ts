// Git fixtures for CLI tests: fleet repos and a state branch written the way
// tide writes it (blob → tree → commit → ref, no checkout).

import fs from 'node:fs';
import git from 'isomorphic-git';
import type { RecordedState } from '../../src/state/types.js';
import { platformStatePath, serverStatePath, siteStatePath } from '../../src/state/layout.js';

const author = { name: 'test', email: 'test@localhost', timestamp: 1_700_000_000, timezoneOffset: 0 };

type TreeEntry = { mode: string; path: string; oid: string; type: 'blob' | 'tree' };

/** Commits `files` (path → content) as the tip of `branch`, on top of its current tip if any. */
export async function commitFiles(dir: string, branch: string, files: Record<string, string>, message: string): Promise<string> {
  const root = await writeDirectory(dir, files);
  const parent = await git.resolveRef({ fs, dir, ref: `refs/heads/${branch}` }).then((oid) => [oid], () => []);
  const commit = await git.writeCommit({ fs, dir, commit: { message, tree: root, parent, author, committer: author } });
  await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: commit, force: true });
  return commit;
}

async function writeDirectory(dir: string, files: Record<string, string>): Promise<string> {
  const here: TreeEntry[] = [];
  const subdirs = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const slash = path.indexOf('/');
    if (slash === -1) {
      here.push({ mode: '100644', path, oid: await git.writeBlob({ fs, dir, blob: new TextEncoder().encode(text) }), type: 'blob' });
    } else {
      const name = path.slice(0, slash);
      subdirs.set(name, { ...subdirs.get(name), [path.slice(slash + 1)]: text });
    }
  }
  for (const [name, content] of subdirs) here.push({ mode: '040000', path: name, oid: await writeDirectory(dir, content), type: 'tree' });
  return git.writeTree({ fs, dir, tree: here });
}

export function stateFiles(state: RecordedState): Record<string, string> {
  const files: Record<string, string> = {};
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  for (const s of state.servers.values()) files[serverStatePath(s.name)] = json(s);
  for (const p of state.platforms.values()) files[platformStatePath(p.name)] = json(p);
  for (const s of state.sites.values()) files[siteStatePath(s.name)] = json(s);
  return files;
}
