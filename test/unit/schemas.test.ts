// The JSON Schemas in schemas/: they compile under ajv's strict mode, every
// property carries editor help, every object is closed, every pattern lives in
// defs.schema.json with a description that reads after "must be ", the
// documented examples validate and the usual mistakes are rejected.

import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { loadAll } from 'js-yaml';
import type {
  Client,
  DbService,
  Fleet,
  HttpService,
  Platform,
  PlatformCommands,
  Server,
  Site,
  SiteHttps,
} from '../../src/model/kinds.js';
import type { Action, Blocker, FieldChange, Operation, Orphan, Plan, PlanSummary, Removal } from '../../src/model/plan.js';
import type { OperationRecord } from '../../src/apply/records.js';
import type { TaskRecord } from '../../src/operations/run-tasks.js';
import { withPlatformDefaults, withServerDefaults, withSiteDefaults } from '../../src/model/defaults.js';
import { loadFleet } from '../../src/model/loader.js';
import { plan } from '../../src/plan/planner.js';
import { platformSpec, serverSpec, siteSpec } from '../../src/state/spec.js';
import { emptyRecordedState, STATE_FORMAT_VERSION } from '../../src/state/types.js';
import type {
  Package,
  RecordedPlatform,
  RecordedServer,
  RecordedSite,
  SiteBackup,
} from '../../src/state/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMA_DIR = join(ROOT, 'schemas');
const BASE = 'https://tide.dev/schemas/v1/';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = { [key: string]: Json };

const schemaFiles = readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const schemas = new Map<string, SchemaNode>(
  schemaFiles.map((f) => [f, JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as SchemaNode]),
);

function makeAjv(): Ajv {
  // verbose: errors carry parentSchema, whose description the loader prints for pattern errors.
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  for (const schema of schemas.values()) ajv.addSchema(schema);
  return ajv;
}

const ajv = makeAjv();

function validator(file: string): ValidateFunction {
  const v = ajv.getSchema(BASE + file);
  if (!v) throw new Error(`schema ${file} is not registered`);
  return v;
}

function errorsOf(file: string, doc: unknown): ErrorObject[] {
  const v = validator(file);
  return v(doc) ? [] : [...(v.errors ?? [])];
}

