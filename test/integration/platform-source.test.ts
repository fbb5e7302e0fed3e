// A platform kept in the fleet repository reaches the server as it is in the
// repository, and nothing else does: in-tree symlinks stay symlinks and empty
// directories stay, from the work tree and from `--ref` alike; a source that
// leads outside the repository is refused before anything reaches the server;
// a 200 MB source streams through tide without being held in memory.
// Checked on the server's disk (the test servers' roots are local).

import { mkdirSync, readFileSync, readdirSync, readlinkSync, lstatSync, existsSync, symlinkSync, writeFileSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos, tempDir } from '../helpers/git-cli.js';
import { commitAll, makeFleet, REPO_ROOT, tide, writeFleetFile, type TestFleet } from './support/fleet.js';

const services = inject('services');
const MiB = 1024 * 1024;
let fleet: TestFleet;
let deployed: string;

beforeAll(() => {
  fleet = makeFleet(services, 'sources', { keepSites: false });
  rmSync(join(fleet.dir, 'platforms'), { recursive: true, force: true });
  commitAll(fleet, 'no platforms yet');
  deployed = join(fleet.roots.web1!, 'platforms');
});
afterAll(() => removeGitCliRepos(), 60_000);

/** A static platform on web1 whose code is `source` in the repository. */
function addPlatform(name: string, source: string): void {
  writeFleetFile(fleet, `platforms/${name}.yaml`, { kind: 'Platform', name, servers: ['web1'], driver: 'static', source: { path: source }, docroot: '.' });
}

function removePlatform(name: string): void {
  rmSync(join(fleet.dir, 'platforms', `${name}.yaml`));
  commitAll(fleet, `drop ${name}`);
}

/** The peak RSS (bytes) of a `tide apply --yes` run, measured inside the tide process; the run must succeed. */
async function applyMeasured(args: string[] = []): Promise<number> {
  const rssFile = join(tempDir('tide-rss-'), 'rss');
  const preload = pathToFileURL(join(REPO_ROOT, 'test/bench/plan/rss-preload.mjs')).href;
  const run = await tide(fleet, ['apply', '--yes', ...args], { NODE_OPTIONS: `--import=${preload}`, TIDE_BENCH_RSS_FILE: rssFile });
  expect(run.exitCode, run.all).toBe(0);
  return Number(readFileSync(rssFile, 'utf8')) * 1024;
}

/** A key outside the repository, mode 0600, as in ~/.ssh. */
function secretKey(): { dir: string; path: string } {
  const dir = tempDir('tide-home-');
  const path = join(dir, 'id_ed25519');
  writeFileSync(path, '-----BEGIN OPENSSH PRIVATE KEY----- not for servers\n', { mode: 0o600 });
  return { dir, path };
}

/** Every path under the server's platforms directory whose name starts with `name` (the platform, its staging copies). */
const onServer = (name: string): string[] => (existsSync(deployed) ? readdirSync(deployed).filter((n) => n === name || n.startsWith(`${name}.`)) : []);

