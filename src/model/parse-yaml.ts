// Parses many small YAML files fast. js-yaml pays a fixed cost per call that
// dominates for one-site-per-file fleets, so files are parsed in chunks: one
// stream per chunk, files separated by a sentinel document (with `...` around
// it so each file may open with its own directives). A chunk that fails, or
// whose sentinels do not come back one per boundary, is parsed file by file,
// which is also what gives syntax errors their exact line and column.

import { randomUUID } from 'node:crypto';
import { loadAll, YAMLException } from 'js-yaml';
import type { FleetFile } from '../repo/files.js';

const CHUNK_SIZE = 256;
const SENTINEL = `tide-file-boundary-${randomUUID()}`;
const SEPARATOR = `\n...\n--- ${SENTINEL}\n...\n`;

export interface YamlSyntaxError {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export function parseYamlFiles(files: readonly FleetFile[], onError: (e: YamlSyntaxError) => void): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < files.length; i += CHUNK_SIZE) {
    const chunk = files.slice(i, i + CHUNK_SIZE);
    out.push(...(parseChunk(chunk) ?? chunk.map((f) => parseFile(f, onError))));
  }
  return out;
}

function parseChunk(chunk: readonly FleetFile[]): unknown[][] | undefined {
  let docs: unknown[];
  try {
    docs = loadAll(chunk.map((f) => f.text).join(SEPARATOR));
  } catch {
    return undefined;
  }
  const perFile: unknown[][] = [[]];
  for (const doc of docs) {
    if (doc === SENTINEL) perFile.push([]);
    else perFile.at(-1)!.push(doc);
  }
  return perFile.length === chunk.length ? perFile : undefined;
}

export function parseFile(file: FleetFile, onError: (e: YamlSyntaxError) => void): unknown[] {
  try {
    return loadAll(file.text, { filename: file.path });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    onError({ file: file.path, line: (error.mark?.line ?? 0) + 1, column: (error.mark?.column ?? 0) + 1, reason: error.reason });
    return [];
  }
}