/** The message a loader prints: pattern errors use the definition's description. */
function describeError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(document)' : e.instancePath;
  if (e.keyword === 'pattern') {
    const parent = e.parentSchema as { description?: string } | undefined;
    return `${where} must be ${parent?.description ?? 'in the expected form'}`;
  }
  if (e.keyword === 'additionalProperties') {
    return `${where} has unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  }
  return `${where} ${e.message ?? 'is invalid'}`;
}

// ---------------------------------------------------------------------------
// Walking schemas

interface Visit {
  file: string;
  pointer: string;
  node: SchemaNode;
  /** Inside an `if`: a condition, not a description of data. */
  inIf: boolean;
  /** Inside `if`, `then` or `else`: adds constraints to a node described elsewhere. */
  inCondition: boolean;
  /** The key under which this node sits in its parent (`properties`, `items`, ...). */
  via: string;
}

const MAP_KEYWORDS = ['properties', 'definitions', 'patternProperties'];
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else'];
const ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];

function isObject(v: Json | undefined): v is SchemaNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function* walk(file: string, node: SchemaNode, pointer = '', inIf = false, inCondition = false, via = ''): Generator<Visit> {
  yield { file, pointer, node, inIf, inCondition, via };
  for (const key of MAP_KEYWORDS) {
    const map = node[key];
    if (!isObject(map)) continue;
    for (const [name, sub] of Object.entries(map)) {
      if (isObject(sub)) yield* walk(file, sub, `${pointer}/${key}/${name}`, inIf, inCondition, key);
    }
  }
  for (const key of SCHEMA_KEYWORDS) {
    const sub = node[key];
    const cond = key === 'if' || key === 'then' || key === 'else';
    if (isObject(sub)) yield* walk(file, sub, `${pointer}/${key}`, inIf || key === 'if', inCondition || cond, key);
  }
  for (const key of ARRAY_KEYWORDS) {
    const list = node[key];
    if (!Array.isArray(list)) continue;
    for (const [i, sub] of list.entries()) {
      if (isObject(sub)) yield* walk(file, sub, `${pointer}/${key}/${i}`, inIf, inCondition, key);
    }
  }
}

const allNodes = [...schemas.entries()].flatMap(([file, schema]) => [...walk(file, schema)]);

const TYPED_KEYWORDS = [
  'properties', 'additionalProperties', 'required', 'propertyNames',
  'items', 'minItems', 'maxItems', 'uniqueItems',
  'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'enum',
];

// ---------------------------------------------------------------------------
// Type-level guard: the keys listed here are exactly the keys of the TS types,
// and the runtime tests check them against each schema's properties.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const fleetKeys = ['kind', 'name', 'id', 'state', 'prune', 'autoApply', 'concurrency', 'ignore', 'maxFileSize', 'verify', 'selfHeal'] as const;
const serverKeys = ['kind', 'name', 'transport', 'host', 'port', 'user', 'hostKey', 'identity', 'root', 'webGroup', 'php', 'services'] as const;
const httpKeys = ['type', 'port', 'httpsPort', 'configDir', 'check', 'reload', 'sudo', 'servedWithin', 'fastcgi'] as const;
const dbKeys = ['type', 'host', 'port', 'adminUser', 'adminPassword', 'grantHosts'] as const;
const platformKeys = ['kind', 'name', 'servers', 'driver', 'source', 'build', 'docroot', 'commands', 'vars', 'php'] as const;
const commandKeys = ['install', 'update', 'packages', 'cron', 'login'] as const;
const siteKeys = [
  'kind', 'name', 'platform', 'server', 'url', 'aliases', 'redirectAliases', 'https',
  'status', 'client', 'profile', 'cron', 'backups', 'cloneFrom', 'vars',
] as const;
const httpsKeys = ['certificate', 'key', 'required'] as const;
const clientKeys = ['kind', 'name', 'quota'] as const;
const planKeys = ['formatVersion', 'fleet', 'desired', 'state', 'operations', 'orphans', 'summary', 'hash'] as const;
const operationKeys = [
  'id', 'action', 'target', 'server', 'reason', 'changes', 'dependsOn', 'blockers', 'warnings', 'destructive', 'removes', 'repair',
] as const;
const removalKeys = ['what', 'server', 'name'] as const;
const operationRecordKeys = [
  'formatVersion', 'id', 'operation', 'action', 'target', 'server', 'reason', 'desiredCommit', 'planHash', 'changes',
  'recovers', 'status', 'startedAt', 'finishedAt', 'tasks', 'error', 'details', 'uncommitted',
] as const;
const taskRecordKeys = ['name', 'status', 'durationMs', 'error'] as const;
const orphanKeys = ['target', 'server', 'reason'] as const;
const summaryKeys = ['operations', 'byAction', 'blocked', 'orphans'] as const;
const changeKeys = ['field', 'from', 'to'] as const;
const blockerKeys = ['code', 'message'] as const;
const actions = ['verify', 'deploy', 'install', 'clone', 'migrate', 'rename', 'disable', 'enable', 'delete'] as const;
const recordedServerKeys = [
  'formatVersion', 'name', 'transport', 'host', 'port', 'user', 'hostKey', 'root', 'webGroup', 'services',
  'reachable', 'versions', 'verifiedAt', 'lastOperation',
] as const;
const recordedPlatformKeys = [
  'formatVersion', 'name', 'driver', 'source', 'sourceTree', 'build', 'docroot', 'commands', 'deployments', 'packages',
  'lastOperation', 'drift',
] as const;
const recordedSiteKeys = [
  'formatVersion', 'name', 'platform', 'server', 'url', 'aliases', 'redirectAliases', 'https', 'status',
  'client', 'profile', 'cron', 'backupPolicy', 'vars', 'phpIsolation', 'db', 'packages', 'backups', 'generation',
  'lastOperation', 'drift',
] as const;
const packageKeys = ['name', 'type', 'version', 'schema', 'enabled'] as const;
const backupKeys = ['id', 'path', 'server', 'at', 'size', 'sha256'] as const;

const keysMatchTypes: [
  Same<keyof Fleet, (typeof fleetKeys)[number]>,
  Same<keyof Server, (typeof serverKeys)[number]>,
  Same<keyof HttpService, (typeof httpKeys)[number]>,
  Same<keyof DbService, (typeof dbKeys)[number]>,
  Same<keyof Platform, (typeof platformKeys)[number]>,
  Same<keyof PlatformCommands, (typeof commandKeys)[number]>,
  Same<keyof Site, (typeof siteKeys)[number]>,
  Same<keyof SiteHttps, (typeof httpsKeys)[number]>,
  Same<keyof Client, (typeof clientKeys)[number]>,
  Same<keyof Plan, (typeof planKeys)[number]>,
  Same<keyof Operation, (typeof operationKeys)[number]>,
  Same<keyof Orphan, (typeof orphanKeys)[number]>,
  Same<keyof PlanSummary, (typeof summaryKeys)[number]>,
  Same<keyof FieldChange, (typeof changeKeys)[number]>,
  Same<keyof Blocker, (typeof blockerKeys)[number]>,
  Same<Action, (typeof actions)[number]>,
  Same<keyof RecordedServer, (typeof recordedServerKeys)[number]>,
  Same<keyof RecordedPlatform, (typeof recordedPlatformKeys)[number]>,
  Same<keyof RecordedSite, (typeof recordedSiteKeys)[number]>,
  Same<keyof Package, (typeof packageKeys)[number]>,
  Same<keyof SiteBackup, (typeof backupKeys)[number]>,
  Same<keyof Removal, (typeof removalKeys)[number]>,
  Same<keyof OperationRecord, (typeof operationRecordKeys)[number]>,
  Same<keyof TaskRecord, (typeof taskRecordKeys)[number]>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

/** Resolve a local or defs.schema.json `$ref` once, for key comparisons. */
function deref(file: string, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const [target, fragment = ''] = ref.split('#');
  const root = schemas.get(target === '' || target === undefined ? file : target);
  if (!root) throw new Error(`unresolved $ref ${ref} in ${file}`);
  let cur: Json | undefined = root;
  for (const part of fragment.split('/').filter(Boolean)) {
    if (!isObject(cur)) throw new Error(`bad $ref ${ref}`);
    cur = cur[part];
  }
  if (!isObject(cur)) throw new Error(`bad $ref ${ref}`);
  return cur;
}

function propertyKeys(file: string, path: string[]): string[] {
  let node = schemas.get(file)!;
  for (const name of path) {
    const props = deref(file, node).properties;
    if (!isObject(props) || !isObject(props[name])) throw new Error(`${file}: no property ${path.join('.')}`);
    node = props[name];
  }
  const props = deref(file, node).properties;
  if (!isObject(props)) throw new Error(`${file}: ${path.join('.')} has no properties`);
  return Object.keys(props).sort();
}

// ---------------------------------------------------------------------------
// Documents

const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMmpDFtdQGqdLPNbSJEnU0d1ah3q18Ek8fRwQywW0bjG';

// DESIGN.md's "The fleet repository" example, with a real-looking host key
// (the design's "AAAA..." placeholder is rejected, see below).
const DESIGN_EXAMPLE = `
kind: Fleet
name: acme-hosting
state: { branch: tide-state }
prune: false
concurrency: { total: 8, perServer: 2 }
---
kind: Server
name: web1
transport: ssh
host: web1.example.net
port: 22
user: aegir
hostKey: "${HOST_KEY}"
identity: env:TIDE_SSH_KEY
root: /var/tide
services:
  http:
    type: nginx
    port: 80
    configDir: /etc/nginx/sites-enabled
    check: "nginx -t"
    reload: "nginx -s reload"
    fastcgi: unix:/run/php/php8.2-fpm.sock
  db:   { type: mariadb, host: 127.0.0.1, port: 3306,
          adminUser: root, adminPassword: env:TIDE_DB_PASSWORD }
---
kind: Platform
name: notes-2.0
servers: [web1]
driver: script
source: { path: platforms/notes-2.0 }
build: "composer install --no-dev"
docroot: public
commands:
  install: php bin/install.php
  update: php bin/update.php
  packages: php bin/packages.php
  cron: php bin/cron.php
  login: php bin/login.php
---
kind: Site
name: blog.example.com
platform: notes-2.0
url: blog.example.com
aliases: [www.blog.example.com]
redirectAliases: true
https: { certificate: /etc/ssl/blog.pem, key: /etc/ssl/blog.key, required: true }
status: enabled
client: acme
profile: standard
cron: 1h
backups: { every: 1d, keep: 7 }
cloneFrom: www.example.com
---
kind: Client
name: acme
quota: { sites: 50 }
`;

const KIND_FILES: Record<string, string> = {
  Fleet: 'fleet.schema.json',
  Server: 'server.schema.json',
  Platform: 'platform.schema.json',
  Site: 'site.schema.json',
  Client: 'client.schema.json',
};

function designDocs(): SchemaNode[] {
  return loadAll(DESIGN_EXAMPLE) as SchemaNode[];
}

function designDoc(kind: string): SchemaNode {
  const doc = designDocs().find((d) => d.kind === kind);
  if (!doc) throw new Error(`no ${kind} in the design example`);
  return structuredClone(doc);
}

function exampleYamlFiles(): string[] {
  const dir = join(ROOT, 'examples');
  return (readdirSync(dir, { recursive: true }) as string[])
    // examples/github holds GitHub workflows, not fleet files.
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('github/'))
    .map((f) => join(dir, f))
    .sort();
}

// Kinds after defaults (what the loader hands on) must still validate.
const defaultedServer = {
  kind: 'Server',
  name: 'web2',
  transport: 'ssh',
  host: '2001:db8::2',
  port: 22,
  user: 'aegir',
  hostKey: `${HOST_KEY} root@web2`,
  identity: 'file:/home/ci/.ssh/id_ed25519',
  root: '/var/tide',
  php: { isolation: 'per-site', poolHelper: '/usr/local/sbin/tide-php-pool', poolSocketDir: '/run/php' },
  services: {
    http: {
      type: 'apache',
      port: 80,
      httpsPort: 443,
      configDir: '/etc/apache2/sites-enabled',
      check: 'apachectl configtest',
      reload: 'apachectl graceful',
      sudo: true,
      servedWithin: 10,
      fastcgi: '127.0.0.1:9000',
    },
    db: { type: 'mysql', host: 'db.internal', port: 3306, adminUser: 'tide_admin', grantHosts: ['localhost', '2001:db8::2'] },
  },
} satisfies Server;

const defaultedFleet = {
  kind: 'Fleet',
  name: 'acme-hosting',
  state: { branch: 'tide-state' },
  prune: false,
  autoApply: false,
  concurrency: { total: 8, perServer: 2 },
  ignore: ['platforms/**', 'drafts/*.yaml'],
  maxFileSize: 1048576,
  selfHeal: false,
} satisfies Fleet;

const defaultedPlatform = {
  kind: 'Platform',
  name: 'brochure',
  servers: ['web3'],
  driver: 'static',
  source: { git: 'git@git.example.net:acme/brochure.git', ref: 'a'.repeat(40) },
  docroot: '.',
  commands: {},
} satisfies Platform;

const defaultedSite = {
  kind: 'Site',
  name: 'shop.example.com',
  platform: 'notes-2.0',
  url: 'shop.example.com',
  aliases: [],
  redirectAliases: false,
  status: 'enabled',
  profile: 'standard',
} satisfies Site;

const defaultedClient = { kind: 'Client', name: 'acme' } satisfies Client;

const SHA = '3f2a1c9'.padEnd(40, '0');
const DIGEST = 'ab'.repeat(32);

const samplePlan = {
  formatVersion: 1,
  fleet: 'acme-hosting',
  desired: { commit: SHA, digest: DIGEST },
  state: { branch: 'origin/tide-state', commit: null },
  operations: [
    {
      id: 'server/web1/verify',
      action: 'verify',
      target: { kind: 'server', name: 'web1' },
      server: 'web1',
      reason: 'web1 has never been verified.',
      changes: [],
      dependsOn: [],
      blockers: [],
      warnings: [],
      destructive: false,
    },
    {
      id: 'platform/notes-2.0/deploy@web1',
      action: 'deploy',
      target: { kind: 'platform', name: 'notes-2.0' },
      server: 'web1',
      reason: 'notes-2.0 is not deployed on web1.',
      changes: [{ field: 'source', from: null, to: { path: 'platforms/notes-2.0' } }],
      dependsOn: ['server/web1/verify'],
      blockers: [],
      warnings: [],
      destructive: false,
    },
    {
      id: 'site/blog.example.com/migrate',
      action: 'migrate',
      target: { kind: 'site', name: 'blog.example.com' },
      server: 'web1',
      reason: 'platform changed from notes-1.0 to notes-2.0.',
      changes: [
        { field: 'platform', from: 'notes-1.0', to: 'notes-2.0' },
        { field: 'aliases', from: null, to: ['www.blog.example.com'] },
      ],
      dependsOn: ['platform/notes-2.0/deploy@web1'],
      blockers: [{ code: 'package-schema-downgrade', message: 'notes_core would go from schema 8002 to 8001.' }],
      warnings: ['notes_theme goes from 2.1.0 to 2.0.9 (same schema).'],
      destructive: true,
    },
  ],
  orphans: [
    {
      target: { kind: 'site', name: 'old.example.com' },
      server: 'web2',
      reason: 'its file is gone and prune is false; set status: deleted to delete it.',
    },
    { target: { kind: 'server', name: 'web9' }, server: null, reason: 'no longer in the fleet.' },
  ],
  summary: { operations: 3, byAction: { verify: 1, deploy: 1, migrate: 1 }, blocked: 1, orphans: 2 },
  hash: 'c'.repeat(64),
} satisfies Plan;

const sampleServerState = {
  formatVersion: 1,
  name: 'web1',
  transport: 'ssh',
  host: 'web1.example.net',
  port: 22,
  user: 'aegir',
  hostKey: HOST_KEY,
  root: '/var/tide',
  webGroup: 'www-data',
  services: {
    http: {
      type: 'nginx',
      port: 80,
      httpsPort: 443,
      configDir: '/etc/nginx/sites-enabled',
      check: 'nginx -t',
      reload: 'nginx -s reload',
      sudo: true,
      servedWithin: 10,
      fastcgi: 'unix:/run/php/php8.2-fpm.sock',
    },
    db: { type: 'mariadb', host: '127.0.0.1', port: 3306, adminUser: 'root', grantHosts: ['localhost', '127.0.0.1'] },
  },
  reachable: true,
  versions: { nginx: '1.24.0', php: '8.2.7', mariadb: '10.11.6-MariaDB' },
  verifiedAt: '2025-01-31T12:00:00.000Z',
} satisfies RecordedServer;

const localServerState = {
  formatVersion: 1,
  name: 'local',
  transport: 'local',
  host: undefined,
  port: undefined,
  user: undefined,
  hostKey: undefined,
  root: '/tmp/tide-quickstart',
  webGroup: undefined,
  services: { http: { type: 'none' }, db: { type: 'none' } },
} satisfies RecordedServer;

const samplePlatformState = {
  formatVersion: 1,
  name: 'notes-2.0',
  driver: 'script',
  source: { git: 'https://git.example.net/acme/notes.git', ref: 'v2.0.0' },
  build: 'composer install --no-dev',
  docroot: 'public',
  commands: { install: 'php bin/install.php', update: 'php bin/update.php' },
  deployments: { web1: { commit: SHA, deployedAt: '2025-01-31T12:00:00Z' }, web2: {} },
  packages: [
    { name: 'notes_core', type: 'module', version: '2.0.0', schema: 8002 },
    { name: 'notes_theme', type: 'theme', version: '2.0.0', schema: null },
  ],
} satisfies RecordedPlatform;

const sampleSiteState = {
  formatVersion: 1,
  name: 'blog.example.com',
  platform: 'notes-2.0',
  server: 'web1',
  url: 'blog.example.com',
  aliases: ['www.blog.example.com'],
  redirectAliases: true,
  https: { certificate: '/etc/ssl/blog.pem', key: '/etc/ssl/blog.key', required: true },
  status: 'enabled',
  client: 'acme',
  profile: 'standard',
  cron: '1h',
  backupPolicy: { every: '1d', keep: 7 },
  vars: { title: 'My blog' },
  db: { name: 'blog_example_com', user: 'blog_example_com' },
  packages: [{ name: 'notes_core', type: 'module', version: '2.0.0', schema: 8002, enabled: true }],
  backups: [
    {
      id: '20250131T120000Z',
      path: '/var/tide/backups/blog.example.com/20250131T120000Z.tar.gz',
      at: '2025-01-31T12:00:00.000Z',
      size: 1048576,
      sha256: DIGEST,
    },
  ],
  generation: 3,
} satisfies RecordedSite;

type Expected = { instancePath: string; keyword: string; params?: Record<string, unknown> };

// ---------------------------------------------------------------------------

describe('schemas/', () => {
  it('holds every expected schema', () => {
    expect(schemaFiles).toEqual([
      'client.schema.json',
      'defs.schema.json',
      'fleet-file.schema.json',
      'fleet.schema.json',
      'plan.schema.json',
      'platform.schema.json',
      'server.schema.json',
      'site.schema.json',
      'state-deleted-site.schema.json',
      'state-operation.schema.json',
      'state-platform.schema.json',
      'state-running.schema.json',
      'state-server.schema.json',
      'state-site.schema.json',
    ]);
  });

  it('compiles every schema under ajv strict mode', () => {
    const fresh = makeAjv();
    for (const file of schemaFiles) {
      expect(() => fresh.getSchema(BASE + file), file).not.toThrow();
      expect(fresh.getSchema(BASE + file), file).toBeTypeOf('function');
    }
  });

  it('gives every file $schema, its own $id, a title and a description', () => {
    for (const [file, schema] of schemas) {
      expect(schema.$schema, file).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.$id, file).toBe(BASE + file);
      expect(schema.title, file).toBeTypeOf('string');
      expect(schema.description, file).toBeTypeOf('string');
    }
  });

  it('describes every property, item and definition', () => {
    const missing = allNodes
      .filter((v) => !v.inIf && ['properties', 'definitions', 'items', 'additionalProperties', 'propertyNames'].includes(v.via))
      .filter((v) => typeof v.node.description !== 'string' || v.node.description.trim() === '')
      .map((v) => `${v.file}#${v.pointer}`);
    expect(missing).toEqual([]);
  });

  it('closes every object with additionalProperties: false (maps give a value schema)', () => {
    const open = allNodes
      .filter((v) => !v.inCondition && v.node.type === 'object')
      .filter((v) => !(v.file === 'fleet-file.schema.json' && v.pointer === '')) // its allOf/then branches close it
      .filter((v) => {
        const ap = v.node.additionalProperties;
        if (isObject(v.node.properties)) return ap !== false;
        if (Array.isArray(v.node.oneOf)) return false; // a union of closed objects
        return !isObject(ap);
      })
      .map((v) => `${v.file}#${v.pointer}`);
    expect(open).toEqual([]);
  });

  it('states a type wherever a type-specific keyword is used', () => {
    const untyped = allNodes
      .filter((v) => !v.inIf && v.node.type === undefined && TYPED_KEYWORDS.some((k) => k in v.node))
      .map((v) => `${v.file}#${v.pointer}`);
    expect(untyped).toEqual([]);
  });

  it('keeps every pattern in defs.schema.json, described by a phrase that reads after "must be "', () => {
    const patterned = allNodes.filter((v) => 'pattern' in v.node);
    expect(patterned.length).toBeGreaterThan(10);
    for (const v of patterned) {
      const where = `${v.file}#${v.pointer}`;
      expect(v.file, where).toBe('defs.schema.json');
      expect(v.pointer, where).toMatch(/^\/definitions\/[A-Za-z0-9]+$/);
      const description = v.node.description;
      expect(description, where).toBeTypeOf('string');
      expect(description as string, where).toMatch(/^(a|an|null) /);
      expect(description as string, where).not.toMatch(/\.$/);
    }
  });

  it('gives defaults that satisfy their own schema', () => {
    const withDefault = allNodes.filter((v) => 'default' in v.node);
    expect(withDefault.length).toBeGreaterThan(15);
    for (const v of withDefault) {
      const check = ajv.getSchema(`${BASE}${v.file}#${v.pointer}`);
      expect(check, `${v.file}#${v.pointer}`).toBeTypeOf('function');
      expect(check!(v.node.default), `${v.file}#${v.pointer} default`).toBe(true);
    }
  });

  it('lists exactly the fields of the TypeScript types', () => {
    expect(keysMatchTypes.every(Boolean)).toBe(true);
    const sorted = (keys: readonly string[]) => [...keys].sort();
    expect(propertyKeys('fleet.schema.json', [])).toEqual(sorted(fleetKeys));
    expect(propertyKeys('server.schema.json', [])).toEqual(sorted(serverKeys));
    expect(propertyKeys('server.schema.json', ['services', 'http'])).toEqual(sorted(httpKeys));
    expect(propertyKeys('server.schema.json', ['services', 'db'])).toEqual(sorted(dbKeys));
    expect(propertyKeys('platform.schema.json', [])).toEqual(sorted(platformKeys));
    expect(propertyKeys('platform.schema.json', ['commands'])).toEqual(sorted(commandKeys));
    expect(propertyKeys('site.schema.json', [])).toEqual(sorted(siteKeys));
    expect(propertyKeys('site.schema.json', ['https'])).toEqual(sorted(httpsKeys));
    expect(propertyKeys('client.schema.json', [])).toEqual(sorted(clientKeys));
    expect(propertyKeys('plan.schema.json', [])).toEqual(sorted(planKeys));
    expect(propertyKeys('plan.schema.json', ['summary'])).toEqual(sorted(summaryKeys));
    expect(propertyKeys('plan.schema.json', ['summary', 'byAction'])).toEqual(sorted(actions));
    const planDefs = schemas.get('plan.schema.json')!.definitions as SchemaNode;
    const keysOfDef = (name: string) => Object.keys((planDefs[name] as SchemaNode).properties as SchemaNode).sort();
    expect(keysOfDef('operation')).toEqual(sorted(operationKeys));
    expect(keysOfDef('orphan')).toEqual(sorted(orphanKeys));
    expect(keysOfDef('fieldChange')).toEqual(sorted(changeKeys));
    expect(keysOfDef('blocker')).toEqual(sorted(blockerKeys));
    expect(keysOfDef('removal')).toEqual(sorted(removalKeys));
    expect(propertyKeys('state-operation.schema.json', [])).toEqual(sorted(operationRecordKeys));
    const taskItem = ((schemas.get('state-operation.schema.json')!.properties as SchemaNode).tasks as SchemaNode).items as SchemaNode;
    expect(Object.keys(taskItem.properties as SchemaNode).sort()).toEqual(sorted(taskRecordKeys));
    expect((planDefs.action as SchemaNode).enum).toEqual([...actions]);
    expect(propertyKeys('state-server.schema.json', [])).toEqual(sorted(recordedServerKeys));
    expect(propertyKeys('state-platform.schema.json', [])).toEqual(sorted(recordedPlatformKeys));
    expect(propertyKeys('state-site.schema.json', [])).toEqual(sorted(recordedSiteKeys));
    const defs = schemas.get('defs.schema.json')!.definitions as SchemaNode;
    expect(Object.keys((defs.package as SchemaNode).properties as SchemaNode).sort()).toEqual(sorted(packageKeys));
    const backupItem = ((schemas.get('state-site.schema.json')!.properties as SchemaNode).backups as SchemaNode)
      .items as SchemaNode;
    expect(Object.keys(backupItem.properties as SchemaNode).sort()).toEqual(sorted(backupKeys));
  });
});