describe('platform sources on the server', () => {
  it('keeps in-tree symlinks as symlinks, and empty directories, from the work tree and from --ref', async () => {
    const src = join(fleet.dir, 'code/app');
    mkdirSync(join(src, 'lib'), { recursive: true });
    writeFileSync(join(src, 'index.html'), '<h1>app</h1>\n');
    writeFileSync(join(src, 'lib/real.txt'), 'the real file\n');
    symlinkSync('lib/real.txt', join(src, 'link.txt'));
    symlinkSync('lib', join(src, 'libdir'));
    addPlatform('app', 'code/app');
    commitAll(fleet, 'app');
    mkdirSync(join(src, 'cache/views'), { recursive: true }); // git keeps no empty directory: work tree only
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode, run.all).toBe(0);

    const app = join(deployed, 'app');
    expect(lstatSync(join(app, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(app, 'link.txt'))).toBe('lib/real.txt');
    expect(readlinkSync(join(app, 'libdir'))).toBe('lib');
    expect(readFileSync(join(app, 'link.txt'), 'utf8')).toBe('the real file\n');
    expect(lstatSync(join(app, 'cache/views')).isDirectory()).toBe(true);

    // The same code from the commit, as another platform, applied with --ref.
    addPlatform('app-ref', 'code/app');
    commitAll(fleet, 'app-ref');
    const fromRef = await tide(fleet, ['apply', '--yes', '--ref', 'HEAD']);
    expect(fromRef.exitCode, fromRef.all).toBe(0);
    const appRef = join(deployed, 'app-ref');
    expect(lstatSync(join(appRef, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(appRef, 'link.txt'))).toBe('lib/real.txt');
    expect(readlinkSync(join(appRef, 'libdir'))).toBe('lib');
    expect(readFileSync(join(appRef, 'index.html'), 'utf8')).toBe('<h1>app</h1>\n');
  });

  it('streams a 200 MB source: the apply\'s peak RSS grows less than 100 MB over a 1-file deploy, from the work tree and from --ref', async () => {
    mkdirSync(join(fleet.dir, 'code/small'), { recursive: true });
    writeFileSync(join(fleet.dir, 'code/small/index.html'), 'small\n');
    addPlatform('small', 'code/small');
    commitAll(fleet, 'small');
    const baseline = await applyMeasured();

    const big = join(fleet.dir, 'code/big');
    mkdirSync(big, { recursive: true });
    for (let i = 0; i < 4; i++) {
      writeFileSync(join(big, `blob-${i}.bin`), '');
      truncateSync(join(big, `blob-${i}.bin`), 50 * MiB); // zeros, written without holding them here
    }
    addPlatform('big', 'code/big');
    commitAll(fleet, 'big');
    const peak = await applyMeasured();
    console.log(`deploy of 200 MB from the work tree: peak RSS ${(peak / MiB).toFixed(0)} MB, a 1-file deploy ${(baseline / MiB).toFixed(0)} MB`);
    expect(peak - baseline).toBeLessThan(100 * MiB);
    for (let i = 0; i < 4; i++) expect(lstatSync(join(deployed, 'big', `blob-${i}.bin`)).size).toBe(50 * MiB);

    addPlatform('big-ref', 'code/big');
    commitAll(fleet, 'big-ref');
    const peakRef = await applyMeasured(['--ref', 'HEAD']);
    console.log(`deploy of 200 MB from --ref HEAD: peak RSS ${(peakRef / MiB).toFixed(0)} MB`);
    expect(peakRef - baseline).toBeLessThan(100 * MiB);
    for (let i = 0; i < 4; i++) expect(lstatSync(join(deployed, 'big-ref', `blob-${i}.bin`)).size).toBe(50 * MiB);
  }, 300_000);

  it('refuses a source directory that is a symlink out of the repository, and sends nothing', async () => {
    const key = secretKey();
    symlinkSync(key.dir, join(fleet.dir, 'code/leak'));
    addPlatform('leak', 'code/leak');
    commitAll(fleet, 'leak');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toContain(`The platform source code/leak leads outside the repository: code/leak is a symlink to ${key.dir}.`);
    expect(onServer('leak')).toEqual([]);
    removePlatform('leak');
  });

  it('refuses a symlink inside a source that points at a secret outside it, naming the file, and sends nothing', async () => {
    const key = secretKey();
    mkdirSync(join(fleet.dir, 'code/sneak'), { recursive: true });
    writeFileSync(join(fleet.dir, 'code/sneak/index.html'), 'hello\n');
    symlinkSync(key.path, join(fleet.dir, 'code/sneak/deploy.key'));
    addPlatform('sneak', 'code/sneak');
    commitAll(fleet, 'sneak');
    for (const args of [[], ['--ref', 'HEAD']]) {
      const run = await tide(fleet, ['apply', '--yes', ...args]);
      expect(run.exitCode).not.toBe(0);
      expect(run.all).toContain(`code/sneak/deploy.key is a symlink to ${key.path}, outside the platform source code/sneak.`);
      expect(onServer('sneak')).toEqual([]);
    }
    removePlatform('sneak');
  });
});
