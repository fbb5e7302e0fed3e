// Property: whatever a pull request does to valid fleet files, load +
// validate + plan either succeed or report typed errors that each point at a
// file:line:column, with short messages, and nothing connects anywhere.
//
// Cases start from the example fleets and the planner tests' fleet and
// mutate one file: text edits (hostile YAML tokens, cut, duplicated or
// swapped lines, raw bytes that are not UTF-8) or value edits (a value
// replaced by an arbitrary one, a key removed or added) written back as YAML.
// fast-check generates them and, on a failure, shrinks it to a small case and
// prints the seed to replay it.
//
// `npm test` runs 2,000 cases; `npm run bench:fuzz` runs 100,000
// (TIDE_FUZZ_RUNS sets the number, TIDE_FUZZ_SEED replays a seed).

import { ChildProcess } from 'node:child_process';
import dns from 'node:dns';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FleetInvalidError } from '../../src/errors.js';
import { loadFleet } from '../../src/model/loader.js';
import { findAliasProblem } from '../../src/model/yaml-aliases.js';
import type { DesiredState } from '../../src/model/kinds.js';
import { plan } from '../../src/plan/planner.js';
import { decodeFleetFile, type FleetFile } from '../../src/repo/files.js';
import { emptyRecordedState, type RecordedState } from '../../src/state/types.js';
import { appliedState, BASE, files as fleetFiles } from '../helpers/fleet.js';

const RUNS = Number(process.env.TIDE_FUZZ_RUNS ?? 2000);
const SEED = process.env.TIDE_FUZZ_SEED === undefined ? undefined : Number(process.env.TIDE_FUZZ_SEED);
const MAX_MESSAGE = 600;

// ---- the fleets cases start from ----------------------------------------

interface BaseFleet {
  name: string;
  files: FleetFile[];
  /** Recorded state as if the unmutated fleet had been applied: plans then diff against something. */
  applied: RecordedState;
}

function readFleetDir(root: string): FleetFile[] {
  const out: FleetFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml')) out.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function loadFiles(list: FleetFile[]): DesiredState {
  return loadFleet({ files: list, commit: null, origin: 'fuzz' }, { defaultName: 'fuzz' });
}

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const BASES: BaseFleet[] = [
  ...readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(EXAMPLES, entry.name, 'tide.yaml')))
    .map(({ name }) => ({ name, files: readFleetDir(join(EXAMPLES, name)) })),
  { name: 'planner tests', files: fleetFiles(BASE) },
].map((b) => ({ ...b, applied: appliedState(loadFiles(b.files)), [fc.toStringMethod]: () => b.name }));

// ---- mutations ------------------------------------------------------------

/** Text that YAML, the schemas or a shell treat specially. */
const TOKENS = [
  '&a ', '*a', '&b [*a, *a, *a, *a]', '<<: *a\n', '<<: [*a, *b]\n', '---\n', '...\n', '%YAML 1.1\n---\n', '%TAG ! tag:x,2000:\n',
  '!!binary ', '!!js/function ', '!!python/object ', '!!set ', '!!omap ', '!<tag:yaml.org,2002:str> ', '!local ',
  '? ', '- ', ': ', '{', '}', '[', ']', ',', '"', "'", '#', '|', '>-', '\t', '\r', '\r\n', '\n', '  ', '\u00a0', '\ufeff',
  '\u2028', '\u001b[31m', '\u0000', '\\', '~', 'null', 'true', 'no', '1e999', '0x1F', '-1', '0', '2024-01-01', '.nan', '.inf',
  'env:TIDE_DB_PASSWORD', 'file:/etc/shadow', 'hunter2', '../../..', '/etc/passwd', '$(reboot)', '`id`', '; rm -rf /', '{{password}}',
  '{{db.password}}', 'é', '😀', 'ß'.repeat(300), 'x'.repeat(5000), 'kind: Site\nname: z.example.com\nplatform: notes-1.0\n',
  'kind: Client\nname: acme\n', 'kind: Fleet\nname: again\n', 'status: deleted\n', 'prune: true\n', 'cloneFrom: z.example.com\n',
  'servers: [nope]\n', 'platform: nope\n', 'aliases: [www.z.example.com, *a]\n', 'quota: { sites: 0 }\n',
];

