// The loader's bounds on what a fleet file may cost: alias expansion, file
// size, encoding, quoted values, ignore globs. (hostile-fleet.test.ts runs the
// same hostile inputs through the CLI and measures time and memory.)

import { describe, expect, it } from 'vitest';
import { FleetInvalidError, formatDiagnostic } from '../../src/errors.js';
import { loadFleet } from '../../src/model/loader.js';
import { decodeFleetFile, firstInvalidUtf8, MAX_FILE_BYTES, type FleetFile } from '../../src/repo/files.js';
import { ignoreMatcher } from '../../src/repo/glob.js';
import { findAliasProblem } from '../../src/model/yaml-aliases.js';
import { validatorFor } from '../../src/model/schemas.js';
import { BASE, files } from '../helpers/fleet.js';

function loadFiles(list: FleetFile[]) {
  return loadFleet({ files: list, commit: null, origin: 'test' }, { defaultName: 'test' });
}

function messages(list: FleetFile[]): string[] {
  try {
    loadFiles(list);
  } catch (error) {
    if (error instanceof FleetInvalidError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
  throw new Error('the fleet loaded without errors');
}

const text = (entries: Record<string, string>) => messages(files(entries));

describe('YAML aliases', () => {
  it('a document that expands beyond the limit is refused at the value that does', () => {
    const lines = ['  l0: &l0 [a, a, a, a, a, a, a, a, a, a]'];
    for (let i = 1; i < 6; i++) lines.push(`  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    // l4 holds 111,111 values, the first over 100,000; each of its children holds fewer.
    const found = text({ 'c.yaml': `kind: Client\nname: c\nx:\n${lines.join('\n')}\n` });
    expect(found).toEqual(['c.yaml:8:3: YAML aliases expand this value to more than 100000 values; write the values out instead of nesting aliases']);
  });

  it('aliases that stay under the limit are fine, and only the refused document is skipped', () => {
    const desired = loadFiles(files({ ...BASE, 'sites/s.yaml': 'kind: Site\nname: &n s.example.com\nplatform: notes-1.0\nurl: *n\n' }));
    expect(desired.sites.get('s.example.com')?.url).toBe('s.example.com');
    const shared = { a: Array(1000).fill('x') };
    expect(findAliasProblem({ one: shared, two: shared, three: [shared, shared] })).toBeUndefined();
    expect(findAliasProblem({ list: Array(200).fill(shared) })).toEqual({ reason: 'expansion', path: ['list'] });
    expect(text({ 'c.yaml': 'kind: Client\nname: a\n---\nkind: Client\nname: b\nx: &x [*x]\n---\nkind: Nope\n' })).toEqual([
      'c.yaml:6:8: this YAML alias refers to a value that contains it; a fleet document must not loop back on itself',
      "c.yaml:8:7: unknown kind 'Nope'; expected one of Fleet, Server, Platform, Site, Client",
    ]);
  });

  it('a document without aliases is walked only when it is long enough to exceed the limit by itself', () => {
    // 100,001 values in 200 KB of text and not one alias: still over the limit, still refused.
    const many = text({ 'c.yaml': `kind: Client\nname: c\nx: [${Array(100_001).fill('a').join(',')}]\n` });
    expect(many).toEqual(['c.yaml:3:4: YAML aliases expand this value to more than 100000 values; write the values out instead of nesting aliases']);
    // A short alias-free file (every fleet file, nearly) loads without the walk, the same as with it.
    const desired = loadFiles(files({ ...BASE, 'sites/s.yaml': 'kind: Site\nname: s.example.com\nplatform: notes-1.0\naliases: [a.s.example.com]\n' }));
    expect(desired.sites.get('s.example.com')?.aliases).toEqual(['a.s.example.com']);
  });

  it('a document that is its own value', () => {
    expect(text({ 's.yaml': '&r\nkind: Site\nname: r.example.com\nplatform: *r\n' })).toEqual([
      's.yaml:4:11: this YAML alias refers to a value that contains it; a fleet document must not loop back on itself',
    ]);
  });
});

describe('values quoted in errors are cut short', () => {
  it('a long string, a long key and a long kind', () => {
    const long = 'x'.repeat(100_000);
    const found = text({ 's.yaml': `kind: Site\nname: s.example.com\nplatform: p\nstatus: ${long}\n${long}: 1\n---\nkind: ${long}\n` });
    expect(found).toEqual([
      `s.yaml:4:9: Site s.example.com: status: '${'x'.repeat(40)}…' is not allowed: must be one of enabled, disabled, deleted`,
      `s.yaml:5:1: Site s.example.com: ${'x'.repeat(40)}…: unknown property '${'x'.repeat(40)}…'`,
      `s.yaml:7:7: unknown kind '${'x'.repeat(40)}…'; expected one of Fleet, Server, Platform, Site, Client`,
    ]);
  });

  it('a list or a mapping is named, not printed; control characters are escaped', () => {
    expect(text({ 's.yaml': 'kind: Site\nname: s.example.com\nplatform: p\nstatus: [a, b]\n---\nkind: {a: 1}\n---\nkind: "K\\e[31m"\n' })).toEqual([
      's.yaml:4:9: Site s.example.com: status: must be a string, not a list',
      's.yaml:4:9: Site s.example.com: status: a list is not allowed: must be one of enabled, disabled, deleted',
      's.yaml:6:7: unknown kind a mapping; expected one of Fleet, Server, Platform, Site, Client',
      "s.yaml:8:7: unknown kind 'K\\u001b[31m'; expected one of Fleet, Server, Platform, Site, Client",
    ]);
  });
});

describe('file size', () => {
  const site = (n: number) => `kind: Client\nname: big\n# ${'x'.repeat(n)}\n`;

  it('a file over 1 MiB is refused by name; tide.yaml can raise the limit', () => {
    const big = site(2 * 1024 * 1024);
    expect(text({ 'clients/big.yaml': big })).toEqual([
      `clients/big.yaml:1:1: clients/big.yaml is ${big.length} bytes, over the limit of 1048576 for a fleet file (maxFileSize in tide.yaml); split it, or add it to 'ignore' if it is not a fleet file`,
    ]);
    const desired = loadFiles(files({ 'tide.yaml': 'kind: Fleet\nname: f\nmaxFileSize: 4194304\n', 'clients/big.yaml': big }));
    expect(desired.fleet.maxFileSize).toBe(4194304);
    expect(desired.clients.has('big')).toBe(true);
  });

  it('tide.yaml can lower it, not beyond the bounds of its schema', () => {
    expect(text({ 'tide.yaml': 'kind: Fleet\nname: f\nmaxFileSize: 2048\n', 'clients/c.yaml': site(3000) })[0]).toMatch(/^clients\/c\.yaml:1:1: clients\/c\.yaml is 3\d\d\d bytes, over the limit of 2048/);
    expect(text({ 'tide.yaml': 'kind: Fleet\nname: f\nmaxFileSize: 99999999999\n' })).toEqual([
      'tide.yaml:3:14: Fleet f: maxFileSize: 99999999999 is too large: must be at most 16777216',
    ]);
    expect(validatorFor('fleet.schema.json').schema).toMatchObject({ properties: { maxFileSize: { maximum: MAX_FILE_BYTES } } });
  });

  it('a file too large to read is known by its size alone', () => {
    const decoded = decodeFleetFile('huge.yaml', new Uint8Array(MAX_FILE_BYTES + 1));
    expect(decoded).toEqual({ path: 'huge.yaml', text: '', size: MAX_FILE_BYTES + 1 });
    expect(messages([decoded])[0]).toMatch(/^huge\.yaml:1:1: huge\.yaml is 16777217 bytes, over the limit of 1048576/);
  });
});

describe('encoding', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(bytes('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(bytes('é ✓ 😀 \u{10ffff}'))).toBe(-1);
    expect(firstInvalidUtf8(bytes('ab', [0xff]))).toBe(2); // never valid
    expect(firstInvalidUtf8(bytes('ab', [0xc0, 0xaf]))).toBe(2); // overlong '/'
    expect(firstInvalidUtf8(bytes('a', [0xe0, 0x80, 0xaf]))).toBe(1); // overlong, 3 bytes
    expect(firstInvalidUtf8(bytes('a', [0xed, 0xa0, 0x80]))).toBe(1); // a UTF-16 surrogate
    expect(firstInvalidUtf8(bytes('a', [0xf4, 0x90, 0x80, 0x80]))).toBe(1); // above U+10FFFF
    expect(firstInvalidUtf8(bytes('abc', [0xe2, 0x9c]))).toBe(3); // cut short at the end
    expect(firstInvalidUtf8(bytes('é', [0x80]))).toBe(2); // a stray continuation byte
  });

  it('reports invalid UTF-8 and NUL at their line and column', () => {
    expect(messages([decodeFleetFile('a.yaml', bytes('kind: Client\nname: ça\n# x', [0xe9], 'y\n'))])).toEqual([
      'a.yaml:3:4: not UTF-8 text: a byte sequence that is not valid UTF-8; fleet files must be UTF-8 encoded YAML',
    ]);
    expect(text({ 'b.yaml': 'kind: Client\nname: b\nquota: {sites: 1\0}\n' })).toEqual([
      'b.yaml:3:17: not UTF-8 text: a NUL byte; fleet files must be UTF-8 encoded YAML',
    ]);
  });
});

describe('ignore globs', () => {
  it('match as .gitignore does: names at any depth, directories with what is beneath', () => {
    const ignored = ignoreMatcher(['vendor/', '*.draft.yaml', 'platforms/**', 'a/*/c.yaml', 'x?.yaml', '/top.yaml']);
    expect(['vendor/lib/config.yaml', 'sites/new.draft.yaml', 'new.draft.yaml', 'platforms/p/site.yaml', 'a/b/c.yaml', 'xy.yaml', 'deep/xz.yaml', 'top.yaml'].filter(ignored)).toHaveLength(8);
    expect(['sites/vendor.yaml', 'a/b/b/c.yaml', 'xyz.yaml', 'sub/top.yaml', 'vendored/x.yaml'].filter(ignored)).toEqual([]);
  });

  it('do not backtrack on many * and ** (each of these took seconds to forever with the regular expressions before)', () => {
    const patterns = [`${'**/'.repeat(12)}x/**/none.yaml`, `${'**a'.repeat(12)}**b.yaml`, `${'*a'.repeat(12)}*c.yaml`, `{a,b}`.repeat(30)];
    const paths = [`${'d/'.repeat(200)}site.yaml`, `${'a'.repeat(200)}.yaml`, `c${'a'.repeat(200)}.yaml`];
    const started = process.cpuUsage();
    const ignored = ignoreMatcher(patterns);
    expect(paths.filter(ignored)).toEqual([]);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(200);
  });
});

it('the fleet fixtures of these tests load without errors', () => {
  expect(loadFiles(files(BASE)).sites.size).toBeGreaterThan(0);
});

it('a syntax error at the end of a file without a final newline points inside the file', () => {
  expect(text({ 'c.yaml': 'kind: Client\nname: acme\nA' })).toEqual([
    'c.yaml:3:2: YAML syntax error: can not read a block mapping entry; a multiline key may not be an implicit key',
  ]);
});
