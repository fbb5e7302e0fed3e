// Start-up cost is part of every plan (and every daemon poll): the CLI must
// not load what only apply needs (ssh2, handlebars: ~110 ms of CommonJS),
// and a plan answered from its cache (.git/tide-cache/plan.json) must not
// load the loader, the YAML parser, the schema validators or the planner
// either: a second plan of an unchanged fleet should cost little more than
// starting node.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { httpServiceType } from '../../src/services/http/index.js';
import type { VhostFacts } from '../../src/services/http/types.js';

const DIST = resolve(import.meta.dirname, '../../dist');
const MAIN = join(DIST, 'cli/main.js');
const BIN = join(DIST, 'cli/bin.js');
const RECORD = pathToFileURL(resolve(import.meta.dirname, '../helpers/record-modules.mjs')).href;
const EXAMPLE = resolve(import.meta.dirname, '../../examples/multi-server');

const temp = mkdtempSync(join(tmpdir(), 'tide-startup-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The tide modules (paths under dist/) a `tide ARGS` run loads. */
function modulesLoadedBy(args: string[], cwd: string): string[] {
  const list = join(temp, `modules-${Math.random().toString(36).slice(2)}.txt`);
  execFileSync('node', ['--import', RECORD, BIN, ...args], { cwd, env: { ...process.env, TIDE_RECORD_MODULES: list }, stdio: ['ignore', 'ignore', 'inherit'] });
  const distUrl = `${pathToFileURL(DIST).href}/`;
  return readFileSync(list, 'utf8').split('\n').filter((u) => u.startsWith(distUrl)).map((u) => u.slice(distUrl.length));
}

function committedFleet(): string {
  const dir = join(temp, 'fleet');
  cpSync(EXAMPLE, dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'fleet');
  return dir;
}

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

  it('a plan answered from the plan cache loads no loader, YAML parser, glob matcher, validator, planner, git object reader or other command', () => {
    const fleet = committedFleet();
    const first = modulesLoadedBy(['plan', '--json'], fleet);
    // The first plan computes (and caches) the plan: the loader and planner are there.
    expect(first).toEqual(expect.arrayContaining(['model/loader.js', 'model/validators.generated.js', 'plan/planner.js']));
    const second = modulesLoadedBy(['plan', '--json'], fleet);
    expect(second).toContain('plan/plan-cache.js');
    // Nor git's object reader: refs are read from files, and git answers through one shell (repo/git-run.js).
    const needless = second.filter((m) => /^(model\/(loader|schemas|validators\.generated|parse-yaml|fleet-files)|repo\/(glob|git|git-objects|blob-file)\.js|plan\/(planner|render\/)|fleet\/context|cli\/(?!main|bin|plan|args|command)|apply|daemon|github|operations|drivers|services|transport|shell)/.test(m));
    expect(needless).toEqual([]);
  });

  it('an apply loads only the handlebars runtime: the build precompiles the vhost templates, which render as the source compiles them', () => {
    const base: VhostFacts = {
      site: 'blog.example.com', url: 'blog.example.com', aliases: ['www.blog.example.com'], redirectAliases: true, port: 80, httpsPort: 443,
      docroot: '/var/tide/platforms/p1/web', siteDir: '/var/tide/sites/blog.example.com', fastcgi: 'unix:/run/php/php8.2-fpm.sock',
      disabled: false, disabledDir: '/var/tide/disabled',
    };
    const https = { certificate: '/etc/ssl/blog.pem', key: '/etc/ssl/private/blog.key', required: true };
    const variants: VhostFacts[] = [base, { ...base, https }, { ...base, fastcgi: null, redirectAliases: false }, { ...base, disabled: true, https }];
    const script = `
      import { createRequire } from 'node:module';
      const { httpServiceType } = await import(${JSON.stringify(join(DIST, 'services/http/index.js'))});
      await import(${JSON.stringify(join(DIST, 'drivers/script.js'))});
      const variants = JSON.parse(process.argv[1]);
      const rendered = ['nginx', 'apache'].map((type) => variants.map((facts) => httpServiceType(type).renderVhost(facts)));
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => p.includes('/node_modules/handlebars/'));
      console.log(JSON.stringify({ rendered, loaded: loaded.map((p) => p.split('/node_modules/handlebars/')[1]) }));`;
    const built = JSON.parse(execFileSync('node', ['--input-type=module', '-e', script, JSON.stringify(variants)], { encoding: 'utf8' })) as { rendered: string[][]; loaded: string[] };
    expect(built.loaded).toContain('dist/cjs/handlebars.runtime.js');
    expect(built.loaded.filter((p) => /compiler/.test(p))).toEqual([]);
    // From source (no build step) the templates are compiled on the spot: the same text, marker included.
    expect(built.rendered).toEqual(['nginx', 'apache'].map((type) => variants.map((facts) => httpServiceType(type).renderVhost(facts))));
  });
});