/** A small alias bomb, as a key a document can carry. */
const BOMB = `bomb:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n${[1, 2, 3, 4, 5, 6]
  .map((i) => `  l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`)
  .join('\n')}\n`;

type Mutation = (text: string) => string;

const at = (text: string, f: number) => Math.floor(f * (text.length + 1));
const lines = (text: string) => text.split('\n');

const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TOKENS, BOMB)).map(([f, token]) => (t: string) =>
    t.slice(0, at(t, f)) + token + t.slice(at(t, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 8 })).map(([f, s]) => (t: string) =>
    t.slice(0, at(t, f)) + s + t.slice(at(t, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 })).map(([f, n]) => (t: string) =>
    t.slice(0, at(t, f)) + t.slice(at(t, f) + n)),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (t: string) => {
    const l = lines(t);
    const [a, b] = [i % l.length, j % l.length];
    [l[a], l[b]] = [l[b]!, l[a]!];
    return l.join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 })).map(([i, times]) => (t: string) => {
    const l = lines(t);
    const k = i % l.length;
    return [...l.slice(0, k), ...Array(times).fill(l[k]), ...l.slice(k)].join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([i, shift]) => (t: string) => {
    const l = lines(t);
    const k = i % l.length;
    l[k] = shift > 0 ? ' '.repeat(shift) + l[k] : l[k]!.replace(new RegExp(`^ {0,${-shift}}`), '');
    return l.join('\n');
  }),
);

/** Bytes with the high bit set, somewhere in the encoded file: mostly not UTF-8. */
const rawBytes = fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 4 }).map((b) => b.map((x) => x | 0x80))), { freq: 8 });

type Path = (string | number)[];

/** Every path into a document; a YAML `!!binary` (Uint8Array) or `!!timestamp` (Date) is one value, not a container to edit inside. */
function paths(value: unknown, prefix: Path = []): Path[] {
  const container = typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
  if (!container) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

/** Edits one value of one document and writes the file back as YAML (text edits for files that do not parse). */
const valueMutation: fc.Arbitrary<Mutation> = fc
  .tuple(fc.nat(), fc.nat(), fc.oneof(
    fc.constant({ op: 'delete' as const }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => ({ op: 'set' as const, value })),
    fc.constantFrom('', 'x'.repeat(300), '-rf', '../x', 'a b', 'UPPER', 'www.example.com', 'env:X', 'hunter2', 0, -1, 1e9, 65536, true, null, [], {})
      .map((value) => ({ op: 'set' as const, value })),
    fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) => ({ op: 'add' as const, key, value })),
  ))
  .map(([d, p, edit]) => (text: string) => {
    let docs: unknown[];
    try {
      docs = [];
      for (const chunk of text.split(/^---$/m)) docs.push(load(chunk));
    } catch {
      return text;
    }
    // A walk over aliases that expand too far (or loop) would never end: edit those as text only.
    if (docs.some((doc) => findAliasProblem(doc))) return text;
    const doc = docs[d % docs.length];
    const all = paths(doc);
    const path = all[p % all.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, k) => node?.[k], doc);
    const key = path.at(-1);
    try {
      // An edit JavaScript refuses (an array's `length` set to a string) leaves the file as it was.
      if (edit.op === 'add' && typeof doc === 'object' && doc !== null) (path.length === 0 ? (doc as any) : parent ?? doc)[edit.key] = edit.value;
      else if (key === undefined) docs[d % docs.length] = edit.op === 'set' ? edit.value : null;
      else if (edit.op === 'delete') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
      else if (edit.op === 'set') parent[key] = edit.value;
      return docs.map((x) => dump(x)).join('---\n');
    } catch {
      return text;
    }
  });

interface Case {
  base: BaseFleet;
  file: number;
  mutations: Mutation[];
  bytes: [number, Uint8Array] | null;
  /** Plan against the state the unmutated fleet left (true) or against nothing applied yet. */
  applied: boolean;
}

