// tide's caches in .git/tide-cache: documents.json (parsed, valid documents
// by blob id) makes a plan skip YAML parsing and schema checks of unchanged
// files; plan.json (the last plan with its inputs) makes a plan of an
// unchanged fleet and state branch a file read. What a user sees must not
// depend on them: the JSON plan, the markdown plan and every error with its
// file:line:column are byte for byte those of a run without them
// (TIDE_CACHE=0), a change to any input is seen, and a damaged cache is
// ignored, never fatal.

import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/multi-server');
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test' },
  });
}

/** The multi-server example as a committed fleet repository, with `extra` files written (and committed) on top. */
function fleetRepo(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tide-doc-cache-'));
  roots.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(dir, path), text);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fleet');
  return dir;
}

const cacheFile = (dir: string, name = 'documents.json') => join(dir, '.git', 'tide-cache', name);

interface Output {
  code: number;
  stdout: string;
  stderr: string;
}

async function tide(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Output> {
  let stdout = '';
  let stderr = '';
  const sink = (take: (s: string) => void) => new Writable({ write(chunk, _encoding, done) { take(String(chunk)); done(); } });
  const saved = process.env.TIDE_CACHE;
  if (env.TIDE_CACHE === undefined) delete process.env.TIDE_CACHE;
  else process.env.TIDE_CACHE = env.TIDE_CACHE;
  try {
    const code = await main([...args, '--repo', dir], {
      stdout: sink((s) => (stdout += s)),
      stderr: sink((s) => (stderr += s)),
      env: { ...env, NO_COLOR: '1' },
      cwd: dir,
    });
    return { code, stdout, stderr };
  } finally {
    if (saved === undefined) delete process.env.TIDE_CACHE;
    else process.env.TIDE_CACHE = saved;
  }
}

/** plan --json, plan --markdown and validate, as a user runs them. */
async function everything(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Output[]> {
  return [await tide(dir, ['plan', '--json'], env), await tide(dir, ['plan', '--markdown'], env), await tide(dir, ['validate'], env)];
}

/** Without the cache, then with a cache filled by a first run, then again: all three the same. */
async function expectSameWithAndWithoutCache(dir: string): Promise<Output[]> {
  const without = await everything(dir, { TIDE_CACHE: '0' });
  expect(existsSync(cacheFile(dir)), 'TIDE_CACHE=0 writes no cache').toBe(false);
  const filling = await everything(dir);
  expect(existsSync(cacheFile(dir)), 'a plan writes the cache').toBe(true);
  const warm = await everything(dir);
  expect(filling).toEqual(without);
  expect(warm).toEqual(without);
  return without;
}

const blobId = (dir: string, path: string) => git(dir, 'hash-object', path).trim();

describe('document cache', () => {
  it('a valid fleet plans byte for byte the same with and without the cache, and the cache holds its files by blob id', async () => {
    const dir = fleetRepo();
    const [json] = await expectSameWithAndWithoutCache(dir);
    expect(json!.code).toBe(0);
    expect(JSON.parse(json!.stdout).operations.length).toBeGreaterThan(10);
    const cached = readFileSync(cacheFile(dir), 'utf8');
    for (const path of ['sites/acme.example.com.yaml', 'servers/web1.yaml', 'platforms/brochure.yaml']) {
      expect(cached, path).toContain(`"${blobId(dir, path)}":`);
    }
  });

  it('an invalid fleet reports the same errors at the same file:line:column, including positions inside cached files', async () => {
    const dir = fleetRepo({
      // Schema-valid, so cached, as is the acme file it duplicates: both positions come from cached files.
      'sites/acme-copy.yaml': 'kind: Site\nname: acme.example.com\nplatform: brochure\nclient: acme\n',
      // Valid on its own (cached), wrong against the rest: an unknown platform.
      'sites/orphan.yaml': '# a comment first\nkind: Site\nname: orphan.example.com\nplatform: no-such-platform\nclient: acme\n',
      // Not valid: never cached, always parsed again.
      'sites/bad.yaml': 'kind: Site\nname: bad.example.com\nplatform: brochure\nclient: acme\nbogus: 1\n',
    });
    const [json, , validate] = await expectSameWithAndWithoutCache(dir);
    expect(json!.code).toBe(1);
    expect(validate!.stderr).toMatch(/sites\/acme\.example\.com\.yaml:5:\d+: .*defined twice \(first defined at sites\/acme-copy\.yaml:2:\d+\)/);
    expect(validate!.stderr).toMatch(/sites\/orphan\.yaml:4:\d+: /);
    expect(validate!.stderr).toMatch(/sites\/bad\.yaml:5:\d+: /);
    expect(readFileSync(cacheFile(dir), 'utf8')).not.toContain(blobId(dir, 'sites/bad.yaml'));
  });

  it('a file changed in the work tree after it was cached is read again', async () => {
    const dir = fleetRepo();
    await tide(dir, ['plan', '--json']);
    const file = join(dir, 'sites/acme.example.com.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('aliases: [www.acme.example.com]', 'aliases: [www.acme.example.com, acme.example.net]'));
    const warm = await tide(dir, ['plan', '--json']);
    expect(warm).toEqual(await tide(dir, ['plan', '--json'], { TIDE_CACHE: '0' }));
    expect(warm.stdout).toContain('acme.example.net');
  });

  it("a cached file over the fleet's size limit of the moment is refused as without the cache", async () => {
    const file = 'sites/acme.example.com.yaml';
    const dir = fleetRepo();
    writeFileSync(join(dir, file), `${readFileSync(join(dir, file), 'utf8')}#${'#'.repeat(1100)}\n`);
    await tide(dir, ['plan', '--json']);
    expect(readFileSync(cacheFile(dir), 'utf8'), 'cached under the default limit').toContain(`"${blobId(dir, file)}":`);
    writeFileSync(join(dir, 'tide.yaml'), `${readFileSync(join(dir, 'tide.yaml'), 'utf8')}maxFileSize: 1024\n`);
    const warm = await tide(dir, ['validate']);
    expect(warm).toEqual(await tide(dir, ['validate'], { TIDE_CACHE: '0' }));
    expect(warm.stderr).toMatch(/sites\/acme\.example\.com\.yaml:1:1: .*over the limit of 1024/);
  });

  describe('the cached plan is used only while nothing it was made from changed', () => {
    const changes: Record<string, (dir: string) => void> = {
      'platform code edited': (dir) => appendFileSync(join(dir, 'platforms/brochure/index.html'), '<p>new</p>\n'),
      'platform code: an untracked file': (dir) => writeFileSync(join(dir, 'platforms/brochure/new.html'), 'new\n'),
      'a new commit (same files)': (dir) => git(dir, 'commit', '-q', '--allow-empty', '-m', 'empty'),
      'the state branch appears': (dir) => {
        const empty = git(dir, 'hash-object', '-t', 'tree', '-w', '/dev/null').trim();
        git(dir, 'update-ref', 'refs/heads/tide-state', git(dir, 'commit-tree', empty, '-m', 'state').trim());
      },
      'a fleet file added': (dir) => writeFileSync(join(dir, 'sites/new.example.com.yaml'), 'kind: Site\nname: new.example.com\nplatform: brochure\nclient: acme\n'),
    };
    for (const [name, change] of Object.entries(changes)) {
      it(name, async () => {
        const dir = fleetRepo();
        const before = await tide(dir, ['plan', '--json']);
        expect(existsSync(cacheFile(dir, 'plan.json'))).toBe(true);
        change(dir);
        const after = await tide(dir, ['plan', '--json']);
        expect(after).toEqual(await tide(dir, ['plan', '--json'], { TIDE_CACHE: '0' }));
        expect(after.stdout).not.toBe(before.stdout);
        // The new plan is the one cached now.
        expect(await tide(dir, ['plan', '--json'])).toEqual(after);
      });
    }

    it('--detailed-exitcode and --out answer the same from the cache', async () => {
      const dir = fleetRepo();
      const out = (n: number) => join(dir, '..', `${basename(dir)}-plan-${n}.json`);
      const first = await tide(dir, ['plan', '--detailed-exitcode', '--out', out(1)]);
      const second = await tide(dir, ['plan', '--detailed-exitcode', '--out', out(2)]);
      expect(first.code).toBe(2);
      expect(second).toEqual(first);
      expect(readFileSync(out(2), 'utf8')).toBe(readFileSync(out(1), 'utf8'));
      roots.push(out(1), out(2));
    });
  });

  describe('a damaged cache is ignored', () => {
    const damages: Record<string, (text: string) => string> = {
      'garbage': () => 'not a cache at all \0\xff',
      'truncated': (text) => text.slice(0, Math.floor(text.length / 2)),
      'a flipped byte (checksum mismatch)': (text) => text.replace('acme.example.com', 'acme.example.con'),
      'entries of the wrong shape, checksum recomputed': (text) => {
        const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { crc32?: number; sha256?: string };
        const entries = JSON.parse(text.slice(text.indexOf('\n') + 1)) as Record<string, unknown>;
        const broken = Object.fromEntries(Object.keys(entries).map((oid, i) => [oid, [null, 7, { size: -1, docs: [] }, { size: 1, docs: 'x' }][i % 4]]));
        const body = JSON.stringify(broken);
        // The checksum the file carries, made again for the new body (CRC-32 where node has it, else sha256).
        const checksum = header.crc32 !== undefined
          ? { crc32: crc32(Buffer.from(body)) }
          : { sha256: execFileSync('sha256sum', { input: body, encoding: 'utf8' }).split(' ')[0] };
        return `${JSON.stringify({ ...header, ...checksum })}\n${body}`;
      },
      'another namespace': (text) => text.replace(/"namespace":"[^"]*"/, '"namespace":"tide 0.0.0"'),
    };
    let dir = '';
    let without: Output;
    const good: Record<string, string> = {};
    it('(a good cache first)', async () => {
      dir = fleetRepo();
      without = await tide(dir, ['plan', '--json'], { TIDE_CACHE: '0' });
      await tide(dir, ['plan', '--json']);
      for (const name of ['documents.json', 'plan.json']) good[name] = readFileSync(cacheFile(dir, name), 'latin1');
    });
    for (const name of ['documents.json', 'plan.json']) {
      // A checksum that matches is all plan.json is checked by (its key aside): whoever can rewrite
      // both can rewrite .git/config and hooks too. documents.json's entries are checked one by one.
      for (const [how, damage] of Object.entries(damages).filter(([how]) => name === 'documents.json' || !how.startsWith('entries'))) {
        it(`${name}: ${how}`, async () => {
          // documents.json is read only when the plan is not cached.
          if (name === 'documents.json') rmSync(cacheFile(dir, 'plan.json'), { force: true });
          else writeFileSync(cacheFile(dir, 'documents.json'), good['documents.json']!, 'latin1');
          writeFileSync(cacheFile(dir, name), damage(good[name]!), 'latin1');
          expect(await tide(dir, ['plan', '--json'])).toEqual(without);
          // And the run wrote a good cache again, which the next one uses.
          expect(readFileSync(cacheFile(dir, name), 'latin1')).toBe(good[name]);
          expect(await tide(dir, ['plan', '--json'])).toEqual(without);
        });
      }
    }
  });

  it('deleting the cache is safe', async () => {
    const dir = fleetRepo();
    const without = await everything(dir, { TIDE_CACHE: '0' });
    await everything(dir);
    rmSync(join(dir, '.git', 'tide-cache'), { recursive: true, force: true });
    expect(await everything(dir)).toEqual(without);
  });
});
