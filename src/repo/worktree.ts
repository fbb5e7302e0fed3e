// Reads the fleet's YAML files from a directory on disk (the usual case:
// a checkout being edited, or CI's clone).

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TideError } from '../errors.js';
import { isAlwaysSkipped, isFleetFileName, type FleetFile } from './files.js';

const READ_PARALLELISM = 64;

export async function readWorktreeFiles(root: string): Promise<FleetFile[]> {
  const paths: string[] = [];
  try {
    await walk(root, '', paths);
  } catch (error) {
    throw new TideError('REPO_UNREADABLE', `Cannot read the fleet repository at ${root}.`, {
      hint: 'Pass --repo DIR pointing at a fleet repository (a directory with tide.yaml).',
      cause: error,
    });
  }
  paths.sort();
  const files: FleetFile[] = new Array(paths.length);
  for (let i = 0; i < paths.length; i += READ_PARALLELISM) {
    await Promise.all(
      paths.slice(i, i + READ_PARALLELISM).map(async (path, j) => {
        files[i + j] = { path, text: await readFile(join(root, path), 'utf8') };
      }),
    );
  }
  return files;
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  const subdirs: Promise<void>[] = [];
  for (const entry of entries) {
    if (isAlwaysSkipped(entry.name)) continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) subdirs.push(walk(root, path, out));
    else if (entry.isFile() && isFleetFileName(entry.name)) out.push(path);
  }
  await Promise.all(subdirs);
}