const cases: fc.Arbitrary<Case> = fc.record({
  base: fc.constantFrom(...BASES),
  file: fc.nat(),
  mutations: fc.array(fc.oneof({ arbitrary: textMutation, weight: 3 }, { arbitrary: valueMutation, weight: 2 }), { minLength: 1, maxLength: 4 }),
  bytes: rawBytes,
  applied: fc.boolean(),
});

function mutate({ base, file, mutations, bytes }: Case): FleetFile[] {
  const index = file % base.files.length;
  const text = mutations.reduce((t, m) => m(t), base.files[index]!.text);
  let raw: Uint8Array = Buffer.from(text);
  if (bytes) {
    const cut = Math.floor(bytes[0] * raw.length);
    raw = Buffer.concat([raw.subarray(0, cut), bytes[1], raw.subarray(cut)]);
  }
  return base.files.map((f, i) => (i === index ? decodeFleetFile(f.path, raw) : f));
}

// ---- nothing may connect --------------------------------------------------

const attempts: string[] = [];

beforeAll(() => {
  const record = (what: string) => () => {
    attempts.push(`${what}\n${new Error().stack}`);
    throw new Error(`${what} during a fuzz case`);
  };
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(record('socket connect'));
  vi.spyOn(dns, 'lookup').mockImplementation(record('DNS lookup'));
  // Every child process (spawn, exec, execa) starts through ChildProcess#spawn.
  vi.spyOn(ChildProcess.prototype as unknown as { spawn: () => void }, 'spawn').mockImplementation(record('child process'));
});

afterAll(() => {
  vi.restoreAllMocks();
});

// ---- the property ---------------------------------------------------------

/** Throws unless the case loads and plans, or fails with a FleetInvalidError whose every problem is placed. */
function check(list: FleetFile[], c: Case): void {
  let desired: DesiredState;
  try {
    desired = loadFiles(list);
  } catch (error) {
    if (!(error instanceof FleetInvalidError)) throw new Error(`not a FleetInvalidError: ${String((error as Error)?.stack ?? error)}`);
    if (error.diagnostics.length === 0) throw new Error('a FleetInvalidError without problems');
    for (const d of error.diagnostics) {
      const text = list.find((f) => f.path === d.file)?.text;
      const where = `${d.file}:${d.line}:${d.column}: ${d.message.slice(0, 300)}`;
      if (text === undefined) throw new Error(`${where}: not a fleet file`);
      if (!Number.isInteger(d.line) || d.line < 1 || d.line > text.split('\n').length) throw new Error(`${where}: line outside the file ${JSON.stringify(text.slice(0, 3000))}`);
      if (!Number.isInteger(d.column) || d.column < 1) throw new Error(`${where}: no column`);
      if (d.message.length > MAX_MESSAGE) throw new Error(`${where}: a message of ${d.message.length} characters`);
    }
    return;
  }
  plan(desired, c.applied ? c.base.applied : emptyRecordedState(desired.fleet.state.branch));
}

describe('fleet files mutated at random', () => {
  it('the example fleets and the test fleet load unchanged', () => {
    for (const base of BASES) expect(() => loadFiles(base.files), base.name).not.toThrow();
  });

  it('the guard notices a connection attempt', () => {
    const before = attempts.length;
    expect(() => net.connect(9, '127.0.0.1')).toThrow(/socket connect during a fuzz case/);
    expect(attempts.length).toBe(before + 1);
    attempts.length = before;
  });

  it(`${RUNS} cases: typed errors at file:line:column, or a plan; nothing connects`, () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    fc.assert(fc.property(cases, (c) => check(mutate(c), c)), { numRuns: RUNS, seed: SEED });
    expect(attempts).toEqual([]);
    const used = process.cpuUsage(cpu);
    console.info(`fleet fuzz: ${RUNS} cases in ${((performance.now() - started) / 1000).toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} s of CPU), no failure`);
  }, 60_000 + RUNS * 20);
});
