// Reads the fleet's YAML files from a directory on disk (the usual case:
// a checkout being edited, or CI's clone).
//
// Synchronous on purpose: for thousands of small files, readFileSync costs a
// fraction of fs/promises, whose every file is four thread-pool round trips
// (open, fstat, read, close). Nothing else runs while a plan loads.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TideError } from '../errors.js';
import { decodeFleetFile, isAlwaysSkipped, isFleetFileName, MAX_FILE_BYTES, type FleetFile } from './files.js';

export function readWorktreeFiles(root: string): FleetFile[] {
  const paths: string[] = [];
  try {
    walk(root, '', paths);
  } catch (error) {
    throw new TideError('REPO_UNREADABLE', `Cannot read the fleet repository at ${root}.`, {
      hint: 'Pass --repo DIR pointing at a fleet repository (a directory with tide.yaml).',
      cause: error,
    });
  }
  paths.sort();
  return paths.map((path) => readFleetFile(root, path));
}

/** A file's content, unless it is too large to be a fleet file (then only its size). */
function readFleetFile(root: string, path: string): FleetFile {
  const size = statSync(join(root, path)).size;
  if (size > MAX_FILE_BYTES) return { path, text: '', size };
  return decodeFleetFile(path, readFileSync(join(root, path)));
}

function walk(root: string, rel: string, out: string[]): void {
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    if (isAlwaysSkipped(entry.name)) continue;
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(root, path, out);
    else if (entry.isFile() && isFleetFileName(entry.name)) out.push(path);
  }
}
