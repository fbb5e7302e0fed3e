// The committed action bundle (actions/dist) must be what the sources build
// today: a runner executes the bundle, never src/. Rebuilds into a temporary
// directory and compares byte for byte. On failure: npm run build:action, and
// commit actions/dist.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { buildActions, BUNDLE_DIR } from '../../actions/build.mjs';

const temp = mkdtempSync(join(tmpdir(), 'tide-action-bundle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

describe('the committed action bundle', () => {
  it('is what npm run build:action makes from the current sources', async () => {
    await buildActions(temp);
    const fresh = filesUnder(temp);
    const committed = filesUnder(BUNDLE_DIR as string);
    const stale = [...new Set([...fresh.keys(), ...committed.keys()])].filter((f) => !fresh.get(f)?.equals(committed.get(f) ?? Buffer.alloc(0)));
    expect(stale, 'actions/dist is stale: run `npm run build:action` and commit actions/dist').toEqual([]);
  });
});
