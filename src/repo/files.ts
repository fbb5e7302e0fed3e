// A fleet repository as the loader sees it: YAML files and where they came from.

import { createHash } from 'node:crypto';

export interface FleetFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  text: string;
}

export interface FleetSource {
  files: FleetFile[];
  /** Commit the files belong to: the one read, or HEAD for a work tree. */
  commit: string | null;
  /** Where they were read from, for messages: a directory or `DIR@REF`. */
  origin: string;
}

/** Paths the loader never descends into. */
export function isAlwaysSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export function isFleetFileName(name: string): boolean {
  return name.endsWith('.yaml');
}

/** sha256 over every file's path and content, in path order. */
export function digestFiles(files: readonly FleetFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(f.path).update('\0').update(f.text).update('\0');
  }
  return hash.digest('hex');
}
