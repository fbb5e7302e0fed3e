// A fleet repository for integration tests: the php-notes example (or any
// example) pointed at the real services of the test environment, committed
// with git, and helpers to run tide on it and look at what it did.

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa, type Result } from 'execa';
import yaml from 'js-yaml';
import type { TestServices, TestSshServer } from '../env/types.js';
import { git, tempDir } from '../../helpers/git-cli.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const TIDE = join(REPO_ROOT, 'dist/cli/bin.js');
export const DB_PASSWORD_ENV = 'TIDE_TEST_DB_PASSWORD';

export interface TestFleet {
  dir: string;
  /** The fleet's id in tide.yaml (each test fleet its own, as tide init makes them). */
  id: string;
  services: TestServices;
  /** Each server's root for this fleet (a subdirectory of the env's, so test files never share one). */
  roots: Record<string, string>;
  env: NodeJS.ProcessEnv;
  /** Everything tide printed for this fleet (to scan for secrets). */
  printed: string[];
  /** Site passwords seen so far (see expectNoSecretsStored). */
  passwords: Set<string>;
}

/** Server YAML for a test server: loopback, pinned key, the env's nginx and MariaDB. */
export function serverYaml(s: TestSshServer, services: TestServices, root: string, overrides: Record<string, unknown> = {}): string {
  return yaml.dump({
    kind: 'Server', name: s.name, transport: 'ssh', host: s.host, port: s.port, user: s.user,
    hostKey: s.hostKey, identity: `file:${services.ssh.clientKeyPath}`, root,
    services: {
      http: { type: 'nginx', port: s.http.port, httpsPort: s.http.httpsPort, configDir: s.http.configDir, check: s.http.check, reload: s.http.reload, fastcgi: s.http.fastcgi },
      db: { type: 'mariadb', host: services.db.host, port: services.db.port, adminUser: services.db.adminUser, adminPassword: `env:${DB_PASSWORD_ENV}` },
    },
    ...overrides,
  });
}

/**
 * A copy of examples/<example> with its servers replaced by the test servers.
 * `tag` names this fleet's server roots; `keepSites` false drops the example's sites.
 */
export function makeFleet(services: TestServices, tag: string, { example = 'php-notes', keepSites = true } = {}): TestFleet {
  const dir = tempDir(`tide-fleet-${tag}-`);
  cpSync(join(REPO_ROOT, 'examples', example), dir, { recursive: true });
  rmSync(join(dir, 'servers'), { recursive: true, force: true });
  mkdirSync(join(dir, 'servers'));
  if (!keepSites) {
    rmSync(join(dir, 'sites'), { recursive: true, force: true });
    mkdirSync(join(dir, 'sites'));
  }
  const id = randomUUID();
  const fleetFile = join(dir, 'tide.yaml');
  writeFileSync(fleetFile, readFileSync(fleetFile, 'utf8').replace(/^name:.*$/m, (line) => `${line}\nid: ${id}`));
  const roots: Record<string, string> = {};
  for (const s of services.ssh.servers) {
    roots[s.name] = join(s.root, tag);
    writeFileSync(join(dir, 'servers', `${s.name}.yaml`), serverYaml(s, services, roots[s.name]!));
  }
  git(dir, 'init', '-q', '-b', 'main');
  commitAll({ dir }, 'fleet for the test');
  return { dir, id, services, roots, env: { [DB_PASSWORD_ENV]: services.db.adminPassword }, printed: [], passwords: new Set() };
}

export function writeFleetFile(fleet: Pick<TestFleet, 'dir'>, path: string, doc: Record<string, unknown>): void {
  mkdirSync(join(fleet.dir, path, '..'), { recursive: true });
  writeFileSync(join(fleet.dir, path), yaml.dump(doc));
}

export function commitAll(fleet: Pick<TestFleet, 'dir'>, message: string): string {
  git(fleet.dir, 'add', '-A');
  git(fleet.dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(fleet.dir, 'rev-parse', 'HEAD').trim();
}

/** Runs the built tide CLI (or another build's `cli`, a bin.js) in the fleet; never throws on a non-zero exit. */
export async function tide(fleet: TestFleet, args: string[], extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 180_000, cli = TIDE): Promise<Result<{ reject: false; all: true }>> {
  const run = await execa('node', [cli, ...args], {
    cwd: fleet.dir, reject: false, all: true,
    env: { ...fleet.env, NO_COLOR: '1', ...extraEnv },
    timeout: timeoutMs,
  });
  fleet.printed.push(run.all ?? '');
  return run;
}

/** A file on the state branch, or null. */
export function stateFile(fleet: Pick<TestFleet, 'dir'>, path: string, branch = 'tide-state'): string | null {
  try {
    return execFileSync('git', ['show', `${branch}:${path}`], { cwd: fleet.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

export interface StoredRecord {
  id: string;
  operation: string;
  action: string;
  target: { kind: string; name: string };
  server: string;
  status: string;
  startedAt: string;
  error?: string;
  tasks: { name: string; status: string }[];
  details?: Record<string, any>;
}

/** Every operation record on the state branch, oldest first. */
export function operationRecords(fleet: Pick<TestFleet, 'dir'>, branch = 'tide-state'): StoredRecord[] {
  const paths = git(fleet.dir, 'ls-tree', '-r', '--name-only', branch, 'operations').split('\n').filter((p) => p.endsWith('.json')).sort();
  // By start time (milliseconds): a record's id holds its second only, and two operations can start in one.
  return paths.map((p) => JSON.parse(stateFile(fleet, p, branch)!) as StoredRecord).sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
}

/** Every object in the fleet repository's object store, as text (to scan for secrets). */
export function allGitObjects(dir: string): string {
  return execFileSync('git', ['cat-file', '--batch-all-objects', '--batch', '--unordered'], { cwd: dir, encoding: 'latin1', maxBuffer: 512 * 1024 * 1024 });
}

/** Files in a directory, or [] when it does not exist. */
export function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Database passwords tide generated for this fleet's sites: they live only in settings.json on the servers. */
export function sitePasswords(fleet: TestFleet): string[] {
  const out: string[] = [];
  for (const root of Object.values(fleet.roots)) {
    for (const site of list(join(root, 'sites'))) {
      const path = join(root, 'sites', site, 'settings.json');
      const password = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).db?.password : undefined;
      if (password) out.push(password);
    }
  }
  return out;
}

/**
 * No secret in any git object of the fleet repository (state branch, records,
 * logs) nor in anything tide printed. `known` collects passwords seen so far,
 * so those of deleted sites are still looked for.
 */
export function expectNoSecretsStored(fleet: TestFleet, printed: string[] = fleet.printed, known: Set<string> = fleet.passwords): void {
  for (const p of sitePasswords(fleet)) known.add(p);
  const secrets = [...known, fleet.services.db.adminPassword];
  const objects = allGitObjects(fleet.dir);
  for (const secret of secrets) {
    if (objects.includes(secret)) throw new Error('a secret is stored in a git object of the fleet repository');
    if (printed.some((text) => text.includes(secret))) throw new Error('a secret was printed by tide');
  }
}
