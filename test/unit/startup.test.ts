// Start-up cost is part of every plan (and every daemon poll): the CLI must
// not load what only apply needs (ssh2, handlebars: ~110 ms of CommonJS).

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname, '../../dist/cli/main.js');

describe('tide start-up', () => {
  it('loading the CLI loads neither ssh2 nor handlebars', () => {
    const script = `
      import { createRequire } from 'node:module';
      await import(${JSON.stringify(MAIN)});
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(loaded.filter((p) => /node_modules\\/(ssh2|handlebars)\\//.test(p))));`;
    const out = execFileSync('node', ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
  });
});