describe('fleet documents', () => {
  it("accepts DESIGN.md's example, through fleet-file and through each kind's schema", () => {
    const docs = designDocs();
    expect(docs.map((d) => d.kind)).toEqual(['Fleet', 'Server', 'Platform', 'Site', 'Client']);
    for (const doc of docs) {
      expect(errorsOf('fleet-file.schema.json', doc).map(describeError), String(doc.kind)).toEqual([]);
      expect(errorsOf(KIND_FILES[String(doc.kind)]!, doc).map(describeError), String(doc.kind)).toEqual([]);
    }
  });

  it('accepts every document under examples/', () => {
    const files = exampleYamlFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const doc of loadAll(readFileSync(file, 'utf8'))) {
        expect(errorsOf('fleet-file.schema.json', doc).map(describeError), file).toEqual([]);
      }
    }
  });

  it('accepts the kinds after defaults are applied', () => {
    expect(errorsOf('fleet.schema.json', defaultedFleet)).toEqual([]);
    expect(errorsOf('server.schema.json', defaultedServer)).toEqual([]);
    expect(errorsOf('platform.schema.json', defaultedPlatform)).toEqual([]);
    expect(errorsOf('site.schema.json', defaultedSite)).toEqual([]);
    expect(errorsOf('client.schema.json', defaultedClient)).toEqual([]);
  });

  it('accepts minimal documents that lean on defaults', () => {
    const minimal: [string, unknown][] = [
      ['fleet.schema.json', { kind: 'Fleet', name: 'acme' }],
      ['server.schema.json', { kind: 'Server', name: 'local', transport: 'local' }],
      ['server.schema.json', { kind: 'Server', name: 'web1', host: '192.0.2.10', hostKey: HOST_KEY }],
      ['platform.schema.json', { kind: 'Platform', name: 'p', servers: ['local'], driver: 'static', source: { path: 'p' } }],
      ['platform.schema.json', { kind: 'Platform', name: 'd10', servers: ['w'], driver: 'drupal', source: { git: 'https://x/y.git', ref: '10.3.1' } }],
      ['site.schema.json', { kind: 'Site', name: 'a.example', platform: 'p' }],
      ['site.schema.json', { kind: 'Site', name: 'localhost', platform: 'p' }],
      ['client.schema.json', { kind: 'Client', name: 'acme', quota: { sites: 0 } }],
    ];
    for (const [file, doc] of minimal) {
      expect(errorsOf(file, doc).map(describeError), JSON.stringify(doc)).toEqual([]);
      expect(errorsOf('fleet-file.schema.json', doc).map(describeError), JSON.stringify(doc)).toEqual([]);
    }
  });

  const site = () => designDoc('Site');
  const server = () => designDoc('Server');
  const platform = () => designDoc('Platform');
  const fleet = () => designDoc('Fleet');
  const services = (s: SchemaNode) => s.services as { http: SchemaNode; db: SchemaNode };

  const bad: [string, string, SchemaNode, Expected][] = [
    ['site name with "/"', 'site.schema.json', { ...site(), name: 'blog/example.com' }, { instancePath: '/name', keyword: 'pattern' }],
    ['site name with ";"', 'site.schema.json', { ...site(), name: 'blog.example.com;rm -rf /' }, { instancePath: '/name', keyword: 'pattern' }],
    ['site name in upper case', 'site.schema.json', { ...site(), name: 'Blog.example.com' }, { instancePath: '/name', keyword: 'pattern' }],
    ['site name with a leading dot', 'site.schema.json', { ...site(), name: '.example.com' }, { instancePath: '/name', keyword: 'pattern' }],
    ['alias with a space', 'site.schema.json', { ...site(), aliases: ['www example.com'] }, { instancePath: '/aliases/0', keyword: 'pattern' }],
    ['duplicate aliases', 'site.schema.json', { ...site(), aliases: ['a.example', 'a.example'] }, { instancePath: '/aliases', keyword: 'uniqueItems' }],
    ['unknown status', 'site.schema.json', { ...site(), status: 'removed' }, { instancePath: '/status', keyword: 'enum' }],
    ['cron without a unit', 'site.schema.json', { ...site(), cron: '60' }, { instancePath: '/cron', keyword: 'pattern' }],
    ['cron of zero', 'site.schema.json', { ...site(), cron: '0h' }, { instancePath: '/cron', keyword: 'pattern' }],
    ['backups without keep', 'site.schema.json', { ...site(), backups: { every: '1d' } }, { instancePath: '/backups', keyword: 'required', params: { missingProperty: 'keep' } }],
    ['backups keeping none', 'site.schema.json', { ...site(), backups: { every: '1d', keep: 0 } }, { instancePath: '/backups/keep', keyword: 'minimum' }],
    ['https without key', 'site.schema.json', { ...site(), https: { certificate: '/etc/ssl/a.pem' } }, { instancePath: '/https', keyword: 'required', params: { missingProperty: 'key' } }],
    ['relative certificate path', 'site.schema.json', { ...site(), https: { certificate: 'a.pem', key: '/k' } }, { instancePath: '/https/certificate', keyword: 'pattern' }],
    ['certificate path escaping with ..', 'site.schema.json', { ...site(), https: { certificate: '/etc/../root/a.pem', key: '/k' } }, { instancePath: '/https/certificate', keyword: 'pattern' }],
    ['site without platform', 'site.schema.json', { kind: 'Site', name: 'a.example' }, { instancePath: '', keyword: 'required', params: { missingProperty: 'platform' } }],
    ['misspelt site field', 'site.schema.json', { ...site(), alias: ['x.example'] }, { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'alias' } }],
    ['inline adminPassword', 'server.schema.json', (() => { const s = server(); services(s).db.adminPassword = 'hunter2'; return s; })(), { instancePath: '/services/db/adminPassword', keyword: 'pattern' }],
    ['inline identity path', 'server.schema.json', { ...server(), identity: '/home/me/.ssh/id_ed25519' }, { instancePath: '/identity', keyword: 'pattern' }],
    ['ssh server without hostKey', 'server.schema.json', (() => { const s = server(); delete s.hostKey; return s; })(), { instancePath: '', keyword: 'required', params: { missingProperty: 'hostKey' } }],
    ['server without transport or host', 'server.schema.json', { kind: 'Server', name: 'web1', hostKey: HOST_KEY }, { instancePath: '', keyword: 'required', params: { missingProperty: 'host' } }],
    ["the design's placeholder host key", 'server.schema.json', { ...server(), hostKey: 'ssh-ed25519 AAAA...' }, { instancePath: '/hostKey', keyword: 'pattern' }],
    ['host key of an unknown type', 'server.schema.json', { ...server(), hostKey: `ssh-dss AAAAB3NzaC1kc3M=` }, { instancePath: '/hostKey', keyword: 'pattern' }],
    ['unknown property "prot" on Server', 'server.schema.json', { ...server(), prot: 2222 }, { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'prot' } }],
    ['port out of range', 'server.schema.json', { ...server(), port: 70000 }, { instancePath: '/port', keyword: 'maximum' }],
    ['port as a string', 'server.schema.json', { ...server(), port: '22' }, { instancePath: '/port', keyword: 'type' }],
    ['user with a shell character', 'server.schema.json', { ...server(), user: 'aegir;id' }, { instancePath: '/user', keyword: 'pattern' }],
    ['host with a space', 'server.schema.json', { ...server(), host: 'web1 example' }, { instancePath: '/host', keyword: 'pattern' }],
    ['relative root', 'server.schema.json', { ...server(), root: 'var/tide' }, { instancePath: '/root', keyword: 'pattern' }],
    ['unknown http type', 'server.schema.json', (() => { const s = server(); services(s).http.type = 'caddy'; return s; })(), { instancePath: '/services/http/type', keyword: 'enum' }],
    ['fastcgi with a space', 'server.schema.json', (() => { const s = server(); services(s).http.fastcgi = 'unix:/run/php fpm.sock'; return s; })(), { instancePath: '/services/http/fastcgi', keyword: 'pattern' }],
    ['unknown service field', 'server.schema.json', (() => { const s = server(); services(s).db.password = 'env:X'; return s; })(), { instancePath: '/services/db', keyword: 'additionalProperties', params: { additionalProperty: 'password' } }],
    ['script platform without commands.install', 'platform.schema.json', { ...platform(), commands: { update: 'php bin/update.php' } }, { instancePath: '/commands', keyword: 'required', params: { missingProperty: 'install' } }],
    ['script platform without commands', 'platform.schema.json', (() => { const p = platform(); delete p.commands; return p; })(), { instancePath: '', keyword: 'required', params: { missingProperty: 'commands' } }],
    ['platform on no server', 'platform.schema.json', { ...platform(), servers: [] }, { instancePath: '/servers', keyword: 'minItems' }],
    ['platform on the same server twice', 'platform.schema.json', { ...platform(), servers: ['web1', 'web1'] }, { instancePath: '/servers', keyword: 'uniqueItems' }],
    ['unknown driver', 'platform.schema.json', { ...platform(), driver: 'wordpress' }, { instancePath: '/driver', keyword: 'enum' }],
    ['source with path and git', 'platform.schema.json', { ...platform(), source: { path: 'p', git: 'https://x/y.git', ref: 'v1' } }, { instancePath: '/source', keyword: 'oneOf' }],
    ['git source without ref', 'platform.schema.json', { ...platform(), source: { git: 'https://x/y.git' } }, { instancePath: '/source', keyword: 'required', params: { missingProperty: 'ref' } }],
    ['source path climbing out with ..', 'platform.schema.json', { ...platform(), source: { path: 'platforms/../../etc' } }, { instancePath: '/source/path', keyword: 'pattern' }],
    ['absolute source path', 'platform.schema.json', { ...platform(), source: { path: '/srv/notes' } }, { instancePath: '/source/path', keyword: 'pattern' }],
    ['git ref that looks like an option', 'platform.schema.json', { ...platform(), source: { git: 'https://x/y.git', ref: '--upload-pack=touch' } }, { instancePath: '/source/ref', keyword: 'pattern' }],
    ['docroot climbing out', 'platform.schema.json', { ...platform(), docroot: '..' }, { instancePath: '/docroot', keyword: 'pattern' }],
    ['empty install command', 'platform.schema.json', { ...platform(), commands: { install: '' } }, { instancePath: '/commands/install', keyword: 'minLength' }],
    ['fleet concurrency of zero', 'fleet.schema.json', { ...fleet(), concurrency: { total: 0 } }, { instancePath: '/concurrency/total', keyword: 'minimum' }],
    ['state branch starting with "-"', 'fleet.schema.json', { ...fleet(), state: { branch: '-x' } }, { instancePath: '/state/branch', keyword: 'pattern' }],
    ['prune as a string', 'fleet.schema.json', { ...fleet(), prune: 'yes' }, { instancePath: '/prune', keyword: 'type' }],
    ['negative quota', 'client.schema.json', { kind: 'Client', name: 'acme', quota: { sites: -1 } }, { instancePath: '/quota/sites', keyword: 'minimum' }],
    ['client name with a space', 'client.schema.json', { kind: 'Client', name: 'acme corp' }, { instancePath: '/name', keyword: 'pattern' }],
    ['unknown kind', 'fleet-file.schema.json', { kind: 'Sites', name: 'a.example' }, { instancePath: '/kind', keyword: 'enum' }],
    ['document without kind', 'fleet-file.schema.json', { name: 'a.example' }, { instancePath: '', keyword: 'required', params: { missingProperty: 'kind' } }],
    ["a Server field on a Site", 'fleet-file.schema.json', { kind: 'Site', name: 'a.example', platform: 'p', host: 'x' }, { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'host' } }],
    ['a Site checked as a Site through fleet-file', 'fleet-file.schema.json', { ...site(), name: 'a;b' }, { instancePath: '/name', keyword: 'pattern' }],
  ];

  it.each(bad)('rejects %s', (_title, file, doc, expected) => {
    const errors = errorsOf(file, doc);
    expect(errors).toContainEqual(
      expect.objectContaining({
        instancePath: expected.instancePath,
        keyword: expected.keyword,
        ...(expected.params ? { params: expect.objectContaining(expected.params) } : {}),
      }),
    );
  });

  it('reads well when a loader prints pattern errors with the definition description', () => {
    const s = server();
    services(s).db.adminPassword = 'hunter2';
    const messages = errorsOf('fleet-file.schema.json', { ...s, name: 'Web 1' }).map(describeError);
    expect(messages).toContain(
      "/name must be a lower-case name of up to 64 letters, digits, '.', '_' or '-' that starts and ends with a letter or digit (it becomes a path and a shell argument)",
    );
    expect(messages).toContain(
      '/services/db/adminPassword must be a secret reference, env:NAME (an environment variable) or file:PATH (a file tide reads), because secrets are never written inline in the fleet repository',
    );
    const siteMessages = errorsOf('site.schema.json', { ...site(), cron: 'hourly' }).map(describeError);
    expect(siteMessages).toEqual([
      '/cron must be a duration such as 30m, 1h, 1d or 2w (a whole number followed by m for minutes, h for hours, d for days or w for weeks)',
    ]);
  });

  it('reports every error at once', () => {
    const errors = errorsOf('site.schema.json', { kind: 'Site', name: 'A/B', platform: 'P', status: 'gone', extra: 1 });
    expect(new Set(errors.map((e) => `${e.instancePath}:${e.keyword}`))).toEqual(
      new Set(['/name:pattern', '/platform:pattern', '/status:enum', ':additionalProperties']),
    );
  });
});

