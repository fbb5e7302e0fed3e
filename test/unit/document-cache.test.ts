// tide's caches in .git/tide-cache: documents.json (parsed, valid documents
// by blob id) makes a plan skip YAML parsing and schema checks of unchanged
// files; plan.json (the last plan with its inputs) makes a plan of an
// unchanged fleet and state branch a file read. What a user sees must not
// depend on them: the JSON plan, the markdown plan and every error with its
// file:line:column are byte for byte those of a run without them
// (TIDE_CACHE=0), a change to any input is seen, and a damaged cache, or
// one this user's tide did not seal (a stranger's repository), is ignored,
// never fatal.

import { execFileSync } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readCacheFile } from '../../src/fleet/cache-file.js';
import { PLATFORM_PATH } from '../../src/plan/plan-cache.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/multi-server');
const roots: string[] = [];
// This user's cache directory (where the sealing key lives), outside every repository.
const userCache = mkdtempSync(join(tmpdir(), 'tide-user-cache-'));
roots.push(userCache);
const saved = { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME, CACHE_DIRECTORY: process.env.CACHE_DIRECTORY };
beforeAll(() => {
  process.env.XDG_CACHE_HOME = userCache;
  delete process.env.CACHE_DIRECTORY;
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const userKey = () => readFileSync(join(userCache, 'tide', 'cache-key'));

/** A cache file's text sealed again with `key` (latin1 text, as the tests read it): MAC line (GMAC nonce and tag), header line, body. */
function reseal(text: string, key: Buffer, change: (body: string) => string = (body) => body): string {
  const header = text.slice(SEAL_HEX + 1, text.indexOf('\n', SEAL_HEX + 1));
  const body = change(text.slice(SEAL_HEX + 2 + header.length));
  const nonce = randomBytes(12);
  const gmac = createCipheriv('aes-256-gcm', key, nonce);
  gmac.setAAD(Buffer.from(`${header}\n${body}`, 'latin1'));
  gmac.final();
  return `${nonce.toString('hex')}${gmac.getAuthTag().toString('hex')}\n${header}\n${body}`;
}
const SEAL_HEX = 56;
/** What a cache file holds past its seal (a seal has a fresh nonce each time it is written). */
const unsealed = (text: string) => text.slice(SEAL_HEX + 1);

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
      'a fleet file added in a new directory': (dir) => {
        mkdirSync(join(dir, 'sites/more'));
        writeFileSync(join(dir, 'sites/more/new.example.com.yaml'), 'kind: Site\nname: new.example.com\nplatform: brochure\nclient: acme\n');
      },
      'a fleet file edited (not staged)': (dir) => appendFileSync(join(dir, 'sites/acme.example.com.yaml'), 'status: disabled\n'),
      'a fleet file edited and staged': (dir) => {
        appendFileSync(join(dir, 'sites/acme.example.com.yaml'), 'status: disabled\n');
        git(dir, 'add', 'sites/acme.example.com.yaml');
      },
      'a fleet file deleted': (dir) => rmSync(join(dir, 'sites/wiki.acme.example.com.yaml')),
      'a fleet file deleted from the index only (git rm --cached)': (dir) => {
        git(dir, 'rm', '-q', '--cached', 'sites/wiki.acme.example.com.yaml');
        appendFileSync(join(dir, 'sites/wiki.acme.example.com.yaml'), 'status: disabled\n');
      },
      'a file git is told not to check (assume-unchanged), edited': (dir) => {
        git(dir, 'update-index', '--assume-unchanged', 'sites/acme.example.com.yaml');
        appendFileSync(join(dir, 'sites/acme.example.com.yaml'), 'status: disabled\n');
      },
    };
    for (const [name, change] of Object.entries(changes)) {
      it(name, async () => {
        const dir = fleetRepo();
        const before = await tide(dir, ['plan', '--json']);
        expect(existsSync(cacheFile(dir, 'plan.json'))).toBe(true);
        change(dir);
        const after = await tide(dir, ['plan', '--json']);
        expect(after).toEqual(await tide(dir, ['plan', '--json'], { TIDE_CACHE: '0' }));
        expect(after.stderr, 'a plan, not an error').toBe('');
        expect(after.stdout).not.toBe(before.stdout);
        // The new plan is the one cached now.
        expect(await tide(dir, ['plan', '--json'])).toEqual(after);
      });
    }

    // Files git does not hold (untracked, ignored) are read and hashed on every look, cached plan or not.
    for (const [name, ignored] of [['untracked', false], ['ignored', true]] as const) {
      it(`a fleet file git does not hold (${name}), edited`, async () => {
        const dir = fleetRepo(ignored ? { '.gitignore': 'sites/new.example.com.yaml\n' } : {});
        const site = join(dir, 'sites/new.example.com.yaml');
        writeFileSync(site, 'kind: Site\nname: new.example.com\nplatform: brochure\nclient: acme\n');
        const before = await tide(dir, ['plan', '--json']);
        expect(await tide(dir, ['plan', '--json']), 'served from the cache while unchanged').toEqual(before);
        appendFileSync(site, 'status: disabled\n');
        const after = await tide(dir, ['plan', '--json']);
        expect(after).toEqual(await tide(dir, ['plan', '--json'], { TIDE_CACHE: '0' }));
        expect(after.stderr).toBe('');
        expect(after.stdout).not.toBe(before.stdout);
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
      // Sealed with this user's own key: only the checks of each entry stand between it and a plan.
      'entries of the wrong shape, sealed with the user\'s key': (text) => reseal(text, userKey(), (body) => {
        const entries = JSON.parse(body) as Record<string, unknown>;
        return JSON.stringify(Object.fromEntries(Object.keys(entries).map((oid, i) => [oid, [null, 7, { size: -1, docs: [] }, { size: 1, docs: 'x' }][i % 4]])));
      }),
      'another namespace': (text) => text.replace(/"namespace":"[^"]*"/, '"namespace":"tide 0.0.0"'),
      'another namespace, sealed with the user\'s key': (text) => reseal(text.replace(/"namespace":"[^"]*"/, '"namespace":"tide 0.0.0"'), userKey()),
      // Read before the seal is checked, to ask git about the platform code at once: a path no fleet could name is a miss, not a question.
      'a header naming platform code no fleet could (outside the repository, a pathspec magic, a newline)': (text) =>
        text.replace(/"sources":\[(\]?)/, (_, empty: string) => `"sources":[["../outside",null],[":(top)\\nx",null]${empty ? ']' : ','}`),
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
      // plan.json is checked by its seal and its key (the inputs); documents.json's entries are also checked one by one.
      for (const [how, damage] of Object.entries(damages).filter(([how]) => name === 'documents.json' || !how.startsWith('entries'))) {
        it(`${name}: ${how}`, async () => {
          // documents.json is read only when the plan is not cached.
          if (name === 'documents.json') rmSync(cacheFile(dir, 'plan.json'), { force: true });
          else writeFileSync(cacheFile(dir, 'documents.json'), good['documents.json']!, 'latin1');
          writeFileSync(cacheFile(dir, name), damage(good[name]!), 'latin1');
          expect(await tide(dir, ['plan', '--json'])).toEqual(without);
          // And the run wrote a good cache again, which the next one uses.
          expect(unsealed(readFileSync(cacheFile(dir, name), 'latin1'))).toBe(unsealed(good[name]!));
          expect(await tide(dir, ['plan', '--json'])).toEqual(without);
        });
      }
    }
  });

  describe("a cache this user's tide did not seal is never read (a repository from a stranger)", () => {
    const site = 'sites/acme.example.com.yaml';
    /** The stranger's cache, forged as a stranger can: `forge` applied, then sealed with a key of the stranger's own. */
    const forgeries: Record<string, { name: string; forge: (body: string, dir: string) => string }> = {
      'documents.json: a site file\'s entry names a document it does not hold, one no schema would pass': {
        name: 'documents.json',
        forge: (body, dir) => {
          const entries = JSON.parse(body) as Record<string, { size: number; docs: Record<string, unknown>[] }>;
          const entry = entries[blobId(dir, site)]!;
          entry.docs = [{ ...entry.docs[0], url: 'acme.example.com; touch /tmp/owned', aliases: ['$(id)'] }];
          return JSON.stringify(entries);
        },
      },
      'plan.json: a plan of other operations': {
        name: 'plan.json',
        forge: (body) => body.replace('"operations": [', '"operations": [],\n  "forged": ['),
      },
    };
    for (const [how, { name, forge }] of Object.entries(forgeries)) {
      it(how, async () => {
        const dir = fleetRepo();
        const without = await everything(dir, { TIDE_CACHE: '0' });
        await tide(dir, ['plan', '--json']);
        if (name === 'documents.json') rmSync(cacheFile(dir, 'plan.json'));
        const good = readFileSync(cacheFile(dir, name), 'latin1');
        // The forgery is real: sealed with this user's key, it would be read, and change the plan.
        writeFileSync(cacheFile(dir, name), reseal(good, userKey(), (body) => forge(body, dir)), 'latin1');
        expect((await tide(dir, ['plan', '--json'])).stdout).not.toBe(without[0]!.stdout);
        // Sealed with the stranger's key (what a stranger can do), it is ignored and replaced.
        rmSync(cacheFile(dir, 'plan.json'), { force: true });
        writeFileSync(cacheFile(dir, name), reseal(good, randomBytes(32), (body) => forge(body, dir)), 'latin1');
        expect(await everything(dir)).toEqual(without);
        expect(unsealed(readFileSync(cacheFile(dir, name), 'latin1'))).toBe(unsealed(good));
      });
    }

    it('a cache written under another key (another user, a copied repository) is ignored and rewritten', async () => {
      const dir = fleetRepo();
      const without = await everything(dir, { TIDE_CACHE: '0' });
      const other = mkdtempSync(join(tmpdir(), 'tide-other-user-'));
      roots.push(other);
      process.env.XDG_CACHE_HOME = other;
      try {
        await tide(dir, ['plan', '--json']);
      } finally {
        process.env.XDG_CACHE_HOME = userCache;
      }
      const theirs = readFileSync(cacheFile(dir), 'latin1');
      expect(await everything(dir)).toEqual(without);
      expect(readFileSync(cacheFile(dir), 'latin1')).not.toBe(theirs);
      expect(readCacheFile(cacheFile(dir), userKey()), 'sealed with this user\'s key now').toBeDefined();
    });

    it('the key is made once, readable by its user only, outside the repository', async () => {
      const dir = fleetRepo();
      await tide(dir, ['plan', '--json']);
      const key = userKey();
      expect(key.length).toBe(32);
      expect(statSync(join(userCache, 'tide', 'cache-key')).mode & 0o077).toBe(0);
      await tide(dir, ['plan', '--json']);
      expect(userKey()).toEqual(key);
    });

    it('without a place for the key, nothing is cached and plans are the same', async () => {
      const dir = fleetRepo();
      const without = await everything(dir, { TIDE_CACHE: '0' });
      const blocked = join(mkdtempSync(join(tmpdir(), 'tide-no-key-')), 'file');
      roots.push(join(blocked, '..'));
      writeFileSync(blocked, 'not a directory\n');
      process.env.XDG_CACHE_HOME = blocked;
      try {
        expect(await everything(dir)).toEqual(without);
      } finally {
        process.env.XDG_CACHE_HOME = userCache;
      }
      expect(existsSync(join(dir, '.git', 'tide-cache'))).toBe(false);
    });
  });

  it('a fleet of many files, read together from git on a first plan, plans the same with and without the cache', async () => {
    const sites = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`sites/many-${i}.yaml`, `kind: Site\nname: many-${i}.example.com\nplatform: brochure\nclient: many\n`]));
    const dir = fleetRepo({ ...sites, 'clients/many.yaml': 'kind: Client\nname: many\n' });
    git(dir, 'gc', '-q');
    const [json] = await expectSameWithAndWithoutCache(dir);
    expect(json!.code).toBe(0);
    expect(json!.stdout).toContain('many-89.example.com');
  });

  it('the state branch is read while the fleet loads, yet its errors come after the fleet\'s', async () => {
    const dir = fleetRepo();
    // A forged state branch whose one record is not JSON.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, input: 'not json\n', encoding: 'utf8' }).trim();
    const tree = (entries: string) => execFileSync('git', ['mktree'], { cwd: dir, input: entries, encoding: 'utf8' }).trim();
    const state = tree(`040000 tree ${tree(`040000 tree ${tree(`100644 blob ${blob}\tacme.example.com.json\n`)}\tsites\n`)}\tstate\n`);
    git(dir, 'update-ref', 'refs/heads/tide-state', git(dir, 'commit-tree', state, '-m', 'forged').trim());
    const valid = await tide(dir, ['plan', '--json']);
    expect(valid.code).toBe(1);
    expect(valid.stderr).toContain('state/sites/acme.example.com.json on the state branch');
    writeFileSync(join(dir, 'sites', 'bad.yaml'), 'kind: Site\nname: bad.example.com\nplatform: brochure\nclient: acme\nbogus: 1\n');
    const invalid = await tide(dir, ['plan', '--json']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/sites\/bad\.yaml:5:\d+: /);
    expect(invalid.stderr).not.toContain('state branch');
  });

  it("the plan cache's check of a header's platform paths is the schema's relPath pattern, letter for letter", () => {
    const defs = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../schemas/defs.schema.json'), 'utf8')) as { definitions: { relPath: { pattern: string } } };
    expect(PLATFORM_PATH.source.replaceAll('\\/', '/')).toBe(defs.definitions.relPath.pattern);
  });

  it('deleting the cache is safe', async () => {
    const dir = fleetRepo();
    const without = await everything(dir, { TIDE_CACHE: '0' });
    await everything(dir);
    rmSync(join(dir, '.git', 'tide-cache'), { recursive: true, force: true });
    expect(await everything(dir)).toEqual(without);
  });
});
