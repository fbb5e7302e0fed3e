// Imports only point down: each top-level part of src/ may import only the
// parts below it, so any module can be read, tested and changed knowing only
// what is under it. A new part goes into LAYERS where it belongs.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

// Lowest first; parts on one line are siblings and may not import each other.
const LAYERS: readonly (readonly string[])[] = [
  ['errors', 'redact', 'terminal'],
  ['repo'],
  ['model'],
  ['secrets'],
  ['state'],
  ['fleet'],
  ['transport'],
  ['shell'],
  ['services'],
  ['drivers'],
  ['operations'],
  ['plan'],
  ['apply'],
  ['github', 'daemon'],
  ['cli'],
];

const rank = new Map(LAYERS.flatMap((parts, i) => parts.map((part) => [part, i] as const)));

/** The top-level part of src/ a path is in: its first directory, or a top-level file's name without .ts. */
function partOf(path: string): string {
  return relative(SRC, path).split('/')[0]!.replace(/\.(ts|js)$/, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import (static, dynamic, type-only) of the file, resolved. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((m) => resolve(dirname(file), m[1]!));
}

describe('layering of src/', () => {
  const files = sourceFiles(SRC);

  it('knows the layer of every part of src/', () => {
    const unknown = [...new Set(files.map(partOf))].filter((part) => !rank.has(part));
    expect(unknown).toEqual([]);
  });

  it('has no import that points up or sideways', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = partOf(file);
      for (const target of importsOf(file)) {
        const to = partOf(target);
        if (to !== from && !(rank.get(to)! < rank.get(from)!)) wrong.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