describe('plan and state documents', () => {
  it('accepts a plan with every kind of field', () => {
    expect(errorsOf('plan.schema.json', samplePlan).map(describeError)).toEqual([]);
    const empty = {
      ...samplePlan,
      desired: { commit: null, digest: DIGEST },
      operations: [],
      orphans: [],
      summary: { operations: 0, byAction: {}, blocked: 0, orphans: 0 },
    };
    expect(errorsOf('plan.schema.json', empty).map(describeError)).toEqual([]);
  });

  it('rejects malformed plans', () => {
    const cases: [unknown, Expected][] = [
      [{ ...samplePlan, formatVersion: 2 }, { instancePath: '/formatVersion', keyword: 'const' }],
      [{ ...samplePlan, hash: 'ABC' }, { instancePath: '/hash', keyword: 'pattern' }],
      [{ ...samplePlan, desired: { commit: 'main', digest: DIGEST } }, { instancePath: '/desired/commit', keyword: 'pattern' }],
      [{ ...samplePlan, operations: [{ ...samplePlan.operations[0], action: 'reboot' }] }, { instancePath: '/operations/0/action', keyword: 'enum' }],
      [{ ...samplePlan, operations: [{ ...samplePlan.operations[0], id: 'web1 verify' }] }, { instancePath: '/operations/0/id', keyword: 'pattern' }],
      [{ ...samplePlan, operations: [{ ...samplePlan.operations[0], extra: true }] }, { instancePath: '/operations/0', keyword: 'additionalProperties' }],
      [{ ...samplePlan, summary: { ...samplePlan.summary, byAction: { reboot: 1 } } }, { instancePath: '/summary/byAction', keyword: 'additionalProperties' }],
      [{ ...samplePlan, orphans: [{ target: { kind: 'client', name: 'acme' }, server: null, reason: 'x' }] }, { instancePath: '/orphans/0/target/kind', keyword: 'enum' }],
    ];
    for (const [doc, expected] of cases) {
      expect(errorsOf('plan.schema.json', doc), JSON.stringify(expected)).toContainEqual(expect.objectContaining(expected));
    }
  });

  it('accepts recorded state files', () => {
    expect(errorsOf('state-server.schema.json', sampleServerState).map(describeError)).toEqual([]);
    expect(errorsOf('state-server.schema.json', localServerState).map(describeError)).toEqual([]);
    expect(errorsOf('state-platform.schema.json', samplePlatformState).map(describeError)).toEqual([]);
    expect(errorsOf('state-site.schema.json', sampleSiteState).map(describeError)).toEqual([]);
  });

  it('rejects malformed state files', () => {
    const cases: [string, unknown, Expected][] = [
      ['state-site.schema.json', { ...sampleSiteState, status: 'deleted' }, { instancePath: '/status', keyword: 'enum' }],
      ['state-site.schema.json', { ...sampleSiteState, db: { name: 'blog;drop', user: 'u' } }, { instancePath: '/db/name', keyword: 'pattern' }],
      ['state-site.schema.json', { ...sampleSiteState, db: { name: 'b', user: 'u', password: 'x' } }, { instancePath: '/db', keyword: 'additionalProperties' }],
      ['state-site.schema.json', { ...sampleSiteState, generation: -1 }, { instancePath: '/generation', keyword: 'minimum' }],
      ['state-platform.schema.json', { ...samplePlatformState, deployments: { 'Web 1': {} } }, { instancePath: '/deployments', keyword: 'propertyNames' }],
      ['state-server.schema.json', { ...sampleServerState, verifiedAt: 'yesterday' }, { instancePath: '/verifiedAt', keyword: 'pattern' }],
      ['state-server.schema.json', { ...sampleServerState, formatVersion: 2 }, { instancePath: '/formatVersion', keyword: 'const' }],
    ];
    for (const [file, doc, expected] of cases) {
      expect(errorsOf(file, doc), `${file} ${JSON.stringify(expected)}`).toContainEqual(expect.objectContaining(expected));
    }
  });
});

describe('what tide writes matches the schemas', () => {
  function documentedFleetDocs(): SchemaNode[] {
    return [...designDocs(), ...exampleYamlFiles().flatMap((f) => loadAll(readFileSync(f, 'utf8')) as SchemaNode[])];
  }

  it('accepts the state records of every documented server, platform and site', () => {
    let checked = 0;
    for (const doc of documentedFleetDocs()) {
      const head = { formatVersion: STATE_FORMAT_VERSION, name: String(doc.name) };
      let file: string;
      let record: object;
      if (doc.kind === 'Server') {
        file = 'state-server.schema.json';
        record = { ...head, ...serverSpec(withServerDefaults(doc)), reachable: true };
      } else if (doc.kind === 'Platform') {
        file = 'state-platform.schema.json';
        record = { ...head, ...platformSpec(withPlatformDefaults(doc)), deployments: { web1: {} } };
      } else if (doc.kind === 'Site') {
        file = 'state-site.schema.json';
        record = { ...head, ...siteSpec(withSiteDefaults(doc), 'web1'), generation: 1 };
      } else continue;
      const json: unknown = JSON.parse(JSON.stringify(record));
      expect(errorsOf(file, json).map(describeError), `${String(doc.kind)} ${head.name}`).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('accepts the JSON plan of each example fleet against empty state', () => {
    for (const example of ['quickstart', 'multi-server']) {
      const dir = join(ROOT, 'examples', example);
      const files = (readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => ({ path: f.split('\\').join('/'), text: readFileSync(join(dir, f), 'utf8') }));
      const desired = loadFleet({ files, commit: null, origin: dir });
      const json: unknown = JSON.parse(JSON.stringify(plan(desired, emptyRecordedState('tide-state'))));
      expect(errorsOf('plan.schema.json', json).map(describeError), example).toEqual([]);
      expect((json as Plan).operations.length, example).toBeGreaterThan(0);
    }
  });
});
